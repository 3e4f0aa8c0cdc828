/**
 * Search latency on a corpus of realistic documents: p50/p95 of ten typical queries through
 * searchDocuments (the API's search, in process), on PGlite and (with TEST_DATABASE_URL or
 * BENCH_DATABASE_URL) PostgreSQL, next to the same queries answered by a plain ILIKE scan in
 * the same run. Documents are generated from the paragraphs and subjects of the dev corpus when
 * ../shared is present, else of our own examples: numbers, dates and issuers are varied.
 *
 *   npm run bench:search [-- --documents N --runs N --postgres-only --keep]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { normalizeText, parseDocument } from "@vanthu/core";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "@vanthu/db";
import { loadConfig, openContext, type AppContext } from "@vanthu/server";
import { insertAgency } from "../packages/server/src/agencies/create-agency.ts";
import { searchDocuments } from "../packages/server/src/search/search-documents.ts";
import { args, numberOption, quantile, root } from "./options.ts";

const total = numberOption("--documents", 100_000);
const runs = numberOption("--runs", 20);
const sources = [
  join(root, "../shared/corpus/dev"),
  join(root, "examples"),
  join(root, "packages/server/demo"),
].filter(existsSync);

// The material: paragraphs and subjects of real (or our own) documents.
const paragraphs: string[] = [];
const subjects: string[] = [];
for (const dir of sources)
  for (const name of readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n))) {
    const doc = parseDocument(normalizeText(readFileSync(join(dir, name), "utf8")));
    if (doc.subject) subjects.push(doc.subject);
    for (const p of doc.paragraphs ?? []) if (p.length > 40 && p.length < 1500) paragraphs.push(p);
  }
const ISSUERS = [
  ["Sở Thông tin và Truyền thông", "STTTT"],
  ["Ủy ban nhân dân tỉnh", "UBND"],
  ["Sở Y tế", "SYT"],
  ["Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"],
  ["Sở Công Thương", "SCT"],
  ["Liên đoàn Lao động tỉnh", "LĐLĐ"],
] as const;
const TYPES = [
  ["CV", "Công văn"],
  ["KH", "Kế hoạch"],
  ["TB", "Thông báo"],
  ["BC", "Báo cáo"],
  ["QĐ", "Quyết định"],
  ["HD", "Hướng dẫn"],
] as const;

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

function makeDocument(i: number) {
  const [issuer, abbr] = pick(ISSUERS);
  const [code, typeName] = pick(TYPES);
  const year = 2018 + Math.floor(rand() * 9);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const number = String(1 + Math.floor(rand() * 3000));
  const reference = code === "CV" ? `${number}/${abbr}-VP` : `${number}/${code}-${abbr}`;
  const body = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => pick(paragraphs)).join(
    "\n\n",
  );
  return {
    reference,
    subject: pick(subjects),
    issuer,
    code,
    typeName,
    date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    body: `${body}\n\n(${i})`,
  };
}

async function fill(ctx: AppContext, agencyId: string) {
  const batch = 500;
  const start = performance.now();
  for (let done = 0; done < total; done += batch) {
    const rows = Array.from({ length: Math.min(batch, total - done) }, (_, k) => {
      const d = makeDocument(done + k);
      return {
        agency_id: agencyId,
        direction: "outgoing" as const,
        status: "issued" as const,
        is_public: true,
        type_code: d.code,
        type_name: d.typeName,
        reference: d.reference,
        issuer_name: d.issuer,
        document_date: d.date,
        subject: d.subject,
        content: "{}",
        body: d.body,
      };
    });
    await ctx.db.insertInto("documents").values(rows).execute();
  }
  await sql`ANALYZE documents`.execute(ctx.db);
  return (performance.now() - start) / 1000;
}

const QUERIES: Array<{ q: string; filters?: Record<string, string> }> = [
  { q: "tuyen truyen" },
  { q: "phòng, chống dịch" },
  { q: "chuyen doi so" },
  { q: "báo cáo kết quả thực hiện" },
  { q: "an toan thong tin" },
  { q: '"thiên tai"' },
  { q: "lua dao truc tuyen" },
  { q: "cải cách hành chính" },
  { q: "ke hoach", filters: { type: "KH", year: "2025" } },
  { q: "PLACEHOLDER-REFERENCE" },
];

async function bench(kind: DatabaseKind) {
  const db: TestDatabase = await openTestDatabase(kind);
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-search-"));
  try {
    const { ctx } = await openContext(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), {
      handle: db,
    });
    const agencyId = await insertAgency(ctx.db, {
      code: "bench",
      name: "Cơ quan thử",
      abbreviation: "CQT",
      kind: "state",
    });
    const seconds = await fill(ctx, agencyId);
    const someRef = await ctx.db
      .selectFrom("documents")
      .select("reference")
      .where("reference", "is not", null)
      .limit(1)
      .offset(Math.floor(total / 2))
      .executeTakeFirstOrThrow();
    const queries = QUERIES.map((x) =>
      x.q === "PLACEHOLDER-REFERENCE" ? { q: someRef.reference!.replace(/[/-]/g, " ") } : x,
    );
    console.log(
      `\n${kind}: ${total} documents inserted in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(0)}/s)`,
    );
    console.log(
      "  query                              index p50  index p95   ILIKE p50  ILIKE p95   hits",
    );
    const allIndex: number[] = [];
    const allScan: number[] = [];
    for (const { q, filters } of queries) {
      const index: number[] = [];
      const scan: number[] = [];
      let hits = 0;
      const phrase = q.replace(/"/g, "");
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        const res = await searchDocuments(ctx, null, {
          q,
          page: 1,
          pageSize: 20,
          ...(filters ?? {}),
        } as never);
        index.push(performance.now() - t);
        hits = res.total;
        t = performance.now();
        await ctx.db
          .selectFrom("documents")
          .select(["id", "reference", "subject"])
          .where((eb) =>
            eb.or([eb("subject", "ilike", `%${phrase}%`), eb("body", "ilike", `%${phrase}%`)]),
          )
          .where("is_public", "=", true)
          .orderBy(sql`document_date desc nulls last`)
          .limit(20)
          .execute();
        scan.push(performance.now() - t);
      }
      allIndex.push(...index);
      allScan.push(...scan);
      const f = (x: number) => x.toFixed(1).padStart(9);
      console.log(
        `  ${(q + (filters ? ` ${JSON.stringify(filters)}` : "")).slice(0, 34).padEnd(34)} ${f(quantile(index, 0.5))} ${f(quantile(index, 0.95))}   ${f(quantile(scan, 0.5))} ${f(quantile(scan, 0.95))}   ${String(hits).padStart(5)}`,
      );
    }
    console.log(
      `  all queries: index p50 ${quantile(allIndex, 0.5).toFixed(1)} ms, p95 ${quantile(allIndex, 0.95).toFixed(1)} ms; ILIKE p50 ${quantile(allScan, 0.5).toFixed(1)} ms, p95 ${quantile(allScan, 0.95).toFixed(1)} ms (target: p95 under 50 ms on PostgreSQL)`,
    );
  } finally {
    if (args.includes("--keep") && db.url) console.log(`  kept for inspection: ${db.url}`);
    else await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `bench/search: ${total} documents from ${paragraphs.length} paragraphs and ${subjects.length} subjects (${sources.join(", ")}), ${runs} runs per query, ms`,
);
const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pg) {
  process.env.TEST_DATABASE_URL = pg;
  await bench("postgres");
}
if (!args.includes("--postgres-only")) await bench("pglite");
process.exit(0);
