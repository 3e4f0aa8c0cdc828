/**
 * The sender killed with SIGKILL in the middle of a send (issue 17): a real `vanthu serve` on
 * PostgreSQL sends a package through a proxy in front of the receiver; the proxy hands the
 * package to the receiver, then holds the answer while the test kills the sender. After a
 * restart the package is taken again once its lease runs out, sent again under the same message
 * id, and the receiver, which has it already, keeps one record. PostgreSQL only: a process killed
 * while PGlite writes is another question (its data directory), not the outbox's.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { testDatabaseKinds } from "@vanthu/db";
import { approveAndIssue, draftFields, startTestApp, type TestApp } from "./helpers.ts";
import { B_NAME, connectInstallations, listen } from "./exchange-fixture.ts";

const BIN = fileURLToPath(new URL("../../cli/bin/vanthu.js", import.meta.url));
const postgres = testDatabaseKinds().includes("postgres");

function serve(a: TestApp): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
    env: {
      ...process.env,
      DATABASE_URL: a.db.url!,
      DATA_DIR: a.dataDir,
      DEMO: "0",
      LOG_LEVEL: "warn",
      EXCHANGE_EVERY_SECONDS: "0.5",
      EXCHANGE_LEASE_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (/listening on http/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!/listening on http/.test(out)) reject(new Error(`exited ${code ?? signal}:\n${out}`));
    });
  });
}

const until = async (what: string, check: () => Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

test(
  "a sender killed with SIGKILL mid-send delivers the package exactly once after restart",
  { skip: postgres ? false : "needs PostgreSQL (TEST_DATABASE_URL) for the killed sender" },
  async (t) => {
    const a = await startTestApp("postgres");
    const b = await startTestApp("pglite");
    let child: ChildProcess | null = null;
    let proxy: Server | null = null;
    t.after(async () => {
      child?.kill("SIGKILL");
      proxy?.close();
      await a.close();
      await b.close();
    });
    const bUrl = await listen(b);
    // The proxy passes each delivery on to B; the first answer it holds back, for ever.
    let passed = 0;
    let forwarded: () => void = () => {};
    const firstForwarded = new Promise<void>((r) => (forwarded = r));
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        void (async () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).filter(
              ([k, v]) => typeof v === "string" && !["host", "content-length"].includes(k),
            ),
          ) as Record<string, string>;
          const answer = await fetch(`${bUrl}/api/exchange/inbox`, {
            method: "POST",
            headers,
            body: Buffer.concat(chunks),
          });
          const body = await answer.text();
          passed++;
          if (passed === 1) {
            forwarded();
            return; // the sender dies waiting
          }
          res.writeHead(answer.status, { "content-type": "application/json" }).end(body);
        })();
      });
    });
    await new Promise<void>((r) => proxy!.listen(0, "127.0.0.1", () => r()));
    const port = (proxy.address() as { port: number }).port;
    await connectInstallations(a, b, {
      aInbox: "http://127.0.0.1:9/api/exchange/inbox",
      bInbox: `http://127.0.0.1:${port}/api/exchange/inbox`,
    });

    // Issued in the test's own app (which sends nothing): the package waits in the outbox.
    const clerk = await a.login("stttt-ls.vanthu");
    const d = await clerk.post(
      "/api/documents",
      draftFields({ subject: "gửi khi máy gửi bị dừng đột ngột", addressees: [B_NAME] }),
    );
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const issued = await approveAndIssue(a, clerk, d.body.id);
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    const message = () =>
      a.ctx.db
        .selectFrom("exchange_messages")
        .selectAll()
        .where("document_id", "=", d.body.id)
        .where("direction", "=", "out")
        .executeTakeFirstOrThrow();
    assert.equal((await message()).state, "pending");

    // The server sends; the receiver has the package; the sender is killed before the answer.
    child = await serve(a);
    await firstForwarded;
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    const taken = await message();
    assert.equal(taken.state, "pending");
    assert.ok(taken.locked_by, "the killed process still holds it");
    const records = () =>
      b.ctx.db
        .selectFrom("documents")
        .select("id")
        .where("reference", "=", issued.body.reference)
        .execute();
    assert.equal((await records()).length, 1, "the receiver stored it once");

    // Restarted: after the lease the package goes again, under the same message id.
    child = await serve(a);
    await until("the package sent", async () => (await message()).state === "sent");
    const sent = await message();
    assert.equal(sent.message_id, taken.message_id);
    assert.ok(sent.attempts >= 2, `attempts ${sent.attempts}`);
    assert.equal(passed, 2);
    assert.equal((await records()).length, 1, "one record after the second delivery");
    const received = await b.ctx.db
      .selectFrom("exchange_messages")
      .select("id")
      .where("direction", "=", "in")
      .where("message_id", "=", taken.message_id)
      .execute();
    assert.equal(received.length, 1);
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
    child = null;
  },
);
