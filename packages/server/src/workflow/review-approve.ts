/**
 * Approving a draft (duyệt): the leader it was sent to, or a deputy acting for them under a
 * delegation (recorded in on_behalf_of). Only then may the clerk issue it. The author is told
 * (draft.approved). A leader with a signer signs the draft as they approve it
 * (signing/sign-at-approval.ts): signed first, outside any transaction (a phone may have to
 * confirm), then the approval recorded with the signed draft, if the draft did not change
 * meanwhile. A leader without one approves unsigned.
 */
import type { ApproveBody, ReviewBlock } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { clerksOf, notify } from "./notify.ts";
import {
  assertStep,
  authorsOf,
  lockDraft,
  presentReview,
  nameReaders,
  recordStep,
  reviewPart,
} from "./review-shared.ts";
import { findSigner } from "../signing/signers.ts";
import {
  assertStillSigned,
  attachSignedDraft,
  dropSignedDraft,
  signDraftForApproval,
} from "../signing/sign-at-approval.ts";

export async function approveDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ApproveBody,
): Promise<ReviewBlock> {
  const now = ctx.now();
  const signer = await findSigner(ctx.db, actor.agencyId, actor.userId);
  const signed = signer ? await signDraftForApproval(ctx, actor, id, signer, body.password) : null;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockDraft(trx, actor, id);
    const to = assertStep(row, "approve");
    const part = await reviewPart(trx, ctx, actor, row);
    if (!part.reviewer) throw fail("NOT_THE_REVIEWER", `${id} waits for ${row.reviewer_id}`);
    if (!part.leader) throw fail("APPROVER_NOT_LEADER", `${actor.username} is not a leader`);
    if (signed) {
      assertStillSigned(row, signed);
      await attachSignedDraft(trx, id, signed);
    } else await dropSignedDraft(trx, id);
    const note = body.note?.trim() || null;
    await trx
      .updateTable("documents")
      .set({ review: to, approved_by: actor.userId, approved_at: now })
      .where("id", "=", id)
      .execute();
    await nameReaders(trx, row, [actor.userId]);
    await recordStep(trx, {
      documentId: id,
      version: row.version,
      action: "approve",
      actorId: actor.userId,
      onBehalfOf: part.onBehalfOf,
      note,
      at: now,
    });
    // Its writers, and the clerks who number and issue it (not for a secret draft, which only
    // the people named on it read).
    const authors = [
      ...new Set([
        ...(await authorsOf(trx, row)),
        ...(row.secrecy ? [] : await clerksOf(trx, actor.agencyId)),
      ]),
    ].filter((u) => u !== actor.userId);
    if (authors.length)
      await notify(trx, {
        code: "draft.approved",
        agencyId: actor.agencyId,
        userIds: authors,
        documentId: id,
        params: { subject: row.subject, by: actor.fullName, version: row.version, note },
        at: now,
      });
    await recordAudit(trx, {
      actor,
      action: "document.review.approve",
      entity: "document",
      entityId: id,
      before: { review: row.review },
      after: {
        review: to,
        version: row.version,
        onBehalfOf: part.onBehalfOf,
        ...(signed ? { signed: { sha256: signed.sha256, subject: signer!.subject } } : {}),
      },
      at: now,
    });
    return presentReview(trx, id);
  });
}
