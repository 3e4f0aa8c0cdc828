/**
 * Lints every document of a folder and prints the count of findings per rule and severity, then
 * every error in full, so that a person can read them and judge each rule on real documents.
 *
 *   npm run lint-report -- ../shared/corpus/dev [--issued] [--all]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lintDocument, normalizeText, parseDocument, type Diagnostic } from "@vanthu/core";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--"));
if (!dir) {
  console.error("usage: npm run lint-report -- DIR [--issued] [--all]");
  process.exit(2);
}
const issued = args.includes("--issued");
const all = args.includes("--all");
const counts = new Map<string, Record<Diagnostic["severity"], number>>();
const shown: string[] = [];
const files = readdirSync(dir)
  .filter((n) => /\.(?:txt|md)$/.test(n))
  .sort();
for (const name of files) {
  const text = normalizeText(readFileSync(join(dir, name), "utf8"));
  // Every finding counted: a report over a folder must not be cut at the default cap.
  const diagnostics = lintDocument(
    parseDocument(text),
    { text, status: issued ? "issued" : "draft" },
    { maxFindings: Infinity, stopAfter: Infinity },
  );
  for (const d of diagnostics) {
    const key = d.params?.variant ? `${d.code} (${d.params.variant})` : d.code;
    const c = counts.get(key) ?? { error: 0, warning: 0, info: 0 };
    c[d.severity]++;
    counts.set(key, c);
    if (d.severity === "error" || all) {
      const excerpt = text.slice(d.start, Math.min(d.end, d.start + 90)).replace(/\s+/g, " ");
      shown.push(
        `${name}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}\n    «${excerpt}»`,
      );
    }
  }
}
console.log(
  `lint report on ${dir}: ${files.length} documents (${issued ? "as issued" : "as drafts"})`,
);
console.log("rule".padEnd(48), "error  warning  info");
for (const [key, c] of [...counts.entries()].sort()) {
  console.log(
    key.padEnd(48),
    String(c.error).padStart(5),
    String(c.warning).padStart(8),
    String(c.info).padStart(5),
  );
}
if (shown.length) console.log(`\n${all ? "findings" : "errors"}:\n${shown.join("\n")}`);
