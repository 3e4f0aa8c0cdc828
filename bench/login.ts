/**
 * Login latency with a large `login_attempts` table: ~2 M old attempt rows (many names and
 * addresses, spread over 60 days), then p50/p95 of sign-ins (wrong and right passwords) through
 * the API in process, on PGlite and (with TEST_DATABASE_URL or BENCH_DATABASE_URL) PostgreSQL;
 * then the same after the purge (records older than 30 days: half of them here). Each sign-in
 * comes from its own address and the clock moves a minute between them, so none is throttled.
 *
 *   npm run bench:login [-- --rows N --runs N --postgres-only]
 */
import { sql } from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase, type DatabaseKind } from "@vanthu/db";
import { buildApp, loadConfig, openContext, seedDemoWorld } from "@vanthu/server";
import { purgeLoginRecords } from "../packages/server/src/auth/login-throttle.ts";
import { args, numberOption, quantile } from "./options.ts";

const rows = numberOption("--rows", 2_000_000);
const runs = numberOption("--runs", 40);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const kinds: DatabaseKind[] = args.includes("--postgres-only")
  ? ["postgres"]
  : process.env.TEST_DATABASE_URL
    ? ["pglite", "postgres"]
    : ["pglite"];

for (const kind of kinds) {
  const handle = await openTestDatabase(kind);
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-"));
  const now = new Date("2026-11-20T09:00:00+07:00");
  let clock = now.getTime();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const { ctx } = await openContext(config, { handle, now: () => new Date(clock) });
  await seedDemoWorld(ctx);
  const { app } = await buildApp(ctx, { logger: false });
  await app.ready();
  const t0 = performance.now();
  // Old failures of 5,000 names from 50,000 addresses over the last 60 days.
  for (let done = 0; done < rows; done += 200_000)
    await sql`INSERT INTO login_attempts (username, ip, succeeded, at)
      SELECT 'user' || (g % 5000), '10.' || (g % 200) || '.' || (g / 200 % 250) || '.1',
             (g % 7 = 0), ${now}::timestamptz - (g % 86400) * interval '60 seconds'
      FROM generate_series(${done}::int, ${Math.min(done + 200_000, rows) - 1}::int) g`.execute(
      ctx.db,
    );
  await sql`ANALYZE login_attempts`.execute(ctx.db);
  const seeded = ((performance.now() - t0) / 1000).toFixed(1);

  const measure = async () => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      clock += 60_000;
      const wrong = i % 2 === 0;
      const s = performance.now();
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: `192.168.${i % 250}.1`,
        payload: {
          username: wrong ? `user${i}` : "stttt-ls.vanthu",
          password: wrong ? "x" : "demo",
        },
      });
      times.push(performance.now() - s);
      if (res.statusCode !== (wrong ? 401 : 200))
        throw new Error(`login ${res.statusCode} ${res.body}`);
    }
    return `p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`;
  };
  const count = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM login_attempts`.execute(ctx.db)).rows[0]!
        .n,
    );
  console.log(`${kind}: ${await count()} attempt rows (seeded in ${seeded} s): ${await measure()}`);
  if (rows) {
    const p0 = performance.now();
    await purgeLoginRecords(ctx);
    const took = ((performance.now() - p0) / 1000).toFixed(1);
    console.log(`${kind}: after the purge (${took} s): ${await count()} rows: ${await measure()}`);
  }
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
