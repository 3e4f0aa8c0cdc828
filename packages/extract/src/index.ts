// Public surface of @vanthu/extract: text out of document files.
export {
  decodeText,
  detectLegacyEncoding,
  convertTcvn3,
  type DecodedText,
  type DecodeNote,
  type TextEncoding,
} from "./decode-text.ts";
export {
  extractText,
  detectFormat,
  layoutPage,
  type ExtractedText,
  type PdfRevisionInfo,
  type ExtractNote,
  type TextSource,
  type SourceFormat,
} from "./extract-text.ts";
export { DEFAULT_LIMITS, type ExtractLimits } from "./limits.ts";
export { readZipDirectory, type ZipEntry } from "./zip-directory.ts";
export {
  ReaderPool,
  ReaderError,
  copyInSlices,
  type ReaderOptions,
  type ReaderErrorCode,
} from "./reader-pool.ts";
export type { ReaderTaskKind, ReaderTask, ReaderTaskTable } from "./reader-tasks.ts";
export {
  parseExtracted,
  type ParsedFile,
  type ParsedFileDocument,
  type FieldSource,
} from "./parse-file.ts";
// The raw PDF object reader and the revision list, for @vanthu/signatures (signature
// dictionaries, /ByteRange, what later incremental updates changed).
export {
  PdfFile,
  PdfXref,
  PdfName,
  PdfRef,
  PdfString,
  PdfSyntaxError,
  pageTree,
  canonical,
  latin1,
  type PdfDict,
  type PdfValue,
  type TreePage,
} from "./pdf-objects.ts";
export { listRevisions, type PdfRevision } from "./pdf-revisions.ts";
// Every signature of a PDF, checked (issue 16): run in the reader pool as task "verifyPdf".
export {
  verifyPdf,
  DEFAULT_VERIFY_LIMITS,
  type VerifyLimits,
  type VerifyOptions,
  type VerifyResult,
  type SignatureReport,
  type SignatureLevel,
  type SignatureStatus,
} from "./verify/verify-pdf.ts";
export {
  trustAnchorsFrom,
  checkChain,
  type TrustAnchor,
  type CertificateInfo,
  type SubjectNames,
  type RevocationStatus,
} from "./verify/certificates.ts";
export { signatureSentence, SIGNATURE_STATUS_VI } from "./verify/messages.vi.ts";
export type { RevisionChange, RevisionSummary } from "./verify/pdf-signatures.ts";
