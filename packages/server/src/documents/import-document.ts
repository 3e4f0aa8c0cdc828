/**
 * Importing one received document (.txt, .md, .docx, .pdf) inside the request: the file is
 * checked (its name's extension and its content must agree), its text extracted and parsed, and
 * each document it holds is kept as an incoming draft waiting for the clerk to confirm the parsed
 * fields and register it. The same file imported twice into one agency is the same documents.
 * Many files, folders and scans go through import batches instead (imports/), read in the
 * background; both share `import-file.ts`.
 */
import type { ImportReply } from "@vanthu/contract";
import { verifyStoredFile } from "../verification/verify-file.ts";
import type { AppContext, Actor } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import {
  checkImportFile,
  findImported,
  readImportFile,
  readNotes,
  saveImportedDocuments,
  sha256InSlices,
} from "./import-file.ts";
import { withShownLinks } from "./access.ts";
import { loadDocument } from "./load-document.ts";
import { detail } from "./present.ts";

export interface ImportResult {
  /** The first document of the file. */
  id: string;
  /** Every document of the file (one PDF with three letters: three). */
  ids: string[];
  duplicate: boolean;
  notes: Array<{ code: string; message: string }>;
}

export async function importDocument(
  ctx: AppContext,
  actor: Actor,
  file: { bytes: Uint8Array; fileName: string },
): Promise<ImportResult> {
  if (!hasRole(actor, "clerk"))
    throw fail("FORBIDDEN", `${actor.username} may not register documents`);
  const checked = checkImportFile(ctx, file.fileName, file.bytes);
  const sha256 = await sha256InSlices(file.bytes);
  const existing = await findImported(ctx.db, actor.agencyId, sha256);
  if (existing.length)
    return { id: existing[0]!.id, ids: existing.map((e) => e.id), duplicate: true, notes: [] };

  const read = await readImportFile(ctx, file.bytes, checked.name);
  const stored = await ctx.files.put(file.bytes);
  const parts = await ctx.db
    .transaction()
    .execute((trx) =>
      saveImportedDocuments(
        trx,
        actor,
        { name: checked.name, sha256, size: stored.size, mediaType: checked.mediaType },
        read,
        ctx.now(),
      ),
    );
  // Its signatures are checked now (ND30 Điều 21), kept for the clerk who registers it; if this
  // fails, they are checked when the document is opened, and the import stands.
  if (checked.kind === "pdf") await verifyStoredFile(ctx, sha256).catch(() => undefined);
  const created = parts.some((p) => p.created);
  return {
    id: parts[0]!.id,
    ids: parts.map((p) => p.id),
    duplicate: !created,
    notes: created ? readNotes(read) : [],
  };
}

/** The import as the API answers it: each document of the file as a draft's detail. */
export async function presentImport(
  ctx: AppContext,
  actor: Actor,
  result: ImportResult,
): Promise<ImportReply> {
  const documents = [];
  for (const id of result.ids)
    documents.push(
      detail(await withShownLinks(ctx.db, actor, await loadDocument(ctx.db, actor, id))),
    );
  return {
    document: documents[0]!,
    documents,
    duplicate: result.duplicate,
    notes: result.notes,
  };
}
