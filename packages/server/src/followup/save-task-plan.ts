/** Editing the tasks a draft will give its addressees, before it is issued; audited. */
import type { TaskPlanInput } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "../documents/load-document.ts";
import { storeTaskPlan } from "../stored-json.ts";

export async function saveTaskPlan(
  ctx: AppContext,
  actor: Actor,
  id: string,
  plan: TaskPlanInput,
): Promise<TaskPlanInput> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadDocument(trx, actor, id, { own: true, forUpdate: true });
    if (row.status !== "draft" || row.direction !== "outgoing")
      throw fail(
        row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
        `document ${id} is ${row.status}`,
      );
    await trx
      .updateTable("documents")
      .set({ task_plan: storeTaskPlan(plan), updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "document.task-plan",
      entity: "document",
      entityId: id,
      before: row.task_plan,
      after: plan,
      at: now,
    });
  });
  return plan;
}
