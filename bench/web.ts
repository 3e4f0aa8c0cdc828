/**
 * The web application's weight, as a browser downloads it: the production build (made first if
 * stale), gzip level 9 and brotli 11 as the server sends them. "First page" is what a first
 * visit to /app/ loads before anything is clicked: index.html, the entry chunk, the chunks it
 * preloads and its CSS. Then each page's own extra download, and the portal's home page.
 *
 *   npm run bench:web [-- --budget-kb 300]     (exits 1 when the first page is over budget)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const budgetKb = Number(args[args.indexOf("--budget-kb") + 1] ?? 300) || 300;
const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "packages/web/dist");
execFileSync(
  process.execPath,
  ["--import", "tsx", join(root, "scripts/build-web.ts"), "--if-stale"],
  {
    stdio: "inherit",
  },
);

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  src?: string;
}
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8")) as Record<
  string,
  Chunk
>;
const size = (file: string) => {
  const bytes = readFileSync(join(dist, file));
  return {
    raw: bytes.length,
    gz: gzipSync(bytes, { level: 9 }).length,
    br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const closure = (key: string, seen = new Set<string>()): Set<string> => {
  const c = manifest[key]!;
  if (seen.has(c.file)) return seen;
  seen.add(c.file);
  for (const css of c.css ?? []) seen.add(css);
  for (const i of c.imports ?? []) closure(i, seen);
  return seen;
};
const total = (files: Iterable<string>) => {
  let raw = 0,
    gz = 0,
    br = 0;
  for (const f of files) {
    const s = size(f);
    raw += s.raw;
    gz += s.gz;
    br += s.br;
  }
  return { raw, gz, br };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const first = closure(entryKey);
first.add("index.html");
const firstSize = total(first);
console.log(`\nWeb application (packages/web/dist), sizes as sent:`);
console.log(
  `  first page (/app/, ${first.size} files)   raw ${kb(firstSize.raw)}   gzip ${kb(firstSize.gz)}   brotli ${kb(firstSize.br)}   budget ${budgetKb} KB gzip`,
);
console.log(`  each page's extra download on first visit (gzip):`);
for (const [key, c] of Object.entries(manifest)) {
  if (!c.isDynamicEntry) continue;
  const own = [...closure(key)].filter((f) => !first.has(f));
  const s = total(own);
  console.log(
    `    ${(c.src ?? key).replace("src/pages/", "").padEnd(22)} ${kb(s.gz).padStart(10)}`,
  );
}
const all = total(
  Object.values(manifest)
    .flatMap((c) => [c.file, ...(c.css ?? [])])
    .filter((f, i, a) => a.indexOf(f) === i),
);
console.log(`  whole application: raw ${kb(all.raw)}   gzip ${kb(all.gz)}`);

if (!existsSync(join(dist, "index.html.gz")))
  console.log("  (no pre-compressed copies: run npm run build:web)");
if (firstSize.gz > budgetKb * 1024) {
  console.error(`\nFirst page ${kb(firstSize.gz)} gzip is over the ${budgetKb} KB budget.`);
  process.exit(1);
}
