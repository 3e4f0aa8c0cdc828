/**
 * A document as the reader opens it: its fields, its files (a delivered copy shows the
 * original's, its PDF drawn first when missing), its entry in the agency's register, and, for a
 * received copy, where it stands in its delivery.
 */
import { documentActions } from "@vanthu/core";
import type { OpenedDocument } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { withShownLinks } from "./access.ts";
import { loadDocument } from "./load-document.ts";
import { detail } from "./present.ts";
import { ensureRenderedPdf } from "./rendered-pdf.ts";
import { handlingFacts } from "../handling/handling-rules.ts";
import { fileHolders } from "../handling/read-handling.ts";
import { presentReview, reviewPart } from "../workflow/review-shared.ts";
import { documentSignatures } from "../verification/document-signatures.ts";

const iso = (at: Date | null) => at?.toISOString() ?? null;

type Mismatch = { field: string; package: string | null; parsed: string | null };

export async function openDocument(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<OpenedDocument> {
  const row = await loadDocument(ctx.db, actor, id);
  if (row.status === "issued") await ensureRenderedPdf(ctx, id);
  // A delivered copy shows the original's files (its PDF) as its own.
  if (row.source_id) await ensureRenderedPdf(ctx, row.source_id);
  // Its own files, the original's, and those of the later records attached to it.
  const holders = await fileHolders(ctx, row);
  const files = await ctx.db
    .selectFrom("document_files")
    .innerJoin("files", "files.sha256", "document_files.sha256")
    .select(["document_files.name", "document_files.role", "files.size", "files.media_type"])
    .where("document_id", "in", holders)
    .orderBy("document_files.created_at")
    .execute();
  const register = await ctx.db
    .selectFrom("register_entries")
    .innerJoin("registers", "registers.id", "register_entries.register_id")
    .select([
      "registers.book",
      "registers.period",
      "register_entries.number",
      "register_entries.registered_at",
      "register_entries.arrived_on",
    ])
    .where("register_entries.document_id", "=", id)
    .where("registers.agency_id", "=", row.agency_id)
    .executeTakeFirst();
  // A received copy: where it stands in its delivery (01 arrived ... 06 done).
  // A received copy (delivered here, or from another system): where it stands in its delivery.
  const delivery =
    row.direction === "incoming"
      ? await ctx.db
          .selectFrom("deliveries")
          .select([
            "status",
            "kind",
            "sent_at",
            "registered_at",
            "returned_at",
            "return_reason",
            "from_organ_id",
            "external_name",
            "recall_status",
            "recall_reason",
            "recall_answer",
            "recalled_at",
          ])
          .where("received_id", "=", id)
          .executeTakeFirst()
      : undefined;
  const own = !!actor && actor.agencyId === row.agency_id;
  const outgoing = own && row.direction === "outgoing";
  // The reader's part in a draft's review (the reviewer, or a deputy acting for them).
  const part =
    outgoing && row.status === "draft" ? await reviewPart(ctx.db, ctx, actor!, row) : null;
  const can = documentActions(
    {
      direction: row.direction,
      status: row.status,
      own,
      mine: !!actor && row.created_by === actor.userId,
      delivered: !!row.source_id || !!delivery,
      deliveryStatus: delivery?.status ?? null,
      handling: actor ? await handlingFacts(ctx, actor, row) : undefined,
      ...(part
        ? { review: { state: row.review, reviewer: part.reviewer, leader: part.leader } }
        : {}),
    },
    actor?.roles ?? [],
  );
  return {
    ...detail(await withShownLinks(ctx.db, actor, row)),
    delivery: delivery
      ? {
          status: delivery.status,
          kind: delivery.kind,
          sentAt: delivery.sent_at.toISOString(),
          registeredAt: iso(delivery.registered_at),
          returnedAt: iso(delivery.returned_at),
          returnReason: delivery.return_reason,
        }
      : null,
    files: files.map((f) => ({
      name: f.name,
      role: f.role,
      size: f.size,
      mediaType: f.media_type,
    })),
    register: register
      ? {
          book: register.book,
          period: register.period,
          number: register.number,
          registeredAt: register.registered_at.toISOString(),
          arrivedOn: register.arrived_on,
        }
      : null,
    // A copy its issuer is recalling is frozen: nothing moves it until the recall is answered.
    can: row.recall_pending
      ? { ...can, register: false, return: false, progress: [], edit: false }
      : can,
    exchange:
      delivery?.from_organ_id || row.exchange_mismatches
        ? {
            fromOrganId: delivery?.from_organ_id ?? null,
            fromName: delivery?.external_name ?? null,
            documentId: row.exchange_id,
            mismatches: Array.isArray(row.exchange_mismatches)
              ? (row.exchange_mismatches as Mismatch[])
              : [],
          }
        : null,
    recall: delivery?.recall_status
      ? {
          status: delivery.recall_status,
          reason: delivery.recall_reason,
          answer: delivery.recall_answer,
          recalledAt: iso(delivery.recalled_at),
          pending: row.recall_pending,
          withdrawnAt: iso(row.withdrawn_at),
          mayAnswer: own && row.recall_pending && (actor?.roles.includes("clerk") ?? false),
        }
      : null,
    // The issuer's own issued document: a clerk may recall it.
    mayRecall: outgoing && row.status === "issued" && (actor?.roles.includes("clerk") ?? false),
    replaces: row.replaces_id ? { id: row.replaces_id, kind: row.replace_kind ?? "replace" } : null,
    // Who drafted, reviewed and approved it: the agency's own outgoing records only.
    review: outgoing ? await presentReview(ctx.db, id) : null,
    signatures: await documentSignatures(ctx, row),
  };
}
