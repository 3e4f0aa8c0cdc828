/**
 * Failures Fastify and Node answer before a route runs, in the same `{ error: { code, message,
 * issues } }` as every other: a URL that does not decode, a path parameter over the router's
 * limit (this was a 414 in Fastify's own format for file names of 101 characters and more), an
 * HTTP request Node cannot parse.
 */
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { errorBody, fail, logFields, type AppError } from "../errors.ts";
import type { ErrorCode } from "../error-codes.ts";

/**
 * The longest path parameter, in URL-encoded characters: stored file names are up to 200
 * characters, and one Vietnamese letter such as "ệ" is three UTF-8 bytes, nine characters encoded
 * ("%E1%BB%87"); 200 x 9 = 1,800. Fastify's default is 100.
 */
export const MAX_PARAM_LENGTH = 2048;

const ROUTER_CODES: Record<string, ErrorCode> = {
  FST_ERR_BAD_URL: "BAD_URL",
  FST_ERR_MAX_PARAM_LENGTH: "URL_TOO_LONG",
};

export function frameworkErrors(
  error: { code?: string; message: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code = (error.code && ROUTER_CODES[error.code]) || "BAD_REQUEST";
  const e = fail(code, error.message);
  request.log.info(logFields(e), e.message);
  void reply.status(e.status).send(errorBody(e));
}

/** Node's clientError: the request never became one (headers too large, broken HTTP). */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  let e: AppError;
  if (err.code === "HPE_HEADER_OVERFLOW") e = fail("HEADERS_TOO_LARGE", err.message);
  else if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") e = fail("BAD_REQUEST", err.message);
  else e = fail("BAD_REQUEST", err.message);
  const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : e.status;
  const body = JSON.stringify(errorBody(e));
  if (socket.writable)
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  else socket.destroy(err);
}
