/**
 * An import item is a job: taken with FOR UPDATE SKIP LOCKED (several processes share the queue,
 * none takes an item another holds), held by a lease its worker renews while it reads, taken
 * again when the lease has run out (the process died in the middle). Processing is idempotent:
 * the documents and the item's "done" are written in one transaction, the item row locked first,
 * and the documents with ON CONFLICT on (agency, file hash, part); an item taken twice (a lease
 * that ran out under a slow reader) imports its file once.
 *
 * Failures: a bad file (corrupt, encrypted, a scan without text, over a limit) fails the item with
 * the API's stable code at once; a passing trouble (the reader full, the database or the file
 * store out of reach, an unexpected error) puts it back in the queue a little later, up to
 * MAX_ATTEMPTS takings; an item whose lease ran out MAX_ATTEMPTS times (a file that kills its
 * process) fails with IMPORT_INTERRUPTED.
 */
import { sql, type Transaction } from "kysely";
import type { Database, ImportedPart } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { AppError, fail } from "../errors.ts";
import { isDatabaseUnavailable } from "../database-unavailable.ts";
import { verifyStoredFile } from "../verification/verify-file.ts";
import {
  checkImportFile,
  findImported,
  readImportFile,
  readNotes,
  saveImportedDocuments,
} from "../documents/import-file.ts";

export const MAX_ATTEMPTS = 5;
/** How long a taking holds without renewal; renewed every third of it while the file is read. */
export const DEFAULT_LEASE_MS = 60_000;

export interface ClaimedItem {
  id: number;
  batchId: string;
  name: string;
  sha256: string;
  size: number;
  attempts: number;
  /** This taking: the worker and a counter; every write of the outcome checks it. */
  token: string;
}

/** Codes that say "try again later", not "this file is bad". */
const PASSING = new Set([
  "READER_BUSY",
  "DATABASE_UNAVAILABLE",
  "STORAGE_UNAVAILABLE",
  "STORAGE_FULL",
]);

let takings = 0;

/**
 * Takes up to `limit` items: queued ones whose time has come and read ones whose lease ran out,
 * the first file of each batch before the second of any (batches share the workers), then older
 * ones first. Items that ran out of attempts are failed instead.
 */
export async function claimItems(
  ctx: AppContext,
  worker: string,
  limit: number,
  options: { leaseMs?: number; batchId?: string } = {},
): Promise<ClaimedItem[]> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const token = `${worker}#${++takings}`;
  const now = ctx.now();
  const spent = sql<boolean>`attempts >= ${MAX_ATTEMPTS}`;
  const detail = `${MAX_ATTEMPTS} takings ended without an outcome`;
  // One statement (one commit: on PGlite every commit is a write in this process's event loop).
  const taken = await ctx.db
    .updateTable("import_items")
    .set({
      status: sql`CASE WHEN ${spent} THEN 'failed' ELSE 'reading' END`,
      locked_by: sql`CASE WHEN ${spent} THEN NULL ELSE ${token} END`,
      lease_until: sql`CASE WHEN ${spent} THEN NULL ELSE ${new Date(now.getTime() + leaseMs)}::timestamptz END`,
      attempts: sql`CASE WHEN ${spent} THEN attempts ELSE attempts + 1 END`,
      started_at: sql`coalesce(started_at, ${now}::timestamptz)`,
      error_code: sql`CASE WHEN ${spent} THEN ${fail("IMPORT_INTERRUPTED").code} ELSE error_code END`,
      error_detail: sql`CASE WHEN ${spent} THEN ${detail} ELSE error_detail END`,
      finished_at: sql`CASE WHEN ${spent} THEN ${now}::timestamptz ELSE NULL END`,
      sha256: sql`CASE WHEN ${spent} THEN NULL ELSE sha256 END`,
    })
    .where("id", "in", (eb) => {
      let q = eb
        .selectFrom("import_items")
        .select("id")
        .where("status", "in", ["queued", "reading"])
        .where((w) =>
          w.or([
            w.and([w("status", "=", "queued"), w("run_after", "<=", now)]),
            w.and([w("status", "=", "reading"), w("lease_until", "<", now)]),
          ]),
        );
      if (options.batchId) q = q.where("batch_id", "=", options.batchId);
      return q.orderBy("position").orderBy("id").limit(limit).forUpdate().skipLocked();
    })
    .returning(["id", "batch_id", "position", "name", "sha256", "size", "attempts", "status"])
    .execute();
  return taken
    .filter((r) => r.status === "reading")
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map((r) => ({
      id: r.id,
      batchId: r.batch_id,
      name: r.name,
      sha256: r.sha256!,
      size: r.size,
      attempts: r.attempts,
      token,
    }));
}

/** Extends a taking's lease; false when the item is no longer held by it. */
export async function renewLease(
  ctx: AppContext,
  item: ClaimedItem,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const r = await ctx.db
    .updateTable("import_items")
    .set({ lease_until: new Date(ctx.now().getTime() + leaseMs) })
    .where("id", "=", item.id)
    .where("locked_by", "=", item.token)
    .where("status", "=", "reading")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives a taking back untried (a process stopping): another worker takes it at once. */
export async function releaseItem(ctx: AppContext, item: ClaimedItem): Promise<void> {
  await ctx.db
    .updateTable("import_items")
    .set({
      status: "queued",
      locked_by: null,
      lease_until: null,
      run_after: ctx.now(),
      attempts: sql`greatest(attempts - 1, 0)`,
    })
    .where("id", "=", item.id)
    .where("locked_by", "=", item.token)
    .where("status", "=", "reading")
    .execute();
}

/** The person who made the batch, as the actor of its documents and their audit. */
async function batchActor(ctx: AppContext, batchId: string): Promise<Actor> {
  const row = await ctx.db
    .selectFrom("import_batches")
    .innerJoin("users", "users.id", "import_batches.created_by")
    .select([
      "import_batches.agency_id",
      "users.id as user_id",
      "users.username",
      "users.full_name",
      "users.roles",
      "users.unit_id",
      "users.unit_head",
    ])
    .where("import_batches.id", "=", batchId)
    .executeTakeFirstOrThrow();
  return {
    userId: row.user_id,
    agencyId: row.agency_id,
    username: row.username,
    fullName: row.full_name,
    roles: row.roles,
    unitId: row.unit_id,
    unitHead: row.unit_head,
  };
}

export type Outcome = "done" | "failed" | "retry" | "lost";

/** Writes "done" with the documents, in the transaction that made them. */
async function finishDone(
  ctx: AppContext,
  item: ClaimedItem,
  work: (trx: Transaction<Database>) => Promise<{
    parts: ImportedPart[];
    notes: Array<{ code: string; message: string }>;
  }>,
): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("import_items")
      .select("status")
      .where("id", "=", item.id)
      .forUpdate()
      .executeTakeFirst();
    // Finished by another taking of the same item (its lease ran out under this one).
    if (!row || row.status === "done") return "lost";
    const { parts, notes } = await work(trx);
    await trx
      .updateTable("import_items")
      .set({
        status: "done",
        documents: JSON.stringify(parts),
        documents_created: parts.filter((p) => p.created).length,
        notes: JSON.stringify(notes.slice(0, 50)),
        error_code: null,
        error_detail: null,
        locked_by: null,
        lease_until: null,
        finished_at: ctx.now(),
      })
      .where("id", "=", item.id)
      .execute();
    return "done";
  });
}

/** Fails the item, or puts it back for later when the trouble passes; only while still held. */
async function finishFailed(ctx: AppContext, item: ClaimedItem, e: unknown): Promise<Outcome> {
  const app =
    e instanceof AppError
      ? e
      : isDatabaseUnavailable(e)
        ? fail("DATABASE_UNAVAILABLE", (e as Error).message)
        : null;
  const code = app?.code ?? "INTERNAL";
  const passing = !app || PASSING.has(code);
  const now = ctx.now();
  const retry = passing && item.attempts < MAX_ATTEMPTS;
  const detail = String((e as Error)?.message ?? e).slice(0, 500);
  const r = await ctx.db
    .updateTable("import_items")
    .set(
      retry
        ? {
            status: "queued",
            run_after: new Date(now.getTime() + Math.min(5_000 * 2 ** item.attempts, 300_000)),
            error_code: code,
            error_detail: detail,
            locked_by: null,
            lease_until: null,
          }
        : {
            status: "failed",
            error_code: code,
            error_detail: detail,
            locked_by: null,
            lease_until: null,
            finished_at: now,
            // The file is not kept for a failed item: unreferenced, the sweep removes it.
            sha256: null,
          },
    )
    .where("id", "=", item.id)
    .where("locked_by", "=", item.token)
    .where("status", "=", "reading")
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return "lost";
  return retry ? "retry" : "failed";
}

/**
 * Reads one taken item's file and makes its documents. Never throws for the file's sake: the
 * outcome is written on the item ("lost" when another taking had it by then).
 */
export async function processItem(
  ctx: AppContext,
  item: ClaimedItem,
  read: typeof readImportFile = readImportFile,
): Promise<Outcome> {
  try {
    const actor = await batchActor(ctx, item.batchId);
    // Imported already (an earlier batch, or this item's earlier taking): nothing to read.
    const existing = await findImported(ctx.db, actor.agencyId, item.sha256);
    if (existing.length)
      return await finishDone(ctx, item, async () => ({
        parts: existing.map((d) => ({ ...d, created: false, pages: null })),
        notes: [],
      }));
    const bytes = await ctx.files.get(item.sha256);
    if (!bytes) throw fail("STORAGE_UNAVAILABLE", `stored file ${item.sha256} not found`);
    const checked = checkImportFile(ctx, item.name, bytes);
    const file = await read(ctx, bytes, item.name);
    const outcome = await finishDone(ctx, item, async (trx) => {
      const parts = await saveImportedDocuments(
        trx,
        actor,
        { name: item.name, sha256: item.sha256, size: bytes.length, mediaType: checked.mediaType },
        file,
        ctx.now(),
        { batch: item.batchId },
      );
      return { parts, notes: readNotes(file) };
    });
    // Its signatures, checked and kept for the clerk who registers it (verification/); if this
    // fails, they are checked when the document is opened.
    if (checked.kind === "pdf") await verifyStoredFile(ctx, item.sha256).catch(() => undefined);
    return outcome;
  } catch (e) {
    return finishFailed(ctx, item, e);
  }
}

/**
 * Takes and reads a batch's items until none is left to take now (an item under a live lease
 * stays with its holder): `vanthu import` finishing what an interrupted run left queued.
 */
export async function drainBatch(
  ctx: AppContext,
  worker: string,
  batchId: string,
  concurrency = 1,
): Promise<number> {
  let n = 0;
  for (;;) {
    const items = await claimItems(ctx, worker, concurrency, {
      batchId,
      leaseMs: ctx.config.importLeaseMs,
    });
    if (!items.length) return n;
    await Promise.all(items.map((item) => processItem(ctx, item)));
    n += items.length;
  }
}
