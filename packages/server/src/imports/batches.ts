/**
 * Making an import batch and adding files to it: each file is checked and stored (the file store,
 * then its `files` row and its item in one transaction) and queued for a worker; the request
 * answers once the files are stored, before any is read. A file refused by the checks is an item
 * that failed at once with its code; a file the agency has imported already is an item done at
 * once, pointing at those documents.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { AppError, fail } from "../errors.ts";
import { isUuid, seesAgencyRecords } from "../documents/access.ts";
import {
  checkImportFile,
  findImported,
  sha256InSlices,
  storedName,
} from "../documents/import-file.ts";

/** Files one request may carry (the web app sends a folder in groups of fewer). */
export const MAX_FILES_PER_REQUEST = 100;
/** Files one batch may hold: its progress is read whole. */
export const MAX_ITEMS_PER_BATCH = 1000;

export interface IncomingFile {
  /** As sent: a file name, or a path inside a folder ("Công văn/tháng 11/412.pdf"). */
  path: string;
  bytes: Uint8Array;
  truncated?: boolean;
}

/** A path as shown: NFC, forward slashes, no leading "./" or "/", at most 1000 characters. */
export function cleanPath(path: string): string {
  const clean = path
    .normalize("NFC")
    .replace(/\\/g, "/")
    .replace(/^(?:\.?\/)+/, "")
    .replace(/\/{2,}/g, "/");
  return clean.slice(-1000) || "document";
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1) || "document";

/** Importing is the clerk's (văn thư) work, as registering is. */
export function assertMayImport(actor: Actor): void {
  if (!hasRole(actor, "clerk"))
    throw fail("FORBIDDEN", `${actor.username} may not register documents`);
}

export async function createBatch(
  ctx: AppContext,
  actor: Actor,
  options: { source: "web" | "cli"; label?: string | null },
): Promise<string> {
  assertMayImport(actor);
  const label = options.label?.normalize("NFC").trim().slice(0, 500) || null;
  const row = await ctx.db
    .insertInto("import_batches")
    .values({
      agency_id: actor.agencyId,
      created_by: actor.userId,
      source: options.source,
      label,
      created_at: ctx.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A batch of the actor's agency (another agency's is "not found"): the agency's clerks, leaders
 * and admins see all of them, anyone else only those they made (its file names tell what the
 * documents are; access.ts).
 */
export async function loadOwnBatch(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  id: string,
) {
  const row = isUuid(id)
    ? await db.selectFrom("import_batches").selectAll().where("id", "=", id).executeTakeFirst()
    : undefined;
  if (
    !row ||
    row.agency_id !== actor.agencyId ||
    (!seesAgencyRecords(actor) && row.created_by !== actor.userId)
  )
    throw fail("IMPORT_BATCH_NOT_FOUND", `import batch ${id} not visible`);
  return row;
}

/** What adding one file did: queued for a worker, done at once (imported before) or refused. */
export type Added = "queued" | "duplicate" | "failed";

/**
 * Adds files to a batch as they arrive; `onQueued` is called after each queued item (to wake a
 * worker). Refused files become failed items; a full or unwritable file store fails the request
 * (the files before it stay queued).
 */
export async function addFiles(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  files: AsyncIterable<IncomingFile> | Iterable<IncomingFile>,
  onQueued: () => void = () => {},
): Promise<Record<Added, number>> {
  assertMayImport(actor);
  await loadOwnBatch(ctx.db, actor, batchId);
  const counted = await ctx.db
    .selectFrom("import_items")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("batch_id", "=", batchId)
    .executeTakeFirst();
  let position = counted?.last === null || counted?.last === undefined ? 0 : counted.last + 1;
  const added: Record<Added, number> = { queued: 0, duplicate: 0, failed: 0 };
  for await (const file of files) {
    if (position >= MAX_ITEMS_PER_BATCH)
      throw fail("IMPORT_TOO_MANY_FILES", `batch ${batchId} is full`, [
        { path: "file", message: `Mỗi đợt nhập tối đa ${MAX_ITEMS_PER_BATCH} tệp.` },
      ]);
    const path = cleanPath(file.path);
    const outcome = await addFile(ctx, actor, batchId, position, path, file);
    added[outcome]++;
    position++;
    if (outcome === "queued") onQueued();
  }
  return added;
}

async function addFile(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  position: number,
  path: string,
  file: IncomingFile,
): Promise<Added> {
  const now = ctx.now();
  const item = {
    batch_id: batchId,
    position,
    path,
    size: file.bytes.length,
    run_after: now,
    created_at: now,
    locked_by: null,
    error_code: null,
    error_detail: null,
  };
  let checked;
  try {
    checked = checkImportFile(ctx, baseName(path), file.bytes, file.truncated ?? false);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await ctx.db
      .insertInto("import_items")
      .values({
        ...item,
        name: storedName(baseName(path)),
        sha256: null,
        status: "failed",
        error_code: e.code,
        error_detail: e.message.slice(0, 500),
        finished_at: now,
      })
      .execute();
    return "failed";
  }
  const sha256 = await sha256InSlices(file.bytes);
  const existing = await findImported(ctx.db, actor.agencyId, sha256);
  if (existing.length) {
    await ctx.db
      .insertInto("import_items")
      .values({
        ...item,
        name: checked.name,
        sha256: null,
        status: "done",
        documents: JSON.stringify(existing.map((d) => ({ ...d, created: false, pages: null }))),
        finished_at: now,
      })
      .execute();
    return "duplicate";
  }
  // The file first, then its rows: a failed write leaves no row; a failed transaction leaves an
  // unreferenced file for the sweep.
  const stored = await ctx.files.put(file.bytes);
  // The file's row and the item in one statement (one commit).
  await ctx.db
    .with("stored", (db) =>
      db
        .insertInto("files")
        .values({ sha256, size: stored.size, media_type: checked.mediaType })
        .onConflict((oc) => oc.column("sha256").doNothing()),
    )
    .insertInto("import_items")
    .values({ ...item, name: checked.name, sha256, status: "queued" })
    .execute();
  return "queued";
}

/**
 * A new batch from an upload: made at its first file, so that a label sent before the files is
 * its own (`fields` fills as the request is read), then every file added. Returns its id.
 */
export async function startBatch(
  ctx: AppContext,
  actor: Actor,
  files: AsyncGenerator<IncomingFile>,
  fields: Record<string, string>,
  onQueued: () => void,
): Promise<string> {
  const first = await files.next();
  if (first.done)
    throw fail("VALIDATION_FAILED", "no file part", [
      { path: "file", message: "Thiếu tệp (trường “file”)." },
    ]);
  const batchId = await createBatch(ctx, actor, { source: "web", label: fields.label ?? null });
  const rest = async function* () {
    yield first.value;
    yield* files;
  };
  await addFiles(ctx, actor, batchId, rest(), onQueued);
  return batchId;
}
