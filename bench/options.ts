/**
 * What the benchmarks share: their command line (`--name N` options, a folder of documents), the
 * repository's root, and the percentile they report. Importing it also makes a benchmark end
 * quietly when its output is piped into a reader that stops early (`| head`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

process.stdout.on("error", () => process.exit(0));

export const args = process.argv.slice(2);
export const root = fileURLToPath(new URL("..", import.meta.url));

/** The number after `name` on the command line, or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/**
 * The folder of documents to measure: the first argument that is neither an option nor an
 * option's value, else the dev corpus when ../shared is present, else our examples.
 */
export function documentsDir(): string {
  return [
    args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")),
    join(root, "../shared/corpus/dev"),
    join(root, "examples"),
  ].find((d): d is string => !!d && existsSync(d))!;
}

/** The value at fraction p (0.5: the median; 0.95: p95) of the figures, by rank. */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}
