/**
 * Builds the web application (Vite) into packages/web/dist and writes a .gz and .br beside every
 * text asset, which the server sends to browsers that accept them. With --if-stale it does
 * nothing when the build is newer than every source file (what `npm start` runs first).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const web = fileURLToPath(new URL("../packages/web/", import.meta.url));
const dist = join(web, "dist");
const stamp = join(dist, ".build-stamp");

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const sources = ["src", "index.html", "vite.config.ts", "package.json"].map((p) => join(web, p));
if (process.argv.includes("--if-stale") && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (sources.every((s) => newest(s) <= built)) process.exit(0);
}

console.log("Building the web application (packages/web)…");
// Vite as the web package resolves it, wherever npm placed it.
const viteBin = join(
  dirname(createRequire(join(web, "package.json")).resolve("vite/package.json")),
  "bin/vite.js",
);
const vite = spawnSync(process.execPath, [viteBin, "build", "--logLevel", "warn"], {
  cwd: web,
  stdio: "inherit",
});
if (vite.status !== 0) process.exit(vite.status ?? 1);

let n = 0;
for (const f of files(dist)) {
  if (!/\.(js|css|html|svg|json)$/.test(f)) continue;
  const bytes = readFileSync(f);
  writeFileSync(`${f}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${f}.br`,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  n++;
}
writeFileSync(stamp, new Date().toISOString() + "\n");
console.log(`Web application built: ${n} files, compressed copies written.`);
