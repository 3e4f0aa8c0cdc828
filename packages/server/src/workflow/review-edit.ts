/**
 * A draft changed while its review goes on (PATCH /api/documents/:id, update-draft.ts calls
 * these inside its transaction):
 * - waiting for a reviewer, only the reviewer (or a deputy for them) changes it: each change of
 *   its text is a new version authored by the reviewer, and an `edit` step;
 * - an approved draft that its writers change is open again: what the leader approved is no
 *   longer what would be issued, so the approval is lost (kept in the steps) and the draft goes
 *   up again. Chosen over refusing: a clerk who finds a mistake after approval corrects it and
 *   sends it up, rather than asking someone to undo the approval first. The web warns before.
 */
import { reviewAfterChange } from "@vanthu/core";
import type { Transaction } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { keepVersion, recordStep, reviewPart, type ReviewPart } from "./review-shared.ts";

/**
 * Whether the actor may change the draft now (DRAFT_UNDER_REVIEW when it waits for someone
 * else); the actor's part when they change it as its reviewer, else null.
 */
export async function mayChangeUnderReview(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: Actor,
  row: DocumentRow,
): Promise<ReviewPart | null> {
  if (row.review !== "submitted") return null;
  const part = await reviewPart(trx, ctx, actor, row);
  if (!part.reviewer)
    throw fail("DRAFT_UNDER_REVIEW", `document ${row.id} waits for ${row.reviewer_id}`);
  return part;
}

/** After the change is written: the reviewer's version and step, or the approval lost. */
export async function afterDraftChange(
  trx: Transaction<Database>,
  actor: Actor,
  before: DocumentRow,
  asReviewer: ReviewPart | null,
  at: Date,
): Promise<void> {
  const after = await trx
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", before.id)
    .executeTakeFirstOrThrow();
  // Nothing the review looks at changed (the portal flag alone, or the same text saved again).
  if (after.body === before.body) return;
  if (asReviewer) {
    const version = await keepVersion(trx, after, actor.userId, null, at);
    await recordStep(trx, {
      documentId: after.id,
      version,
      action: "edit",
      actorId: actor.userId,
      onBehalfOf: asReviewer.onBehalfOf,
      at,
    });
    await recordAudit(trx, {
      actor,
      action: "document.review.edit",
      entity: "document",
      entityId: after.id,
      before: { version: before.version },
      after: { version, onBehalfOf: asReviewer.onBehalfOf },
      at,
    });
    return;
  }
  const state = reviewAfterChange(before.review);
  if (state === before.review) return;
  await trx
    .updateTable("documents")
    .set({ review: state, approved_by: null, approved_at: null })
    .where("id", "=", after.id)
    .execute();
  await recordAudit(trx, {
    actor,
    action: "document.review.reopen",
    entity: "document",
    entityId: after.id,
    before: { review: before.review, approvedBy: before.approved_by },
    after: { review: state },
    at,
  });
}
