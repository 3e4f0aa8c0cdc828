/**
 * Does the server keep answering while it imports? A `vanthu serve` child process (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL or BENCH_DATABASE_URL is set) is sent 30 mixed files, and
 * /api/health and the incoming box are timed one request after another (every 50 ms) from here:
 *   idle       no import;
 *   sync       the files sent one at a time to POST /api/documents/import, read inside each
 *              request (how the import page worked before batches);
 *   batch      the files sent to POST /api/imports in groups of 20 (as the import page sends a
 *              folder), answered at once, read in the background by the server's worker; the
 *              page's polling of the batch (every 1.5 s) included.
 * Prints p50/p95/max of each, the upload's answer time and the time until every file is done. No
 * assertion: a measurement (the target is health p95 under 200 ms during an import).
 *
 *   npm run bench:import [-- --files DIR] [--count 30]
 *
 * The files: DIR, else the real ones in ../shared/corpus/files when present (.doc, .docx, .pdf:
 * text PDFs and scans), else 30 made here (letters as .txt, .docx and .pdf drawn by
 * @vanthu/render, one .txt holding two letters, one broken PDF).
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { layoutDocument, parseDocument } from "@vanthu/core";
import { renderDocx, renderPdf } from "@vanthu/render";
import { openTestDatabase } from "@vanthu/db";
import { startChild, stop } from "./servers.ts";
import { letter, twoLetters, utf8 } from "../packages/server/test/fixtures/import-letters.ts";

process.stdout.on("error", () => process.exit(0));
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const COUNT = Number(opt("--count") ?? 30);
const root = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(root, "packages/cli/bin/vanthu.js");
const SHARED = join(root, "..", "shared", "corpus", "files");

interface File {
  name: string;
  bytes: Uint8Array;
}

async function madeFiles(count: number): Promise<File[]> {
  const out: File[] = [
    { name: "hai-van-ban.txt", bytes: utf8(twoLetters(901, 902).text) },
    { name: "hong.pdf", bytes: utf8("%PDF-1.7\n not really a pdf") },
  ];
  for (let n = 1; out.length < count; n++) {
    const l = letter(n + 300);
    const model = layoutDocument(parseDocument(l.text));
    if (n % 3 === 0) out.push({ name: `cv-${n}.docx`, bytes: await renderDocx(model) });
    else if (n % 3 === 1) out.push({ name: `cv-${n}.pdf`, bytes: await renderPdf(model) });
    else out.push({ name: `cv-${n}.txt`, bytes: utf8(l.text) });
  }
  return out;
}

function filesFrom(dir: string, count: number): File[] {
  return readdirSync(dir)
    .filter((n) => /\.(docx?|pdf|txt)$/i.test(n))
    .sort()
    .slice(0, count)
    .map((n) => ({ name: n, bytes: readFileSync(join(dir, n)) }));
}

function serve(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return startChild([BIN, "serve", "--port", "0"], env);
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

async function upload(url: string, s: Session, path: string, files: File[]) {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([f.bytes]), f.name);
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const fmt = (xs: number[]) =>
  `n=${String(xs.length).padStart(3)} p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  max ${Math.max(
    ...xs,
  )
    .toFixed(1)
    .padStart(6)} ms`;

/** Times GET `path` one request after another, 50 ms apart, until `until` resolves. */
async function probe(url: string, s: Session, path: string, until: Promise<unknown>) {
  let over = false;
  void until.finally(() => (over = true));
  const times: number[] = [];
  while (!over) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie: s.cookie } });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times;
}

async function measure(label: string, url: string, s: Session, work: Promise<unknown>) {
  const [health, box] = await Promise.all([
    probe(url, s, "/api/health", work),
    probe(url, s, "/api/documents?box=incoming", work),
  ]);
  console.log(`  ${label.padEnd(6)} health ${fmt(health)}`);
  console.log(`  ${"".padEnd(6)} box    ${fmt(box)}`);
}

async function run(kind: "pglite" | "postgres", files: File[]) {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-import-"));
  const db = kind === "postgres" ? await openTestDatabase("postgres") : null;
  const env: Record<string, string> = { DATA_DIR: dataDir, DEMO: "1", DEMO_SIGNING: "0" };
  if (db) env.DATABASE_URL = db.url!;
  const { url, child } = await serve(env);
  try {
    console.log(
      `${kind}: ${files.length} files, ${(files.reduce((n, f) => n + f.bytes.length, 0) / 1e6).toFixed(1)} MB`,
    );
    const warm = await login(url, "stttt-ls.vanthu");
    // Readers started and the first queries planned before timing.
    await upload(url, warm, "/api/documents/import", [
      { name: "khoi-dong.txt", bytes: utf8(letter(999).text) },
    ]);
    await measure("idle", url, warm, new Promise((r) => setTimeout(r, 3000)));

    // Before: one file per request, read inside it (another agency, so nothing is a duplicate).
    const sync = await login(url, "baolangson.vanthu");
    let t0 = performance.now();
    const syncWork = (async () => {
      for (const f of files) await upload(url, sync, "/api/documents/import", [f]);
    })();
    await measure("sync", url, sync, syncWork);
    console.log(`         all read in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const clerk = await login(url, "stttt-ls.vanthu");
    t0 = performance.now();
    let answered = 0;
    const batchWork = (async () => {
      let id: string | null = null;
      for (let i = 0; i < files.length; i += 20) {
        const group = files.slice(i, i + 20);
        const r = await upload(url, clerk, id ? `/api/imports/${id}/files` : "/api/imports", group);
        if (r.status !== 202) throw new Error(JSON.stringify(r.body));
        id ??= r.body.id as string;
      }
      answered = performance.now() - t0;
      for (;;) {
        const res = await fetch(`${url}/api/imports/${id}`, { headers: { cookie: clerk.cookie } });
        const b = (await res.json()) as { finished: boolean; counts: Record<string, number> };
        if (b.finished) return b.counts;
        await new Promise((r) => setTimeout(r, 1500)); // as the import page polls
      }
    })();
    await measure("batch", url, clerk, batchWork);
    const counts = await batchWork;
    console.log(
      `         uploads answered in ${answered.toFixed(0)} ms; all read in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
    );
  } finally {
    await stop(child);
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = opt("--files") ?? (existsSync(SHARED) ? SHARED : null);
const files = dir ? filesFrom(dir, COUNT) : await madeFiles(COUNT);
console.log(
  `files: ${dir ? `${COUNT} of ${dir}` : `${COUNT} made here`} (${[...new Set(files.map((f) => basename(f.name).split(".").pop()))].join(", ")})`,
);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
await run("pglite", files);
if (process.env.TEST_DATABASE_URL) await run("postgres", files);
