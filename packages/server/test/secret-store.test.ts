/**
 * The installation's secret store (signing/secret-store.ts): a key file made once in the data
 * directory (0600) or VANTHU_SECRET_KEY; AES-256-GCM blobs bound to their purpose, refused under
 * another key, another purpose or a changed byte.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "@vanthu/server";
import { masterKey, seal, SECRET_KEY_FILE, unseal } from "../src/signing/secret-store.ts";

test("a key file made once in the data directory, 0600, holding the key", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-secret-"));
  try {
    const config = loadConfig({ DATA_DIR: dataDir });
    const key = masterKey(config);
    assert.equal(key.length, 32);
    const file = join(dataDir, SECRET_KEY_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, "utf8").trim(), key.toString("hex"));
    // The next call (and the next process, which reads the file) has the same key.
    assert.deepEqual(masterKey(config), key);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("VANTHU_SECRET_KEY: 64 hex digits or base64 of 32 bytes; anything else refused at start", () => {
  const raw = randomBytes(32);
  for (const given of [raw.toString("hex"), raw.toString("base64")])
    assert.deepEqual(masterKey(loadConfig({ VANTHU_SECRET_KEY: given })), raw);
  assert.throws(() => loadConfig({ VANTHU_SECRET_KEY: "ngắn quá" }), ConfigError);
  assert.throws(() => loadConfig({ VANTHU_SECRET_KEY: "ab".repeat(16) }), ConfigError);
});

test("sealed blobs open only with their key and purpose, and unchanged", () => {
  const key = randomBytes(32);
  const secret = "mật khẩu của văn thư";
  const blob = seal(key, secret, "signers.password:a:agency");
  assert.ok(!Buffer.from(blob).includes(Buffer.from(secret)));
  assert.equal(unseal(key, blob, "signers.password:a:agency").toString("utf8"), secret);
  // Two seals of one secret differ (a fresh IV each).
  assert.notDeepEqual(seal(key, secret, "p"), seal(key, secret, "p"));
  assert.throws(() => unseal(randomBytes(32), blob, "signers.password:a:agency"));
  assert.throws(() => unseal(key, blob, "signers.password:b:agency"));
  const changed = new Uint8Array(blob);
  changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
  assert.throws(() => unseal(key, changed, "signers.password:a:agency"));
  assert.throws(() => unseal(key, new Uint8Array(4), "p"));
});
