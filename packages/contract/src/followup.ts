/** Follow-through: task plans, tasks, reports, the dashboard, the consolidated report, notifications. */
import { z } from "zod";
import { CYCLES, NOTIFICATION_CODES, cyclesCombine } from "@vanthu/core";
import { FILE_REPLY, endpoint } from "./endpoint.ts";
import { day, deliveryKind, deliveryStatus, documentSummary, id, ok, timestamp } from "./common.ts";

const cycle = z.enum(CYCLES);
/** "Một lần" and "Khi có yêu cầu" stand alone; periodic cycles combine (core: cyclesCombine). */
const ALONE_MESSAGE = '"Một lần" và "Khi có yêu cầu" không đi cùng kỳ khác';

// ---- Requests ----

export const taskPlanSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(10),
        title: z.string().trim().min(1).max(300),
      }),
    )
    .max(100),
  cycles: z.array(cycle).max(6).refine(cyclesCombine, { message: ALONE_MESSAGE }),
  due: z.iso.date().nullable(),
});
export type TaskPlanInput = z.infer<typeof taskPlanSchema>;

export const taskChangeSchema = z.strictObject({
  cycles: z.array(cycle).min(1).max(6).refine(cyclesCombine, { message: ALONE_MESSAGE }).optional(),
  due: z.iso.date().nullable().optional(),
  title: z.string().trim().min(1).max(300).optional(),
});
export type TaskChange = z.infer<typeof taskChangeSchema>;

export const reportSchema = z.strictObject({
  period: z.string().trim().min(1).max(20),
  figures: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, "khóa: chữ thường không dấu, số, _"),
      z.number().int().min(0).max(1_000_000_000),
    )
    .refine((f) => Object.keys(f).length <= 30, "tối đa 30 chỉ số")
    .default({}),
  narrative: z.string().max(20_000).default(""),
});
export type ReportInput = z.infer<typeof reportSchema>;

export const notificationsReadSchema = z.strictObject({
  ids: z.array(z.uuid()).max(500).optional(),
});

// ---- Replies ----

/** The tasks a directive will give each addressee: its items, reporting cycles and deadline. */
export const taskPlan = z.strictObject({
  items: z.array(z.strictObject({ label: z.string(), title: z.string() })),
  cycles: z.array(cycle),
  due: day.nullable(),
});
export type TaskPlan = z.infer<typeof taskPlan>;

/** Figures by key: core's FIGURES codes ("articles", "broadcasts"...) or the agency's own. */
export const figures = z.record(z.string(), z.number());
export type Figures = z.infer<typeof figures>;

/** A task the signed-in agency owes. */
export const owedTask = z.strictObject({
  taskId: id,
  document: z.strictObject({
    id,
    reference: z.string().nullable(),
    subject: z.string().nullable(),
    issuer: z.string().nullable(),
  }),
  label: z.string(),
  title: z.string(),
  cycles: z.array(cycle),
  due: day.nullable(),
  /** The periods reported, and those due and not reported. */
  reported: z.array(z.string()),
  overdue: z.array(z.string()),
  /** Every period open so far (the report form offers these). */
  periods: z.array(z.strictObject({ label: z.string(), due: day.nullable() })),
});
export type OwedTask = z.infer<typeof owedTask>;

export const owedTasks = z.strictObject({
  today: day,
  items: z.array(owedTask),
  /** How many tasks have a period overdue. */
  overdue: z.number().int(),
});

export const reportReply = z.strictObject({ id, period: z.string(), late: z.boolean() });
export const reportFile = z.strictObject({
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});

/** A recipient x item of the issuer's grid. */
export const dashboardCell = z.strictObject({
  agencyId: id,
  label: z.string(),
  taskId: id,
  cycles: z.array(cycle),
  due: day.nullable(),
  /** "returned": the recipient returned the document (02), it owes nothing. */
  status: z.enum(["reported", "overdue", "pending", "returned"]),
  /** Every period opened so far, due or not (the completion chart's denominator). */
  periods: z.array(z.string()),
  reports: z.array(
    z.strictObject({
      id,
      files: z.array(z.string()),
      period: z.string(),
      figures,
      narrative: z.string(),
      late: z.boolean(),
      submittedAt: timestamp,
    }),
  ),
  missing: z.array(z.string()),
});
export type DashboardCell = z.infer<typeof dashboardCell>;

const notReported = z.array(z.strictObject({ agencyId: id, code: z.string(), name: z.string() }));
const totals = z.strictObject({
  all: figures,
  byItem: z.record(z.string(), figures),
  byRecipient: z.record(z.string(), figures),
  /** Everything, the follow-ons of the recipients included. */
  cascade: figures,
});

export const dashboard = z.strictObject({
  document: documentSummary,
  today: day,
  items: z.array(z.strictObject({ label: z.string(), title: z.string() })),
  recipients: z.array(
    z.strictObject({
      agencyId: id,
      code: z.string(),
      name: z.string(),
      kind: deliveryKind,
      deliveryStatus,
      /** Returned (02): why, and when. */
      returnReason: z.string().nullable(),
      returnedAt: timestamp.nullable(),
    }),
  ),
  cells: z.array(dashboardCell),
  totals,
  /** The follow-on documents of the recipients, down the cascade, with their reports summed. */
  cascade: z.array(
    z.strictObject({
      depth: z.number().int(),
      agency: z.string(),
      document: documentSummary,
      totals: figures,
    }),
  ),
  notReported,
  overdue: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboard>;

export const consolidatedReply = z.strictObject({ id, notReported, totals });

/**
 * A notification for the signed-in person: a code of core's NOTIFICATION_CODES and its
 * parameters (core's NOTIFICATION_PARAMS; days "YYYY-MM-DD"), rendered by the reader's message
 * catalogue. `message`: the Vietnamese sentence of a row written before codes (null since).
 */
export const notification = z.strictObject({
  id,
  code: z.enum(NOTIFICATION_CODES).nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  documentId: id.nullable(),
  taskId: id.nullable(),
  message: z.string().nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const followupEndpoints = {
  "GET /api/documents/:id/task-plan": endpoint({
    summary:
      "The tasks the document will give each addressee: items, reporting cycles, deadline (read from the text unless edited)",
    tag: "follow-through",
    auth: "session",
    replies: "The plan",
    reply: taskPlan,
    errors: { 404: "Not found" },
  }),
  "PUT /api/documents/:id/task-plan": endpoint({
    summary: "Edit the tasks before issuing",
    tag: "follow-through",
    auth: "session",
    body: taskPlanSchema,
    replies: "The plan",
    reply: taskPlan,
    errors: { 409: "Already issued" },
  }),
  "GET /api/tasks": endpoint({
    summary: "What the signed-in agency owes: its tasks, the periods reported and those overdue",
    tag: "follow-through",
    auth: "session",
    replies: "today, the tasks, how many are overdue",
    reply: owedTasks,
  }),
  "PATCH /api/tasks/:id": endpoint({
    summary: "The issuer changes a task's cycles, deadline or title",
    tag: "follow-through",
    auth: "session",
    body: taskChangeSchema,
    replies: "Changed",
    reply: ok,
    errors: { 403: "Not the issuer", 404: "Not found" },
  }),
  "POST /api/tasks/:id/reports": endpoint({
    summary:
      "The assignee reports a period: figures (core's FIGURES: articles, columns, broadcasts, minutes, documents, events, people, banners; or the agency's own keys), narrative",
    tag: "follow-through",
    auth: "session",
    roles: ["clerk", "specialist", "leader"],
    body: reportSchema,
    status: 201,
    replies: "The report: id, period, late",
    reply: reportReply,
    errors: { 400: "Bad period or figures", 404: "Not this agency's task" },
  }),
  "POST /api/reports/:id/files": endpoint({
    summary: "Attach a file to a report (photo, PDF, Word, Excel, text)",
    tag: "follow-through",
    auth: "session",
    upload: "one",
    status: 201,
    replies: "The file: name, size, media type",
    reply: reportFile,
    errors: { 403: "Not the reporter", 415: "Type not accepted", 422: "Not what its name says" },
  }),
  "GET /api/reports/:id/files/:name": endpoint({
    summary: "A file of a report (the reporter and the issuer)",
    tag: "follow-through",
    auth: "session",
    replies: "The bytes",
    reply: FILE_REPLY,
    errors: { 404: "Not found" },
  }),
  "GET /api/documents/:id/dashboard": endpoint({
    summary:
      "The issuer's grid: recipients x items with reports, due and missing periods; totals per item, recipient and down the cascade",
    tag: "follow-through",
    auth: "session",
    replies: "The dashboard",
    reply: dashboard,
    errors: { 404: "Not the issuer's directive" },
  }),
  "POST /api/documents/:id/consolidated-report": endpoint({
    summary: "A Báo cáo draft summing the reports on a directive and naming who has not reported",
    tag: "follow-through",
    auth: "session",
    status: 201,
    replies: "The draft's id, who has not reported, the totals",
    reply: consolidatedReply,
    errors: { 404: "Not the issuer's directive" },
  }),
  "GET /api/notifications": endpoint({
    summary:
      "The signed-in person's notifications (theirs and the agency's), newest first, with how many are unread",
    tag: "follow-through",
    auth: "session",
    replies: "The latest 100 and the unread count",
    reply: z.strictObject({ items: z.array(notification), unread: z.number().int() }),
  }),
  "POST /api/notifications/read": endpoint({
    summary: "Mark the signed-in person's notifications read: those listed in ids, or all",
    tag: "follow-through",
    auth: "session",
    body: notificationsReadSchema.prefault({}),
    replies: "How many were marked",
    reply: z.strictObject({ read: z.number().int() }),
    errors: { 400: "Bad ids" },
  }),
};
