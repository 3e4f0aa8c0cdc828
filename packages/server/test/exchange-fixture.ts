/**
 * Two installations connected for the exchange tests: B's agency (stttt-hd) takes an identifier A
 * does not host, A lists it in its directory, and each has the other as an HTTP peer with one
 * shared secret. B's copy of A's Sở gives up A's identifier (it is A's).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { TestApp } from "./helpers.ts";

export const B_ORGAN = "000.99.01.H99";
export const B_NAME = "Sở Văn hóa và Thể thao tỉnh Nghệ An";
export const A_ORGAN = "000.00.21.H37";

export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  assert.ok(address && typeof address === "object");
  return `http://127.0.0.1:${address.port}`;
}

/** Connects A to B's inbox (or `bInbox`, a proxy in front of it) and B to A's (`aInbox`). */
export async function connectInstallations(
  a: TestApp,
  b: TestApp,
  inboxes: { aInbox: string; bInbox: string },
): Promise<{ secret: string; bAgencyId: string }> {
  const secret = randomBytes(24).toString("hex");
  const bInstaller = await b.login("admin");
  const hd = (await bInstaller.get("/api/agencies")).body.items.find(
    (x: { code: string }) => x.code === "stttt-hd",
  );
  await b.ctx.db
    .updateTable("agencies")
    .set({ organ_id: null })
    .where("organ_id", "=", A_ORGAN)
    .execute();
  const ok = (r: { status: number; body: unknown }) =>
    assert.equal(r.status, 200, JSON.stringify(r.body));
  ok(
    await bInstaller.request("PUT", `/api/admin/agencies/${hd.id}/exchange`, { organId: B_ORGAN }),
  );
  ok(
    await bInstaller.request("PUT", `/api/admin/exchange/peers/${A_ORGAN}`, {
      transport: "http",
      address: inboxes.aInbox,
      secret,
    }),
  );
  const aInstaller = await a.login("admin");
  ok(await aInstaller.request("PUT", `/api/admin/directory/${B_ORGAN}`, { name: B_NAME }));
  const peer = await aInstaller.request("PUT", `/api/admin/exchange/peers/${B_ORGAN}`, {
    transport: "http",
    address: inboxes.bInbox,
    secret,
  });
  ok(peer);
  assert.equal(peer.body.hasSecret, true);
  assert.equal(peer.body.name, B_NAME);
  return { secret, bAgencyId: hd.id };
}
