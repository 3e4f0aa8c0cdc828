/**
 * Search latency as the archive grows: p50/p95 of a query set (words, phrases, references, bare
 * numbers and parts of references, filters) through searchDocuments (the API's search, in
 * process) at 100k, 300k and 1M generated documents (up to --documents) on PostgreSQL, and on
 * PGlite up to --pglite-documents (100k). Beside each: the true hit count and the top 20 of an
 * exhaustive ordering of every match (their overlap with the answer), a plain ILIKE scan on the
 * same words as written (run once: its time over the index's p50 is the ratio; past 100k on the
 * table's first 100k documents, scaled, unless --ilike-full), table and index
 * sizes. Documents come from bench/search-corpus.ts (the shapes and vocabulary of the dev
 * corpus, bodies of real sizes). On PostgreSQL each size is a database made once and reused
 * (bench/search-dataset.ts); a size the free disk cannot hold is said and skipped.
 *
 *   npm run bench:search [-- --documents N --runs N --postgres-only --pglite-documents N --grow --from N]
 *
 * --from N: sizes below N are not measured (a grown data set holds more than they need).
 *
 * --grow: one database grown in place from size to size (1M documents generated for the whole
 * curve instead of 1.4M; at 76-110 documents/s on two cores, 2-3 h), for a fresh machine.
 *   BENCH_DATABASE_URL=postgres://…/base: data sets in base_100k, base_300k, base_1m
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { openTestDatabase, type Database, type DatabaseHandle } from "@vanthu/db";
import { loadConfig, openContext, type AppContext } from "@vanthu/server";
import { insertAgency } from "../packages/server/src/agencies/create-agency.ts";
import {
  headMatch,
  parseQuery,
  searchDocuments,
} from "../packages/server/src/search/search-documents.ts";
import { args, numberOption, quantile, root } from "./options.ts";
import { generator, learn, seeded } from "./search-corpus.ts";
import { bytesPerDocument, dataset, freeBytes, grownDataset, label } from "./search-dataset.ts";

const total = numberOption("--documents", 100_000);
const runs = numberOption("--runs", 20);
const pgliteMax = numberOption("--pglite-documents", Math.min(total, 100_000));
const material = learn(join(root, "../shared/corpus/dev"));
/** The smallest size measured: a grown data set cannot go back below its size. */
const from = numberOption("--from", 0);
const curve = (max: number) =>
  [...new Set([100_000, 300_000, 1_000_000, max])].filter((n) => n <= max && n >= from);

interface Query {
  kind: "words" | "phrase" | "reference" | "number" | "part" | "filter";
  q: string;
  filters?: Record<string, string>;
  /** The same search as ILIKE patterns, as the words are written in the documents. */
  like: string[];
  /** ILIKE on the reference only. */
  onReference?: boolean;
}

async function querySet(db: Kysely<Database>): Promise<Query[]> {
  const some = await sql<{ reference: string; number: string; type_code: string }>`
    SELECT reference, number, type_code FROM documents
    WHERE type_code <> 'CV' ORDER BY created_at OFFSET 1000 LIMIT 1`.execute(db);
  const r = some.rows[0]!;
  const [, code, abbr] = /^\d+\/(\p{L}+)-(\p{L}+)$/u.exec(r.reference) ?? [];
  return [
    { kind: "words", q: "tuyen truyen", like: ["tuyên truyền"] },
    { kind: "words", q: "chuyen doi so", like: ["chuyển đổi số"] },
    { kind: "words", q: "báo cáo kết quả thực hiện", like: ["báo cáo", "kết quả", "thực hiện"] },
    { kind: "words", q: "an toan thong tin", like: ["an toàn thông tin"] },
    { kind: "words", q: "cải cách hành chính", like: ["cải cách hành chính"] },
    { kind: "phrase", q: '"thiên tai"', like: ["thiên tai"] },
    { kind: "phrase", q: '"người có công"', like: ["người có công"] },
    {
      kind: "reference",
      q: r.reference.replace(/[/-]/g, " "),
      like: [r.reference],
      onReference: true,
    },
    { kind: "number", q: r.number, like: [`${r.number}/`], onReference: true },
    { kind: "part", q: `${r.number}/${code}`, like: [`${r.number}/${code}`], onReference: true },
    {
      kind: "part",
      q: `${code}-${abbr}`,
      like: [`${code}-${abbr}`],
      onReference: true,
    },
    { kind: "filter", q: "ke hoach", filters: { type: "KH", year: "2025" }, like: ["kế hoạch"] },
    { kind: "filter", q: "tuyen truyen", filters: { year: "2024" }, like: ["tuyên truyền"] },
  ];
}

/** Every match in the search's order, without its shortcuts: the true count and top 20. */
async function exhaustive(db: Kysely<Database>, x: Query) {
  const parts = parseQuery(x.q);
  const { words, unquoted, phrases } = parts;
  const conds = [sql`is_public`];
  if (unquoted || !phrases.length)
    conds.push(sql`search @@ websearch_to_tsquery('vn', ${unquoted || words})`);
  for (const p of phrases) conds.push(sql`exact @@ phraseto_tsquery('simple', vn_lower(${p}))`);
  if (x.filters?.type) conds.push(sql`type_code = ${x.filters.type}`);
  if (x.filters?.year)
    conds.push(
      sql`document_date BETWEEN ${`${x.filters.year}-01-01`} AND ${`${x.filters.year}-12-31`}`,
    );
  const r = await sql<{ id: string; n: number }>`
    WITH m AS MATERIALIZED (
      SELECT id, ${headMatch(parts)} AS h, document_date, created_at
      FROM documents WHERE ${sql.join(conds, sql` AND `)})
    SELECT id, (SELECT count(*) FROM m)::int AS n FROM m
    ORDER BY h DESC, document_date DESC NULLS LAST, created_at DESC LIMIT 20`.execute(db);
  return { ids: r.rows.map((x) => x.id), hits: r.rows[0]?.n ?? 0 };
}

/**
 * Past this many documents the ILIKE baseline scans the first pages of the table holding about
 * this many documents (a TID range: contiguous, read as a whole scan reads them), and its time
 * and hits are scaled to the whole: a full scan of 1M real-sized bodies takes minutes a query
 * (about 20-60 s at 100k on two cores). A random sample (TABLESAMPLE) read its pages at random and
 * made the scaled time twice what it is. --ilike-full scans everything at every size.
 */
const ILIKE_SAMPLE = 100_000;
const ilikeFull = args.includes("--ilike-full");

async function ilike(db: Kysely<Database>, x: Query, n: number) {
  const conds = x.like.map((w) =>
    x.onReference
      ? sql`reference ILIKE ${`%${w}%`}`
      : sql`(subject ILIKE ${`%${w}%`} OR body ILIKE ${`%${w}%`})`,
  );
  if (x.filters?.type) conds.push(sql`type_code = ${x.filters.type}`);
  if (x.filters?.year)
    conds.push(
      sql`document_date BETWEEN ${`${x.filters.year}-01-01`} AND ${`${x.filters.year}-12-31`}`,
    );
  const sampled = !ilikeFull && n > ILIKE_SAMPLE;
  let within = sql`true`;
  if (sampled) {
    const c = await sql<{ pages: number; rows: number }>`SELECT relpages AS pages,
      reltuples::float8 AS rows FROM pg_class WHERE oid = 'documents'::regclass`.execute(db);
    const pages = Math.ceil((c.rows[0]!.pages * ILIKE_SAMPLE) / Math.max(1, c.rows[0]!.rows));
    within = sql`ctid < ${`(${pages},0)`}::tid`;
  }
  const t = performance.now();
  const r = await sql<{ n: number; rows: number }>`SELECT
      count(*) FILTER (WHERE ${sql.join(conds, sql` AND `)})::int AS n, count(*)::int AS rows
    FROM documents WHERE is_public AND ${within}`.execute(db);
  const ms = performance.now() - t;
  const scale = sampled ? n / Math.max(1, r.rows[0]!.rows) : 1;
  return { ms: ms * scale, hits: Math.round(r.rows[0]!.n * scale), sampled };
}

interface Point {
  n: number;
  p50: number;
  p95: number;
  kinds: Map<string, number[]>;
  ilikeRatio: number;
  overlap: number;
  sizes: string;
}

async function measure(kind: string, handle: DatabaseHandle, n: number): Promise<Point> {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-search-"));
  try {
    const { ctx } = await openContext(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), {
      handle,
    });
    const queries = await querySet(ctx.db);
    console.log(`\n${kind}, ${label(n)} documents`);
    console.log(
      "  query                              kind        p50      p95   hits(true)  ILIKE ms  ILIKE hits  top-20 overlap",
    );
    const all: number[] = [];
    const kinds = new Map<string, number[]>();
    let ilikeTotal = 0;
    let ilikeSampled = false;
    let p50Total = 0;
    let overlapSum = 0;
    for (const x of queries) {
      const times: number[] = [];
      let ids: string[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        const res = await searchDocuments(ctx as AppContext, null, {
          q: x.q,
          page: 1,
          pageSize: 20,
          ...(x.filters ?? {}),
        } as never);
        times.push(performance.now() - t);
        ids = res.items.map((i) => i.id);
        if (res.match) ids = [res.match.id];
      }
      const ex = await exhaustive(ctx.db, x);
      const expected = x.kind === "reference" ? ex.ids.slice(0, ids.length) : ex.ids;
      const overlap = expected.length
        ? expected.filter((id) => ids.includes(id)).length / expected.length
        : ids.length
          ? 0
          : 1;
      overlapSum += overlap;
      const scan = await ilike(ctx.db, x, n);
      ilikeSampled ||= scan.sampled;
      ilikeTotal += scan.ms;
      p50Total += quantile(times, 0.5);
      all.push(...times);
      kinds.set(x.kind, [...(kinds.get(x.kind) ?? []), ...times]);
      const f = (v: number, w = 8) => v.toFixed(1).padStart(w);
      const name = x.q + (x.filters ? ` ${JSON.stringify(x.filters)}` : "");
      console.log(
        `  ${name.slice(0, 34).padEnd(34)} ${x.kind.padEnd(9)} ${f(quantile(times, 0.5))} ${f(quantile(times, 0.95))} ${String(ex.hits).padStart(12)} ${f(scan.ms, 9)} ${String(scan.hits).padStart(11)} ${(overlap * 100).toFixed(0).padStart(10)} %`,
      );
    }
    const s = await sql<{ t: string; i: string }>`SELECT
      pg_size_pretty(pg_table_size('documents')) AS t,
      pg_size_pretty(pg_indexes_size('documents')) AS i`.execute(ctx.db);
    const sizes = `table ${s.rows[0]!.t} + indexes ${s.rows[0]!.i}`;
    const point: Point = {
      n,
      p50: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      kinds,
      ilikeRatio: ilikeTotal / p50Total,
      overlap: overlapSum / queries.length,
      sizes,
    };
    console.log(
      `  all: p50 ${point.p50.toFixed(1)} ms, p95 ${point.p95.toFixed(1)} ms; ILIKE/index ${point.ilikeRatio.toFixed(0)}x${ilikeSampled ? ` (ILIKE on the table's first pages, about ${label(ILIKE_SAMPLE)} documents, time and hits scaled to ${label(n)})` : ""}; mean overlap ${(point.overlap * 100).toFixed(0)} %; ${sizes}`,
    );
    return point;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printCurve(kind: string, points: Point[]) {
  if (!points.length) return;
  const kinds = [...points[0]!.kinds.keys()];
  console.log(`\n${kind}: the curve (ms; target p95 under 50 ms on PostgreSQL)`);
  console.log(
    `  documents      p50      p95  ${kinds.map((k) => `${k} p95`.padStart(14)).join("")}   ILIKE/index  overlap  sizes`,
  );
  for (const p of points)
    console.log(
      `  ${label(p.n).padEnd(9)} ${p.p50.toFixed(1).padStart(8)} ${p.p95.toFixed(1).padStart(8)}  ${kinds.map((k) => quantile(p.kinds.get(k)!, 0.95).toFixed(1).padStart(14)).join("")}   ${`${p.ilikeRatio.toFixed(0)}x`.padStart(11)}  ${`${(p.overlap * 100).toFixed(0)} %`.padStart(7)}  ${p.sizes}`,
    );
}

async function postgres(base: string) {
  const points: Point[] = [];
  const sizes = curve(total);
  for (const n of sizes) {
    const per = await bytesPerDocument(base, sizes);
    const free = freeBytes(tmpdir());
    let need = per * n * 1.15;
    const d = await (async () => {
      try {
        return await (args.includes("--grow") ? grownDataset : dataset)(
          base,
          n,
          material,
          need,
          free,
        );
      } catch (e) {
        if ((e as { code?: string }).code === "GROWN_PAST") {
          console.log(`\npostgres, ${label(n)}: ${(e as Error).message}; run without --grow`);
          return undefined;
        }
        if ((e as { code?: string }).code === "NO_ROOM") {
          need = (e as { need?: number }).need ?? need;
          return null;
        }
        throw e;
      }
    })();
    if (d === undefined) continue;
    if (!d) {
      console.log(
        `\npostgres, ${label(n)} documents: needs about ${(need / 1e9).toFixed(0)} GB, ${(free / 1e9).toFixed(0)} GB free: not made; the curve stops at the largest that fits`,
      );
      break;
    }
    if (!d.reused)
      console.log(
        `\n${d.url}: ${d.added} documents made in ${(d.seconds / 60).toFixed(0)} min (${(d.added / d.seconds).toFixed(0)}/s)`,
      );
    try {
      points.push(await measure("postgres", d.handle, n));
    } finally {
      await d.handle.close();
    }
  }
  printCurve("postgres", points);
}

async function pglite() {
  const points: Point[] = [];
  for (const n of curve(pgliteMax)) {
    const db = await openTestDatabase("pglite");
    try {
      const agencyId = await insertAgency(db.db, {
        code: "bench",
        name: "Cơ quan thử",
        abbreviation: "CQT",
        kind: "state",
      });
      const make = generator(material, seeded(n));
      const start = performance.now();
      for (let done = 0; done < n; done += 100) {
        const rows = Array.from({ length: Math.min(100, n - done) }, (_, k) => {
          const d = make();
          return {
            agency_id: agencyId,
            direction: "outgoing" as const,
            status: "issued" as const,
            is_public: true,
            type_code: d.code,
            type_name: d.typeName,
            number: d.number,
            reference: d.reference,
            issuer_name: d.issuer,
            document_date: d.date,
            subject: d.subject,
            content: "{}",
            body: d.body,
            created_at: new Date(Date.UTC(2026, 0, 1) + (done + k) * 1000).toISOString(),
          };
        });
        await db.db
          .insertInto("documents")
          .values(rows as never)
          .execute();
      }
      await sql`ANALYZE documents`.execute(db.db);
      console.log(
        `\npglite: ${label(n)} documents made in ${((performance.now() - start) / 1000).toFixed(0)} s`,
      );
      points.push(await measure("pglite", db, n));
    } finally {
      await db.close();
    }
  }
  printCurve("pglite", points);
}

console.log(
  `bench/search: up to ${total} documents from ${material.source} (bodies of ${material.sizes.length} sizes, mean ${Math.round(material.sizes.reduce((a, b) => a + b, 0) / material.sizes.length)} characters), ${runs} runs per query`,
);
const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pg) await postgres(pg);
if (!args.includes("--postgres-only")) await pglite();
process.exit(0);
