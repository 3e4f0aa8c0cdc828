/** Việc của tôi: what waits for the signed-in person, in groups (issue 15, part 5). */
import { z } from "zod";
import { MY_WORK_GROUPS, URGENCIES, WORK_ACTIONS } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { day, id, timestamp } from "./common.ts";

/** One thing to do: the document, how urgent and when due, what to do next, from whom, since when. */
export const workRow = z.strictObject({
  documentId: id,
  /** For a report owed: the task. */
  taskId: id.nullable(),
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  due: day.nullable(),
  next: z.enum(WORK_ACTIONS),
  /** Who sent it (a person, or the issuing agency of a received document). */
  from: z.string().nullable(),
  at: timestamp.nullable(),
});
export type WorkRow = z.infer<typeof workRow>;

export const workGroup = z.strictObject({
  group: z.enum(MY_WORK_GROUPS),
  /** How many there are in all; `items` holds the first ones (most urgent, then due first). */
  count: z.number().int(),
  items: z.array(workRow),
});
export type WorkGroup = z.infer<typeof workGroup>;

export const myWork = z.strictObject({
  today: day,
  /** The groups that concern this person (by their roles and place), in a fixed order. */
  groups: z.array(workGroup),
});
export type MyWork = z.infer<typeof myWork>;

export const workEndpoints = {
  "GET /api/my-work": endpoint({
    summary:
      "Việc của tôi: what waits for the signed-in person (to approve, register, present, instruct, assign, handle, overdue, reports owed), each group bounded with its count",
    tag: "work",
    auth: "session",
    replies: "The groups",
    reply: myWork,
  }),
};
