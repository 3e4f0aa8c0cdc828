/**
 * Deleting a draft that was never issued: an outgoing draft of the reader's agency, or a received
 * document imported by hand and not yet registered (a wrong file). A delivered record is returned,
 * never deleted; an issued or registered one stays (ND30 Điều 18). Audited with what it was; its
 * files' rows go with it (the stored bytes are swept when nothing points to them).
 */
import { mayAct } from "@vanthu/core";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "./load-document.ts";

export async function deleteDraft(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
    if (row.status !== "draft")
      throw fail(
        row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
        `document ${id} is ${row.status}`,
      );
    if (row.source_id)
      throw fail("DELIVERED_NOT_DELETABLE", `document ${id} was delivered: return it instead`);
    if (row.created_by !== actor.userId && !mayAct(actor.roles, "deleteOthers"))
      throw fail("FORBIDDEN", `${actor.username} may not delete another's draft`);
    // A follow-on drafted from it keeps its text and loses the link.
    await trx
      .updateTable("documents")
      .set({ parent_id: null })
      .where("parent_id", "=", id)
      .execute();
    await trx.deleteFrom("documents").where("id", "=", id).execute();
    await recordAudit(trx, {
      actor,
      action: "document.delete",
      entity: "document",
      entityId: id,
      before: { direction: row.direction, reference: row.reference, subject: row.subject },
      at: now,
    });
  });
}
