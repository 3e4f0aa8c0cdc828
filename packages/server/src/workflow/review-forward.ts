/**
 * Passing a draft on (trình tiếp): the unit head it was sent to sends it further up to a leader,
 * with a note; the leader is told (draft.submitted).
 */
import { mayReceiveDraft } from "@vanthu/core";
import type { ReviewBlock, SubmitBody } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "./notify.ts";
import {
  assertStep,
  loadPerson,
  lockDraft,
  presentReview,
  nameReaders,
  recordStep,
  reviewPart,
} from "./review-shared.ts";

export async function forwardDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: SubmitBody,
): Promise<ReviewBlock> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, actor, id);
    const to = assertStep(row, "forward");
    const part = await reviewPart(trx, ctx, actor, row);
    if (!part.reviewer) throw fail("NOT_THE_REVIEWER", `${id} waits for ${row.reviewer_id}`);
    const next = await loadPerson(trx, actor.agencyId, body.reviewerId);
    if (
      !next ||
      next.id === row.reviewer_id ||
      !mayReceiveDraft(
        {
          userId: next.id,
          agencyId: next.agency_id,
          roles: next.roles,
          unitId: next.unit_id,
          unitHead: next.unit_head,
          disabled: next.disabled,
        },
        actor,
        "forward",
      )
    )
      throw fail("REVIEWER_NOT_ALLOWED", `${body.reviewerId} may not take ${id}`, [
        { path: "reviewerId", message: "Chỉ trình tiếp được cho lãnh đạo cơ quan." },
      ]);
    const note = body.note?.trim() || null;
    await trx
      .updateTable("documents")
      .set({ review: to, reviewer_id: next.id })
      .where("id", "=", id)
      .execute();
    await nameReaders(trx, row, [actor.userId, next.id]);
    await recordStep(trx, {
      documentId: id,
      version: row.version,
      action: "forward",
      actorId: actor.userId,
      to: next.id,
      onBehalfOf: part.onBehalfOf,
      note,
      at: now,
    });
    await notify(trx, {
      code: "draft.submitted",
      agencyId: actor.agencyId,
      userIds: [next.id],
      documentId: id,
      params: {
        subject: row.subject,
        by: actor.fullName,
        from: actor.fullName,
        version: row.version,
        note,
      },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "document.review.forward",
      entity: "document",
      entityId: id,
      before: { reviewerId: row.reviewer_id },
      after: { reviewerId: next.id, onBehalfOf: part.onBehalfOf },
      at: now,
    });
    return presentReview(trx, id);
  });
}
