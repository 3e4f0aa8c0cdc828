/**
 * The access rule over every route of the running app, on PGlite and PostgreSQL.
 *
 * A world is built (the demo world, plus: a directive issued to two recipient agencies, a
 * follow-on draft of each recipient, a draft of the issuer, a report with a file, an imported
 * document), with marker strings ("zzleak...") planted in every draft's subject and body, the
 * report and its file. The routes are collected from the app by Fastify's onRoute hook
 * (`TestApp.routes`); each is called by every actor (anonymous, a user of an unrelated agency,
 * each role of the issuing agency, users of both recipient agencies) with the parameters of its
 * fixture, and no response (JSON, HTML, Atom, PDF) may hold the id or a marker of an object that
 * actor may not see. Write routes are called only on other agencies' objects and must refuse
 * them with 401/403/404 and a stable code.
 *
 * The world and the oracle (what each agency may not see) are in access-world.ts.
 *
 * A route without a fixture fails the test, by name. To cover a new route, add ONE line to
 * FIXTURES, keyed "METHOD /url/:pattern" as Fastify registers it:
 *   "GET /api/things/:id": each("document"),                  // a read, once per world document
 *   "POST /api/things/:id/do": write("document", { a: 1 }),    // a write, other agencies' only
 *   "POST /api/things": once({ body: () => ({ name: "x" }) }), // no parameters
 *   "GET /api/things": query("?box=a", "?q=zzleak"),          // query strings
 * Kinds of objects: document, task, report, reportFile, documentFile, register, user, agency
 * (by code), agencyId (by id), importBatch.
 * HEAD twins of GET routes are left out (no body); the web build's static files are called once.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { draftFields, startTestApp, type Client, type Response, type TestApp } from "./helpers.ts";
import { buildWorld, forbiddenFor, type Kind } from "./access-world.ts";

interface Actor {
  name: string;
  username: string | null;
  agencyId: string | null;
  client: Client;
}
interface Fixture {
  kind?: Kind;
  /** Query strings, each called. */
  queries?: string[];
  body?: (a: Actor) => unknown;
  upload?: { name: string; bytes: Uint8Array };
  write?: boolean;
  /** Called with a session of its own (logout). */
  fresh?: boolean;
}

const each = (kind: Kind): Fixture => ({ kind });
const query = (...queries: string[]): Fixture => ({ queries });
const once = (f: Omit<Fixture, "kind"> = {}): Fixture => f;
const write = (kind: Kind, body?: unknown): Fixture => ({
  kind,
  write: true,
  ...(body === undefined ? {} : { body: () => body }),
});
const txt = (s: string) => new TextEncoder().encode(s);

const FIXTURES: Record<string, Fixture> = {
  "GET /api/health": once(),
  "GET /api/docs": once(),
  "POST /api/auth/login": once({
    body: (a) => ({ username: a.username ?? "khong-co.ai", password: a.username ? "demo" : "x" }),
  }),
  "POST /api/auth/logout": once({ fresh: true }),
  // A wrong current password: refused, and nobody's password changes under the other fixtures.
  "POST /api/auth/password": once({
    fresh: true,
    body: () => ({ currentPassword: "khong-phai-mat-khau", newPassword: "Thu-doi-mat-khau-2026" }),
  }),
  "GET /api/auth/me": once(),
  "GET /api/documents": query("?box=outgoing", "?box=incoming", "?box=drafts", "?q=zzleak"),
  "POST /api/documents": once({ body: () => draftFields({ subject: "thử quyền truy cập" }) }),
  "POST /api/documents/import": once({ upload: { name: "a.txt", bytes: txt("Kính gửi: Sở") } }),
  "POST /api/documents/preview": once({ body: () => draftFields() }),
  "GET /api/documents/:id/view": each("document"),
  "POST /api/documents/:id/publish": write("document", { public: true }),
  "GET /api/documents/:id": each("document"),
  "PATCH /api/documents/:id": write("document", { subject: "sửa của cơ quan khác" }),
  "DELETE /api/documents/:id": write("document"),
  "POST /api/documents/:id/issue": write("document", {}),
  "POST /api/documents/:id/register": write("document", {}),
  "GET /api/documents/:id/files/:name": each("documentFile"),
  "GET /api/documents/:id/delivery-plan": each("document"),
  "GET /api/documents/:id/deliveries": each("document"),
  "POST /api/documents/:id/return": write("document", { reason: "gửi nhầm cơ quan" }),
  "POST /api/documents/:id/progress": write("document", { status: "04" }),
  "GET /api/documents/:id/links": each("document"),
  "POST /api/documents/:id/follow-on": write("document"),
  "GET /api/documents/:id/chain": each("document"),
  "GET /api/documents/:id/task-plan": each("document"),
  "PUT /api/documents/:id/task-plan": write("document", { items: [], cycles: [], due: null }),
  "GET /api/tasks": once(),
  "PATCH /api/tasks/:id": write("task", { title: "đổi của cơ quan khác" }),
  "POST /api/tasks/:id/reports": write("task", { period: "x", figures: {}, narrative: "x" }),
  "POST /api/reports/:id/files": {
    ...write("report"),
    upload: { name: "b.txt", bytes: txt("x") },
  },
  "GET /api/reports/:id/files/:name": each("reportFile"),
  "GET /api/documents/:id/dashboard": each("document"),
  "POST /api/documents/:id/consolidated-report": write("document"),
  "GET /api/notifications": once(),
  "GET /api/my-work": once(),
  "POST /api/notifications/read": once({ body: () => ({}) }),
  "GET /api/search": query("?q=zzleak", "?q=zzleakf1s", "?q=zzleakxb", "?q=tuyên truyền"),
  "GET /api/registers": once(),
  "GET /api/registers/:id": each("register"),
  "GET /api/agencies": once(),
  "GET /api/admin/users": once(),
  "POST /api/admin/users": once({
    body: (a) => ({
      username: `thu.${a.name}`,
      fullName: "Người thử",
      password: "Thu-quyen-truy-cap-2026",
      roles: ["specialist"],
    }),
  }),
  "PATCH /api/admin/users/:id": write("user", { disabled: true }),
  "POST /api/admin/users/:id/password": write("user", { password: "Thu-dat-lai-mat-khau-2026" }),
  "GET /api/admin/units": once(),
  "POST /api/admin/units": once({
    body: (a) => ({ name: `Tổ thử ${a.name}`, abbreviation: "TT" }),
  }),
  "POST /api/admin/agencies": once({
    body: (a) => ({
      code: `thu-${a.name}`,
      name: `Cơ quan thử ${a.name}`,
      abbreviation: "CQT",
      kind: "other",
    }),
  }),
  "POST /api/admin/agencies/:id/rename": write("agencyId", {
    name: "Cơ quan đổi tên",
    reason: "thử quyền",
  }),
  "GET /api/agencies/:id/history": each("agencyId"),
  "POST /api/imports": once({ upload: { name: "c.txt", bytes: txt("Kính gửi: Sở") } }),
  "POST /api/imports/:id/files": {
    ...write("importBatch"),
    upload: { name: "d.txt", bytes: txt("Kính gửi: Sở") },
  },
  "GET /api/imports": once(),
  "GET /api/imports/:id": each("importBatch"),
  "GET /": query("", "?q=zzleak", "?q=tuyên truyền"),
  "GET /co-quan/:code": each("agency"),
  "GET /co-quan/:code/feed.atom": each("agency"),
  "GET /van-ban/:id": each("document"),
  "GET /van-ban/:id/ban-pdf": each("document"),
  "GET /feed.atom": once(),
  "GET /portal.js": once(),
  "GET /app": once(),
  "GET /app/": once(),
  "GET /app/*": query("", "van-ban/x"),
};
/** The web build's static files (one route each when it is built): the same for everyone. */
const STATIC = /^GET \/app\/.+\.[a-z0-9]+$/;

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const MARKERS = /zzleak[a-z0-9]+/g;

/** The forbidden strings a response holds, in its body (any type) or its headers. */
function leaksIn(res: Response, hidden: Set<string>): string[] {
  const text = (res.raw.toString("latin1") + JSON.stringify(res.headers)).toLowerCase();
  const found = new Set<string>();
  for (const m of text.matchAll(UUIDS)) if (hidden.has(m[0])) found.add(m[0]);
  for (const m of text.matchAll(MARKERS)) if (hidden.has(m[0])) found.add(m[0]);
  return [...found];
}

for (const kind of testDatabaseKinds()) {
  describe(`access over every route on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("every route x every actor: nothing of another agency's, drafts included", async (ctx) => {
      const world = await buildWorld(t);
      const actors: Actor[] = [
        { name: "anonymous", username: null, agencyId: null, client: t.anonymous() },
      ];
      const people: Array<[string, string]> = [
        ["ldld-bg.vanthu", world.ids.outsider],
        ...["vanthu", "chuyenvien", "lanhdao", "admin"].map(
          (r) => [`stttt-ls.${r}`, world.ids.so] as [string, string],
        ),
        ["baolangson.vanthu", world.ids.r1],
        ["baolangson.chuyenvien", world.ids.r1],
        ["ptth-ls.vanthu", world.ids.r2],
      ];
      for (const [username, agencyId] of people)
        actors.push({
          name: username.replace(".", "-"),
          username,
          agencyId,
          client: await t.login(username),
        });

      const keys = [
        ...new Set(t.routes.filter((r) => r.method !== "HEAD").map((r) => `${r.method} ${r.url}`)),
      ];
      const missing = keys.filter((k) => !FIXTURES[k] && !STATIC.test(k));
      const stale = Object.keys(FIXTURES).filter((k) => !keys.includes(k));
      assert.deepEqual(
        missing,
        [],
        `routes without an access fixture (add one line to FIXTURES): ${missing.join(", ")}`,
      );
      assert.deepEqual(stale, [], `fixtures of routes the app does not have: ${stale.join(", ")}`);

      let hiddenOf = await forbiddenFor(t, world.markers);
      const leaks: string[] = [];
      const writesThrough: string[] = [];
      let requests = 0;
      const call = async (a: Actor, method: string, url: string, f: Fixture) => {
        const client = f.fresh && a.username ? await t.login(a.username) : a.client;
        const res = f.upload
          ? await client.upload(url, f.upload.name, f.upload.bytes)
          : await client.request(method, url, f.body?.(a));
        requests++;
        for (const l of leaksIn(res, hiddenOf(a.agencyId)))
          leaks.push(`${a.name} ${method} ${url} -> ${res.status}: ${l}`);
        if (method !== "GET" && res.status < 300) hiddenOf = await forbiddenFor(t, world.markers);
        return res;
      };
      for (const key of keys) {
        const [method, pattern] = key.split(" ") as [string, string];
        if (STATIC.test(key)) {
          await call(actors[0]!, method, pattern, {});
          continue;
        }
        const f = FIXTURES[key]!;
        for (const a of actors) {
          if (!f.kind) {
            for (const q of f.queries ?? [""])
              await call(a, method, pattern.replace("*", "") + q, f);
            continue;
          }
          for (const target of world.targets[f.kind]) {
            if (f.write && a.agencyId && target.owners.includes(a.agencyId)) continue;
            const url = pattern.replace(/:(\w+)/g, (_, p: string) =>
              encodeURIComponent(target.params[p]!),
            );
            const res = await call(a, method, url, f);
            if (
              f.write &&
              !([401, 403, 404].includes(res.status) && typeof res.body?.error?.code === "string")
            )
              writesThrough.push(
                `${a.name} ${method} ${url} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
              );
          }
        }
      }
      ctx.diagnostic(
        `${keys.length} routes x ${actors.length} actors, ${requests} requests, ${leaks.length} leaks, ${writesThrough.length} writes not refused`,
      );
      assert.deepEqual(leaks, [], `${leaks.length} leaks`);
      assert.deepEqual(writesThrough, [], "writes on other agencies' objects must be refused");
    });
  });
}
