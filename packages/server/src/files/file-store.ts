/**
 * File contents stored by their sha256 under DATA_DIR/files/ab/cd/<sha256>: the same bytes are
 * stored once, a write is atomic (temporary file, then rename), and a name never collides.
 *
 * A write that fails (a full disk, a read-only one) leaves no temporary file behind and becomes
 * an AppError with a stable code; callers store the file before the transaction that records it,
 * so a failed write leaves no row either. A transaction that fails after the write leaves an
 * unreferenced file, which `sweepFiles` removes after a grace period.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import * as fsp from "node:fs/promises";
import { join } from "node:path";
import { fail } from "../errors.ts";

/** The file system calls the store makes: node's, or a failing one in tests. */
export interface StoreFs {
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  stat(path: string): Promise<{ mtimeMs: number; size: number }>;
  utimes(path: string, atime: Date, mtime: Date): Promise<void>;
  readFile(path: string): Promise<Buffer>;
}

export const nodeFs: StoreFs = {
  writeFile: (p, b) => fsp.writeFile(p, b),
  rename: fsp.rename,
  rm: fsp.rm,
  mkdir: fsp.mkdir,
  stat: fsp.stat,
  utimes: fsp.utimes,
  readFile: (p) => fsp.readFile(p),
};

export const SHA256 = /^[0-9a-f]{64}$/;
/** Temporary files: `<sha256>.<random>.tmp` beside where the file goes. */
export const TMP = /^[0-9a-f]{64}\.[0-9a-f]{12}\.tmp$/;

const FULL = new Set(["ENOSPC", "EDQUOT"]);
const UNAVAILABLE = new Set(["EROFS", "EACCES", "EPERM", "EIO"]);

/** The API's error for a failed write, or the error itself when it is not about the disk. */
export function storageError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  if (FULL.has(code)) return fail("STORAGE_FULL", `file store: ${(e as Error).message}`);
  if (UNAVAILABLE.has(code))
    return fail("STORAGE_UNAVAILABLE", `file store: ${(e as Error).message}`);
  return e;
}

export class FileStore {
  constructor(
    readonly dir: string,
    readonly fs: StoreFs = nodeFs,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const path = this.path(sha256);
    const existing = await this.fs.stat(path).catch(() => null);
    if (existing && existing.size === bytes.length) {
      // Stored already (perhaps an orphan about to be swept): a fresh time restarts its grace
      // period, so the sweep leaves it to the row this write is for.
      const now = new Date();
      await this.fs.utimes(path, now, now).catch(() => undefined);
      return { sha256, size: bytes.length };
    }
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await this.fs.mkdir(join(path, ".."), { recursive: true });
      await this.fs.writeFile(tmp, bytes);
      await this.fs.rename(tmp, path);
    } catch (e) {
      await this.fs.rm(tmp, { force: true }).catch(() => undefined);
      throw storageError(e);
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await this.fs.readFile(this.path(sha256));
    } catch {
      return null;
    }
  }
}
