/**
 * Tasks: each numbered item of an issued directive, for each addressee (Kính gửi), with the
 * reporting cycles and deadline read from the text, or as the author set them before issuing
 * (the task plan). After issuing, the issuer may still change cycles and deadline; recipients
 * may not.
 */
import type { Transaction } from "kysely";
import { z } from "zod";
import { CYCLES, readReporting, taskItems, type Cycle } from "@vanthu/core";
import type { Database, DocumentRow } from "@vanthu/db";
import type { DocumentContent } from "../documents/document-content.ts";

export const taskPlanSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(10),
        title: z.string().trim().min(1).max(300),
      }),
    )
    .max(100),
  cycles: z.array(z.enum(CYCLES as [Cycle, ...Cycle[]])).max(6),
  due: z.iso.date().nullable(),
});
export type TaskPlan = z.infer<typeof taskPlanSchema>;

export const taskChangeSchema = z.strictObject({
  cycles: z
    .array(z.enum(CYCLES as [Cycle, ...Cycle[]]))
    .min(1)
    .max(6)
    .optional(),
  due: z.iso.date().nullable().optional(),
  title: z.string().trim().min(1).max(300).optional(),
});

/** The plan read from the document's text, unless the author edited it. */
export function taskPlanOf(row: Pick<DocumentRow, "task_plan" | "content" | "body">): TaskPlan {
  if (row.task_plan) return row.task_plan as TaskPlan;
  const content = row.content as DocumentContent;
  const reporting = readReporting(row.body);
  return {
    items: taskItems(content.paragraphs ?? []),
    cycles: reporting.cycles.length ? reporting.cycles : ["on-request"],
    due: reporting.due,
  };
}

/** Creates the tasks of an issued directive, in the issuing transaction; returns how many. */
export async function createTasks(
  trx: Transaction<Database>,
  original: DocumentRow,
  assignees: string[],
  startsOn: string,
  at: Date,
): Promise<number> {
  const plan = taskPlanOf(original);
  if (!plan.items.length || !assignees.length) return 0;
  const rows = assignees.flatMap((agencyId) =>
    plan.items.map((item) => ({
      document_id: original.id,
      issuer_agency_id: original.agency_id,
      assignee_agency_id: agencyId,
      item_label: item.label,
      title: item.title,
      cycles: plan.cycles,
      due_date: plan.due,
      starts_on: startsOn,
      created_at: at,
      updated_at: at,
    })),
  );
  await trx.insertInto("tasks").values(rows).execute();
  return rows.length;
}
