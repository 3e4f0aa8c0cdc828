/**
 * The first start's peak memory: `vanthu serve` on PGlite with a fresh DATA_DIR (the demo world
 * seeded, as the first `npm start`), in a child process; its peak resident set (VmHWM of
 * /proc/PID/status, Linux) once it says where it listens, and the time until then.
 *
 *   npm run bench:start [-- --runs N] [--ci] [--write-baseline]
 *
 * --ci: one run, printed beside `pgliteFirstStartPeakMiB` in bench/baselines.json with the ratio
 * (a warning past 2x, never a failure: bench/baselines.ts). --write-baseline: writes the median
 * measured into bench/baselines.json; only on purpose, after a change that moves it. Past 500 MiB
 * (issue 18's bound) a warning too, whatever the baseline.
 *
 * The server runs as `npm start` runs it: the build in packages/cli/dist when it is fresh, and
 * PGlite's cluster from its template (packages/db/src/pglite-template.ts) when it has been made.
 * Both are said, since either missing moves the figure (the template alone: about 440 -> 840 MiB).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { templatePath } from "../packages/db/src/pglite-template.ts";
import { buildState } from "../packages/cli/bin/build-state.js";
import { printBeside, writeBaseline } from "./baselines.ts";
import { args, numberOption, root } from "./options.ts";
import { startChild, stop } from "./servers.ts";

const FIGURE = "pgliteFirstStartPeakMiB";
/** Issue 18's bound: 2x of the baseline would let the old figure (about 900 MiB) pass unwarned. */
const LIMIT_MIB = 500;
const CORPUS = "demo";
const ci = args.includes("--ci");
const runs = ci ? 1 : numberOption("--runs", 3);
const BIN = join(root, "packages/cli/bin/vanthu.js");

function peakMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

if (!existsSync("/proc/self/status")) {
  console.log("bench/pglite-start: needs Linux's /proc to read a process's peak memory; skipped");
  process.exit(0);
}

const built = (buildState() as { fresh: boolean }).fresh;
const template = existsSync(templatePath());
console.log(
  `bench/pglite-start: vanthu serve, fresh DATA_DIR, demo world, node ${process.version}; ` +
    `${built ? "built CLI" : "CLI from sources (tsx: more memory)"}; ` +
    `${template ? "PGlite template present" : "no PGlite template (npm run pglite-template): initdb in the server"}`,
);
const peaks: number[] = [];
for (let run = 0; run < runs; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-start-"));
  try {
    const started = performance.now();
    const { child } = await startChild([BIN, "serve"], { DATA_DIR: dataDir, PORT: "0" });
    const ms = performance.now() - started;
    const peak = peakMiB(child.pid!);
    await stop(child);
    peaks.push(peak);
    console.log(
      `  run ${run + 1}: peak ${peak.toFixed(0)} MiB, listening after ${ms.toFixed(0)} ms`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
peaks.sort((a, b) => a - b);
const median = peaks[Math.floor(peaks.length / 2)]!;
if (ci) printBeside(FIGURE, CORPUS, median, "MiB", false);
else console.log(`  median peak ${median.toFixed(0)} MiB over ${runs} runs`);
if (median > LIMIT_MIB)
  console.log(
    `  WARNING: ${FIGURE} ${median.toFixed(0)} MiB is over its bound of ${LIMIT_MIB} MiB`,
  );
if (args.includes("--write-baseline")) writeBaseline(FIGURE, CORPUS, median);
