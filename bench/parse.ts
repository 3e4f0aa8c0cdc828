/**
 * Parser throughput, single-threaded: documents/s and MB/s over a folder of documents (the dev
 * corpus when ../shared is present, else the examples), then the time per MB on inputs of
 * growing size, to show the parser is linear. Then the command over many text files, end to
 * end: the documents copied to a temporary folder to --cli-files files, `vanthu parse FILES
 * --json > out.jsonl` run --cli-runs times (the built command, its parse threads), documents/s
 * of the wall time (median run) and the CPU seconds it used, beside the single-threaded figure.
 * Then files as `vanthu parse` reads them: text PDFs through a warm reader (files/s, p50/p95 per
 * file), OCR seconds per page when extract has OCR, and the command's start-up (median of
 * `vanthu --version`).
 *
 *   npm run bench:parse [-- DIR] [--seconds N] [--runs N] [--cli-files N] [--cli-runs N]
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { layoutDocument, parseDocument } from "@vanthu/core";
import * as extract from "@vanthu/extract";
import { renderPdf } from "@vanthu/render";
import { documentsDir, numberOption, quantile, root } from "./options.ts";

const seconds = numberOption("--seconds", 5);
const runs = numberOption("--runs", 15);
const cliFiles = numberOption("--cli-files", 3000);
const cliRuns = numberOption("--cli-runs", 5);
const dir = documentsDir();
const docNames = readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n));
const docs = docNames.map((n) => readFileSync(join(dir, n), "utf8"));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);

// Warm up the JIT, and make sure the figures are of real work: no internal errors.
let failures = 0;
for (let i = 0; i < 3; i++)
  for (const d of docs)
    if (parseDocument(d).warnings.some((w) => w.startsWith("Internal parser error"))) failures++;
if (failures) {
  console.error(
    `bench/parse: the parser failed internally on ${failures / 3} documents; figures would be meaningless`,
  );
  process.exit(1);
}

// Rounds of about a second each; the machine is shared, so the median round is reported along
// with the best and the worst.
const perDoc: number[] = [];
const rounds: number[] = [];
let parsed = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000 || rounds.length < 3) {
  const roundStart = performance.now();
  let n = 0;
  while (performance.now() - roundStart < 1000) {
    for (const d of docs) {
      const t = performance.now();
      parseDocument(d);
      perDoc.push(performance.now() - t);
    }
    n += docs.length;
  }
  rounds.push(n / ((performance.now() - roundStart) / 1000));
  parsed += n;
}
const elapsed = (performance.now() - start) / 1000;
perDoc.sort((a, b) => a - b);
rounds.sort((a, b) => a - b);
const median = rounds[Math.floor(rounds.length / 2)]!;
const avgBytes = bytes / docs.length;

console.log(
  `bench/parse: ${docs.length} documents, ${(bytes / 1024).toFixed(0)} KiB (mean ${(avgBytes / 1024).toFixed(1)} KiB), from ${dir}`,
);
console.log(
  `node ${process.version}, single thread, ${parsed} documents parsed in ${elapsed.toFixed(1)} s, ${rounds.length} rounds`,
);
console.log(
  `  documents/s   ${median.toFixed(0)} (median round; best ${rounds[rounds.length - 1]!.toFixed(0)}, worst ${rounds[0]!.toFixed(0)})`,
);
console.log(`  MB/s          ${((median * avgBytes) / 1e6).toFixed(2)} (median round)`);
console.log(
  `  per document  p50 ${quantile(perDoc, 0.5).toFixed(3)} ms, p95 ${quantile(perDoc, 0.95).toFixed(3)} ms, max ${perDoc[perDoc.length - 1]!.toFixed(3)} ms`,
);

// Linearity: one document body repeated to growing sizes; time per MB should stay flat.
const body = docs.join("\n\n");
console.log("  scaling (time per MB should stay flat):");
for (const mb of [0.25, 0.5, 1, 2, 4]) {
  const text = body.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(body))).slice(0, mb * 1e6);
  const t = performance.now();
  parseDocument(text);
  const ms = performance.now() - t;
  console.log(
    `    ${String(mb).padStart(4)} MB  ${ms.toFixed(0).padStart(6)} ms  ${(ms / mb).toFixed(0).padStart(6)} ms/MB`,
  );
}

// The command over many text files, as a user runs it on a folder: the built command (parse
// threads, the output written to a file). The machine may be shared: the CPU seconds the command
// used (its own and its threads', from the kernel's count of waited-for children) say what the
// work cost, whatever else ran meanwhile.
const bin = join(root, "packages/cli/bin/vanthu.js");
{
  const { buildState } = await import("../packages/cli/bin/build-state.js");
  const state = buildState();
  const folder = mkdtempSync(join(tmpdir(), "vanthu-bench-parse-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < cliFiles; i++) {
      const name = docNames[i % docNames.length]!;
      const file = join(
        folder,
        `${String(Math.floor(i / docNames.length)).padStart(4, "0")}-${name}`,
      );
      copyFileSync(join(dir, name), file);
      files.push(file);
    }
    const out = join(folder, "out.jsonl");
    const walls: number[] = [];
    const cpus: number[] = [];
    let failed = "";
    for (let run = 0; run < cliRuns; run++) {
      const fd = openSync(out, "w");
      const before = childCpuSeconds();
      const t = performance.now();
      const r = spawnSync(process.execPath, [bin, "parse", ...files, "--json"], {
        stdio: ["ignore", fd, "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
      walls.push((performance.now() - t) / 1000);
      const after = childCpuSeconds();
      if (before !== null && after !== null) cpus.push(after - before);
      closeSync(fd);
      if (r.status !== 0) failed = `exit ${r.status}: ${String(r.stderr).slice(0, 300)}`;
    }
    const written = readFileSync(out);
    let lines = 0;
    for (let at = written.indexOf(10); at !== -1; at = written.indexOf(10, at + 1)) lines++;
    const byWall = walls.map((w, i) => [w, cpus[i]] as const).sort((a, b) => a[0] - b[0]);
    const [wall, cpu] = byWall[Math.floor(byWall.length / 2)]!;
    const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
    console.log(
      `  vanthu parse --json, ${files.length} text files (${mb.toFixed(0)} MB, ${lines} lines out, ${(written.length / 1e6).toFixed(0)} MB), ${availableParallelism()} cores, ${cliRuns} runs${state.fresh ? "" : " (the build is stale: it ran from the sources; npm run build:cli)"}${failed ? `; FAILED ${failed}` : ""}:`,
    );
    console.log(
      `    documents/s   ${(files.length / wall).toFixed(0)} (median run, ${wall.toFixed(2)} s; best ${(files.length / byWall[0]![0]).toFixed(0)}, worst ${(files.length / byWall.at(-1)![0]).toFixed(0)})`,
    );
    if (cpu !== undefined)
      console.log(
        `    CPU           ${cpu.toFixed(2)} s in the median run, ${((cpu * 1000) / files.length).toFixed(2)} ms a document (${(files.length / cpu).toFixed(0)} documents per CPU second); single thread in process: ${median.toFixed(0)} documents/s`,
      );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** CPU seconds (user and system) of the children this process has waited for, on Linux. */
function childCpuSeconds(): number | null {
  try {
    // After the command name (which may hold spaces), from the state on: cutime and cstime,
    // fields 16 and 17 of the line, are the 14th and 15th.
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

// Files as `vanthu parse` reads them: a PDF through the reader (a child process, warm), then
// the parser. Real text PDFs when ../shared is present, else PDFs of the examples, drawn by our
// own writer and made a few pages long.
const corpusFiles = join(root, "../shared/corpus/files");
const manifest = join(corpusFiles, "manifest.tsv");
const byCategory = (category: string): Array<[string, Uint8Array]> =>
  existsSync(manifest)
    ? readFileSync(manifest, "utf8")
        .split("\n")
        .map((line) => line.split("\t"))
        .filter((cols) => cols[2] === category && existsSync(join(corpusFiles, cols[1]!)))
        .map((cols) => [cols[1]!, readFileSync(join(corpusFiles, cols[1]!))])
    : [];
let pdfs = byCategory("text-pdf");
const pdfSource = pdfs.length ? corpusFiles : "the examples, drawn by packages/render";
if (!pdfs.length) {
  const examples = join(root, "examples");
  pdfs = [];
  for (const name of readdirSync(examples).filter((n) => /\.(txt|md)$/.test(n))) {
    const doc = parseDocument(readFileSync(join(examples, name), "utf8"));
    const body = doc.paragraphs ?? [];
    const long = { ...doc, paragraphs: [...body, ...body, ...body] }; // a few pages
    pdfs.push([name.replace(/\.\w+$/, ".pdf"), await renderPdf(layoutDocument(long))]);
  }
}
const pool = new extract.ReaderPool({ workers: 1 });
const readPdf = async ([name, bytes]: [string, Uint8Array]) => {
  const t = performance.now();
  const read = await pool.extractText(bytes, name);
  parseDocument(read.text);
  return { ms: performance.now() - t, pages: read.pages ?? 0, read };
};
/**
 * CPU time of this process's children (the reader), in ms, from /proc (Linux); null elsewhere.
 * The machine may be shared: CPU time says what the work costs, wall time what a user waits.
 */
const tick = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(r.stdout) > 0 ? 1000 / Number(r.stdout) : 10;
})();
function childrenCpuMs(): number | null {
  try {
    const pids = readdirSync("/proc/self/task").flatMap((t) =>
      readFileSync(`/proc/self/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean),
    );
    let total = 0;
    for (const pid of pids) {
      // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    }
    return total;
  } catch {
    return null;
  }
}
const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (const pdf of pdfs) await readPdf(pdf); // start the reader, warm its JIT
const perPdf: number[] = [];
const perPage: number[] = [];
/** Files of a few pages (5 at most): what most letters and decisions are. */
const fewPages: number[] = [];
/** The reader's CPU time on each of them (to the clock tick, 10 ms: read the p50 and p95). */
const fewPagesCpu: number[] = [];
const pdfRounds = 5;
const pdfStart = performance.now();
const readerCpuStart = childrenCpuMs();
const ownCpuStart = ownCpuMs();
for (let round = 0; round < pdfRounds; round++)
  for (const pdf of pdfs) {
    const cpuBefore = childrenCpuMs();
    const r = await readPdf(pdf);
    const cpuAfter = childrenCpuMs();
    perPdf.push(r.ms);
    if (r.pages) perPage.push(r.ms / r.pages);
    if (r.pages && r.pages <= 5) {
      fewPages.push(r.ms);
      if (cpuBefore !== null && cpuAfter !== null) fewPagesCpu.push(cpuAfter - cpuBefore);
    }
  }
const pdfSeconds = (performance.now() - pdfStart) / 1000;
const readerCpuEnd = childrenCpuMs();
const ownCpu = (ownCpuMs() - ownCpuStart) / Math.max(1, perPdf.length);
const readerCpu =
  readerCpuStart !== null && readerCpuEnd !== null
    ? (readerCpuEnd - readerCpuStart) / Math.max(1, perPdf.length)
    : null;
for (const list of [perPdf, perPage, fewPages, fewPagesCpu]) list.sort((a, b) => a - b);
const pages = pdfs.length ? perPage.length / pdfRounds : 0;
console.log(
  `  text PDFs (${pdfs.length}, ${pdfSource}; warm reader, extraction and parse, ${pdfRounds} rounds after one to warm up):`,
);
console.log(
  `    files/s ${(perPdf.length / pdfSeconds).toFixed(1)}, per file p50 ${quantile(perPdf, 0.5).toFixed(0)} ms, p95 ${quantile(perPdf, 0.95).toFixed(0)} ms, max ${perPdf.at(-1)!.toFixed(0)} ms`,
);
console.log(
  `    per page p50 ${quantile(perPage, 0.5).toFixed(0)} ms, p95 ${quantile(perPage, 0.95).toFixed(0)} ms; files of 1-5 pages p50 ${fewPages.length ? quantile(fewPages, 0.5).toFixed(0) : "-"} ms, p95 ${fewPages.length ? quantile(fewPages, 0.95).toFixed(0) : "-"} ms (${fewPages.length / pdfRounds} of ${pages} files)`,
);
console.log(
  `    CPU per file (mean): reader ${readerCpu === null ? "n/a" : `${readerCpu.toFixed(0)} ms`}, this process (parse, messages) ${ownCpu.toFixed(0)} ms; reader on files of 1-5 pages ${fewPagesCpu.length ? `p50 ${quantile(fewPagesCpu, 0.5).toFixed(0)} ms, p95 ${quantile(fewPagesCpu, 0.95).toFixed(0)} ms` : "n/a"}`,
);

// OCR: what extract offers of it, if anything (a function named like "ocr", or OCR sources in
// what extractText gives for scanned PDFs).
const ocrFunctions = Object.entries(extract)
  .filter(([name, value]) => /ocr/i.test(name) && typeof value === "function")
  .map(([name]) => name);
const scans = byCategory("scan-pdf").slice(0, 3);
let ocrPages = 0;
let ocrSeconds = 0;
for (const scan of scans) {
  const r = await readPdf(scan);
  const recognised = new Set(r.read.sources?.filter((s) => s.source === "ocr").map((s) => s.page));
  if (recognised.size) {
    ocrPages += recognised.size;
    ocrSeconds += r.ms / 1000;
  }
}
await pool.close();
if (ocrPages)
  console.log(
    `  OCR           ${(ocrSeconds / ocrPages).toFixed(2)} s per page (${ocrPages} pages of ${scans.length} scanned PDFs, through the reader)`,
  );
else
  console.log(
    `  OCR           not available${ocrFunctions.length ? ` in extractText (extract exports ${ocrFunctions.join(", ")})` : ""}${scans.length ? "" : "; no scanned PDFs to try"}`,
  );

// The command's start-up: `vanthu --version`, as a user runs it.
const starts: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  spawnSync(process.execPath, [bin, "--version"], { stdio: "ignore" });
  starts.push(performance.now() - t);
}
const baseline: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ["-e", "0"], { stdio: "ignore" });
  baseline.push(performance.now() - t);
}
console.log(
  `  start-up      vanthu --version: median ${quantile(starts, 0.5).toFixed(0)} ms of ${runs} runs (node -e 0: ${quantile(baseline, 0.5).toFixed(0)} ms)`,
);
