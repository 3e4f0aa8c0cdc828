/**
 * Errors the API returns: a stable code, the HTTP status from one table, a Vietnamese message
 * for people, and where it went wrong. Domain errors from core are mapped here; core never
 * knows about HTTP.
 */
import type { DomainError } from "@vanthu/core";
import { ERROR_MESSAGES_VI } from "./messages.vi.ts";

export interface Issue {
  /** Where: "subject", "addressees.2", "file". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
    /** What a person reads, when it must name something (the existing agency); else the catalogue's. */
    readonly userMessage: string | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** HTTP status of each code; codes not listed are 400. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  PUBLISH_NOT_ALLOWED: 403,
  AGENCY_NOT_OWNED: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  IMPORT_BATCH_NOT_FOUND: 404,
  ALREADY_ISSUED: 409,
  NOT_A_DRAFT: 409,
  NOT_PUBLISHABLE: 409,
  ALREADY_REGISTERED: 409,
  AGENCY_EXISTS: 409,
  AGENCY_NAME_UNCHANGED: 409,
  USER_EXISTS: 409,
  UNIT_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  PREVIEW_TOO_LONG: 413,
  FILE_TOO_COMPLEX: 413,
  PDF_TOO_MANY_PAGES: 413,
  TEXT_TOO_LONG: 413,
  IMPORT_TOO_MANY_FILES: 413,
  READ_TIMEOUT: 422,
  READ_OUT_OF_MEMORY: 422,
  READER_BUSY: 503,
  IMPORT_INTERRUPTED: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_FILE_TYPE: 415,
  MISSING_FIELDS: 422,
  DELIVERY_UNCONFIRMED: 422,
  NOT_DELIVERED: 409,
  INVALID_STATUS_CHANGE: 409,
  NOT_A_DOCUMENT: 422,
  FILE_NOT_READABLE: 422,
  CORRUPT_FILE: 422,
  FILE_ENCRYPTED: 422,
  LEGACY_ENCODING_VNI: 422,
  TOO_MANY_ATTEMPTS: 429,
  WEAK_PASSWORD: 422,
  WRONG_CURRENT_PASSWORD: 403,
  DATABASE_UNAVAILABLE: 503,
  URL_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  STORAGE_UNAVAILABLE: 503,
  STORAGE_FULL: 507,
};

export function fail(
  code: string,
  message: string = code,
  issues: Issue[] = [],
  userMessage: string | null = null,
): AppError {
  return new AppError(code, STATUS[code] ?? 400, message, issues, userMessage);
}

export function fromDomain(e: DomainError): AppError {
  return fail(e.code, e.message);
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: Issue[] };
}

export function errorBody(e: AppError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.userMessage ?? ERROR_MESSAGES_VI[e.code] ?? ERROR_MESSAGES_VI.INTERNAL!,
      ...(e.issues.length ? { issues: e.issues } : {}),
    },
  };
}
