/**
 * Signature verification throughput, single-threaded: every signed PDF of the dev corpus
 * (../shared/corpus/files), each file verified whole (read its signatures, check each CMS, its
 * chain and what later revisions changed); signatures verified per second and files per second,
 * the median of rounds. bench/sign (signing, issuing) is a separate bench.
 *
 *   npm run bench:verify [-- --seconds N]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { verifyPdf } from "@vanthu/signatures";
import { numberOption } from "./options.ts";

const seconds = numberOption("--seconds", 4);
const dir = fileURLToPath(new URL("../../shared/corpus/files/", import.meta.url));
if (!existsSync(dir)) {
  console.log("bench:verify: ../shared/corpus/files is absent; nothing to measure.");
  process.exit(0);
}
const files = readdirSync(dir)
  .filter((n) => n.endsWith(".pdf"))
  .map((n) => readFileSync(join(dir, n)))
  .filter((b) => verifyPdf(b).signatures.length > 0);
const perRound = files.reduce((n, b) => n + verifyPdf(b).signatures.length, 0);

const rounds: number[] = [];
const start = performance.now();
while (performance.now() - start < seconds * 1000 || rounds.length < 3) {
  const t = performance.now();
  for (const b of files) verifyPdf(b);
  rounds.push((performance.now() - t) / 1000);
}
rounds.sort((a, b) => a - b);
const median = rounds[Math.floor(rounds.length / 2)]!;
console.log(
  `verify: ${files.length} signed files, ${perRound} signatures a round, ${rounds.length} rounds: ` +
    `${(perRound / median).toFixed(0)} signatures/s, ${(files.length / median).toFixed(1)} files/s (median; ` +
    `best ${(perRound / rounds[0]!).toFixed(0)}, worst ${(perRound / rounds.at(-1)!).toFixed(0)} signatures/s)`,
);
