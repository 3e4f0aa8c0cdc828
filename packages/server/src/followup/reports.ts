/**
 * Result reports: an assignee reports per task and period (figures, narrative); a report after
 * the period's due date is flagged late. Reporting again for the same period replaces the
 * figures (audited).
 */
import type { ReportInput } from "@vanthu/contract";
import { isLate, periodOf, periodsBetween, type Cycle, type Period, mayAct } from "@vanthu/core";
import type { TaskTable } from "@vanthu/db";
import type { Selectable } from "kysely";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { isUuid, taskVisibleTo } from "../documents/access.ts";
import { notify } from "../workflow/notify.ts";

export type { ReportInput };

type Task = Selectable<TaskTable>;

/** The periods a task is reported by, from its start to `until`. */
export function taskPeriods(
  task: Pick<Task, "cycles" | "starts_on" | "due_date">,
  until: string,
): Period[] {
  return (task.cycles as Cycle[]).flatMap((c) =>
    periodsBetween(
      c,
      task.starts_on,
      until < task.starts_on ? task.starts_on : until,
      task.due_date,
    ),
  );
}

/** Of some periods, those whose report was due by `today`. */
export const dueBy = (periods: Period[], today: string): Period[] =>
  periods.filter((p) => p.due !== null && p.due < today);

/** Periods whose report was due by `today`. */
export function expectedPeriods(
  task: Pick<Task, "cycles" | "starts_on" | "due_date">,
  today: string,
): Period[] {
  return dueBy(taskPeriods(task, today), today);
}

/** The periods already reported, per task: taskId -> set of period labels. */
export async function reportedPeriods(
  ctx: AppContext,
  taskIds: string[],
): Promise<Map<string, Set<string>>> {
  const done = new Map<string, Set<string>>(taskIds.map((id) => [id, new Set<string>()]));
  if (!taskIds.length) return done;
  const rows = await ctx.db
    .selectFrom("reports")
    .select(["task_id", "period"])
    .where("task_id", "in", taskIds)
    .execute();
  for (const r of rows) done.get(r.task_id)?.add(r.period);
  return done;
}

export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  input: ReportInput,
): Promise<{ id: string; period: string; late: boolean }> {
  if (!mayAct(actor.roles, "followOn")) throw fail("FORBIDDEN", `${actor.username} may not report`);
  const now = ctx.now();
  const today = localDate(ctx, now);
  return ctx.db.transaction().execute(async (trx) => {
    const task = isUuid(taskId)
      ? await trx
          .selectFrom("tasks")
          .selectAll()
          .where("id", "=", taskId)
          .where(taskVisibleTo(actor))
          .executeTakeFirst()
      : undefined;
    // Another agency's task, or one the reporter may not see, does not exist for them.
    if (!task || task.assignee_agency_id !== actor.agencyId)
      throw fail("TASK_NOT_FOUND", `task ${taskId} is not assigned to ${actor.username}'s agency`);
    const horizon = periodOf("yearly", today).end!;
    const period = taskPeriods(task, horizon).find((p) => p.label === input.period);
    if (!period || (period.start && period.start > today))
      throw fail("VALIDATION_FAILED", `no period ${input.period} for task ${taskId}`, [
        {
          path: "period",
          message: `Kỳ báo cáo không hợp lệ. Các kỳ: ${taskPeriods(task, today)
            .map((p) => p.label)
            .join(", ")}.`,
        },
      ]);
    const late = isLate(period, today);
    const existing = await trx
      .selectFrom("reports")
      .selectAll()
      .where("task_id", "=", task.id)
      .where("period", "=", period.label)
      .executeTakeFirst();
    const values = {
      figures: JSON.stringify(input.figures),
      narrative: input.narrative,
      late,
      submitted_by: actor.userId,
      submitted_at: now,
    };
    const row = existing
      ? await trx
          .updateTable("reports")
          .set(values)
          .where("id", "=", existing.id)
          .returning("id")
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto("reports")
          .values({ ...values, task_id: task.id, agency_id: actor.agencyId, period: period.label })
          .returning("id")
          .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: existing ? "report.update" : "report.submit",
      entity: "report",
      entityId: row.id,
      before: existing ? { figures: existing.figures, narrative: existing.narrative } : undefined,
      after: { task: task.id, period: period.label, figures: input.figures, late },
      at: now,
    });
    // The issuer learns of it, once per task and period (a corrected report is not news).
    const directive = await trx
      .selectFrom("documents")
      .select("reference")
      .where("id", "=", task.document_id)
      .executeTakeFirstOrThrow();
    const reporter = await trx
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", actor.agencyId)
      .executeTakeFirstOrThrow();
    await notify(trx, {
      code: "report.received",
      agencyId: task.issuer_agency_id,
      documentId: task.document_id,
      taskId: task.id,
      period: period.label,
      params: {
        reference: directive.reference,
        item: task.item_label,
        period: period.label,
        recipient: reporter.name,
      },
      at: now,
    });
    return { id: row.id, period: period.label, late };
  });
}
