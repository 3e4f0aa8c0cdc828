/**
 * The committed figures a benchmark's CI run is printed beside (`bench/baselines.json`): one
 * figure per corpus ("dev": ../shared/corpus/dev, "examples": our examples), measured on the
 * machine the file names. A CI run prints its figure, the baseline and their ratio, and a warning
 * past `WARN_FACTOR` either way; it never fails on the figure (two shared cores are noisy).
 *
 * The file changes only on purpose: a bench rewrites its own figure for the corpus it measured
 * when run with `--write-baseline` (after a change that moves it, on the machine the file
 * names), and the commit says why.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { root } from "./options.ts";

export const BASELINES_FILE = join(root, "bench/baselines.json");

/** Past this factor worse than its baseline (or better: a bench that measures less), a warning. */
export const WARN_FACTOR = 2;

/** A figure per corpus, and where and when it was measured ("measured"). */
type Figures = Record<string, number | string>;
interface Baselines {
  comment?: string;
  [figure: string]: Figures | string | undefined;
}

/** "dev" or "examples" for the folders baselines are kept for, else null. */
export function corpusName(dir: string): string | null {
  const d = resolve(dir);
  if (d === resolve(root, "../shared/corpus/dev")) return "dev";
  if (d === resolve(root, "examples")) return "examples";
  return null;
}

function read(): Baselines {
  try {
    return JSON.parse(readFileSync(BASELINES_FILE, "utf8")) as Baselines;
  } catch {
    return {};
  }
}

/**
 * Prints `value` beside its baseline and the ratio (value / baseline), with a warning past
 * WARN_FACTOR. `higherIsBetter`: documents/s (true) or milliseconds (false).
 */
export function printBeside(
  figure: string,
  corpus: string | null,
  value: number,
  unit: string,
  higherIsBetter: boolean,
): void {
  const all = read();
  const entry = all[figure];
  const figures = typeof entry === "object" ? entry : {};
  const base = corpus ? figures[corpus] : undefined;
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(2);
  if (typeof base !== "number") {
    console.log(
      `  ${figure} ${shown} ${unit}: no baseline for this corpus in bench/baselines.json`,
    );
    return;
  }
  const ratio = value / base;
  const better = higherIsBetter ? ratio : 1 / ratio;
  console.log(
    `  ${figure} ${shown} ${unit}, baseline ${base} (${figures.measured ?? "when and where not said"}): ratio ${ratio.toFixed(2)}` +
      ` (${better >= 1 ? `${better.toFixed(2)}x better` : `${(1 / better).toFixed(2)}x worse`})`,
  );
  if (better < 1 / WARN_FACTOR)
    console.log(`  WARNING: ${figure} is more than ${WARN_FACTOR}x worse than its baseline`);
  else if (better > WARN_FACTOR)
    console.log(
      `  WARNING: ${figure} is more than ${WARN_FACTOR}x better than its baseline: is the bench still measuring the same work? (update the baseline with --write-baseline if so)`,
    );
}

/** Writes `value` as the baseline of `figure` for `corpus`, with this machine and today. */
export function writeBaseline(figure: string, corpus: string | null, value: number): void {
  if (!corpus) throw new Error("baselines are kept for the dev corpus and the examples only");
  const all = read();
  const entry = typeof all[figure] === "object" ? (all[figure] as Figures) : {};
  entry[corpus] = Number(value.toPrecision(3));
  entry.measured = `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, node ${process.version}`;
  all[figure] = entry;
  writeFileSync(BASELINES_FILE, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`  wrote ${figure}.${corpus} = ${entry[corpus]} to bench/baselines.json`);
}
