/**
 * One answer to "is this failure the database being out of reach?" for the error handler, the
 * health check, the job loop and the start-up wait. Such a failure is temporary and not the
 * request's fault: it becomes 503 DATABASE_UNAVAILABLE with Retry-After, never a 500, and the
 * server keeps running until the database is back.
 */

/** Socket errors of a connection refused, dropped or timed out. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL's SQLSTATEs for it: class 08 (connection exception), 57P01 admin_shutdown (also
 * pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or in recovery).
 * Not 57014 (a cancelled statement) nor 28P01/3D000 (wrong password or database: configuration,
 * which waiting does not fix).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** node-postgres and pg-pool say it in words, without a code. */
const MESSAGES = [
  /^Connection terminated/, // "... unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect/, // no free client within connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/,
  /^Connection ended unexpectedly/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  // Causes and AggregateError's members (a host with several addresses), at most a few levels.
  while (stack.length && seen.size < 20) {
    const e = stack.pop();
    if (!(e instanceof Error) || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (MESSAGES.some((m) => m.test(e.message))) return true;
    if (e.cause !== undefined) stack.push(e.cause);
    if (e instanceof AggregateError) stack.push(...(e.errors as unknown[]));
  }
  return false;
}
