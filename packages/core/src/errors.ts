/**
 * The one error type of the domain. `code` is stable (programs switch on it); `message` is for
 * logs, in English; people see a translation of `code` from a message catalog, filled with
 * `details`. Core never throws HTTP errors: the server maps codes to statuses in one table.
 */
/** Every code core throws; the server's error table has each (a missing one fails its type check). */
export type DomainErrorCode = "INVALID_DATE" | "NO_TERM";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}
