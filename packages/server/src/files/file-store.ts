/**
 * File contents stored by their sha256 under DATA_DIR/files/ab/cd/<sha256>: the same bytes are
 * stored once, a write is atomic (temporary file, then rename), and a name never collides.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

export class FileStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const path = this.path(sha256);
    if (!existsSync(path)) {
      mkdirSync(join(path, ".."), { recursive: true });
      const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(sha256));
    } catch {
      return null;
    }
  }
}
