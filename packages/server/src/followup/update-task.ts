/** The issuer changes a task's cycles, deadline or title after issuing; the assignee may not. */
import { mayAct } from "@vanthu/core";
import type { TaskChange } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { isUuid, taskVisibleTo } from "../documents/access.ts";

export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: TaskChange,
): Promise<void> {
  // A task of a directive the actor may not see does not exist for them (access.ts).
  const task = isUuid(id)
    ? await ctx.db
        .selectFrom("tasks")
        .selectAll()
        .where("id", "=", id)
        .where(taskVisibleTo(actor))
        .executeTakeFirst()
    : undefined;
  if (!task) throw fail("TASK_NOT_FOUND", `task ${id}`);
  if (task.issuer_agency_id !== actor.agencyId || !mayAct(actor.roles, "tasks"))
    throw fail("FORBIDDEN", "only the issuer sets a task's cycles and deadline");
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("tasks")
      .set({
        ...(change.cycles ? { cycles: change.cycles } : {}),
        ...(change.due !== undefined ? { due_date: change.due } : {}),
        ...(change.title ? { title: change.title } : {}),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "task.update",
      entity: "task",
      entityId: id,
      before: { cycles: task.cycles, due: task.due_date, title: task.title },
      after: change,
      at: now,
    });
  });
}
