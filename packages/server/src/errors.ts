/**
 * Errors the API returns: a stable code of the one table (error-codes.ts) with its HTTP status,
 * a Vietnamese message for people, and where it went wrong. Domain errors from core are mapped
 * here; core never knows about HTTP.
 */
import type { DomainError } from "@vanthu/core";
import { ERRORS, isErrorCode, type ErrorCode } from "./error-codes.ts";

export interface Issue {
  /** Where: "subject", "addressees.2", "file". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    /** For the log, in English: the table's, or what this failure knows more (the file, the id). */
    message: string,
    readonly issues: Issue[] = [],
    /** What a person reads, when it must name something (the existing agency); else the table's. */
    readonly userMessage: string | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function fail(
  code: ErrorCode,
  message: string = ERRORS[code].en,
  issues: Issue[] = [],
  userMessage: string | null = null,
): AppError {
  return new AppError(code, ERRORS[code].status, message, issues, userMessage);
}

export function fromDomain(e: DomainError): AppError {
  return fail(e.code, e.message);
}

/** What a person reads for this failure. */
export function userMessageOf(e: AppError): string {
  return e.userMessage ?? ERRORS[e.code].vi;
}

/** What a person reads for a code kept in the database; an unknown one reads as INTERNAL. */
export function messageOfStoredCode(code: string): string {
  return ERRORS[isErrorCode(code) ? code : "INTERNAL"].vi;
}

/** The fields of a failure's log line: its code, the table's English and where it went wrong. */
export function logFields(e: AppError): { code: ErrorCode; summary: string; issues?: Issue[] } {
  return {
    code: e.code,
    summary: ERRORS[e.code].en,
    ...(e.issues.length ? { issues: e.issues } : {}),
  };
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: Issue[] };
}

export function errorBody(e: AppError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: userMessageOf(e),
      ...(e.issues.length ? { issues: e.issues } : {}),
    },
  };
}
