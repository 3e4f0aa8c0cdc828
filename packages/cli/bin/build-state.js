// Whether the build in packages/cli/dist (scripts/build-cli.ts) was made from the sources as they
// are now. The build lists every file it read (sources, package.json files, the build script)
// with its size, modification time and sha256: a file whose size differs, or whose time differs
// and whose content does too, or that is gone, makes the build stale. About 160 stat calls, 1 ms
// (string paths: through URLs they took ten times as long); a file is hashed only when its time
// changed (a checkout that rewrote it unchanged), and node:crypto is loaded only then.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
export const MANIFEST = "build.json";

/**
 * @param {string} [dist] the build's directory, ending in a separator
 * @returns {{ built: boolean, fresh: boolean, changed?: string }} `built`: a build is there;
 *   `fresh`: it matches the sources; `changed`: the first input found changed (absolute path)
 */
export function buildState(dist = DIST) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(dist + MANIFEST, "utf8"));
  } catch {
    return { built: false, fresh: false };
  }
  for (const [path, input] of Object.entries(manifest.inputs)) {
    const info = statSync(dist + path, { throwIfNoEntry: false });
    if (
      !info ||
      info.size !== input.size ||
      (info.mtimeMs !== input.mtimeMs && sha256(dist + path) !== input.sha256)
    )
      return { built: true, fresh: false, changed: resolve(dist, path) };
  }
  return { built: true, fresh: true };
}

/** @param {string} file */
export function sha256(file) {
  const { createHash } = createRequire(import.meta.url)("node:crypto");
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
