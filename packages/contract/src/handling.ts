/**
 * Handling received documents inside the agency (ND30 Điều 20-24, issue #15 item 4): duplicates
 * and attaching, presenting to a leader (trình), the leader's instruction (bút phê), passing on
 * to a specialist (chuyển, phân công), progress, notes and files, the reply, done, reminders
 * about late work, forwarding to another agency (chuyển tiếp); the overdue list of the person in
 * charge of follow-up; and the admin's deadline rules and days off.
 */
import { z } from "zod";
import {
  ACTION_ROLES,
  HANDLER_ROLES,
  HANDLER_STATUSES,
  HANDLING_STEPS,
  REMINDER_KINDS,
  URGENCIES,
} from "@vanthu/core";
import { FILE_REPLY, endpoint } from "./endpoint.ts";
import {
  agencyRef,
  day,
  deliveryStatus,
  documentStatus,
  documentSummary,
  id,
  ok,
  timestamp,
} from "./common.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const urgency = z.enum(URGENCIES);
const handlingStep = z.enum(HANDLING_STEPS);

// ---- Requests ----

/** The fields as the clerk has them in the register dialog, to check against (all optional). */
export const duplicatesQuerySchema = z.strictObject({
  reference: z.string().trim().max(100).optional(),
  issuer: z.string().trim().max(300).optional(),
  date: z.iso.date().optional(),
  typeCode: z.string().trim().max(10).optional(),
  urgency: urgency.optional(),
  arrivedOn: z.iso.date().optional(),
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuerySchema>;

export const attachSchema = z.strictObject({
  /** The earlier record (registered) of the same document. */
  toId: z.uuid(),
});

export const presentSchema = z.strictObject({
  /** The leader it is presented to. */
  leaderId: z.uuid(),
  note: text(1000).optional(),
});

export const instructSchema = z.strictObject({
  /** The instruction as the leader wrote it. */
  text: text(5000),
  /** The lead unit (chủ trì). */
  lead: z.uuid(),
  /** Cooperating units (phối hợp). */
  cooperate: z.array(z.uuid()).max(50).default([]),
  /** Units for information (để biết). */
  inform: z.array(z.uuid()).max(50).default([]),
  /** The deadline; left out: the document's, else the default (printed, else the rules). */
  dueOn: z.iso.date().nullable().optional(),
  /**
   * A paper instruction entered by a clerk: the leader who wrote it. Left out: the reader's own
   * (as a leader, or for the leader who delegated).
   */
  givenBy: z.uuid().optional(),
});
export type InstructBody = z.infer<typeof instructSchema>;

export const assignSchema = z.strictObject({
  /** The row it is passed on from: the unit's (its head assigns) or one's own (passed down). */
  handlerId: z.uuid(),
  /** The specialist it goes to (of that unit). */
  userId: z.uuid(),
  /** The person's deadline; left out: that of the row it comes from. */
  dueOn: z.iso.date().optional(),
  note: text(1000).optional(),
});
export type AssignBody = z.infer<typeof assignSchema>;

export const handlerChoiceSchema = z.strictObject({
  /** Which of the reader's rows; left out: the reader's own (their person row first). */
  handlerId: z.uuid().optional(),
});

export const noteSchema = z.strictObject({ text: text(5000) });

export const doneSchema = z.strictObject({
  /** The summary of the result (sent to the sender with 06). */
  result: text(5000),
  handlerId: z.uuid().optional(),
});

export const reminderSchema = z.strictObject({
  kind: z.enum(REMINDER_KINDS),
  /** The handler reminded; left out: every handler not done. */
  handlerId: z.uuid().optional(),
  note: text(1000).optional(),
});

export const forwardSchema = z.strictObject({
  agencyId: z.uuid(),
  note: text(1000),
});

export const deadlineRule = z.strictObject({
  /** A type code, or '' for any type. */
  typeCode: z.string().trim().max(10),
  /** An urgency, or '' for any. */
  urgency: z.union([urgency, z.literal("")]),
  workingDays: z.number().int().min(1).max(365),
});
export const deadlineRulesSchema = z.strictObject({ rules: z.array(deadlineRule).max(200) });
export const holiday = z.strictObject({ day, name: text(200) });
export const holidaysSchema = z.strictObject({ holidays: z.array(holiday).max(400) });

// ---- Replies ----

export const person = z.strictObject({ id, fullName: z.string(), title: z.string().nullable() });
export type Person = z.infer<typeof person>;
export const unitRef = z.strictObject({ id, name: z.string(), abbreviation: z.string() });

export const deadline = z.strictObject({
  dueOn: day,
  /** Printed in the text, or the agency's rule (so many working days from arrival). */
  source: z.enum(["printed", "rule"]),
  workingDays: z.number().int().nullable(),
});

export const duplicate = z.strictObject({
  id,
  reference: z.string().nullable(),
  issuer: z.string().nullable(),
  date: day.nullable(),
  subject: z.string().nullable(),
  /** Its number in the incoming register. */
  number: z.number().int().nullable(),
  registeredAt: timestamp.nullable(),
  /** Same reference, issuer and date; the same original delivered twice; the same file. */
  why: z.enum(["reference", "source", "file", "exchange"]),
});
export type Duplicate = z.infer<typeof duplicate>;

export const duplicatesReply = z.strictObject({
  items: z.array(duplicate),
  /** The default deadline for the fields given (null: none applies). */
  deadline: deadline.nullable(),
  /** The urgency as read from the text. */
  urgency: urgency.nullable(),
});

export const handlerEntry = z.strictObject({
  id,
  parentId: id.nullable(),
  instructionId: id.nullable(),
  role: z.enum(HANDLER_ROLES),
  unit: unitRef.nullable(),
  user: person.nullable(),
  status: z.enum(HANDLER_STATUSES),
  dueOn: day.nullable(),
  overdue: z.boolean(),
  assignedBy: person.nullable(),
  assignedAt: timestamp,
  doneAt: timestamp.nullable(),
  result: z.string().nullable(),
});
export type HandlerEntry = z.infer<typeof handlerEntry>;

export const handlingView = z.strictObject({
  documentId: id,
  step: handlingStep.nullable(),
  urgency: urgency.nullable(),
  dueOn: day.nullable(),
  overdue: z.boolean(),
  /** Working days past the deadline (0 when not overdue). */
  daysLate: z.number().int(),
  /** The day it arrived, and the default deadline counted from it. */
  arrivedOn: day.nullable(),
  defaultDeadline: deadline.nullable(),
  presented: z
    .strictObject({ to: person, by: person.nullable(), at: timestamp.nullable() })
    .nullable(),
  /** The earlier record this one was attached to. */
  attachedTo: z.strictObject({ id, reference: z.string().nullable() }).nullable(),
  /** Later records of the same document attached to this one, with their files. */
  attached: z.array(
    z.strictObject({
      id,
      reference: z.string().nullable(),
      issuer: z.string().nullable(),
      files: z.array(z.string()),
    }),
  ),
  instructions: z.array(
    z.strictObject({
      id,
      text: z.string(),
      dueOn: day.nullable(),
      givenBy: person,
      enteredBy: person,
      onPaper: z.boolean(),
      onBehalfOf: person.nullable(),
      at: timestamp,
    }),
  ),
  /** Every unit and person, as a tree by parentId (a unit's row first, its people under it). */
  handlers: z.array(handlerEntry),
  notes: z.array(
    z.strictObject({
      id,
      author: person,
      text: z.string(),
      fileName: z.string().nullable(),
      at: timestamp,
    }),
  ),
  reminders: z.array(
    z.strictObject({
      id,
      kind: z.enum(REMINDER_KINDS),
      handlerId: id.nullable(),
      sentBy: person,
      note: z.string().nullable(),
      at: timestamp,
    }),
  ),
  /** The outgoing documents that answer it (drafts and issued). */
  replies: z.array(
    z.strictObject({
      id,
      reference: z.string().nullable(),
      subject: z.string().nullable(),
      status: documentStatus,
    }),
  ),
  /** Where it was forwarded (chuyển tiếp), and where each stands there. */
  forwards: z.array(
    z.strictObject({
      agency: agencyRef,
      note: z.string().nullable(),
      status: deliveryStatus,
      sentAt: timestamp,
    }),
  ),
});
export type HandlingView = z.infer<typeof handlingView>;

export const overdueReply = z.strictObject({
  today: day,
  items: z.array(
    z.strictObject({
      document: documentSummary,
      step: handlingStep.nullable(),
      dueOn: day,
      daysLate: z.number().int(),
      /** The handlers still at work and late. */
      handlers: z.array(
        z.strictObject({
          id,
          role: z.enum(HANDLER_ROLES),
          unit: unitRef.nullable(),
          user: person.nullable(),
          status: z.enum(HANDLER_STATUSES),
          dueOn: day.nullable(),
          daysLate: z.number().int(),
        }),
      ),
      reminders: z.strictObject({ nhacNho: z.number().int(), pheBinh: z.number().int() }),
    }),
  ),
  /** Reminders counted per person and per unit, as iOffice counts them. */
  counts: z.array(
    z.strictObject({
      unit: unitRef.nullable(),
      user: person.nullable(),
      nhacNho: z.number().int(),
      pheBinh: z.number().int(),
    }),
  ),
});
export type OverdueReply = z.infer<typeof overdueReply>;

export const handlingPeople = z.strictObject({
  units: z.array(unitRef),
  people: z.array(
    person.extend({
      unitId: id.nullable(),
      unitHead: z.boolean(),
      leader: z.boolean(),
    }),
  ),
});
export type HandlingPeople = z.infer<typeof handlingPeople>;

export const deadlineSettings = z.strictObject({
  rules: z.array(deadlineRule),
  holidays: z.array(holiday),
});
export type DeadlineSettings = z.infer<typeof deadlineSettings>;

const stepReply = z.strictObject({ step: handlingStep.nullable() });

const conflicts =
  "NOT_REGISTERED, DOCUMENT_RETURNED, ALREADY_INSTRUCTED, NOT_INSTRUCTED, NOT_ASSIGNED, HANDLING_DONE: not in a state for this step";

export const handlingEndpoints = {
  "GET /api/documents/:id/duplicates": endpoint({
    summary:
      "Before registering: earlier records of the same document (same reference, issuer and date; the same original or file received twice), and the default deadline",
    tag: "handling",
    auth: "session",
    roles: ACTION_ROLES.register,
    query: duplicatesQuerySchema,
    replies: "The earlier records, the default deadline, the urgency read",
    reply: duplicatesReply,
    errors: { 404: "Not found" },
  }),
  "POST /api/documents/:id/attach": endpoint({
    summary:
      "Attach a received record to the earlier record of the same document instead of registering it again",
    tag: "handling",
    auth: "session",
    roles: ACTION_ROLES.register,
    body: attachSchema,
    replies: "Attached",
    reply: z.strictObject({ id, attachedTo: id }),
    errors: {
      404: "Not found",
      409: "Registered already, or the earlier record is not registered",
    },
  }),
  "GET /api/documents/:id/handling": endpoint({
    summary:
      "A received document's handling: instructions, handlers (units and people, as a tree), notes, reminders, deadline and lateness, replies, forwards",
    tag: "handling",
    auth: "session",
    replies: "The handling",
    reply: handlingView,
    errors: { 404: "Not found" },
  }),
  "POST /api/documents/:id/present": endpoint({
    summary: "Present a registered received document to a leader (trình)",
    tag: "handling",
    auth: "session",
    roles: ACTION_ROLES.present,
    body: presentSchema,
    replies: "The step",
    reply: stepReply,
    errors: { 400: "Not a leader of the agency", 404: "Not found", 409: conflicts },
  }),
  "POST /api/documents/:id/instructions": endpoint({
    summary:
      "The leader's instruction (bút phê): text, lead, cooperating and informed units, deadline; or a paper one entered by a clerk",
    tag: "handling",
    auth: "session",
    body: instructSchema,
    status: 201,
    replies: "The instruction's id, its deadline and the step",
    reply: z.strictObject({ id, dueOn: day.nullable(), step: handlingStep }),
    errors: {
      403: "NOT_A_LEADER: neither a leader (nor acting for one) nor a clerk",
      404: "Not found",
      409: conflicts,
      422: "Unknown or closed units, a unit named twice, givenBy not a leader",
    },
  }),
  "POST /api/documents/:id/assignments": endpoint({
    summary:
      "Pass a received document on (chuyển, phân công): the lead unit's head to a specialist of the unit, or a specialist further down",
    tag: "handling",
    auth: "session",
    body: assignSchema,
    status: 201,
    replies: "The new row's id and the step",
    reply: z.strictObject({ id, step: handlingStep }),
    errors: {
      403: "NOT_A_HANDLER: not the unit's head nor the row's person",
      404: "Not found",
      409: `ALREADY_ASSIGNED: someone was assigned from that row already; ${conflicts}`,
      422: "The person is not in the unit",
    },
  }),
  "POST /api/documents/:id/handling/progress": endpoint({
    summary: "A handler starts work on it (in progress; status 05 to the sender)",
    tag: "handling",
    auth: "session",
    body: handlerChoiceSchema.prefault({}),
    replies: "The step",
    reply: stepReply,
    errors: { 403: "NOT_A_HANDLER", 404: "Not found", 409: conflicts },
  }),
  "POST /api/documents/:id/handling/notes": endpoint({
    summary: "A note while handling (by a handler or a leader)",
    tag: "handling",
    auth: "session",
    body: noteSchema,
    status: 201,
    replies: "The note's id",
    reply: z.strictObject({ id }),
    errors: { 403: "NOT_A_HANDLER", 404: "Not found", 409: conflicts },
  }),
  "POST /api/documents/:id/handling/files": endpoint({
    summary: "A file added while handling (photo, PDF, Word, Excel, text)",
    tag: "handling",
    auth: "session",
    upload: "one",
    status: 201,
    replies: "The note holding the file",
    reply: z.strictObject({ id, name: z.string(), size: z.number().int() }),
    errors: {
      403: "NOT_A_HANDLER",
      404: "Not found",
      409: conflicts,
      415: "Type not accepted",
      422: "Not what its name says",
    },
  }),
  "GET /api/documents/:id/handling/files/:noteId": endpoint({
    summary: "A file added while handling",
    tag: "handling",
    auth: "session",
    replies: "The bytes",
    reply: FILE_REPLY,
    errors: { 404: "Not found" },
  }),
  "POST /api/documents/:id/reply": endpoint({
    summary:
      "The reply: an outgoing draft to the sender linked to the received document it answers (the sender sees it once issued and delivered)",
    tag: "handling",
    auth: "session",
    status: 201,
    replies: "The draft's id",
    reply: z.strictObject({ id, answersId: id }),
    errors: { 403: "NOT_A_HANDLER", 404: "Not found", 409: conflicts },
  }),
  "POST /api/documents/:id/handling/done": endpoint({
    summary:
      "A handler finishes (with a summary): the lead's makes the document done, status 06 with the result to the sender",
    tag: "handling",
    auth: "session",
    body: doneSchema,
    replies: "The step",
    reply: stepReply,
    errors: { 403: "NOT_A_HANDLER", 404: "Not found", 409: conflicts },
  }),
  "POST /api/documents/:id/reminders": endpoint({
    summary:
      "Remind the handlers of late work (nhắc nhở, phê bình): by the person in charge of follow-up or a leader",
    tag: "handling",
    auth: "session",
    body: reminderSchema,
    status: 201,
    replies: "How many handlers were reminded",
    reply: z.strictObject({ reminded: z.number().int() }),
    errors: { 403: "Not in charge of follow-up nor a leader", 404: "Not found", 409: conflicts },
  }),
  "POST /api/documents/:id/forward": endpoint({
    summary:
      "Forward a registered received document to another agency in the system, with a note (chuyển tiếp)",
    tag: "handling",
    auth: "session",
    roles: ACTION_ROLES.forward,
    body: forwardSchema,
    status: 201,
    replies: "The agency's new record",
    reply: z.strictObject({ agency: agencyRef }),
    errors: {
      404: "Not found",
      409: `ALREADY_FORWARDED: that agency has it already; ${conflicts}`,
      422: "Not an agency it can go to",
    },
  }),
  "GET /api/handling/overdue": endpoint({
    summary:
      "Everything late in the agency (past its deadline, not done), with the late handlers and the reminders counted: for the person in charge of follow-up and the leaders",
    tag: "handling",
    auth: "session",
    replies: "The late documents, the reminders per person and unit",
    reply: overdueReply,
    errors: { 403: "Not in charge of follow-up nor a leader" },
  }),
  "GET /api/handling/people": endpoint({
    summary: "The agency's open units and people, for the instruction and assignment pickers",
    tag: "handling",
    auth: "session",
    replies: "Units and people",
    reply: handlingPeople,
  }),
  "GET /api/admin/deadlines": endpoint({
    summary:
      "The agency's default processing deadlines (working days per type and urgency) and its days off",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "The rules and the days off",
    reply: deadlineSettings,
    errors: { 403: "Not an admin" },
  }),
  "PUT /api/admin/deadline-rules": endpoint({
    summary: "Replace the agency's deadline rules",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: deadlineRulesSchema,
    replies: "Saved",
    reply: ok,
    errors: { 403: "Not an admin", 422: "A rule given twice, or an unknown type" },
  }),
  "PUT /api/admin/holidays": endpoint({
    summary: "Replace the agency's days off (besides weekends)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: holidaysSchema,
    replies: "Saved",
    reply: ok,
    errors: { 403: "Not an admin", 422: "A day given twice" },
  }),
};
