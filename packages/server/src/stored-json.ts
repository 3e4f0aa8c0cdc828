/**
 * The JSON the server keeps in the database, written and read only here: a document's content
 * (`documents.content`) and a draft's task plan (`documents.task_plan`). Each carries the version
 * of its shape (`v`), and is read through its zod schema, never through a cast: a row of another
 * version, or one a hand or a bug changed, is refused with STORED_DATA_INVALID (and the record
 * and the problem named in the log) instead of reaching the layout or the web half-understood.
 *
 * A change of a shape bumps its version, adds a migration that rewrites the older rows (as
 * 20261202150000_stored-json-version.sql stamped version 1), and keeps reading the older version
 * here until that migration has run everywhere.
 */
import { z } from "zod";
import { documentContent, taskPlan, type TaskPlan } from "@vanthu/contract";
import type { DocumentContent } from "./documents/document-content.ts";
import { fail } from "./errors.ts";

export const STORED_VERSIONS = { content: 1, taskPlan: 1 } as const;

const storedContent = documentContent.extend({ v: z.literal(STORED_VERSIONS.content) });
const storedTaskPlan = taskPlan.extend({ v: z.literal(STORED_VERSIONS.taskPlan) });

function read<T extends { v: number }>(
  schema: z.ZodType<T>,
  json: unknown,
  what: keyof typeof STORED_VERSIONS,
  id: string,
): Omit<T, "v"> {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw fail(
      "STORED_DATA_INVALID",
      `the ${what} of document ${id} is not of version ${STORED_VERSIONS[what]}: ${z.prettifyError(parsed.error)}`,
    );
  const { v: _version, ...value } = parsed.data;
  return value;
}

/** A document's stored content, checked (`id` names the record in the error). */
export function readContent(json: unknown, id: string): DocumentContent {
  return read(storedContent, json, "content", id);
}

/** The JSON to store for a document's content, with its version. */
export function storeContent(content: DocumentContent): string {
  return JSON.stringify({ ...content, v: STORED_VERSIONS.content });
}

/** A draft's stored task plan, checked; null when the author never edited it. */
export function readTaskPlan(json: unknown, id: string): TaskPlan | null {
  if (json === null || json === undefined) return null;
  return read(storedTaskPlan, json, "taskPlan", id);
}

export function storeTaskPlan(plan: TaskPlan): string {
  return JSON.stringify({ ...plan, v: STORED_VERSIONS.taskPlan });
}

const storedFigures = z.record(z.string(), z.number());

/**
 * A report's figures (`reports.figures`): a flat map from the figure's code to its count, read
 * through its schema like the rest (an agency's own codes included, see core's figures.ts).
 */
export function readFigures(json: unknown, reportId: string): Record<string, number> {
  const parsed = storedFigures.safeParse(json);
  if (!parsed.success)
    throw fail(
      "STORED_DATA_INVALID",
      `the figures of report ${reportId} are not a map of numbers: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}
