/**
 * Real use (DEMO=0) on an empty database: no demo account, exactly one installation admin, whose
 * password comes from ADMIN_PASSWORD or is generated and printed once; the next start prints
 * nothing of it. Through startServer, the function `vanthu serve` runs.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from "@vanthu/db";
import { ConfigError, loadConfig, startServer } from "@vanthu/server";

for (const kind of testDatabaseKinds()) {
  describe(`first start of a real installation on ${kind}`, () => {
    let dataDir: string;
    // PostgreSQL: a fresh database per test; only its URL is used (the server opens its own pool).
    let pg: TestDatabase | null = null;
    const opened: TestDatabase[] = [];
    after(async () => {
      for (const db of opened) await db.close();
    });

    const start = async (env: Record<string, string>) => {
      const lines: string[] = [];
      const config = loadConfig({
        DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        DEMO: "0",
        ...(pg ? { DATABASE_URL: pg.url! } : {}),
        ...env,
      });
      const server = await startServer(config, { print: (l) => lines.push(l), logger: false });
      return { server, lines };
    };
    const login = async (url: string, username: string, password: string) =>
      (
        await fetch(`${url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username, password }),
        })
      ).status;
    const reset = async () => {
      dataDir = mkdtempSync(join(tmpdir(), "vanthu-first-"));
      if (kind === "postgres") {
        pg = await openTestDatabase("postgres");
        opened.push(pg);
      }
    };

    test("a generated password, printed once; no demo accounts; the second start prints nothing", async () => {
      await reset();
      const first = await start({});
      let password: string;
      try {
        const shown = first.lines.filter((l) => /Installation admin/.test(l));
        assert.equal(shown.length, 1, first.lines.join("\n"));
        const m = /user "admin", password "([A-Za-z0-9_-]{20})"/.exec(shown[0]!);
        assert.ok(m, shown[0]);
        password = m[1]!;
        assert.ok(!first.lines.some((l) => /demo/i.test(l)), "no demo logins printed");
        const db = first.server.ctx.db;
        const users = await db.selectFrom("users").select(["username", "roles"]).execute();
        assert.deepEqual(users, [{ username: "admin", roles: ["installer"] }]);
        const agencies = await db.selectFrom("agencies").select("kind").execute();
        assert.deepEqual(agencies, [{ kind: "installation" }]);
        assert.equal(await db.selectFrom("documents").select("id").executeTakeFirst(), undefined);
        // Stored hashed only; not in the audit trail.
        const clear = await db
          .selectFrom("audit_events")
          .select("id")
          .where(sql<boolean>`coalesce("after"::text, '') LIKE ${"%" + password + "%"}`)
          .execute();
        assert.equal(clear.length, 0);
        const row = await db.selectFrom("users").select("password_hash").executeTakeFirstOrThrow();
        assert.ok(!row.password_hash.includes(password));
        assert.equal(await login(first.server.url, "admin", password), 200);
        assert.equal(await login(first.server.url, "stttt-ls.vanthu", "demo"), 401);
      } finally {
        await first.server.close();
      }
      const second = await start({});
      try {
        assert.ok(
          !second.lines.some((l) => /Installation admin|password/i.test(l)),
          second.lines.join("\n"),
        );
        assert.ok(!second.lines.join("\n").includes(password));
        const n = await second.server.ctx.db
          .selectFrom("users")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        assert.equal(Number(n.n), 1);
        assert.equal(await login(second.server.url, "admin", password), 200);
      } finally {
        await second.server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    test("ADMIN_PASSWORD is taken on first start, and checked", async () => {
      await reset();
      await assert.rejects(start({ ADMIN_PASSWORD: "ngan" }), (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.problems.join(), /ADMIN_PASSWORD: .*ít nhất 10 ký tự/);
        return true;
      });
      const { server, lines } = await start({ ADMIN_PASSWORD: "mot-mat-khau-dai" });
      try {
        assert.deepEqual(
          lines.filter((l) => /Installation admin/.test(l)),
          ['Installation admin created: user "admin", password from ADMIN_PASSWORD'],
        );
        assert.ok(!lines.join("\n").includes("mot-mat-khau-dai"));
        assert.equal(await login(server.url, "admin", "mot-mat-khau-dai"), 200);
      } finally {
        await server.close();
      }
      // A later start with another ADMIN_PASSWORD changes nothing.
      const again = await start({ ADMIN_PASSWORD: "mat-khau-khac-han" });
      try {
        assert.equal(await login(again.server.url, "admin", "mat-khau-khac-han"), 401);
        assert.equal(await login(again.server.url, "admin", "mot-mat-khau-dai"), 200);
      } finally {
        await again.server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
