/**
 * A backup is a directory: `manifest.json`, `db/` (PGlite's data directory) or `database.pgdump`
 * (pg_dump's custom format, PostgreSQL), and `files/` (the file store, content-addressed). The
 * manifest lists every file with its size and sha256, so that a restore checks the whole backup
 * before it writes anything.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, relative, sep } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DatabaseKind } from "@vanthu/db";

export const MANIFEST = "manifest.json";
export const FORMAT = "vanthu-backup";
export const VERSION = 1;
export const PG_DUMP_FILE = "database.pgdump";

export interface ManifestEntry {
  /** Relative to the backup, "/"-separated: "db/base/5/1259", "files/ab/cd/<sha256>". */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  /** The vanthu that made it. */
  vanthu: string;
  createdAt: string;
  database: DatabaseKind;
  /** The migrations applied to the database when it was copied: the schema's version. */
  migrations: string[];
  documents: number;
  /** pg_dump's file (PostgreSQL), or null when pg_dump was not run. */
  databaseDump: { path: string; tool: string } | null;
  files: { count: number; bytes: number };
  /** Every directory of `db/`, empty ones included: PostgreSQL will not start without them. */
  directories: string[];
  entries: ManifestEntry[];
}

/** Directories (parents first) and regular files under `dir`, relative, "/"-separated, sorted. */
function walkTree(dir: string): { directories: string[]; files: string[] } {
  const directories: string[] = [];
  const files: string[] = [];
  const walk = (at: string) => {
    let items;
    try {
      items = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(at, d.name);
      const rel = relative(dir, path).split(sep).join("/");
      if (d.isDirectory()) {
        directories.push(rel);
        walk(path);
      } else if (d.isFile()) files.push(rel);
    }
  };
  walk(dir);
  return { directories, files };
}

/** Every directory under `dir` (relative, "/"-separated), parents first. */
export const listDirectories = (dir: string): string[] => walkTree(dir).directories;

/** Every regular file under `dir`, relative and "/"-separated, in a stable order. */
export const listFiles = (dir: string): string[] => walkTree(dir).files;

/** sha256 and size of a file, read as a stream (PGlite's segments reach 1 GB). */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** Copies a file, hashing what was written. */
export async function copyHashed(
  from: string,
  to: string,
): Promise<{ sha256: string; size: number }> {
  await mkdir(dirname(to), { recursive: true });
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: "wx" }));
  return { sha256: hash.digest("hex"), size };
}

/** A manifest path that stays inside the backup (no "..", not absolute). */
export function safePath(path: string): boolean {
  if (typeof path !== "string" || !path || isAbsolute(path) || path.includes("\\")) return false;
  const n = normalize(path);
  return (
    n === path &&
    !n.startsWith("..") &&
    (n.startsWith("db/") || n.startsWith("files/") || n === PG_DUMP_FILE)
  );
}
