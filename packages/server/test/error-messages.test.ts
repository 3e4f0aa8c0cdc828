/**
 * Every error code the server can answer with has a message for people: a code without one fell
 * back to "Đã có lỗi trong hệ thống" (an empty upload, EMPTY_FILE, told the clerk the system had
 * failed). The codes are read from the sources: fail("CODE", ...) and the import's table of
 * extraction codes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ERROR_MESSAGES_VI } from "../src/messages.vi.ts";
import { errorBody, fail } from "../src/errors.ts";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

test("every code the server fails with has a Vietnamese message", () => {
  const codes = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bfail\(\s*"([A-Z][A-Z0-9_]+)"/g)) codes.add(m[1]!);
    const table = /const EXTRACT_CODES[^=]*=\s*\{([\s\S]*?)\};/.exec(text);
    if (table) for (const m of table[1]!.matchAll(/:\s*"([A-Z][A-Z0-9_]+)"/g)) codes.add(m[1]!);
  }
  assert.ok(codes.size > 30, `codes found: ${codes.size}`);
  const missing = [...codes].filter((c) => !(c in ERROR_MESSAGES_VI)).sort();
  assert.deepEqual(missing, [], "codes without a message");
});

test("an empty or encrypted upload is a 4xx that says so", () => {
  for (const code of ["EMPTY_FILE", "FILE_ENCRYPTED", "LEGACY_ENCODING_VNI"]) {
    const e = fail(code);
    assert.ok(e.status >= 400 && e.status < 500, code);
    assert.notEqual(errorBody(e).error.message, ERROR_MESSAGES_VI.INTERNAL, code);
  }
});
