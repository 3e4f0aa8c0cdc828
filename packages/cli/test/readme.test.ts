/**
 * What the README tells a new user about ports stays true: the address `npm start` serves on, and
 * the ports the browser tests take (and the variable that moves them), read from the code and
 * the Playwright configuration that decide them.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { loadConfig } from "@vanthu/server";

const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

test("bug: the README did not say which ports the browser tests use: it names them and E2E_PORT", () => {
  const readme = read("README.md");
  const config = read("playwright.config.ts");
  const base = /Number\(process\.env\.E2E_PORT \?\? (\d+)\)/.exec(config);
  assert.ok(base, "playwright.config.ts takes its first port from E2E_PORT, with a default");
  const pglite = Number(base[1]);
  // The servers are started one port apart, PGlite first, then PostgreSQL.
  assert.match(config, /\["pglite", "postgres"\]/);
  assert.match(config, /PORT: String\(base \+ i\)/);
  const said = /127\.0\.0\.1:(\d+) \(PGlite\) and (\d+) \(PostgreSQL\)/.exec(
    readme.replace(/\s+/g, " "),
  );
  assert.ok(said, "the README names the browser tests' ports");
  assert.deepEqual([Number(said[1]), Number(said[2])], [pglite, pglite + 1]);
  assert.match(readme, /`E2E_PORT`/, "and how to move them");
  // The address npm start serves on is the server's default port.
  const port = loadConfig({}).port;
  assert.match(readme, new RegExp(`serves on http://127\\.0\\.0\\.1:${port}\\b`));
});
