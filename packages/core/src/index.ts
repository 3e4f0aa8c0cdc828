// Public surface of @vanthu/core. Other packages import from here only.
export * from "./text/vietnamese.ts";
export { makeTextView, type TextView, type Line } from "./text/lines.ts";
export * from "./model/parsed-document.ts";
export * from "./model/document-types.ts";
export * from "./model/reference.ts";
export * from "./model/dates.ts";
export * from "./model/delivery-status.ts";
export * from "./model/document-actions.ts";
export * from "./model/review.ts";
export * from "./model/vocabulary.ts";
export * from "./model/notifications.ts";
export * from "./model/my-work.ts";
export {
  ISSUER_ABBREVIATIONS,
  issuerByCode,
  issuerFullName,
  distinctAgencyNames,
  toNameCase,
  type IssuerAbbreviation,
  type NamedAgency,
} from "./model/issuers.ts";
export { parseDocument, type ParseOptions } from "./parse/parse-document.ts";
export { splitDocuments } from "./parse/split-documents.ts";
export {
  extractCitations,
  normalizeRef,
  referenceKey,
  type ExtractOptions,
} from "./citations/extract-citations.ts";
export { DomainError, type DomainErrorCode } from "./errors.ts";
export {
  lintDocument,
  lintReport,
  applyFixes,
  RULES,
  DEFAULT_MAX_FINDINGS,
  DEFAULT_STOP_AFTER,
  type LintLimits,
  type LintReport,
} from "./lint/lint-document.ts";
export type {
  Diagnostic,
  Severity,
  Fix,
  LintContext,
  AgencyProfile,
  KnownDocument,
} from "./lint/diagnostic.ts";
export { MESSAGES_VI, type MessageCatalog } from "./lint/messages.vi.ts";
export { setToneStyle } from "./text/tone-style.ts";
export { issuerKind } from "./model/issuers.ts";
export {
  layoutDocument,
  formatWrittenDate,
  formatNumberLine,
  authorityPrefix,
  ND30,
  type LayoutSource,
} from "./layout/layout-document.ts";
export type {
  LayoutModel,
  StyledLine,
  Paragraph,
  Column,
  TextStyle,
} from "./layout/layout-model.ts";
export {
  composeText,
  composeDocument,
  COMPOSE_FIELDS,
  type ComposeField,
  type ComposedText,
  type FieldSpan,
} from "./compose/compose-text.ts";
export {
  registerKey,
  formatSequence,
  composeSymbol,
  composeReference,
  type RegisterKey,
  type Numbering,
} from "./numbering/numbering.ts";
export {
  resolveRecipients,
  applyDecisions,
  cleanRecipientLine,
  splitRecipientLine,
  LINE_OUTCOMES,
  INTERNAL_REASONS,
  type KnownAgency,
  type KnownUnit,
  type LineDecision,
  type DecidedPlan,
  type LineOutcome,
  type InternalReason,
  type RecipientLine,
  type RecipientPlan,
} from "./delivery/resolve-recipients.ts";
export {
  composeFollowOn,
  composeReply,
  followOnPreamble,
  numberedItems,
  type ParentDocument,
} from "./compose/follow-on.ts";
export {
  readReporting,
  periodOf,
  periodsBetween,
  isLate,
  sumFigures,
  taskItems,
  CYCLES,
  cyclesCombine,
  pickCycles,
  type Cycle,
  type Period,
  type Reporting,
  type TaskItem,
} from "./followup/reporting.ts";
export {
  FIGURES,
  figureLabel,
  figuresFor,
  formatFigures,
  reportingKinds,
  type FigureCode,
  type FigureDefinition,
} from "./followup/figures.ts";
export {
  composeConsolidatedReport,
  leaderSignature,
  type ConsolidatedReport,
  type ConsolidatedReportEntry,
  type ConsolidatedReportInput,
  type ConsolidatedSignature,
} from "./followup/consolidated-report.ts";
export { escapeHtml } from "./text/html.ts";
// Issue 15, item 7 (forms and reports): the handling figures and the instruction slip.
export {
  HANDLING_PROGRESS,
  handlingProgress,
  countHandling,
  addHandlingRow,
  emptyHandlingFigures,
  emptyDraftingFigures,
  latestDay,
  type HandlingProgress,
  type HandlingRow,
  type HandlingFigures,
  type DraftingFigures,
} from "./workflow/handling-figures.ts";
export {
  layoutHandlingSlip,
  PROGRESS_NAMES,
  type HandlingSlipSource,
  type SlipInstruction,
  type SlipAssignment,
  type SlipNote,
  type SlipResult,
  type DayTime,
} from "./workflow/handling-slip.ts";
// Handling received documents inside the agency (issue #15, item 4).
export * from "./workflow/working-days.ts";
export * from "./workflow/deadline.ts";
export * from "./workflow/handling.ts";
export {
  diffText,
  type DiffOp,
  type DiffOptions,
  type DiffPart,
  type TextDiff,
} from "./text/diff.ts";
// Agency identifiers of the document exchange, and the CSV the directory is imported from.
export {
  normalizeOrganId,
  organIdProblem,
  ORGAN_ID_PROBLEMS_VI,
  readCsv,
} from "./exchange/organ-id.ts";
