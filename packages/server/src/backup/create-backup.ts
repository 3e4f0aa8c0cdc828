/**
 * `vanthu backup DIR`: a copy of the database and the stored files that `restoreBackup` checks
 * and puts back.
 *
 * PGlite: the data directory is copied while this process holds the data-directory lock, so the
 * server must be stopped (a copy of a directory that a running PostgreSQL writes is not
 * consistent, and PGlite has no online backup to a file). Before the copy the database is opened
 * once and checkpointed, so the copy is of a cleanly shut down cluster even after a kill -9.
 * We chose the directory over PGlite's `dumpDataDir()` tarball: the same bytes, but each file
 * gets its own checksum, and a restore needs no PGlite to unpack it.
 *
 * PostgreSQL: the server may keep running. `pg_dump --format=custom` is run when it is on PATH
 * (its file is listed in the manifest like any other), else the command is printed; the files
 * are copied after the dump, so every file a dumped row names is already stored (files are
 * written before their rows and never changed).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { openDatabase } from "@vanthu/db";
import type { Config } from "../config.ts";
import { lockDataDir } from "../data-lock.ts";
import { fail } from "../errors.ts";
import { SHA256 } from "../files/file-store.ts";
import { SECRET_KEY_FILE } from "../signing/secret-store.ts";
import {
  FORMAT,
  MANIFEST,
  PG_DUMP_FILE,
  VERSION,
  copyHashed,
  hashFile,
  listDirectories,
  listFiles,
  type Manifest,
  type ManifestEntry,
} from "./manifest.ts";

const run = promisify(execFile);

/** Whether a program is on PATH, and its version line. */
export async function toolVersion(name: string): Promise<string | null> {
  try {
    const { stdout } = await run(name, ["--version"]);
    return stdout.trim();
  } catch {
    return null;
  }
}

export const pgDumpCommand = (dir: string) =>
  `pg_dump --format=custom --file "${join(dir, PG_DUMP_FILE)}" "$DATABASE_URL"`;

export interface BackupResult {
  manifest: Manifest;
  /** What the person should know: pg_dump run or to run, damaged stored files skipped. */
  notes: string[];
}

async function readSchema(url: string | null, dataDir: string) {
  const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir });
  try {
    const migrations = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`
      .execute(handle.db)
      .then((r) => r.rows.map((m) => m.name))
      .catch(() => [] as string[]);
    const documents = migrations.length
      ? Number(
          (await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(handle.db))
            .rows[0]!.n,
        )
      : 0;
    // PGlite: everything on disk in the data files, so the copy needs no WAL replay.
    if (!url) await sql`CHECKPOINT`.execute(handle.db);
    return { migrations, documents };
  } finally {
    await handle.close();
  }
}

export async function createBackup(
  config: Config,
  dir: string,
  options: { now?: Date; version?: string } = {},
): Promise<BackupResult> {
  if (existsSync(dir) && readdirSync(dir).length)
    throw fail("BACKUP_TARGET_NOT_EMPTY", `${dir} is not empty`, [{ path: dir, message: "" }]);
  const kind = config.databaseUrl ? "postgres" : "pglite";
  const dbDir = join(config.dataDir, "db");
  const notes: string[] = [];
  const entries: ManifestEntry[] = [];
  const directories: string[] = [];
  let unlock = () => {};
  let databaseDump: Manifest["databaseDump"] = null;
  let schema: { migrations: string[]; documents: number };
  try {
    if (kind === "pglite") {
      if (!existsSync(dbDir) || !readdirSync(dbDir).length)
        throw fail("BACKUP_NO_DATA", `no database in ${dbDir}`, [{ path: dbDir, message: "" }]);
      unlock = lockDataDir(config.dataDir);
      schema = await readSchema(null, dbDir);
      await mkdir(dir, { recursive: true });
      directories.push("db", ...listDirectories(dbDir).map((d) => `db/${d}`));
      for (const rel of listFiles(dbDir)) {
        const copied = await copyHashed(join(dbDir, rel), join(dir, "db", rel));
        entries.push({ path: `db/${rel}`, ...copied });
      }
    } else {
      schema = await readSchema(config.databaseUrl, dbDir);
      await mkdir(dir, { recursive: true });
      const tool = await toolVersion("pg_dump");
      if (tool) {
        await run("pg_dump", [
          "--format=custom",
          "--no-owner",
          "--file",
          join(dir, PG_DUMP_FILE),
          "--dbname",
          config.databaseUrl!,
        ]);
        entries.push({ path: PG_DUMP_FILE, ...(await hashFile(join(dir, PG_DUMP_FILE))) });
        databaseDump = { path: PG_DUMP_FILE, tool };
        notes.push(`pg_dump: ${PG_DUMP_FILE} (${tool})`);
      } else notes.push(`pg_dump-missing: ${pgDumpCommand(dir)}`);
    }
    // The file store: only stored files (their name is their sha256), never temporary ones.
    const filesDir = join(config.dataDir, "files");
    let count = 0;
    let bytes = 0;
    for (const rel of listFiles(filesDir)) {
      const name = rel.split("/").pop()!;
      if (!SHA256.test(name)) continue;
      const copied = await copyHashed(join(filesDir, rel), join(dir, "files", rel));
      if (copied.sha256 !== name) notes.push(`damaged: files/${rel}`);
      entries.push({ path: `files/${rel}`, ...copied });
      count++;
      bytes += copied.size;
    }
    // The installation's secret key (signing/secret-store.ts) is not copied: next to the sealed
    // secrets it would open them for whoever holds the backup. Kept apart, it is put back by hand.
    if (!config.secretKey && existsSync(join(config.dataDir, SECRET_KEY_FILE)))
      notes.push(`secret-key: ${join(config.dataDir, SECRET_KEY_FILE)}`);
    const manifest: Manifest = {
      format: FORMAT,
      version: VERSION,
      vanthu: options.version ?? "0.1.0",
      createdAt: (options.now ?? new Date()).toISOString(),
      database: kind,
      migrations: schema.migrations,
      documents: schema.documents,
      databaseDump,
      files: { count, bytes },
      directories,
      entries,
    };
    // The manifest last, atomically: a backup without one is unfinished and restore says so.
    const tmp = join(dir, `${MANIFEST}.tmp`);
    await writeFile(tmp, JSON.stringify(manifest, null, 1));
    await rename(tmp, join(dir, MANIFEST));
    await stat(join(dir, MANIFEST));
    return { manifest, notes };
  } finally {
    unlock();
  }
}
