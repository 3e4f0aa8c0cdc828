/** /api/documents: the boxes, drafts (fields or text), preview, view, import, issue, register, publish. */
import { z } from "zod";
import {
  ACTION_ROLES,
  AUTHORITIES,
  URGENCIES,
  DELIVERY_KINDS,
  PROGRESS_STATUSES,
  type DocumentActions,
} from "@vanthu/core";
import { FILE_REPLY, endpoint } from "./endpoint.ts";
import {
  book,
  day,
  deliveryKind,
  deliveryStatus,
  documentContent,
  documentStatus,
  documentSummary,
  finding,
  id,
  note,
  ok,
  page,
  secrecy,
  timestamp,
  urgency,
} from "./common.ts";
import { reviewBlock } from "./review.ts";
import { documentSignatures } from "./signatures.ts";

// ---- Requests ----

const line = (max: number) => z.string().trim().min(1).max(max);

/** The fields a person fills in for a draft. */
export const draftFieldsSchema = z.strictObject({
  typeCode: z.string().trim().min(1).max(10),
  subject: line(1000),
  /** The drafting unit's abbreviation, in a công văn's symbol ("TTBCXB"). */
  unit: z
    .string()
    .trim()
    .regex(/^[A-ZĐ0-9&]{1,15}$/u, "Viết tắt tên đơn vị: chữ in hoa, không dấu cách.")
    .nullable()
    .optional(),
  place: line(100).optional(),
  addressees: z.array(line(300)).max(300).default([]),
  paragraphs: z.array(z.string().max(50_000)).max(3000).default([]),
  recipients: z.array(line(300)).max(300).default([]),
  archive: z.array(line(30)).max(20).default(["VT"]),
  signature: z
    .strictObject({
      authority: z.enum(AUTHORITIES).nullable().default(null),
      authorityTitle: line(200).nullable().default(null),
      signerTitle: line(200).nullable().default(null),
      signerName: line(100).nullable().default(null),
    })
    .optional(),
  isPublic: z.boolean().optional(),
  /** Độ khẩn and độ mật, printed under the number and kept on the record (null: none). */
  urgency: urgency.nullable().optional(),
  secrecy: secrecy.nullable().optional(),
  /** An issued document of the agency that this one corrects or replaces (ND30 Điều 18). */
  correctsId: z.uuid().optional(),
});
export type DraftFields = z.infer<typeof draftFieldsSchema>;
/** The fields as a client sends them (lists may be left out). */
export type DraftFieldsInput = z.input<typeof draftFieldsSchema>;

/** A draft written (or pasted) as text: parsed into fields on the server. */
export const draftTextSchema = z.strictObject({
  text: z.string().min(1).max(2_000_000),
  isPublic: z.boolean().optional(),
});
export type DraftText = z.infer<typeof draftTextSchema>;

// The fields' defaults ([] for lists) must not apply to a change: a PATCH of one field would
// otherwise empty the draft's addressees, paragraphs and recipients (zod keeps a default inside
// .partial()). Each defaulted field is taken without its default.
const withoutDefault = <T extends z.ZodType>(field: T) =>
  (field instanceof z.ZodDefault ? field.unwrap() : field) as T;
const patchShape = draftFieldsSchema.omit({ correctsId: true }).shape;
export const draftPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(patchShape).map(([k, v]) => [k, withoutDefault(v as z.ZodType)]),
    ) as typeof patchShape,
  )
  .partial();
export type DraftPatch = z.infer<typeof draftPatchSchema>;

/**
 * A body with "text" is a draft written as text, any other a draft's fields: the server reads
 * the body by that key (so that each problem is reported against the schema the sender meant).
 */
export const newDraftSchema = z.union([draftFieldsSchema, draftTextSchema]);
export const draftChangeSchema = z.union([draftPatchSchema, draftTextSchema]);
const isTextDraft = (body: unknown) => typeof body === "object" && body !== null && "text" in body;

/** A draft being typed: like a draft's fields, but the subject may still be empty. */
export const previewSchema = draftFieldsSchema.extend({
  subject: z.string().max(1000).default(""),
});
export type PreviewInput = z.infer<typeof previewSchema>;

export const BOXES = ["outgoing", "incoming", "drafts"] as const;
export type Box = (typeof BOXES)[number];

export const listQuerySchema = z.strictObject({
  box: z.enum(BOXES).default("outgoing"),
  q: z.string().trim().max(200).optional(),
  type: z.string().trim().max(10).optional(),
  /** In the incoming box, "draft" is a received document not yet registered. */
  status: documentStatus.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Only documents of this urgency (độ khẩn). */
  urgency: urgency.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const issueBodySchema = z.strictObject({
  /**
   * The clerk's confirmation of who receives it, among the agencies the plan read from the text;
   * without it, the plan's recipients.
   */
  deliverTo: z
    .array(
      z.strictObject({
        agencyId: z.uuid(),
        kind: z.enum(DELIVERY_KINDS).default("action"),
      }),
    )
    .max(1000)
    .optional(),
  /**
   * The clerk's decision on lines of the plan (an unresolved one, mostly): the agencies picked
   * by hand for it, delivered as the line's kind, or none: not delivered, deliberately.
   */
  lines: z
    .array(
      z.strictObject({
        kind: z.enum(DELIVERY_KINDS),
        /** The line as the plan wrote it (`written`). */
        line: z.string().trim().min(1).max(1000),
        agencyIds: z.array(z.uuid()).max(1000),
      }),
    )
    .max(600)
    .optional(),
});
export type IssueBody = z.infer<typeof issueBodySchema>;

/** The clerk's corrections of what was read from a received document, made as it is registered. */
export const registerCorrectionsSchema = z.strictObject({
  reference: z.string().trim().min(1).max(100).optional(),
  subject: z.string().trim().min(1).max(1000).optional(),
  issuer: z.string().trim().min(1).max(300).optional(),
  date: z.iso.date().optional(),
  /** A type of core's vocabulary for the document's format (`documentTypeChoices`). */
  typeCode: z.string().trim().min(1).max(10).optional(),
  /** The day it arrived (ngày đến): today in Vietnam when not given; never later, nor before its date. */
  arrivedOn: z.iso.date().optional(),
  // Handling (contract/src/handling.ts): urgency, deadline, who handles it, duplicates.
  /** Độ khẩn; null: none. Left out: as read from the text. */
  urgency: z.enum(URGENCIES).nullable().optional(),
  /**
   * The processing deadline (hạn xử lý); null: none. Left out: the default (printed in the text,
   * else the agency's rules counted in working days from the day it arrived).
   */
  dueOn: z.iso.date().nullable().optional(),
  /** The unit that handles it (chủ trì), when the clerk passes it on at once. */
  handlerUnitId: z.uuid().optional(),
  /** The person who handles it (in that unit, or in their own). */
  handlerUserId: z.uuid().optional(),
  /** Registered though earlier records of the same document were found (DUPLICATE_DOCUMENT). */
  confirmDuplicate: z.boolean().optional(),
  /**
   * Registered though its PDF changed after it was signed (SIGNATURE_BROKEN): the clerk has seen
   * the warning; recorded in the register with their name.
   */
  acknowledgeSignature: z.boolean().optional(),
});
export type RegisterCorrections = z.infer<typeof registerCorrectionsSchema>;

export const publishSchema = z.strictObject({ public: z.boolean() });

// ---- Replies ----

/** A document's own fields, as a draft's writes and reads return it. */
export const documentDetail = documentSummary.extend({
  agencyId: id,
  format: z.enum(["state", "party"]),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  place: z.string().nullable(),
  signerName: z.string().nullable(),
  content: documentContent,
  text: z.string(),
  correctsId: id.nullable(),
  sourceId: id.nullable(),
  parentId: id.nullable(),
  issuedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export type DocumentDetail = z.infer<typeof documentDetail>;

/** A document as opened: its fields, its files, its register entry, where its delivery stands. */
export const openedDocument = documentDetail.extend({
  /** A received copy: where it stands in its delivery (01 arrived ... 06 done); else null. */
  delivery: z
    .strictObject({
      status: deliveryStatus,
      kind: deliveryKind,
      sentAt: timestamp,
      registeredAt: timestamp.nullable(),
      returnedAt: timestamp.nullable(),
      returnReason: z.string().nullable(),
    })
    .nullable(),
  files: z.array(
    z.strictObject({
      name: z.string(),
      role: z.string(),
      size: z.number().int(),
      mediaType: z.string(),
    }),
  ),
  register: z
    .strictObject({
      book,
      period: z.string(),
      number: z.number().int(),
      registeredAt: timestamp,
      /** A received document: the day it arrived (ngày đến); null in the outgoing register. */
      arrivedOn: day.nullable(),
    })
    .nullable(),
  /** What the reader may do with it (core's documentActions): the web shows exactly these. */
  can: z.strictObject({
    edit: z.boolean(),
    delete: z.boolean(),
    issue: z.boolean(),
    publish: z.boolean(),
    register: z.boolean(),
    return: z.boolean(),
    followOn: z.boolean(),
    editTasks: z.boolean(),
    progress: z.array(z.enum(PROGRESS_STATUSES)),
    dashboard: z.boolean(),
    // Handling a received document (contract/src/handling.ts).
    present: z.boolean(),
    instruct: z.boolean(),
    instructOnPaper: z.boolean(),
    assign: z.boolean(),
    handle: z.boolean(),
    done: z.boolean(),
    remind: z.boolean(),
    /** Pass the received document on to another agency (chuyển tiếp). */
    forwardOut: z.boolean(),
    attach: z.boolean(),
    submit: z.boolean(),
    forward: z.boolean(),
    approve: z.boolean(),
    sendBack: z.boolean(),
    reviewEdit: z.boolean(),
  }) satisfies z.ZodType<DocumentActions>,
  /**
   * An outgoing document of the reader's agency: who drafted, reviewed and approved it, and
   * when (the steps and the versions); null otherwise.
   */
  review: reviewBlock.nullable(),
  /** The digital signatures of its PDF, checked (issue 16); null: it has no PDF. */
  signatures: documentSignatures.nullable(),
  /**
   * Received from another system (issue 17): the sender, the package's DocumentId, and where the
   * package's fields differ from the parse of the attached document (the parser's second opinion).
   */
  exchange: z
    .strictObject({
      fromOrganId: z.string().nullable(),
      fromName: z.string().nullable(),
      documentId: z.string().nullable(),
      mismatches: z.array(
        z.strictObject({
          field: z.string(),
          package: z.string().nullable(),
          parsed: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /** A received copy its issuer recalled (ND30 Điều 18): asked (13) or answered (15, 16). */
  recall: z
    .strictObject({
      status: z.enum(["13", "15", "16"]),
      reason: z.string().nullable(),
      answer: z.string().nullable(),
      recalledAt: timestamp.nullable(),
      /** Frozen until answered. */
      pending: z.boolean(),
      withdrawnAt: timestamp.nullable(),
      mayAnswer: z.boolean(),
    })
    .nullable(),
  /** The reader's agency issued it and the reader is its clerk: it may be recalled. */
  mayRecall: z.boolean(),
  /** The document this one updates or replaces. */
  replaces: z.strictObject({ id, kind: z.enum(["update", "replace"]) }).nullable(),
});
export type OpenedDocument = z.infer<typeof openedDocument>;

/** The ND30 layout as HTML with the linter's findings (the first 300 by position). */
export const documentView = z.strictObject({
  html: z.string(),
  text: z.string(),
  findings: z.array(finding),
  /** All findings counted (at least this many when the linter stopped early). */
  findingsTotal: z.number().int(),
  /** More findings than `findings` holds. */
  findingsTruncated: z.boolean(),
  /** False when the server stopped counting: `findingsTotal` is a lower bound. */
  findingsComplete: z.boolean(),
});
export type DocumentView = z.infer<typeof documentView>;

export const importReply = z.strictObject({
  /** The first document of the file. */
  document: documentDetail,
  /** Every document the file holds. */
  documents: z.array(documentDetail),
  duplicate: z.boolean(),
  notes: z.array(note),
});
export type ImportReply = z.infer<typeof importReply>;

export const issueReply = z.strictObject({
  number: z.string(),
  reference: z.string(),
  date: day,
  /** Lines of Kính gửi and Nơi nhận that named no known agency and that the clerk did not decide on: delivered to no one. */
  unresolved: z.array(z.string()),
});
export type IssueReply = z.infer<typeof issueReply>;

export const registerReply = z.strictObject({
  number: z.number().int(),
  /** The day it was registered, in Vietnam. */
  date: day,
  /** The day it arrived (ngày đến). */
  arrivedOn: day,
  reference: z.string().nullable(),
  /** The processing deadline set (null: none). */
  dueOn: day.nullable(),
});
export type RegisterReply = z.infer<typeof registerReply>;

export const publishReply = z.strictObject({ id, isPublic: z.boolean() });

export const documentEndpoints = {
  "GET /api/documents": endpoint({
    summary: "A box of the agency's documents (outgoing, incoming, drafts), newest first",
    tag: "documents",
    auth: "session",
    query: listQuerySchema,
    replies: "A page of documents",
    reply: page(documentSummary),
    errors: { 400: "Bad query", 401: "Not signed in" },
  }),
  "POST /api/documents": endpoint({
    summary: 'A new draft, from fields or from {"text": ...}',
    tag: "documents",
    auth: "session",
    body: newDraftSchema,
    bodyOf: (body) => (isTextDraft(body) ? draftTextSchema : draftFieldsSchema),
    status: 201,
    replies: "The draft",
    reply: documentDetail,
    errors: { 400: "Invalid body", 401: "Not signed in" },
  }),
  "POST /api/documents/import": endpoint({
    summary:
      "Import one received .txt/.md/.docx/.pdf, read inside the request: each document it holds parsed and kept for the clerk to confirm and register (many files, folders, scans: /api/imports)",
    tag: "documents",
    auth: "session",
    roles: ["clerk"],
    upload: "one",
    status: 201,
    otherStatuses: { 200: "Already imported (same file)" },
    replies: "Imported: the first document, every one in the file, duplicate, notes",
    reply: importReply,
    errors: { 413: "Too large", 415: "Not a supported file", 422: "Unreadable" },
  }),
  "POST /api/documents/preview": endpoint({
    summary:
      "The draft being typed, laid out in ND30 as HTML, with the linter's findings (the agency's profile included)",
    tag: "documents",
    auth: "session",
    body: previewSchema,
    replies: "The layout and the first 300 findings, with their counts",
    reply: documentView,
    errors: { 400: "Invalid fields", 413: "PREVIEW_TOO_LONG: over 300,000 characters" },
  }),
  "GET /api/documents/:id/view": endpoint({
    summary: "A document in the ND30 layout as HTML, with lint findings for its own agency",
    tag: "documents",
    auth: "optional",
    replies: "The layout (stored at issue) and, for its own agency, the findings",
    reply: documentView,
    errors: { 404: "Not found or not visible" },
  }),
  "POST /api/documents/:id/publish": endpoint({
    summary: "Show an issued document on the public portal, or take it down",
    tag: "documents",
    auth: "session",
    body: publishSchema,
    replies: "The new state",
    reply: publishReply,
    errors: { 403: "Not a clerk, leader or admin", 409: "Not issued" },
  }),
  "GET /api/documents/:id": endpoint({
    summary: "One document: fields, text, files, register entry (own documents, or public ones)",
    tag: "documents",
    auth: "optional",
    replies: "The document",
    reply: openedDocument,
    errors: { 404: "Not found or not visible" },
  }),
  "PATCH /api/documents/:id": endpoint({
    summary:
      "Change a draft (issued documents are immutable; a draft under review only by its reviewer, a new version; an approved one is open again)",
    tag: "documents",
    auth: "session",
    body: draftChangeSchema,
    bodyOf: (body) => (isTextDraft(body) ? draftTextSchema : draftPatchSchema),
    replies: "The draft",
    reply: documentDetail,
    errors: {
      400: "Invalid body",
      404: "Not found",
      409: "Not a draft, or waiting for its reviewer (DRAFT_UNDER_REVIEW)",
    },
  }),
  "DELETE /api/documents/:id": endpoint({
    summary:
      "Delete a draft never issued (or a received document imported by hand, not yet registered)",
    tag: "documents",
    auth: "session",
    replies: "Deleted",
    reply: ok,
    errors: { 403: "Another's draft", 404: "Not found", 409: "Issued, registered or delivered" },
  }),
  "POST /api/documents/:id/issue": endpoint({
    summary:
      "Issue a draft: next number of the outgoing register, today's date, rendered PDF, delivery to the recipients (confirmed in deliverTo when the text names a group; unresolved lines decided in lines)",
    tag: "documents",
    auth: "session",
    roles: ACTION_ROLES.issue,
    body: issueBodySchema.prefault({}),
    replies: "The number, the reference and the date given, and the lines left unresolved",
    reply: issueReply,
    errors: {
      403: "Not a clerk or leader",
      404: "Not found",
      409: "Already issued, not approved (DRAFT_NOT_APPROVED), or lines decided on that the draft no longer has (DELIVERY_LINES_CHANGED)",
      422: "Incomplete draft, or recipients to confirm (DELIVERY_UNCONFIRMED)",
    },
  }),
  "POST /api/documents/:id/register": endpoint({
    summary: "Register an imported document in the incoming register, with corrected fields",
    tag: "documents",
    auth: "session",
    roles: ACTION_ROLES.register,
    body: registerCorrectionsSchema.prefault({}),
    replies: "The number in the incoming register, the day, the reference",
    reply: registerReply,
    errors: {
      404: "Not found",
      409: "Already registered, or DUPLICATE_DOCUMENT: earlier records of the same document (in issues, path duplicates.<id>) and no confirmDuplicate, or SIGNATURE_BROKEN: changed after signing and no acknowledgeSignature",
      422: "A day of arrival still to come or before the document's date, or an unknown type",
    },
  }),
  "GET /api/documents/:id/files/:name": endpoint({
    summary: "A file of a document (original upload, rendered PDF)",
    tag: "documents",
    auth: "optional",
    replies: "The bytes",
    reply: FILE_REPLY,
    errors: { 404: "Not found" },
  }),
};
