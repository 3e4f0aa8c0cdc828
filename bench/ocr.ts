/**
 * Text recognition (OCR) cost per page, in CPU seconds (the recogniser's thread included) and
 * wall seconds: the project's own công văn rendered at 300 dpi as a scan, then the scanned PDFs
 * of a folder when given (e.g. ../shared/corpus/files: its S*.pdf). On a busy machine the wall
 * time grows, the CPU time much less: read that one against the ~5 s a page budget.
 *
 *   npm run bench:ocr [-- DIR]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractText } from "@vanthu/extract";
import { closeSharedOcrEngine } from "../packages/extract/src/ocr-engine.ts";
import { png, renderFixture, scanOf } from "../packages/extract/test/ocr-fixtures.ts";

const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

async function measure(name: string, bytes: Uint8Array): Promise<void> {
  const c0 = cpu();
  const t0 = performance.now();
  const r = await extractText(bytes, name);
  const pages = r.ocr?.pages.length ?? 0;
  const c = cpu() - c0;
  const w = (performance.now() - t0) / 1000;
  const per = pages
    ? `${(c / pages).toFixed(2)} s CPU/page, ${(w / pages).toFixed(2)} s wall/page`
    : "no page recognised";
  console.log(`${name.padEnd(36)} ${String(pages).padStart(3)} pages  ${per}`);
}

// The engine's start (~0.5 s) is paid once per reader process: outside the figures.
const fixture = png(scanOf(renderFixture(300).image, { skew: 1.5 }));
await extractText(fixture, "warm-up.png");
await measure("own công văn, 300 dpi, skewed 1.5°", fixture);

const dir = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (dir && existsSync(dir)) {
  let cpuAll = 0;
  let pagesAll = 0;
  for (const f of readdirSync(dir)
    .filter((n) => /\.pdf$/i.test(n))
    .sort()) {
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    const c0 = cpu();
    const r = await extractText(bytes, f);
    const pages = r.ocr?.pages.length ?? 0;
    if (!pages) continue;
    const c = cpu() - c0;
    cpuAll += c;
    pagesAll += pages;
    console.log(
      `${f.slice(0, 36).padEnd(36)} ${String(pages).padStart(3)} pages  ${(c / pages).toFixed(2)} s CPU/page`,
    );
  }
  if (pagesAll)
    console.log(`all scans: ${pagesAll} pages, ${(cpuAll / pagesAll).toFixed(2)} s CPU/page`);
}
await closeSharedOcrEngine();
