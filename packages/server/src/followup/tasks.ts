/**
 * Tasks: each numbered item of an issued directive, for each addressee (Kính gửi), with the
 * reporting cycles and deadline read from the text, or as the author set them before issuing
 * (the task plan). After issuing, the issuer may still change cycles and deadline; recipients
 * may not.
 */
import type { Transaction } from "kysely";
import type { TaskPlan } from "@vanthu/contract";
import { foldKey, readReporting, taskItems, type RecipientLine } from "@vanthu/core";
import type { Database, DocumentRow } from "@vanthu/db";
import { readContent, readTaskPlan } from "../stored-json.ts";

/** The plan read from the document's text, unless the author edited it. */
export function taskPlanOf(
  row: Pick<DocumentRow, "id" | "task_plan" | "content" | "body">,
): TaskPlan {
  const edited = readTaskPlan(row.task_plan, row.id);
  if (edited) return edited;
  const content = readContent(row.content, row.id);
  const reporting = readReporting(row.body);
  return {
    items: taskItems(content.paragraphs ?? []),
    cycles: reporting.cycles.length ? reporting.cycles : ["on-request"],
    due: reporting.due,
  };
}

/**
 * Who an item is for: an item headed by one of the Kính gửi lines ("3. Phòng Văn hóa và Thông tin
 * các huyện, thành phố") is for the agencies of that line; any other item is for every addressee.
 */
export function assigneesOf(title: string, assignees: string[], lines: RecipientLine[]): string[] {
  const key = foldKey(title);
  const named = lines.filter(
    (l) => l.kind === "action" && l.matches.length && key.includes(foldKey(l.text)),
  );
  if (!named.length) return assignees;
  const chosen = new Set(named.flatMap((l) => l.matches));
  const mine = assignees.filter((a) => chosen.has(a));
  return mine.length ? mine : assignees;
}

/** Creates the tasks of an issued directive, in the issuing transaction; returns how many. */
export async function createTasks(
  trx: Transaction<Database>,
  original: DocumentRow,
  assignees: string[],
  startsOn: string,
  at: Date,
  lines: RecipientLine[] = [],
): Promise<number> {
  const plan = taskPlanOf(original);
  if (!plan.items.length || !assignees.length) return 0;
  const rows = plan.items.flatMap((item) =>
    assigneesOf(item.title, assignees, lines).map((agencyId) => ({
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
