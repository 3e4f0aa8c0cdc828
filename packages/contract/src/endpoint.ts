/**
 * How a route is declared: once, here, with its summary, who may call it, its zod schemas
 * (query, body, reply) and the errors it documents. The server registers the Fastify handler and
 * the OpenAPI entry from the same declaration (server/src/http/route.ts), and the web app types
 * its calls by it (web/src/api.ts), so none of the three can drift from the others.
 *
 * A route is keyed "METHOD /path/:param", as Fastify registers it; its parameters are read from
 * the path (every one a string).
 */
import type { z } from "zod";
import type { Role } from "@vanthu/core";

/** "session": signed in; "optional": anonymous readers too (public documents); "none": no session read. */
export type Auth = "none" | "optional" | "session";
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A reply that is a file's bytes (its media type in Content-Type), not JSON. */
export const FILE_REPLY = { kind: "file" } as const;
export type FileReply = typeof FILE_REPLY;

export interface EndpointSpec {
  summary: string;
  /** The OpenAPI tag (the area). */
  tag: string;
  auth: Auth;
  /** Roles of which the caller must hold one (checked before the handler, 403 FORBIDDEN). */
  roles?: readonly Role[];
  query?: z.ZodType;
  /** A JSON body; a route that takes none declares none (any body sent is ignored). */
  body?: z.ZodType;
  /**
   * For a body that is one of several schemas (a union): the one a body is read against, so that
   * each problem is reported against the schema the sender meant.
   */
  bodyOf?: (body: unknown) => z.ZodType;
  /** multipart/form-data, the file in field "file": one, or many (a folder's relative paths). */
  upload?: "one" | "many";
  /** The success status (200 when left out). */
  status?: 200 | 201 | 202;
  /** Other success statuses with the same reply, and what they mean. */
  otherStatuses?: Partial<Record<200 | 201 | 202, string>>;
  /** What the reply holds, in words (the OpenAPI description of the success response). */
  replies: string;
  reply: z.ZodType | FileReply;
  /** The failures worth naming, by status; every one answers `{error: {code, message, issues?}}`. */
  errors?: Partial<Record<number, string>>;
}

export function endpoint<const S extends EndpointSpec>(spec: S): S {
  return spec;
}

/** The parameters of a path: "/api/documents/:id/files/:name" -> {id: string; name: string}. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/** "GET /api/documents/:id" -> "GET", "/api/documents/:id". */
export type MethodOf<K extends string> = K extends `${infer M} ${string}` ? M : never;
export type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;

export function splitKey(key: string): { method: Method; path: string } {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space) as Method, path: key.slice(space + 1) };
}

/** The names of a path's parameters, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** A path with its parameters filled in (each URI-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
}

/** What the handler returns and the client reads: the reply schema's output, or a file. */
export type ReplyOf<S extends EndpointSpec> = S["reply"] extends z.ZodType
  ? z.output<S["reply"]>
  : Blob;
/** A schema's input, or `Else` where there is none (not distributed over unions: [T]). */
type InputOr<T, Else> = [T] extends [z.ZodType] ? z.input<T> : Else;
type OutputOr<T, Else> = [T] extends [z.ZodType] ? z.output<T> : Else;
/** What a client sends (before defaults) and what the handler receives (after parsing). */
export type BodyIn<S extends EndpointSpec> = InputOr<S["body"], never>;
export type BodyOut<S extends EndpointSpec> = OutputOr<S["body"], undefined>;
export type QueryIn<S extends EndpointSpec> = InputOr<S["query"], never>;
export type QueryOut<S extends EndpointSpec> = OutputOr<S["query"], undefined>;
