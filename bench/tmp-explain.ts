import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "@vanthu/db";
import { loadConfig, openContext, type AppContext } from "@vanthu/server";
import { searchDocuments } from "../packages/server/src/search/search-documents.ts";
const log: Array<{ text: string; values: unknown[]; ms: number }> = [];
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  const q = a[0] as { text?: string; values?: unknown[] } | string;
  const t = performance.now();
  const entry = { text: typeof q === "string" ? q : (q?.text ?? ""), values: (typeof q === "string" ? a[1] : q?.values) as unknown[] ?? [], ms: 0 };
  log.push(entry);
  const r = query.apply(this, a) as Promise<unknown>;
  if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).then(() => (entry.ms = performance.now() - t), () => {});
  return r;
} as typeof pg.Client.prototype.query;
const url = process.argv[2]!;
const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
const { ctx } = await openContext(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "x-")), LOG_LEVEL: "silent" }), { handle });
for (const q of process.argv.slice(3)) {
  for (let i = 0; i < 3; i++) {
    log.length = 0;
    const t = performance.now();
    const r = await searchDocuments(ctx as AppContext, null, { q, page: 1, pageSize: 20 } as never);
    const total = performance.now() - t;
    if (i < 2) continue;
    console.log(`\n== ${q}: ${total.toFixed(1)} ms, ${r.items.length} items, total ${r.total}`);
    for (const e of log) console.log(`  ${e.ms.toFixed(1).padStart(7)} ms  ${e.text.replace(/\s+/g, " ").slice(0, 140)}`);
    if (process.env.EXPLAIN) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query("BEGIN"); await c.query("SET LOCAL work_mem = '64MB'");
        for (const e of log.filter((e) => /^select "documents"."id"/.test(e.text))) {
          const p = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${e.text}`, e.values as unknown[]);
          console.log(p.rows.map((x: Record<string, string>) => "    " + x["QUERY PLAN"]).join("\n"));
        }
        await c.query("ROLLBACK");
      } finally { await c.end(); }
    }
  }
}
process.exit(0);
