/**
 * The model of an edXML package (QCVN 102:2016/BTTTT) as vanthu reads and writes it. Field names
 * follow the standard's elements, in camel case. Text is as it arrived (trimmed, NFC); an empty
 * element is null. Dates are kept as written (`yyyy/MM/dd`, perhaps with a time); the reader adds
 * their ISO form beside them (`...Iso`), null when the date is not a real one. The writer reads
 * the written form and ignores the ISO one.
 */
import type { EdxmlSignatureReason, EdxmlWarning } from "./codes.ts";

/** From, To: an agency by its QCVN 102 code (mã định danh, "000.00.00.H41"). */
export interface EdxmlOrgan {
  organId: string | null;
  organizationInCharge: string | null;
  organName: string | null;
  organAdd: string | null;
  email: string | null;
  telephone: string | null;
  fax: string | null;
  website: string | null;
}

export interface EdxmlCodeInfo {
  /** Số ("7816"). */
  codeNumber: string | null;
  /** Ký hiệu ("VPCP-TTĐT"). */
  codeNotation: string | null;
}

export interface EdxmlPromulgation {
  place: string | null;
  date: string | null;
  dateIso?: string | null;
}

export interface EdxmlDocumentType {
  type: string | null;
  typeDetail: string | null;
  typeName: string | null;
}

export interface EdxmlSigner {
  competence: string | null;
  position: string | null;
  fullName: string | null;
}

export interface EdxmlOtherInfo {
  priority: string | null;
  sphereOfPromulgation: string | null;
  typerNotation: string | null;
  promulgationAmount: string | null;
  pageAmount: string | null;
  /** Written by the systems in use ("false"); not in the list, kept when present. */
  direction: string | null;
  appendixes: string[];
}

/** The document a package answers, updates or a status is about. */
export interface EdxmlResponseFor {
  organId: string | null;
  /** Số/ký hiệu as one string ("7816/VPCP-TTĐT"). */
  code: string | null;
  promulgationDate: string | null;
  promulgationDateIso?: string | null;
  /** As it arrives: "OrganId,yyyy/MM/dd,số/ký hiệu", or a UUID; nothing is derived from it. */
  documentId: string | null;
}

export interface EdxmlStaff {
  department: string | null;
  staff: string | null;
  email: string | null;
  mobile: string | null;
}

export interface EdxmlTrace {
  organId: string | null;
  timestamp: string | null;
  timestampIso?: string | null;
}

export interface EdxmlReplacement {
  documentId: string | null;
  organIds: string[];
}

export interface EdxmlReceiver {
  organId: string | null;
  receiverType: string | null;
}

export interface EdxmlBusinessDocumentInfo {
  documentInfo: string | null;
  documentReceiver: string | null;
  receivers: EdxmlReceiver[];
}

/** 0 new, 1 recall (thu hồi), 2 update (cập nhật), 3 replace (thay thế). */
export type EdxmlBusinessType = 0 | 1 | 2 | 3;

export interface EdxmlBusiness {
  /** null when the element is missing or holds another value (a warning says so). */
  docType: EdxmlBusinessType | null;
  reason: string | null;
  documentId: string | null;
  paper: string | null;
  documentInfo: EdxmlBusinessDocumentInfo | null;
  staff: EdxmlStaff | null;
  replacements: EdxmlReplacement[];
}

/**
 * What vanthu concludes of an XML signature: "valid" (the package is as signed, the certificate
 * chains to a trust anchor and is valid now), "unknown-chain" (as signed, but no anchor issued
 * the certificate), "invalid-certificate" (as signed, but the certificate has expired or its chain
 * is broken), "invalid" (the package or the signature value was changed), "unverified" (it could
 * not be checked: written without its namespace, a certificate cut short, an algorithm vanthu does
 * not support; nothing is claimed either way).
 */
export type EdxmlSignatureVerdict =
  "valid" | "unknown-chain" | "invalid-certificate" | "invalid" | "unverified";

/** An XML signature found in the header, as far as it could be read, and its verdict. */
export interface EdxmlSignatureReport {
  /** "xmldsig": in http://www.w3.org/2000/09/xmldsig#; "none": written without that namespace. */
  namespace: "xmldsig" | "none";
  signatureMethod: string | null;
  digestMethod: string | null;
  /** X509SubjectName as written. */
  subjectName: string | null;
  /** The certificate's subject, issuer and validity, when the certificate reads (it can be cut short). */
  certificate: {
    subject: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    serialNumber: string;
  } | null;
  verified: EdxmlSignatureVerdict;
  /** Why it is not "valid" (a stable code, `edxmlSignatureVi`); null when valid. */
  reason: EdxmlSignatureReason | null;
  /** In English: what exactly (the algorithm not supported, the verifier's message); else null. */
  detail: string | null;
}

/** One attachment: the manifest's Reference and the AttachmentEncoded entry, joined by ContentId. */
export interface EdxmlAttachment {
  /** "cid:…" as written. */
  contentId: string | null;
  name: string | null;
  contentType: string | null;
  description: string | null;
  /** The decoded bytes; null when the package carries no file for it (placeholder, missing). */
  bytes: Uint8Array | null;
}

/** What the reader adds to an attachment. */
export interface EdxmlReadAttachment extends EdxmlAttachment {
  /** Decoded size in bytes; null when there are no bytes. */
  size: number | null;
  /** Another edXML package inside (a .doc that is really a zip holding one), read. */
  package?: EdxmlPackage;
}

/** The fields of a document package, as the writer takes them. */
export interface EdxmlDocumentModel {
  documentId: string | null;
  from: EdxmlOrgan | null;
  to: EdxmlOrgan[];
  code: EdxmlCodeInfo;
  promulgation: EdxmlPromulgation;
  documentType: EdxmlDocumentType;
  subject: string | null;
  content: string | null;
  signer: EdxmlSigner;
  dueDate: string | null;
  dueDateIso?: string | null;
  toPlaces: string[];
  otherInfo: EdxmlOtherInfo;
  /** Entries whose fields are all empty (the packages in use write one) are left out. */
  responseFor: EdxmlResponseFor[];
  steeringType: string | null;
  traces: EdxmlTrace[];
  business: EdxmlBusiness | null;
  attachments: EdxmlAttachment[];
}

export interface EdxmlDocument extends EdxmlDocumentModel {
  kind: "document";
  attachments: EdxmlReadAttachment[];
  signature: EdxmlSignatureReport | null;
  warnings: EdxmlWarning[];
}

/** QCVN 102 status codes and what they mean. */
export const EDXML_STATUS_CODES = {
  "01": "Đã đến",
  "02": "Từ chối tiếp nhận",
  "03": "Đã tiếp nhận, vào sổ",
  "04": "Đã phân công xử lý",
  "05": "Đang xử lý",
  "06": "Hoàn thành xử lý",
  "13": "Yêu cầu lấy lại văn bản",
  "15": "Đồng ý lấy lại, cập nhật",
  "16": "Từ chối lấy lại, cập nhật",
} as const;
export type EdxmlStatusCode = keyof typeof EDXML_STATUS_CODES;

export interface EdxmlStatusModel {
  from: EdxmlOrgan | null;
  responseFor: EdxmlResponseFor | null;
  staff: EdxmlStaff | null;
  /** As written ("03"); one of EDXML_STATUS_CODES, else a warning. */
  statusCode: string | null;
  description: string | null;
  timestamp: string | null;
  timestampIso?: string | null;
}

export interface EdxmlStatus extends EdxmlStatusModel {
  kind: "status";
  signature: EdxmlSignatureReport | null;
  warnings: EdxmlWarning[];
}

export type EdxmlPackage = EdxmlDocument | EdxmlStatus;

/** Limits a package is read under. */
export interface EdxmlLimits {
  /** The package file, before anything is decoded. */
  maxPackageBytes: number;
  /** Attachments of one package (AttachmentEncoded entries). */
  maxAttachments: number;
  /** Decoded attachments, nested packages' included, all together. */
  maxAttachmentBytes: number;
  /** Packages inside attachments: 1 reads a package inside the package, no deeper. */
  maxNesting: number;
  maxElementDepth: number;
  maxElements: number;
  /**
   * Characters of a package whose XML signature is checked: checking holds the package's
   * canonical form beside its text (the DOM is of the package less its long base64 texts); a
   * larger one is "unverified" (SIGNATURE_TOO_LARGE).
   */
  maxVerifyBytes: number;
}

export const DEFAULT_EDXML_LIMITS: EdxmlLimits = {
  maxPackageBytes: 100 * 1024 * 1024,
  maxAttachments: 100,
  maxAttachmentBytes: 70 * 1024 * 1024,
  maxNesting: 2,
  maxElementDepth: 64,
  maxElements: 200_000,
  maxVerifyBytes: 100 * 1024 * 1024,
};
