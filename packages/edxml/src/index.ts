// Public surface of @vanthu/edxml: edXML packages of QCVN 102:2016/BTTTT, read and written.
export * from "./codes.ts";
export * from "./model.ts";
export { EDXML_NS, XMLDSIG_NS, EDXML_PREFIX } from "./namespaces.ts";
export { readEdxmlDate, edxmlDate, edxmlTimestamp, type EdxmlDateReading } from "./dates.ts";
export { readEdxml, attachmentModel, type EdxmlReadResult, type EdxmlRefusal } from "./read.ts";
export { signEdxml, EdxmlSignError, edxmlSignErrorVi, type EdxmlSignErrorCode } from "./sign.ts";
export { type SignatureCheckOptions } from "./verify.ts";
export { EDXML_READER_MODULE, EDXML_READ_TASK, readEdxmlIsolated } from "./isolated.ts";
export type { EdxmlReadInput } from "./reader-task.ts";
export { writeEdxmlDocument, writeEdxmlStatus, EdxmlWriteError } from "./write.ts";
export {
  checkEdxmlStructure,
  type StructureReport,
  type StructureIssue,
  type StructureCode,
} from "./structure.ts";
export {
  organ,
  attachment,
  contentTypeOf,
  documentIdOf,
  documentIdParts,
  documentFromParsed,
  statusFor,
  type FromParsedOptions,
  type StatusForOptions,
} from "./compose.ts";
export { edxmlJson } from "./json.ts";
