/**
 * Pieces every area's replies share: ids, times, the vocabularies as schemas, a document as a
 * list shows it, its stored content, the linter's findings, the error body.
 *
 * Replies are strict objects: a field the contract does not name fails the server's reply check
 * (on in the tests), so no raw database column reaches the client by accident. Times are ISO
 * strings ("2026-11-20T02:00:00.000Z"), dates "YYYY-MM-DD", field names camelCase.
 */
import { z } from "zod";
import {
  AUTHORITIES,
  BOOKS,
  COMPOSE_FIELDS,
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  DIRECTIONS,
  DOCUMENT_FORMATS,
  DOCUMENT_STATUSES,
  ROLES,
  SECRECY_LEVELS,
  URGENCIES,
} from "@vanthu/core";

/** A database id (any 8-4-4-4-12 hex; the demo world's are fixed). */
export const id = z.guid();
/** An instant, as JSON writes a Date. */
export const timestamp = z.iso.datetime();
/** A calendar day. */
export const day = z.iso.date();

export const role = z.enum(ROLES);
export const direction = z.enum(DIRECTIONS);
export const documentStatus = z.enum(DOCUMENT_STATUSES);
export const deliveryStatus = z.enum(DELIVERY_STATUSES);
export const deliveryKind = z.enum(DELIVERY_KINDS);
export const book = z.enum(BOOKS);
/** Độ khẩn (Khẩn, Thượng khẩn, Hỏa tốc) and độ mật (Mật, Tối mật, Tuyệt mật). */
export const urgency = z.enum(URGENCIES);
export const secrecy = z.enum(SECRECY_LEVELS);

/** A document as lists show it. */
export const documentSummary = z.strictObject({
  id,
  direction,
  status: documentStatus,
  reference: z.string().nullable(),
  typeCode: z.string().nullable(),
  typeName: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  date: day.nullable(),
  isPublic: z.boolean(),
  createdAt: timestamp,
  /** As printed or set on the draft; null: neither urgent nor secret. */
  urgency: urgency.nullable(),
  secrecy: secrecy.nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

const signatureLevel = z.object({ authority: z.enum(AUTHORITIES), title: z.string() });

/**
 * A document's content as stored: the fields the layout and the parser share (core's
 * LayoutSource) with its paragraphs. Not strict: it is the stored JSON, read as it was written.
 */
export const documentContent = z.object({
  format: z.enum(DOCUMENT_FORMATS),
  issuer: z.object({
    name: z.string().nullable(),
    parent: z.string().nullable(),
    code: z.string().nullable(),
    unit: z.string().nullable().optional(),
    source: z.enum(["header", "inferred"]).nullable().optional(),
  }),
  type: z.object({ code: z.string(), name: z.string() }).nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  place: z.string().nullable(),
  dateParts: z.object({
    day: z.number().nullable(),
    month: z.number().nullable(),
    year: z.number().nullable(),
  }),
  subject: z.string().nullable(),
  addressees: z.array(z.string()),
  paragraphs: z.array(z.string()),
  recipients: z.array(z.string()),
  archive: z.array(z.string()),
  signature: z.object({
    authority: z.enum(AUTHORITIES).nullable(),
    authorityTitle: z.string().nullable(),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
    levels: z.array(signatureLevel).optional(),
    start: z.number().optional(),
    end: z.number().optional(),
  }),
  sections: z
    .array(
      z.object({
        label: z.string(),
        title: z.string().nullable(),
        text: z.string(),
        start: z.number(),
        end: z.number(),
      }),
    )
    .optional(),
  /** Added after version 1 was stamped: absent in older rows, which read as neither. */
  urgency: urgency.nullable().optional(),
  secrecy: secrecy.nullable().optional(),
});
export type DocumentContent = z.infer<typeof documentContent>;

/** A finding of the linter (core's Diagnostic). */
export const finding = z.strictObject({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
  fix: z.strictObject({ start: z.number(), end: z.number(), text: z.string() }).optional(),
  params: z.record(z.string(), z.string()).optional(),
  /** The compose form's field it is in (drafts and own documents, composed from fields). */
  field: z.enum(COMPOSE_FIELDS).optional(),
  /** Which line or paragraph of that field, and the offsets in it. */
  fieldItem: z
    .strictObject({ index: z.number().int(), start: z.number().int(), end: z.number().int() })
    .optional(),
});
export type Finding = z.infer<typeof finding>;

/** A stable code and its words: a parser's or a reader's note on a file. */
export const note = z.strictObject({ code: z.string(), message: z.string() });
export type Note = z.infer<typeof note>;

/** A page of a list. */
export const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const items = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

export const ok = z.strictObject({ ok: z.literal(true) });

/** An agency named in a reply. */
export const agencyRef = z.strictObject({ id, code: z.string(), name: z.string() });
export type AgencyRef = z.infer<typeof agencyRef>;

/** Every failure: a stable code, the Vietnamese message, and where each problem is. */
export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
export type Issue = NonNullable<ErrorBody["error"]["issues"]>[number];
