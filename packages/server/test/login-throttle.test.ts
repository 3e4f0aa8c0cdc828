/**
 * Login throttling (issue 12, items 4 and 5): attempts are reserved atomically before the
 * password is checked, hard limits per account + address and per address, only a delay per
 * account, X-Forwarded-* believed only from configured proxies, the Secure cookie behind TLS,
 * and the purge of old attempts. Both databases.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { testDatabaseKinds } from "@vanthu/db";
import { buildApp } from "@vanthu/server";
import { startTestApp, type TestApp } from "./helpers.ts";
import {
  THROTTLE,
  accountDelayMs,
  purgeLoginRecords,
  reserveAttempt,
} from "../src/auth/login-throttle.ts";
import { PURGE_LOGINS, runDueJobs, scheduleRecurring } from "../src/followup/jobs.ts";

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

for (const kind of testDatabaseKinds()) {
  describe(`login throttling on ${kind}`, () => {
    let t: TestApp;
    const waits: number[] = [];
    before(async () => {
      t = await startTestApp(kind);
      // The account's delay is recorded instead of slept (the clock stays: parallel attempts
      // would otherwise move it past the window between them).
      t.ctx.sleep = async (ms) => {
        waits.push(ms);
      };
    });
    after(() => t.close());

    const attempt = (
      username: string,
      password: string,
      ip: string,
      headers: Record<string, string> = {},
      app = t.app,
    ) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: ip,
        headers,
        payload: { username, password },
      });
    /** `work` on the same app behind a trusted proxy at 10.0.0.1 (TRUST_PROXY). */
    async function behindProxy(work: (app: TestApp["app"]) => Promise<void>) {
      const proxied = await buildApp(
        { ...t.ctx, config: { ...t.ctx.config, trustProxy: ["10.0.0.1"] } },
        { logger: false },
      );
      await proxied.app.ready();
      try {
        await work(proxied.app);
      } finally {
        await proxied.app.close();
      }
    }
    /** Passwords actually checked: each leaves one row in login_attempts. */
    const checked = async (where: { username?: string; ip?: string }) => {
      let q = t.ctx.db
        .selectFrom("login_attempts")
        .select((eb) => eb.fn.countAll<number>().as("n"));
      if (where.username) q = q.where("username", "=", where.username);
      if (where.ip) q = q.where("ip", "=", where.ip);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };

    test("40 parallel wrong passwords from one address: at most the limit are checked", async () => {
      const user = "stttt-ls.vanthu";
      const res = await Promise.all(
        Array.from({ length: 40 }, () => attempt(user, "wrong-password", "203.0.113.7")),
      );
      const statuses = res.map((r) => r.statusCode);
      assert.equal(statuses.filter((s) => s === 401).length, THROTTLE.perPair, statuses.join());
      assert.equal(statuses.filter((s) => s === 429).length, 40 - THROTTLE.perPair);
      assert.equal(await checked({ username: user }), THROTTLE.perPair);
      const refused = res.find((r) => r.statusCode === 429)!;
      assert.equal(refused.json().error.code, "TOO_MANY_ATTEMPTS");
      const retry = Number(refused.headers["retry-after"]);
      assert.ok(retry > 0 && retry <= THROTTLE.windowMinutes * 60, `Retry-After ${retry}`);
      // The right password from the same address is refused too until the window ends...
      assert.equal((await attempt(user, "demo", "203.0.113.7")).statusCode, 429);
      // ...but the owner, elsewhere, signs in at once.
      assert.equal((await attempt(user, "demo", "198.51.100.1")).statusCode, 200);
    });

    test("20 right passwords at once from one address all sign in (concurrency.test's clients)", async () => {
      const res = await Promise.all(
        Array.from({ length: 20 }, () => attempt("ptth-ls.vanthu", "demo", "203.0.113.20")),
      );
      assert.deepEqual(
        res.map((r) => r.statusCode),
        Array.from({ length: 20 }, () => 200),
      );
    });

    test("the reservation itself is atomic across processes: 40 at once, the limit granted", async () => {
      // login() serializes a pair within a process; other processes reach the database at the
      // same time, which this stands for.
      const got = await Promise.allSettled(
        Array.from({ length: 40 }, () => reserveAttempt(t.ctx, "ptth-ls.lanhdao", "203.0.113.21")),
      );
      assert.equal(got.filter((g) => g.status === "fulfilled").length, THROTTLE.perPair);
    });

    test("40 parallel attempts on 40 accounts from one address: at most the per-address limit", async () => {
      const ip = "203.0.113.8";
      const res = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(`nobody.${i}`, "wrong-password", ip)),
      );
      assert.equal(res.filter((r) => r.statusCode === 401).length, THROTTLE.perAddress);
      assert.equal(await checked({ ip }), THROTTLE.perAddress);
      assert.equal((await attempt("stttt-ls.admin", "demo", ip)).statusCode, 429);
    });

    test("an attacker failing from many addresses slows the owner by at most the delay, never locks them out", async () => {
      const user = "stttt-ls.lanhdao";
      waits.length = 0;
      // 10 addresses, each past its limit, in parallel.
      await Promise.all(
        Array.from({ length: 10 }, (_, a) =>
          Promise.all(
            Array.from({ length: 6 }, () => attempt(user, "guess-guess", `192.0.2.${a + 1}`)),
          ),
        ),
      );
      assert.ok((await checked({ username: user })) <= 10 * THROTTLE.perPair);
      assert.ok(Math.max(...waits) <= THROTTLE.maxDelayMs);
      waits.length = 0;
      const owner = await attempt(user, "demo", "198.51.100.2");
      assert.equal(owner.statusCode, 200, owner.body);
      assert.equal(waits.length, 1, "the owner waited the account's delay");
      assert.ok(waits[0]! > 0 && waits[0]! <= THROTTLE.maxDelayMs, `waited ${waits[0]}`);
    });

    test("the delay grows per account and stops at 30 s", () => {
      const table: Array<[number, number]> = [
        [0, 0],
        [THROTTLE.perAccountFree - 1, 0],
        [THROTTLE.perAccountFree, 1000],
        [THROTTLE.perAccountFree + 3, 8000],
        [THROTTLE.perAccountFree + 5, 30_000],
        [10_000, 30_000],
      ];
      for (const [failures, ms] of table) assert.equal(accountDelayMs(failures), ms, `${failures}`);
    });

    test("a success resets the account + address pair; the window ends", async () => {
      const user = "stttt-ls.chuyenvien";
      const ip = "203.0.113.20";
      for (let i = 0; i < THROTTLE.perPair - 1; i++)
        assert.equal((await attempt(user, "nope-nope", ip)).statusCode, 401);
      assert.equal((await attempt(user, "demo", ip)).statusCode, 200);
      for (let i = 0; i < THROTTLE.perPair - 1; i++)
        assert.equal((await attempt(user, "nope-nope", ip)).statusCode, 401, `after reset ${i}`);
      assert.equal((await attempt(user, "nope-nope", ip)).statusCode, 401);
      assert.equal((await attempt(user, "demo", ip)).statusCode, 429);
      t.clock.advance(THROTTLE.windowMinutes * 60_000 + 1000);
      assert.equal((await attempt(user, "demo", ip)).statusCode, 200);
    });

    test("X-Forwarded-For is believed only from a configured proxy", async () => {
      await behindProxy(async (proxied) => {
        const cases = [
          { peer: "10.0.0.9", forwarded: "198.51.100.50", seen: "10.0.0.9" },
          { peer: "10.0.0.1", forwarded: "198.51.100.51", seen: "198.51.100.51" },
          { peer: "127.0.0.1", forwarded: "198.51.100.52", seen: "127.0.0.1" },
        ];
        for (const c of cases) {
          const forwarded = { "x-forwarded-for": c.forwarded };
          const res = await attempt(`probe.${c.peer}`, "x", c.peer, forwarded, proxied);
          assert.equal(res.statusCode, 401);
          const row = await t.ctx.db
            .selectFrom("login_attempts")
            .select("ip")
            .where("username", "=", `probe.${c.peer}`)
            .executeTakeFirstOrThrow();
          assert.equal(row.ip, c.seen, JSON.stringify(c));
        }
        // Behind the proxy, one client's failures do not lock out the others.
        const spray = { "x-forwarded-for": "198.51.100.60" };
        for (let i = 0; i < THROTTLE.perAddress + 2; i++)
          await attempt(`spray.${i}`, "x", "10.0.0.1", spray, proxied);
        const client = { "x-forwarded-for": "198.51.100.61" };
        const other = await attempt("stttt-ls.admin", "demo", "10.0.0.1", client, proxied);
        assert.equal(other.statusCode, 200);
      });
    });

    test("the session cookie is Secure over TLS and behind a trusted TLS proxy, not otherwise", async () => {
      await behindProxy(async (proxied) => {
        const cases: Array<{
          name: string;
          peer: string;
          headers: Record<string, string>;
          secure: boolean;
        }> = [
          { name: "plain http", peer: "10.0.0.1", headers: {}, secure: false },
          {
            name: "trusted proxy, https",
            peer: "10.0.0.1",
            headers: { "x-forwarded-proto": "https" },
            secure: true,
          },
          {
            name: "untrusted peer claiming https",
            peer: "10.0.0.2",
            headers: { "x-forwarded-proto": "https" },
            secure: false,
          },
        ];
        for (const c of cases) {
          const res = await attempt("stttt-ls.admin", "demo", c.peer, c.headers, proxied);
          assert.equal(res.statusCode, 200, c.name);
          assert.equal(/;\s*Secure/i.test(String(res.headers["set-cookie"])), c.secure, c.name);
        }
        // TLS on the socket itself.
        const server = createServer(
          { key: fixture("localhost-key.pem"), cert: fixture("localhost-cert.pem") },
          (req, res) => proxied.routing(req, res),
        );
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        try {
          const { port } = server.address() as AddressInfo;
          const cookie = await new Promise<string>((resolve, reject) => {
            const req = httpsRequest(
              {
                host: "127.0.0.1",
                port,
                path: "/api/auth/login",
                method: "POST",
                ca: fixture("localhost-cert.pem"),
                servername: "localhost",
                headers: { "content-type": "application/json" },
              },
              (res) => {
                res.resume();
                res.on("end", () => resolve(String(res.headers["set-cookie"])));
              },
            );
            req.on("error", reject);
            req.end(JSON.stringify({ username: "stttt-ls.admin", password: "demo" }));
          });
          assert.match(cookie, /;\s*Secure/i);
        } finally {
          await new Promise((r) => server.close(r));
        }
      });
    });

    test("old attempts are purged by the recurring job; counters of ended windows too", async () => {
      const now = t.clock.now;
      await sql`INSERT INTO login_attempts (username, ip, succeeded, at)
        SELECT 'old.' || g, '10.9.9.9', false, ${now}::timestamptz - interval '40 days'
        FROM generate_series(1, 1000) g`.execute(t.ctx.db);
      const before = await checked({ ip: "10.9.9.9" });
      assert.equal(before, 1000);
      await scheduleRecurring(t.ctx);
      const job = await t.ctx.db
        .selectFrom("jobs")
        .select("id")
        .where("kind", "=", PURGE_LOGINS)
        .where("done_at", "is", null)
        .executeTakeFirst();
      assert.ok(job, "the purge is scheduled");
      await runDueJobs(t.ctx, "test");
      assert.equal(await checked({ ip: "10.9.9.9" }), 0);
      assert.ok((await checked({})) > 0, "recent attempts are kept");
      t.clock.advance(THROTTLE.windowMinutes * 60_000 + 1000);
      await purgeLoginRecords(t.ctx);
      const counters = await t.ctx.db
        .selectFrom("login_counters")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(counters.n), 0);
    });
  });
}
