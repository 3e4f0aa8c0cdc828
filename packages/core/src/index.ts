// Public surface of @vanthu/core. Other packages import from here only.
export * from "./text/vietnamese.ts";
export { makeTextView, type TextView, type Line } from "./text/lines.ts";
export * from "./model/parsed-document.ts";
export * from "./model/document-types.ts";
export * from "./model/reference.ts";
export * from "./model/dates.ts";
export {
  ISSUER_ABBREVIATIONS,
  issuerByCode,
  toNameCase,
  type IssuerAbbreviation,
} from "./model/issuers.ts";
export { parseDocument, type ParseOptions } from "./parse/parse-document.ts";
export {
  extractCitations,
  normalizeRef,
  type ExtractOptions,
} from "./citations/extract-citations.ts";
export { DomainError } from "./errors.ts";
