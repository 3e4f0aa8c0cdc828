import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import semver from "semver";

/**
 * Every package the lockfile installs runs on the Node the README names (package.json's
 * engines): npm only warns when one does not (cookie@2 and nanoid@6 wanted Node 22 while
 * the product runs on 20), and `.npmrc` makes that warning an error in `npm ci`.
 */
const root = new URL("../../../", import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), "utf8")) as T;

test("bug: install warned that cookie@2 and nanoid@6 want Node 22: every locked dependency supports the Node the project runs on", () => {
  const wanted = readJson<{ engines: { node: string } }>("package.json").engines.node;
  const lowest = semver.minVersion(wanted)!.version;
  const lock = readJson<{
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  }>("package-lock.json");
  const misfits: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
    if (!path || !range || !semver.validRange(range)) continue;
    if (!semver.satisfies(lowest, range) || !semver.satisfies(process.version, range))
      misfits.push(`${path}@${pkg.version}: node ${range}`);
  }
  assert.deepEqual(misfits, [], `dependencies that need another Node than ${wanted}`);
});

test("npm refuses, not warns, on an engine mismatch", () => {
  const npmrc = readFileSync(new URL(".npmrc", root), "utf8");
  assert.match(npmrc, /^engine-strict=true$/m);
});
