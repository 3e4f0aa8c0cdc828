/**
 * Presenting a registered received document to a leader (trình lãnh đạo): the clerk names the
 * leader, who is notified (`document.presented`); presenting again, to another leader, is allowed
 * until one gives the instruction.
 */
import { stepAfter, type HandlingStep } from "@vanthu/core";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "../workflow/notify.ts";
import { assertStep, documentParams, lockReceived } from "./handling-rules.ts";

export async function presentDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { leaderId: string; note?: string | undefined },
): Promise<{ step: HandlingStep | null }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "present");
    const leader = await trx
      .selectFrom("users")
      .select(["id", "roles"])
      .where("id", "=", body.leaderId)
      .where("agency_id", "=", actor.agencyId)
      .where("disabled", "=", false)
      .executeTakeFirst();
    if (!leader || !leader.roles.includes("leader"))
      throw fail("VALIDATION_FAILED", `${body.leaderId} is not a leader`, [
        { path: "leaderId", message: "Hãy chọn một lãnh đạo của cơ quan." },
      ]);
    const step = stepAfter(row.handling, "present");
    await trx
      .updateTable("documents")
      .set({
        handling: step,
        presented_to: leader.id,
        presented_by: actor.userId,
        presented_at: now,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    if (body.note)
      await trx
        .insertInto("handling_notes")
        .values({ document_id: id, author_id: actor.userId, text: body.note, at: now })
        .execute();
    await notify(trx, {
      code: "document.presented",
      agencyId: actor.agencyId,
      userIds: [leader.id],
      documentId: id,
      params: { ...documentParams(row), by: actor.fullName, note: body.note ?? null },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "handling.present",
      entity: "document",
      entityId: id,
      before: { step: row.handling, presentedTo: row.presented_to },
      after: { step, presentedTo: leader.id },
      at: now,
    });
    return { step };
  });
}
