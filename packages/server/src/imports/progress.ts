/**
 * Where a batch stands, for the import page's polling and `vanthu import`: how many files are
 * queued, being read, done and failed, the documents made, and each file with its outcome (the
 * stable error code and its Vietnamese message, or the documents with the fields read, for the
 * clerk to check and register). Only the batch's agency sees it (a specialist, their own), and
 * only the documents the reader may see.
 */
import { sql } from "kysely";
import type { ImportItemStatus } from "@vanthu/db";
import type { BatchCounts, BatchSummary, BatchView, ImportItem } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { messageOfStoredCode } from "../errors.ts";
import { seesAgencyRecords, visibleTo } from "../documents/access.ts";
import { loadOwnBatch } from "./batches.ts";

export type { BatchCounts, BatchSummary, BatchView };
type ItemView = ImportItem;

const countsOf = (
  r: Partial<Record<ImportItemStatus, number>> & { created: number; duplicates: number },
): BatchCounts => {
  const queued = Number(r.queued ?? 0);
  const reading = Number(r.reading ?? 0);
  const done = Number(r.done ?? 0);
  const failed = Number(r.failed ?? 0);
  return {
    total: queued + reading + done + failed,
    queued,
    reading,
    done,
    failed,
    documentsCreated: Number(r.created ?? 0),
    duplicates: Number(r.duplicates ?? 0),
  };
};

/** The agency's latest batches, newest first, with their counts. */
export async function listBatches(
  ctx: AppContext,
  actor: Actor,
  limit = 20,
): Promise<{ items: BatchSummary[] }> {
  const rows = await ctx.db
    .selectFrom("import_batches")
    .innerJoin("users", "users.id", "import_batches.created_by")
    .leftJoin("import_items", "import_items.batch_id", "import_batches.id")
    .select([
      "import_batches.id",
      "import_batches.source",
      "import_batches.label",
      "import_batches.created_at",
      "users.full_name",
      sql<number>`count(import_items.id) FILTER (WHERE import_items.status = 'queued')`.as(
        "queued",
      ),
      sql<number>`count(import_items.id) FILTER (WHERE import_items.status = 'reading')`.as(
        "reading",
      ),
      sql<number>`count(import_items.id) FILTER (WHERE import_items.status = 'done')`.as("done"),
      sql<number>`count(import_items.id) FILTER (WHERE import_items.status = 'failed')`.as(
        "failed",
      ),
      sql<number>`coalesce(sum(import_items.documents_created), 0)`.as("created"),
      sql<number>`count(import_items.id) FILTER (WHERE import_items.status = 'done' AND import_items.documents_created = 0)`.as(
        "duplicates",
      ),
    ])
    .where("import_batches.agency_id", "=", actor.agencyId)
    .$if(!seesAgencyRecords(actor), (q) => q.where("import_batches.created_by", "=", actor.userId))
    .groupBy([
      "import_batches.id",
      "import_batches.source",
      "import_batches.label",
      "import_batches.created_at",
      "users.full_name",
    ])
    .orderBy("import_batches.created_at", "desc")
    .orderBy("import_batches.id")
    .limit(limit)
    .execute();
  const items: BatchSummary[] = rows.map((r) => {
    const counts = countsOf(r);
    return {
      id: r.id,
      source: r.source,
      label: r.label,
      createdAt: r.created_at.toISOString(),
      createdBy: r.full_name,
      counts,
      finished: counts.queued + counts.reading === 0,
    };
  });
  return { items };
}

/** One batch with every file. */
export async function batchView(ctx: AppContext, actor: Actor, id: string): Promise<BatchView> {
  const batch = await loadOwnBatch(ctx.db, actor, id);
  const creator = await ctx.db
    .selectFrom("users")
    .select("full_name")
    .where("id", "=", batch.created_by)
    .executeTakeFirst();
  const rows = await ctx.db
    .selectFrom("import_items")
    .selectAll()
    .where("batch_id", "=", id)
    .orderBy("position")
    .execute();
  const ids = [...new Set(rows.flatMap((r) => r.documents.map((d) => d.id)))];
  const docs = ids.length
    ? await ctx.db
        .selectFrom("documents")
        .select([
          "id",
          "reference",
          "type_name",
          "subject",
          "issuer_name",
          "document_date",
          "status",
        ])
        .where("id", "in", ids)
        .where("agency_id", "=", batch.agency_id)
        .where(visibleTo(actor))
        .execute()
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const tally: Record<string, number> = { created: 0, duplicates: 0 };
  const items: ItemView[] = rows.map((r) => {
    tally[r.status] = (tally[r.status] ?? 0) + 1;
    tally.created! += r.documents_created;
    const duplicate = r.status === "done" && r.documents_created === 0;
    if (duplicate) tally.duplicates!++;
    return {
      id: r.id,
      position: r.position,
      name: r.name,
      path: r.path,
      size: r.size,
      status: r.status,
      attempts: r.attempts,
      error:
        r.error_code && r.status !== "done"
          ? {
              code: r.error_code,
              message: messageOfStoredCode(r.error_code),
            }
          : null,
      duplicate,
      notes: r.notes,
      documents: r.documents.flatMap((d) => {
        const doc = byId.get(d.id);
        if (!doc) return [];
        return [
          {
            id: d.id,
            part: d.part,
            created: d.created,
            pages: d.pages,
            reference: doc.reference,
            typeName: doc.type_name,
            subject: doc.subject,
            issuer: doc.issuer_name,
            date: doc.document_date,
            status: doc.status,
          },
        ];
      }),
    };
  });
  const counts = countsOf(tally as Parameters<typeof countsOf>[0]);
  return {
    id: batch.id,
    source: batch.source,
    label: batch.label,
    createdAt: batch.created_at.toISOString(),
    createdBy: creator?.full_name ?? "",
    counts,
    finished: counts.queued + counts.reading === 0,
    items,
  };
}
