/**
 * The installation's secrets at rest (a PKCS#12 file, an agency's PKCS#12 password, a signing
 * service's secret): AES-256-GCM under one master key, VANTHU_SECRET_KEY when configured, else
 * a key file made once in the data directory (`secret.key`, mode 0600; every process of the
 * installation shares the directory, so they share the key). A sealed value is bound to what it
 * is for (`purpose`, the AAD): a blob cannot be moved to another row or column and opened there.
 *
 * Layout: 1 byte version (1), 12 bytes IV, 16 bytes tag, the ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.ts";

const VERSION = 1;
export const SECRET_KEY_FILE = "secret.key";

const keys = new Map<string, Buffer>();

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new Error("the secret key is not 32 bytes");
  return key;
}

/** The master key: from the configuration, or the data directory's key file (made on first use). */
export function masterKey(config: Pick<Config, "secretKey" | "dataDir">): Buffer {
  if (config.secretKey) return parseKey(config.secretKey);
  const file = join(config.dataDir, SECRET_KEY_FILE);
  const known = keys.get(file);
  if (known) return known;
  let key: Buffer;
  try {
    key = parseKey(readFileSync(file, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(config.dataDir, { recursive: true });
    try {
      // "wx": two processes starting at once make one key; the loser reads the winner's.
      writeFileSync(file, randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code !== "EEXIST") throw w;
    }
    key = parseKey(readFileSync(file, "utf8"));
  }
  keys.set(file, key);
  return key;
}

export function seal(key: Buffer, plain: Uint8Array | string, purpose: string): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const body = Buffer.concat([
    cipher.update(typeof plain === "string" ? Buffer.from(plain, "utf8") : plain),
    cipher.final(),
  ]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]));
}

/** Throws when the blob was sealed under another key or for another purpose, or was changed. */
export function unseal(key: Buffer, sealed: Uint8Array, purpose: string): Buffer {
  const b = Buffer.from(sealed);
  if (b.length < 29 || b[0] !== VERSION) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, b.subarray(1, 13));
  decipher.setAAD(Buffer.from(purpose, "utf8"));
  decipher.setAuthTag(b.subarray(13, 29));
  return Buffer.concat([decipher.update(b.subarray(29)), decipher.final()]);
}
