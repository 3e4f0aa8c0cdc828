// Public surface of @vanthu/contract: the API between the server and the web app. The server
// imports the schemas (to validate, to check its replies, to write the OpenAPI document); the
// web app imports only types (`import type`), so no zod reaches the browser.
export * from "./endpoint.ts";
export * from "./endpoints.ts";
export {
  agencyRef,
  documentContent,
  documentSummary,
  errorBody,
  finding,
  note,
  type AgencyRef,
  type DocumentContent,
  type DocumentSummary,
  type ErrorBody,
  type Finding,
  type Issue,
  type Note,
} from "./common.ts";
export * from "./system.ts";
export * from "./auth.ts";
export * from "./documents.ts";
export * from "./deliveries.ts";
export * from "./links.ts";
export * from "./followup.ts";
export * from "./search.ts";
export * from "./registers.ts";
export * from "./signatures.ts";
export * from "./exchange.ts";
export * from "./agencies.ts";
export * from "./imports.ts";
export * from "./forms.ts";
export * from "./handling.ts";
export * from "./delegations.ts";
export * from "./review.ts";
export * from "./work.ts";
export * from "./signing.ts";
