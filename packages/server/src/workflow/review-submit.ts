/**
 * Sending a draft up (trình): its author, of any role, sends it to the head of their unit or a
 * leader of the agency, with a note. The text is kept as a version (a new one when it changed
 * since the last one kept), the reviewer told (draft.submitted).
 */
import { mayReceiveDraft } from "@vanthu/core";
import type { ReviewBlock, SubmitBody } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "./notify.ts";
import {
  assertStep,
  keepVersion,
  loadPerson,
  lockDraft,
  presentReview,
  nameReaders,
  recordStep,
} from "./review-shared.ts";

export async function submitDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: SubmitBody,
): Promise<ReviewBlock> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, actor, id);
    const to = assertStep(row, "submit");
    const reviewer = await loadPerson(trx, actor.agencyId, body.reviewerId);
    if (
      !reviewer ||
      !mayReceiveDraft(
        {
          userId: reviewer.id,
          agencyId: reviewer.agency_id,
          roles: reviewer.roles,
          unitId: reviewer.unit_id,
          unitHead: reviewer.unit_head,
          disabled: reviewer.disabled,
        },
        actor,
        "submit",
      )
    )
      throw fail("REVIEWER_NOT_ALLOWED", `${body.reviewerId} may not review ${id}`, [
        { path: "reviewerId", message: "Người này không nhận được dự thảo trình lên." },
      ]);
    const note = body.note?.trim() || null;
    const version = await keepVersion(trx, row, actor.userId, note, now);
    await trx
      .updateTable("documents")
      .set({ review: to, reviewer_id: reviewer.id, approved_by: null, approved_at: null })
      .where("id", "=", id)
      .execute();
    await nameReaders(trx, row, [actor.userId, reviewer.id, row.created_by]);
    await recordStep(trx, {
      documentId: id,
      version,
      action: "submit",
      actorId: actor.userId,
      to: reviewer.id,
      note,
      at: now,
    });
    await notify(trx, {
      code: "draft.submitted",
      agencyId: actor.agencyId,
      userIds: [reviewer.id],
      documentId: id,
      params: { subject: row.subject, by: actor.fullName, from: actor.fullName, version, note },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "document.review.submit",
      entity: "document",
      entityId: id,
      before: { review: row.review, reviewerId: row.reviewer_id },
      after: { review: to, reviewerId: reviewer.id, version },
      at: now,
    });
    return presentReview(trx, id);
  });
}
