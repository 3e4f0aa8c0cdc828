/**
 * Sending a draft back (trả lại) with comments: the reviewer it waits for (or a deputy for
 * them). The author edits it and sends it up again; they are told (draft.sent-back).
 */
import type { ReviewBlock, SendBackBody } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "./notify.ts";
import {
  assertStep,
  authorsOf,
  lockDraft,
  presentReview,
  recordStep,
  reviewPart,
} from "./review-shared.ts";

export async function sendBackDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: SendBackBody,
): Promise<ReviewBlock> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, actor, id);
    const to = assertStep(row, "send-back");
    const part = await reviewPart(trx, ctx, actor, row);
    if (!part.reviewer) throw fail("NOT_THE_REVIEWER", `${id} waits for ${row.reviewer_id}`);
    await trx.updateTable("documents").set({ review: to }).where("id", "=", id).execute();
    await recordStep(trx, {
      documentId: id,
      version: row.version,
      action: "send-back",
      actorId: actor.userId,
      to: row.created_by,
      onBehalfOf: part.onBehalfOf,
      note: body.note,
      at: now,
    });
    const authors = (await authorsOf(trx, row)).filter((u) => u !== actor.userId);
    if (authors.length)
      await notify(trx, {
        code: "draft.sent-back",
        agencyId: actor.agencyId,
        userIds: authors,
        documentId: id,
        params: { subject: row.subject, by: actor.fullName, version: row.version, note: body.note },
        at: now,
      });
    await recordAudit(trx, {
      actor,
      action: "document.review.send-back",
      entity: "document",
      entityId: id,
      before: { review: row.review },
      after: { review: to, note: body.note, onBehalfOf: part.onBehalfOf },
      at: now,
    });
    return presentReview(trx, id);
  });
}
