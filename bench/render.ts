/**
 * Rendering throughput, single-threaded: documents/s for PDF, .docx and HTML from the same layout
 * models, over a folder of documents (the dev corpus when ../shared is present, else the
 * examples). Where LibreOffice is installed, the same .docx files are converted to PDF by
 * `soffice --headless` in one batch in the same run, and the ratio is printed.
 *
 *   npm run bench:render [-- DIR] [--seconds N] [--lo-docs N]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layoutDocument, parseDocument, type LayoutModel } from "@vanthu/core";
import { findSerifFonts, renderDocx, renderHtml, renderPdf } from "@vanthu/render";
import { documentsDir, numberOption } from "./options.ts";

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
console.log(
  `bench/render: ${models.length} documents from ${dir}, node ${process.version}, single thread, PDF font ${fonts.source}`,
);
const pdf = await measure((m) => renderPdf(m, { fonts }));
console.log(`  pdf    ${pdf.toFixed(1)} documents/s`);
const docx = await measure((m) => renderDocx(m));
console.log(`  docx   ${docx.toFixed(1)} documents/s`);
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
  const convert = (batch: string[]): void => {
    const args = [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      ...batch,
    ];
    execFileSync(soffice, args, { stdio: "ignore", timeout: 600_000 });
  };
  // One warm-up conversion (first start builds the profile), then the batch.
  convert(files.slice(0, 1));
  const start = performance.now();
  convert(files);
  const seconds = (performance.now() - start) / 1000;
  const lo = files.length / seconds;
  const converted = readdirSync(work).filter((n) => n.endsWith(".pdf")).length;
  console.log(
    `  LibreOffice .docx -> PDF  ${lo.toFixed(2)} documents/s (${converted} of ${files.length} in one soffice batch, ${seconds.toFixed(1)} s)`,
  );
  // The ratio on the same documents LibreOffice converted.
  const same =
    loDocs === models.length
      ? pdf
      : await measure((m) => renderPdf(m, { fonts }), models.slice(0, loDocs));
  console.log(
    `  ratio  vanthu PDF / LibreOffice = ${(same / lo).toFixed(0)}x on the same ${loDocs} documents (target: at least 50x)`,
  );
  rmSync(work, { recursive: true, force: true });
}
