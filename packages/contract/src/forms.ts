/**
 * /api/forms: the forms and reports Decree 30/2020/NĐ-CP names for work inside an agency, all
 * printable: the instruction slip of a received document (Phiếu giải quyết văn bản đến, Phụ lục
 * IV), the follow-up register over a period (Sổ theo dõi giải quyết văn bản đến, Phụ lục IV), and
 * the report on how incoming and outgoing documents were handled, per unit and per person.
 */
import { z } from "zod";
import {
  HANDLER_ROLES,
  HANDLER_STATUSES,
  HANDLING_PROGRESS,
  HANDLING_STEPS,
  SECRECY_LEVELS,
  URGENCIES,
} from "@vanthu/core";
import { FILE_REPLY, endpoint } from "./endpoint.ts";
import { day, id, timestamp } from "./common.ts";

export const handlingProgress = z.enum(HANDLING_PROGRESS);

/** A period of days, both included ("YYYY-MM-DD"); `from` after `to` is refused. */
export const periodQuery = z.strictObject({ from: day, to: day }).refine((p) => p.from <= p.to, {
  path: ["to"],
  message: "Ngày cuối kỳ không được trước ngày đầu kỳ.",
});

export const handlingSlip = z.strictObject({
  agency: z.strictObject({ name: z.string(), parentLine: z.string().nullable() }),
  document: z.strictObject({
    id,
    reference: z.string().nullable(),
    typeName: z.string().nullable(),
    date: day.nullable(),
    issuer: z.string().nullable(),
    subject: z.string().nullable(),
    urgency: z.enum(URGENCIES).nullable(),
    secrecy: z.enum(SECRECY_LEVELS).nullable(),
    /** Số đến and ngày đến (null until registered). */
    incomingNumber: z.number().int().nullable(),
    arrivedOn: day.nullable(),
    dueOn: day.nullable(),
    handling: z.enum(HANDLING_STEPS).nullable(),
  }),
  /** The leaders' instructions (bút phê), oldest first. */
  instructions: z.array(
    z.strictObject({
      text: z.string(),
      dueOn: day.nullable(),
      givenBy: z.string(),
      givenByTitle: z.string().nullable(),
      enteredBy: z.string(),
      onPaper: z.boolean(),
      onBehalfOf: z.string().nullable(),
      at: timestamp,
      lead: z.array(z.string()),
      cooperate: z.array(z.string()),
      inform: z.array(z.string()),
    }),
  ),
  /** Passed on by unit heads (or assigned without an instruction), oldest first. */
  assignments: z.array(
    z.strictObject({
      by: z.string().nullable(),
      to: z.string(),
      role: z.enum(HANDLER_ROLES),
      at: timestamp,
      dueOn: day.nullable(),
      status: z.enum(HANDLER_STATUSES),
      doneAt: timestamp.nullable(),
      result: z.string().nullable(),
    }),
  ),
  notes: z.array(
    z.strictObject({
      author: z.string(),
      text: z.string(),
      fileName: z.string().nullable(),
      at: timestamp,
    }),
  ),
  /** Every share done, with its result. */
  results: z.array(
    z.strictObject({
      who: z.string(),
      result: z.string().nullable(),
      doneAt: timestamp.nullable(),
    }),
  ),
  progress: handlingProgress,
  doneOn: day.nullable(),
  /** The slip as an A4 page (the ND30 HTML of the document view: a fragment with its style). */
  html: z.string(),
});
export type HandlingSlip = z.infer<typeof handlingSlip>;

export const followUpEntry = z.strictObject({
  documentId: id,
  /** Số đến, ngày đến. */
  number: z.number().int(),
  arrivedOn: day.nullable(),
  reference: z.string().nullable(),
  date: day.nullable(),
  typeName: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  /** The lead: each unit named with the people it passed the document to, or a person. */
  lead: z.array(z.strictObject({ unit: z.string().nullable(), people: z.array(z.string()) })),
  dueOn: day.nullable(),
  progress: handlingProgress,
  doneOn: day.nullable(),
  /** Reminders sent about it (nhắc nhở, phê bình). */
  reminders: z.strictObject({ nhacNho: z.number().int(), pheBinh: z.number().int() }),
});
export type FollowUpEntry = z.infer<typeof followUpEntry>;

/** The most entries a follow-up register answers (the rest: a shorter period). */
export const FOLLOW_UP_MAX_ENTRIES = 2000;

export const incomingFigures = z.strictObject({
  received: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});
export const outgoingFigures = z.strictObject({
  written: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  issued: z.number().int(),
});
export const reportRow = z.strictObject({
  id,
  name: z.string(),
  /** A person's unit (null for a unit, or a person in none). */
  unit: z.string().nullable(),
  closed: z.boolean(),
  incoming: incomingFigures,
  outgoing: outgoingFigures,
});
export type HandlingReportRow = z.infer<typeof reportRow>;

export const handlingReport = z.strictObject({
  from: day,
  to: day,
  /** The day "overdue" and "open" are judged on (today in the agency's time zone). */
  asOf: day,
  /**
   * What the reader is shown: the whole agency (leaders, clerks, the person in charge of
   * follow-up), their unit (a unit head), or themselves (a specialist).
   */
  scope: z.enum(["agency", "unit", "self"]),
  /** Incoming: documents registered in the period; outgoing: the agency's drafts and issues. */
  total: z.strictObject({ incoming: incomingFigures, outgoing: outgoingFigures }),
  units: z.array(reportRow),
  people: z.array(reportRow),
});
export type HandlingReport = z.infer<typeof handlingReport>;

/** Who reads the handling report (specialists their unit's or their own; see the use case). */
export const REPORT_ROLES = ["clerk", "leader", "specialist"] as const;

export const formEndpoints = {
  "GET /api/forms/handling-slip/:id": endpoint({
    summary:
      "The instruction slip of a received document (Phiếu giải quyết văn bản đến): its data and the page as HTML",
    tag: "forms",
    auth: "session",
    replies: "The slip",
    reply: handlingSlip,
    errors: {
      404: "Not a document of the reader's agency that they may see",
      409: "Not a received document",
    },
  }),
  "GET /api/forms/handling-slip/:id/pdf": endpoint({
    summary: "The instruction slip of a received document as an A4 PDF",
    tag: "forms",
    auth: "session",
    replies: "The PDF",
    reply: FILE_REPLY,
    errors: {
      404: "Not a document of the reader's agency that they may see",
      409: "Not a received document",
    },
  }),
  "GET /api/forms/follow-up-register": endpoint({
    summary:
      "The follow-up register of received documents (Sổ theo dõi giải quyết văn bản đến) over a period, by number",
    tag: "forms",
    auth: "session",
    query: periodQuery,
    replies: "The entries registered in the period, with their handling and progress",
    reply: z.strictObject({
      from: day,
      to: day,
      asOf: day,
      entries: z.array(followUpEntry),
      /** More entries than FOLLOW_UP_MAX_ENTRIES: the first ones only. */
      truncated: z.boolean(),
    }),
    errors: { 400: "Not a period (a bad day, or from after to)" },
  }),
  "GET /api/forms/handling-report": endpoint({
    summary:
      "How incoming and outgoing documents were handled over a period, per unit and per person (báo cáo tình hình xử lý văn bản)",
    tag: "forms",
    auth: "session",
    roles: REPORT_ROLES,
    query: periodQuery,
    replies: "The figures: totals, units, people",
    reply: handlingReport,
    errors: { 400: "Not a period (a bad day, or from after to)", 403: "Not a reader of reports" },
  }),
};
