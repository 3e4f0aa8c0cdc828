/**
 * The one error type of the domain. `code` is stable (programs switch on it); `message` is for
 * logs, in English; people see a translation of `code` from a message catalog, filled with
 * `details`. Core never throws HTTP errors: the server maps codes to statuses in one table.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}
