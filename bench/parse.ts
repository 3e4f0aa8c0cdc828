/**
 * Parser throughput, single-threaded: documents/s and MB/s over a folder of documents (the dev
 * corpus when ../shared is present, else the examples), then the time per MB on inputs of
 * growing size, to show the parser is linear.
 *
 *   npm run bench:parse [-- DIR] [--seconds N]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "@vanthu/core";

const args = process.argv.slice(2);
process.stdout.on("error", () => process.exit(0));
const secondsArg = args.indexOf("--seconds");
const seconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : 5;
const root = fileURLToPath(new URL("..", import.meta.url));
const candidates = [
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--seconds"),
  join(root, "../shared/corpus/dev"),
  join(root, "examples"),
];
const dir = candidates.find((d): d is string => !!d && existsSync(d))!;
const docs = readdirSync(dir)
  .filter((n) => /\.(txt|md)$/.test(n))
  .map((n) => readFileSync(join(dir, n), "utf8"));
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
const q = (p: number): number =>
  perDoc[Math.min(perDoc.length - 1, Math.floor(p * perDoc.length))]!;
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
  `  per document  p50 ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, max ${perDoc[perDoc.length - 1]!.toFixed(3)} ms`,
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
