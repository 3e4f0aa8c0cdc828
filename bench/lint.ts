/**
 * Linter throughput, single-threaded, over a folder of documents (the dev corpus when ../shared is
 * present, else the examples): documents/s for parse + lint (what the editor runs on every
 * keystroke) and for lint alone on an already parsed document, each the median of rounds.
 *
 *   npm run bench:lint [-- DIR] [--seconds N] [--ci] [--write-baseline]
 *
 * --ci: parse + lint alone for about 3 seconds, its milliseconds per keystroke (one parse and
 * lint of a document) printed beside `lintMsPerKeystroke` in bench/baselines.json with the
 * ratio (a warning past 2x, never a failure: bench/baselines.ts).
 * --write-baseline: writes the figure measured into bench/baselines.json; only on purpose, on
 * the machine the file names, after a change that moves it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lintDocument, normalizeText, parseDocument } from "@vanthu/core";
import { corpusName, printBeside, writeBaseline } from "./baselines.ts";
import { args, documentsDir, numberOption } from "./options.ts";

const ci = args.includes("--ci");
const seconds = numberOption("--seconds", ci ? 2 : 4);
const dir = documentsDir();
const texts = readdirSync(dir)
  .filter((n) => /\.(txt|md)$/.test(n))
  .map((n) => normalizeText(readFileSync(join(dir, n), "utf8")));
const parsed = texts.map((t) => parseDocument(t));

function measure(work: (i: number) => void): { median: number; best: number; worst: number } {
  for (let r = 0; r < 2; r++) texts.forEach((_, i) => work(i));
  const rounds: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || rounds.length < 3) {
    const t = performance.now();
    let n = 0;
    while (performance.now() - t < 1000) {
      texts.forEach((_, i) => work(i));
      n += texts.length;
    }
    rounds.push(n / ((performance.now() - t) / 1000));
  }
  rounds.sort((a, b) => a - b);
  return {
    median: rounds[Math.floor(rounds.length / 2)]!,
    best: rounds[rounds.length - 1]!,
    worst: rounds[0]!,
  };
}

let findings = 0;
texts.forEach((t, i) => (findings += lintDocument(parsed[i]!, { text: t }).length));
console.log(
  `bench/lint: ${texts.length} documents from ${dir}, ${findings} findings, node ${process.version}, single thread`,
);
const both = measure((i) => lintDocument(parseDocument(texts[i]!), { text: texts[i]! }));
console.log(
  `  parse + lint  ${both.median.toFixed(0)} documents/s (median; best ${both.best.toFixed(0)}, worst ${both.worst.toFixed(0)})`,
);
const msPerKeystroke = 1000 / both.median;
if (ci) {
  printBeside("lintMsPerKeystroke", corpusName(dir), msPerKeystroke, "ms", false);
  if (args.includes("--write-baseline"))
    writeBaseline("lintMsPerKeystroke", corpusName(dir), msPerKeystroke);
  process.exit(0);
}
const lintOnly = measure((i) => lintDocument(parsed[i]!, { text: texts[i]! }));
console.log(
  `  lint only     ${lintOnly.median.toFixed(0)} documents/s (median; best ${lintOnly.best.toFixed(0)}, worst ${lintOnly.worst.toFixed(0)})`,
);
const mean = texts.reduce((n, t) => n + t.length, 0) / texts.length;
console.log(
  `  per keystroke ${(msPerKeystroke * 1000).toFixed(0)} µs for a mean document of ${(mean / 1024).toFixed(1)} K characters`,
);
if (args.includes("--write-baseline"))
  writeBaseline("lintMsPerKeystroke", corpusName(dir), msPerKeystroke);
