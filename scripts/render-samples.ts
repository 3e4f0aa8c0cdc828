/**
 * Renders the example documents (and the seeds, when ../shared is present) to PDF and, where
 * poppler's pdftoppm is installed, to PNG pages, so that a person can look at them.
 *
 *   node --import tsx scripts/render-samples.ts
 *
 * Examples go to docs/samples/ (committed). Seeds go to docs/samples/seeds/, which git ignores:
 * real documents stay in ../shared.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { layoutDocument, parseDocument } from "@vanthu/core";
import { renderPdf } from "@vanthu/render";

const root = fileURLToPath(new URL("..", import.meta.url));
const jobs: Array<{ from: string; to: string }> = [
  { from: join(root, "examples"), to: join(root, "docs/samples") },
];
const seeds = join(root, "../shared/corpus/seeds");
if (existsSync(seeds)) jobs.push({ from: seeds, to: join(root, "docs/samples/seeds") });

let png = true;
try {
  execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
} catch {
  png = false;
  console.log("pdftoppm not found (apt-get install poppler-utils): PDFs only");
}
for (const { from, to } of jobs) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)
    .filter((n) => /\.(txt|md)$/.test(n))
    .sort()) {
    const doc = parseDocument(readFileSync(join(from, name), "utf8"));
    const pdf = await renderPdf(layoutDocument(doc), {
      creationDate: new Date(Date.UTC(2026, 0, 1)),
      title: doc.subject ?? "",
    });
    const base = join(to, basename(name).replace(/\.\w+$/, ""));
    writeFileSync(`${base}.pdf`, pdf);
    if (png) execFileSync("pdftoppm", ["-png", "-r", "50", `${base}.pdf`, base]);
    console.log(`${base}.pdf${png ? " + png" : ""}`);
  }
}
