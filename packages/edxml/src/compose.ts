/**
 * Packages made from what vanthu knows: a document package from a document's parse (the header
 * the parser read: number, symbol, place, date, type, subject, signer, Nơi nhận), and a status
 * package answering a document by its DocumentId. Pure but for the ids: the clock comes in.
 */
import { randomUUID } from "node:crypto";
import { issuerFullName, typeByName, type ParsedDocument } from "@vanthu/core";
import { edxmlDate, edxmlTimestamp } from "./dates.ts";
import {
  EDXML_STATUS_CODES,
  type EdxmlAttachment,
  type EdxmlDocumentModel,
  type EdxmlOrgan,
  type EdxmlStaff,
  type EdxmlStatusCode,
  type EdxmlStatusModel,
} from "./model.ts";

/** An agency known only by its code (and perhaps its name). */
export function organ(organId: string, organName: string | null = null): EdxmlOrgan {
  return {
    organId,
    organizationInCharge: null,
    organName,
    organAdd: null,
    email: null,
    telephone: null,
    fax: null,
    website: null,
  };
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
  txt: "text/plain",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
  edxml: "application/xml",
  xml: "application/xml",
};

/** The MIME type of a file by its extension; application/octet-stream when unknown. */
export function contentTypeOf(name: string): string {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}

/** An attachment with a fresh ContentId. */
export function attachment(
  name: string,
  bytes: Uint8Array,
  description: string | null = name,
): EdxmlAttachment {
  return {
    contentId: `cid:${randomUUID()}`,
    name,
    contentType: contentTypeOf(name),
    description,
    bytes,
  };
}

/**
 * The DocumentId the systems in use write: "OrganId,yyyy/MM/dd,số/ký hiệu"; a UUID when the
 * document has no issuing date or reference yet.
 */
export function documentIdOf(
  organId: string | null,
  isoDate: string | null,
  reference: string | null,
): string {
  return organId && isoDate && reference
    ? `${organId},${edxmlDate(isoDate)},${reference}`
    : randomUUID();
}

const PRIORITY = { khan: "1", "thuong-khan": "2", "hoa-toc": "3" } as const;

export interface FromParsedOptions {
  from: EdxmlOrgan;
  to: EdxmlOrgan[];
  attachments: EdxmlAttachment[];
  now: Date;
  documentId?: string;
  /** Pages of the document, when the reading knows them. */
  pages?: number | null;
}

/** A new document package (BussinessDocType 0) from a document's parse. */
export function documentFromParsed(
  parsed: ParsedDocument,
  options: FromParsedOptions,
): EdxmlDocumentModel {
  const from: EdxmlOrgan = {
    ...options.from,
    organName: options.from.organName ?? issuerFullName(parsed.issuer),
  };
  const s = parsed.signature;
  const competence = s.authority ? `${s.authority}. ${s.authorityTitle ?? ""}`.trim() : null;
  const typeName = parsed.type?.name ?? null;
  return {
    documentId: options.documentId ?? documentIdOf(from.organId, parsed.date, parsed.reference),
    from,
    to: options.to,
    code: { codeNumber: parsed.number, codeNotation: parsed.symbol },
    promulgation: {
      place: parsed.place,
      date: parsed.date ? edxmlDate(parsed.date) : null,
      dateIso: parsed.date,
    },
    // The packages in use write Type 1 and TypeDetail 0 for every type they carry.
    documentType: {
      type: "1",
      typeDetail: "0",
      typeName: typeName ? (typeByName(typeName)?.name ?? typeName) : null,
    },
    subject: parsed.subject,
    content: parsed.subject,
    signer: { competence, position: s.signerTitle, fullName: s.signerName },
    dueDate: null,
    dueDateIso: null,
    toPlaces: parsed.recipients,
    otherInfo: {
      priority: parsed.urgency ? PRIORITY[parsed.urgency] : "0",
      sphereOfPromulgation: null,
      typerNotation: null,
      promulgationAmount: null,
      pageAmount: options.pages ? String(options.pages) : null,
      direction: null,
      appendixes: [],
    },
    responseFor: [],
    steeringType: null,
    traces: [{ organId: from.organId, timestamp: edxmlTimestamp(options.now) }],
    business: {
      docType: 0,
      reason: "Văn bản điện tử mới",
      documentId: null,
      paper: "0",
      documentInfo: null,
      staff: null,
      replacements: [],
    },
    attachments: options.attachments,
  };
}

export interface StatusForOptions {
  /** The DocumentId of the document answered, as it arrived. */
  documentId: string;
  code: EdxmlStatusCode;
  from: EdxmlOrgan;
  /**
   * The agency the status goes to (ResponseFor/OrganId); by default the first part of a
   * DocumentId of the usual shape "OrganId,yyyy/MM/dd,số/ký hiệu".
   */
  to?: string | null;
  description?: string | null;
  staff?: EdxmlStaff | null;
  now: Date;
}

/**
 * The parts of a DocumentId of the usual shape, or null: nothing is derived from one of another
 * shape (a UUID), and a date in it is kept as written (2014/02/30 arrives too).
 */
export function documentIdParts(
  documentId: string,
): { organId: string; date: string; reference: string } | null {
  const parts = documentId.split(",");
  if (parts.length !== 3 || parts.some((p) => !p.trim())) return null;
  return { organId: parts[0]!.trim(), date: parts[1]!.trim(), reference: parts[2]!.trim() };
}

/** A status package answering a document. */
export function statusFor(options: StatusForOptions): EdxmlStatusModel {
  const parts = documentIdParts(options.documentId);
  return {
    from: options.from,
    responseFor: {
      organId: options.to ?? parts?.organId ?? null,
      code: parts?.reference ?? null,
      promulgationDate: parts?.date ?? null,
      documentId: options.documentId,
    },
    staff: options.staff ?? null,
    statusCode: options.code,
    description: options.description ?? EDXML_STATUS_CODES[options.code],
    timestamp: edxmlTimestamp(options.now),
  };
}
