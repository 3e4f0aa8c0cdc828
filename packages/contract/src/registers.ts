/**
 * /api/registers: the agency's registers (sổ văn bản đi, sổ văn bản đến) and their entries, in the
 * order and with the columns of ND30 Phụ lục IV.
 */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";
import { book, day, id, items, timestamp } from "./common.ts";
import { fileSignatureLevel } from "./signatures.ts";

export const registerInfo = z.strictObject({
  id,
  book,
  period: z.string(),
  /** A register per type (a term's numbering); null: one for every type. */
  typeCode: z.string().nullable(),
});
export type RegisterInfo = z.infer<typeof registerInfo>;

export const registerEntry = z.strictObject({
  number: z.number().int(),
  registeredAt: timestamp,
  /** Incoming: the day it arrived (ngày đến, column 1 of Phụ lục IV); null for outgoing. */
  arrivedOn: day.nullable(),
  documentId: id,
  reference: z.string().nullable(),
  date: day.nullable(),
  typeName: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  signer: z.string().nullable(),
  recipients: z.array(z.string()),
  archive: z.array(z.string()),
  registeredBy: z.string().nullable(),
  /** Incoming: the unit or person who handles it (the lead handler; "Đơn vị hoặc người nhận"). */
  handler: z.string().nullable(),
  /** Incoming: what signature verification found when it was registered; null for outgoing. */
  signatureLevel: fileSignatureLevel.nullable(),
  /** Incoming: who registered it knowing it changed after signing. */
  signatureAcknowledgedBy: z.string().nullable(),
});
export type RegisterEntry = z.infer<typeof registerEntry>;

export const registerEndpoints = {
  "GET /api/registers": endpoint({
    summary: "The agency's registers (outgoing and incoming, per year or term) with entry counts",
    tag: "registers",
    auth: "session",
    replies: "The registers, newest period first",
    reply: items(registerInfo.extend({ entries: z.number().int() })),
  }),
  "GET /api/registers/:id": endpoint({
    summary: "A register's entries in number order, with the Phụ lục IV columns",
    tag: "registers",
    auth: "session",
    replies: "The register and its entries",
    reply: z.strictObject({ register: registerInfo, entries: z.array(registerEntry) }),
    errors: { 404: "Not the agency's register" },
  }),
};
