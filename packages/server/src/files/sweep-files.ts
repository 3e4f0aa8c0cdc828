/**
 * Removing what failed or killed writes leave in the file store: temporary files older than
 * TMP_AGE_MS, and stored files that no row references, once they are older than ORPHAN_GRACE_MS.
 * Runs at start and as a recurring job (jobs.ts).
 *
 * A file is referenced when any column with a foreign key to files(sha256) names it (read from
 * the catalogue, so a new table that stores files is covered without editing this list), or
 * documents.content_sha256. The grace period covers the moment between a file's write and the
 * commit of its row (callers write first); `FileStore.put` refreshes the time of a file it finds
 * already stored, so an old orphan about to be reused is not swept under its new row.
 *
 * Times are the file system's (wall clock), not the context's clock: mtimes are wall-clock times.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import type { AppContext } from "../context.ts";
import { SHA256, TMP } from "./file-store.ts";

/** A write of the largest upload takes seconds; a quarter of an hour is a write that died. */
export const TMP_AGE_MS = 15 * 60_000;
/** Far longer than the milliseconds between a file's write and its row's commit. */
export const ORPHAN_GRACE_MS = 60 * 60_000;
const BATCH = 500;

export interface SweepResult {
  temporaryRemoved: number;
  orphansRemoved: number;
  kept: number;
}

/** The columns that hold a stored file's sha256. */
export async function fileReferences(
  ctx: Pick<AppContext, "db">,
): Promise<Array<{ table: string; column: string }>> {
  const fks = await sql<{ table: string; column: string }>`
    SELECT cl.relname AS "table", a.attname AS "column"
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'files'::regclass
    ORDER BY 1, 2`.execute(ctx.db);
  return [...fks.rows, { table: "documents", column: "content_sha256" }];
}

async function referenced(
  ctx: AppContext,
  refs: Array<{ table: string; column: string }>,
  shas: string[],
): Promise<Set<string>> {
  if (!shas.length) return new Set();
  const parts = refs.map(
    (r) =>
      sql`SELECT ${sql.ref(r.column)} AS sha FROM ${sql.table(r.table)} WHERE ${sql.ref(r.column)} = ANY (${shas}::text[])`,
  );
  const rows = await sql<{ sha: string }>`${sql.join(parts, sql` UNION `)}`.execute(ctx.db);
  return new Set(rows.rows.map((r) => r.sha));
}

async function list(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => pattern.test(n)).sort();
}

export async function sweepFiles(ctx: AppContext, now = new Date()): Promise<SweepResult> {
  const refs = await fileReferences(ctx);
  const result: SweepResult = { temporaryRemoved: 0, orphansRemoved: 0, kept: 0 };
  const root = ctx.files.dir;
  const mtime = (path: string) =>
    stat(path).then(
      (s) => s.mtimeMs,
      () => null,
    );
  for (const a of await list(root, /^[0-9a-f]{2}$/))
    for (const b of await list(join(root, a), /^[0-9a-f]{2}$/)) {
      const dir = join(root, a, b);
      const old: string[] = [];
      for (const name of await list(dir, /./)) {
        const path = join(dir, name);
        const time = await mtime(path);
        if (time === null) continue;
        if (TMP.test(name)) {
          if (time < now.getTime() - TMP_AGE_MS) {
            await rm(path, { force: true });
            result.temporaryRemoved++;
          }
        } else if (SHA256.test(name)) {
          if (time < now.getTime() - ORPHAN_GRACE_MS) old.push(name);
          else result.kept++;
        }
      }
      for (let i = 0; i < old.length; i += BATCH) {
        const batch = old.slice(i, i + BATCH);
        const used = await referenced(ctx, refs, batch);
        for (const sha of batch) {
          const path = join(dir, sha);
          // Looked at again just before removing: a put() since the listing refreshed it.
          const time = await mtime(path);
          if (used.has(sha) || time === null || time >= now.getTime() - ORPHAN_GRACE_MS) {
            result.kept++;
            continue;
          }
          await rm(path, { force: true });
          result.orphansRemoved++;
        }
      }
    }
  return result;
}
