/** The signing library's failures (@vanthu/signatures SignError) as the error table's codes. */
import { SignError, type SignErrorCode } from "@vanthu/signatures";
import type { ErrorCode } from "../error-codes.ts";
import { AppError, fail } from "../errors.ts";

const SIGN_CODES: Record<SignErrorCode, ErrorCode> = {
  SIGNER_BAD_PASSWORD: "SIGNER_BAD_PASSWORD",
  SIGNER_BAD_FILE: "SIGNER_BAD_FILE",
  SIGNER_NO_KEY: "SIGNER_NO_KEY",
  SIGNER_CERTIFICATE_EXPIRED: "SIGNER_CERTIFICATE_EXPIRED",
  SIGNER_TIMEOUT: "SIGNER_TIMEOUT",
  SIGNER_REJECTED: "SIGNER_REJECTED",
  SIGNER_UNAVAILABLE: "SIGNER_UNAVAILABLE",
  SIGNER_BAD_CREDENTIALS: "SIGNER_BAD_CREDENTIALS",
  SIGNER_UNSUPPORTED_KEY: "SIGNER_UNSUPPORTED_KEY",
  TSA_TIMEOUT: "TSA_TIMEOUT",
  TSA_FAILED: "TSA_FAILED",
  PDF_NOT_SIGNABLE: "PDF_NOT_SIGNABLE",
  SIGNATURE_TOO_LARGE: "SIGNATURE_TOO_LARGE",
  STAMP_NOTHING_TO_DRAW: "PDF_NOT_SIGNABLE",
};

/** A SignError as the API's error (its code and message); anything else unchanged. */
export function fromSignError(e: unknown): unknown {
  if (e instanceof SignError) return fail(SIGN_CODES[e.code], e.message);
  return e;
}

/** Runs a signing step and rethrows its SignError as the API's. */
export async function signing<T>(step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fromSignError(e);
  }
}
