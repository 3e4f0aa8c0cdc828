/**
 * `vanthu restore DIR`: checks the whole backup against its manifest (every file's size and
 * sha256, the format, the schema this build knows) before it writes anything, then copies it
 * into a staging directory beside DATA_DIR and renames it into place. A target with data is
 * refused unless `force`; then the old `db/` and `files/` are kept as `*.before-restore-<time>`,
 * never deleted.
 *
 * PGlite: the target's data-directory lock is held throughout (the server must be stopped).
 * PostgreSQL: the files are restored, and the database with `pg_restore` when it is on PATH and
 * the backup has a dump; otherwise the command to run is returned.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { listMigrations, openDatabase } from "@vanthu/db";
import type { Config } from "../config.ts";
import { lockDataDir } from "../data-lock.ts";
import { fail, type Issue } from "../errors.ts";
import { toolVersion } from "./create-backup.ts";
import {
  FORMAT,
  MANIFEST,
  VERSION,
  copyHashed,
  hashFile,
  listFiles,
  safePath,
  type Manifest,
} from "./manifest.ts";

const run = promisify(execFile);

export const pgRestoreCommand = (file: string) =>
  `pg_restore --clean --if-exists --no-owner --exit-on-error --dbname "$DATABASE_URL" "${file}"`;

/** Reads and checks a backup; throws BACKUP_NOT_FOUND, BACKUP_CORRUPT or BACKUP_TOO_NEW. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw fail("BACKUP_NOT_FOUND", `no ${MANIFEST} in ${dir}`, [
        { path: join(dir, MANIFEST), message: "" },
      ]);
    throw fail("BACKUP_CORRUPT", `${MANIFEST}: ${(e as Error).message}`, [
      { path: MANIFEST, message: (e as Error).message },
    ]);
  }
  if (manifest?.format !== FORMAT || !Array.isArray(manifest.entries))
    throw fail("BACKUP_CORRUPT", "not a vanthu backup manifest", [{ path: MANIFEST, message: "" }]);
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = (manifest.migrations ?? []).filter((m) => !known.has(m));
  if (manifest.version > VERSION || unknown.length)
    throw fail(
      "BACKUP_TOO_NEW",
      `backup version ${manifest.version}, migrations unknown here: ${unknown.join(", ")}`,
      unknown.map((m) => ({ path: "migrations", message: m })),
    );
  const problems: Issue[] = [];
  for (const d of manifest.directories ?? [])
    if (!(d === "db" || safePath(`${d}/x`)))
      problems.push({ path: String(d), message: "path outside the backup" });
  for (const e of manifest.entries) {
    if (!safePath(e.path)) {
      problems.push({ path: String(e.path), message: "path outside the backup" });
      continue;
    }
    const name = e.path.split("/").pop()!;
    if (e.path.startsWith("files/") && name !== e.sha256)
      problems.push({ path: e.path, message: "a stored file's name is its sha256" });
    const got = await hashFile(join(dir, e.path)).catch(() => null);
    if (!got) problems.push({ path: e.path, message: "missing" });
    else if (got.size !== e.size || got.sha256 !== e.sha256)
      problems.push({ path: e.path, message: `size ${got.size}/${e.size}, sha256 differs` });
  }
  if (problems.length)
    throw fail(
      "BACKUP_CORRUPT",
      `${problems.length} file(s) differ from the manifest`,
      problems.slice(0, 50),
    );
  return manifest;
}

function hasData(dataDir: string): boolean {
  const db = join(dataDir, "db");
  return (
    (existsSync(db) && readdirSync(db).length > 0) || listFiles(join(dataDir, "files")).length > 0
  );
}

async function postgresHasData(url: string): Promise<boolean> {
  const handle = await openDatabase({ databaseUrl: url });
  try {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(
      handle.db,
    );
    return Number(r.rows[0]!.n) > 0;
  } finally {
    await handle.close();
  }
}

export interface RestoreResult {
  manifest: Manifest;
  /** Where the replaced data was kept (force), and what is left to do by hand. */
  notes: string[];
}

export async function restoreBackup(
  config: Config,
  dir: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  const manifest = await verifyBackup(dir);
  const kind = config.databaseUrl ? "postgres" : "pglite";
  if (manifest.database !== kind)
    throw fail("BACKUP_KIND_MISMATCH", `a ${manifest.database} backup, a ${kind} target`);
  const notes: string[] = [];
  const unlock = kind === "pglite" ? lockDataDir(config.dataDir) : () => {};
  const stage = join(config.dataDir, `.restore-${randomBytes(4).toString("hex")}`);
  try {
    const occupied =
      hasData(config.dataDir) ||
      (kind === "postgres" && (await postgresHasData(config.databaseUrl!)));
    if (occupied && !options.force)
      throw fail("RESTORE_TARGET_NOT_EMPTY", `${config.dataDir} has data`, [
        { path: config.dataDir, message: "" },
      ]);
    // Staged beside the target (same file system), checked again as it is copied.
    await mkdir(stage, { recursive: true });
    for (const d of manifest.directories ?? []) await mkdir(join(stage, d), { recursive: true });
    for (const e of manifest.entries) {
      if (e.path === manifest.databaseDump?.path) continue;
      const copied = await copyHashed(join(dir, e.path), join(stage, e.path));
      if (copied.sha256 !== e.sha256)
        throw fail("BACKUP_CORRUPT", `${e.path} changed while restoring`, [
          { path: e.path, message: "changed while restoring" },
        ]);
    }
    await mkdir(join(stage, "files"), { recursive: true });
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
    for (const part of kind === "pglite" ? ["db", "files"] : ["files"]) {
      const target = join(config.dataDir, part);
      if (existsSync(target)) {
        const kept = `${target}.before-restore-${stamp}`;
        await rename(target, kept);
        notes.push(`kept: ${kept}`);
      }
      await rename(join(stage, part), target);
    }
    if (kind === "postgres") {
      const dump = manifest.databaseDump && join(dir, manifest.databaseDump.path);
      if (!dump) notes.push("no-dump");
      else if (await toolVersion("pg_restore")) {
        await run("pg_restore", [
          "--clean",
          "--if-exists",
          "--no-owner",
          "--exit-on-error",
          "--dbname",
          config.databaseUrl!,
          dump,
        ]);
        notes.push(`pg_restore: ${manifest.databaseDump!.path}`);
      } else notes.push(`pg_restore-missing: ${pgRestoreCommand(dump)}`);
    }
    return { manifest, notes };
  } finally {
    await rm(stage, { recursive: true, force: true });
    unlock();
  }
}
