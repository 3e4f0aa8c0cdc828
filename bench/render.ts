/**
 * Rendering throughput, single-threaded: documents/s for PDF, .docx and HTML from the same layout
 * models, over a folder of documents (the dev corpus when ../shared is present, else the
 * examples). Where LibreOffice is installed, the same .docx files are converted to PDF by
 * `soffice --headless` in one batch in the same run, and the ratio is printed. Only the files
 * LibreOffice really converted count (a batch can end early: the ones missing are named, with
 * soffice's exit status), and its start-up (`--terminate_after_init`, profile ready) is measured
 * and stated apart: documents/s are given with and without it.
 *
 *   npm run bench:render [-- DIR] [--seconds N] [--lo-docs N] [--ci] [--write-baseline]
 *
 * --ci: .docx alone for about 3 seconds, printed beside `docxDocsPerSecond` in
 * bench/baselines.json with the ratio (a warning past 2x, never a failure: bench/baselines.ts).
 * --write-baseline: writes the .docx figure measured into bench/baselines.json; only on purpose,
 * on the machine the file names, after a change that moves it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layoutDocument, parseDocument, type LayoutModel } from "@vanthu/core";
import { findSerifFonts, renderDocx, renderHtml, renderPdf } from "@vanthu/render";
import { corpusName, printBeside, writeBaseline } from "./baselines.ts";
import { args, documentsDir, numberOption } from "./options.ts";

const ci = args.includes("--ci");
const seconds = numberOption("--seconds", 3);
const loDocsOpt = numberOption("--lo-docs", 0);
const dir = documentsDir();
const models: LayoutModel[] = readdirSync(dir)
  .filter((n) => /\.(txt|md)$/.test(n))
  .map((n) => layoutDocument(parseDocument(readFileSync(join(dir, n), "utf8"))));

const loDocs = loDocsOpt > 0 ? Math.min(loDocsOpt, models.length) : models.length;

/**
 * Documents/s: the median of rounds (one pass over the documents each) run for `seconds`, after
 * a warm-up pass. The median rather than the mean: this VM has slow phases of a second or two.
 */
async function measure(
  work: (m: LayoutModel) => Promise<unknown> | unknown,
  list: LayoutModel[] = models,
): Promise<number> {
  for (const m of list) await work(m);
  const rates: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || rates.length < 3) {
    const t = performance.now();
    for (const m of list) await work(m);
    rates.push(list.length / ((performance.now() - t) / 1000));
  }
  rates.sort((x, y) => x - y);
  return rates[Math.floor(rates.length / 2)]!;
}

const fonts = findSerifFonts();
if (ci) {
  console.log(
    `bench/render --ci: ${models.length} documents from ${dir}, node ${process.version}, single thread`,
  );
  const docx = await measure((m) => renderDocx(m));
  printBeside("docxDocsPerSecond", corpusName(dir), docx, "documents/s", true);
  if (args.includes("--write-baseline")) writeBaseline("docxDocsPerSecond", corpusName(dir), docx);
  process.exit(0);
}
console.log(
  `bench/render: ${models.length} documents from ${dir}, node ${process.version}, single thread, PDF font ${fonts.source}`,
);
const pdf = await measure((m) => renderPdf(m, { fonts }));
console.log(`  pdf    ${pdf.toFixed(1)} documents/s`);
const docx = await measure((m) => renderDocx(m));
console.log(`  docx   ${docx.toFixed(1)} documents/s`);
if (args.includes("--write-baseline")) writeBaseline("docxDocsPerSecond", corpusName(dir), docx);
const html = await measure((m) => renderHtml(m));
console.log(`  html   ${html.toFixed(0)} documents/s`);

let soffice = "";
for (const candidate of ["soffice", "libreoffice"]) {
  try {
    execFileSync(candidate, ["--version"], { stdio: "ignore", timeout: 60_000 });
    soffice = candidate;
    break;
  } catch {
    // not installed
  }
}
if (!soffice) {
  console.log(
    "  LibreOffice not installed (apt-get install libreoffice-writer-nogui): no baseline",
  );
} else {
  const work = mkdtempSync(join(tmpdir(), "vanthu-bench-"));
  const files: string[] = [];
  for (const [i, m] of models.slice(0, loDocs).entries()) {
    const file = join(work, `doc-${i}.docx`);
    writeFileSync(file, await renderDocx(m));
    files.push(file);
  }
  const profile = `file://${join(work, "profile")}`;
  const env = `-env:UserInstallation=${profile}`;
  const convert = (batch: string[]) =>
    spawnSync(soffice, [env, "--headless", "--convert-to", "pdf", "--outdir", work, ...batch], {
      encoding: "utf8",
      timeout: 600_000,
    });
  const timed = <T>(work: () => T): [T, number] => {
    const t = performance.now();
    const out = work();
    return [out, (performance.now() - t) / 1000];
  };
  // One warm-up conversion (first start builds the profile); then start-up alone, then the batch.
  convert(files.slice(0, 1));
  rmSync(join(work, "doc-0.pdf"), { force: true });
  const [, startup] = timed(() =>
    spawnSync(soffice, [env, "--headless", "--terminate_after_init"], { timeout: 120_000 }),
  );
  const [run, batchSeconds] = timed(() => convert(files));
  // Only the files LibreOffice wrote count.
  const done = files.map((f) => existsSync(f.replace(/\.docx$/, ".pdf")));
  const converted = done.filter(Boolean).length;
  const working = Math.max(0.001, batchSeconds - startup);
  console.log(
    `  LibreOffice start-up ${startup.toFixed(2)} s (--terminate_after_init, profile ready)`,
  );
  console.log(
    `  LibreOffice .docx -> PDF  ${(converted / working).toFixed(2)} documents/s without its start-up, ${(converted / batchSeconds).toFixed(2)} with it (${converted} of ${files.length} converted in one soffice batch of ${batchSeconds.toFixed(1)} s)`,
  );
  if (converted < files.length) {
    const missing = files.filter((_, i) => !done[i]).map((f) => f.slice(work.length + 1));
    const status = run.error
      ? String(run.error.message)
      : run.signal
        ? `signal ${run.signal}`
        : `exit status ${run.status}`;
    console.log(
      `  LibreOffice did not convert ${missing.length}: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""} (soffice ${status}${run.stderr?.trim() ? `; stderr: ${run.stderr.trim().split("\n").slice(-3).join(" / ")}` : ""})`,
    );
  }
  if (converted > 0) {
    // The ratio on the documents LibreOffice converted, against its rate without start-up.
    const convertedModels = models.slice(0, loDocs).filter((_, i) => done[i]);
    const same =
      convertedModels.length === models.length
        ? pdf
        : await measure((m) => renderPdf(m, { fonts }), convertedModels);
    console.log(
      `  ratio  vanthu PDF / LibreOffice = ${(same / (converted / working)).toFixed(0)}x on the same ${converted} documents (target: at least 50x)`,
    );
  }
  rmSync(work, { recursive: true, force: true });
}
