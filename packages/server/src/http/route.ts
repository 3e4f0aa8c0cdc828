/**
 * The one way a route is registered: by its key in @vanthu/contract ("GET /api/documents/:id"),
 * whose declaration says who may call it, what it takes and what it answers. From that one
 * declaration this registers the Fastify handler (session, roles, query and body validated, the
 * success status) and the route's OpenAPI entry. A handler is wiring only: it gets the actor and
 * the parsed input, calls the use case and returns the reply, typed by the contract. Each area
 * gives its handlers as a table by key (`RouteTable`): the contract's every route has one.
 *
 * With `checkReplies` (the tests), every JSON reply is checked against its schema as the client
 * will read it (after JSON serialisation): a field the contract does not name, a Date or a raw
 * column fails the request with a 500 and is reported with its path.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  endpoints,
  splitKey,
  type ApiParams,
  type ApiParsedBody,
  type ApiParsedQuery,
  type ApiReply,
  type EndpointKey,
  type EndpointSpec,
  type Endpoints,
  type FileReply,
} from "@vanthu/contract";
import type { Actor } from "../context.ts";
import type { UncheckedSession } from "../auth/sessions.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { validate } from "../validate.ts";
import type { OpenApiRegistry } from "./openapi.ts";

// The signed-in person of a request, as the session hook (http/app.ts) sets it.
declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    /** Set when `actor` was remembered, to be checked in the route's statement (auth/sessions.ts). */
    sessionUnchecked: UncheckedSession | null;
  }
}

function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw fail("UNAUTHENTICATED", "no session");
  return request.actor;
}

type ActorOf<S> = S extends { auth: "session" } ? Actor : Actor | null;

export interface RouteInput<K extends EndpointKey> {
  /** The signed-in person (a session route), or whoever calls, maybe nobody. */
  actor: ActorOf<Endpoints[K]>;
  params: ApiParams<K>;
  query: ApiParsedQuery<K>;
  body: ApiParsedBody<K>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A file route answers through `reply` (sendFile); a JSON route returns its reply, or `reply` once sent. */
type Result<K extends EndpointKey> = Endpoints[K]["reply"] extends FileReply
  ? FastifyReply
  : ApiReply<K> | FastifyReply;

export type RouteHandler<K extends EndpointKey> = (input: RouteInput<K>) => Promise<Result<K>>;

/**
 * An area's handlers, by route key. A key the contract does not declare is a type error; a
 * declared route without a handler stops the app from starting (`registerRoutes`).
 */
export type RouteTable = { [K in EndpointKey]?: RouteHandler<K> };

/** Told of every reply that does not match its schema (the route's key and the problems). */
export type ReplyCheck = (key: string, problems: string) => void;

/** Registers every route of the tables, each with its OpenAPI entry; every declared route once. */
export function registerRoutes(
  app: FastifyInstance,
  api: OpenApiRegistry,
  tables: RouteTable[],
  options: { checkReplies?: ReplyCheck | undefined } = {},
): void {
  const seen = new Set<string>();
  for (const table of tables)
    for (const [key, handler] of Object.entries(table) as Array<
      [EndpointKey, RouteHandler<EndpointKey>]
    >) {
      if (seen.has(key)) throw new Error(`route ${key} has two handlers`);
      seen.add(key);
      registerRoute(app, api, key, handler, options.checkReplies);
    }
  const missing = Object.keys(endpoints).filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`routes declared without a handler: ${missing.join(", ")}`);
}

function registerRoute(
  app: FastifyInstance,
  api: OpenApiRegistry,
  key: EndpointKey,
  handler: RouteHandler<EndpointKey>,
  check: ReplyCheck | undefined,
): void {
  const spec: EndpointSpec = endpoints[key];
  const { method, path } = splitKey(key);
  api.add(key, spec);
  const run = handler as unknown as (input: RouteInput<EndpointKey>) => Promise<unknown>;
  app.route({
    method,
    url: path,
    handler: async (request, reply) => {
      const actor = spec.auth === "session" ? requireActor(request) : request.actor;
      if (spec.roles && !(actor && hasRole(actor, ...spec.roles)))
        throw fail("FORBIDDEN", `${key} needs one of: ${spec.roles.join(", ")}`);
      const query = spec.query ? validate(spec.query, request.query) : undefined;
      const body = spec.body
        ? validate(spec.bodyOf?.(request.body) ?? spec.body, request.body)
        : undefined;
      void reply.status(spec.status ?? 200);
      const result = await run({
        actor: actor as Actor,
        params: request.params as never,
        query: query as never,
        body: body as never,
        request,
        reply,
      });
      if (result === reply || "kind" in spec.reply) return result;
      if (check) {
        const sent = JSON.parse(JSON.stringify(result)) as unknown;
        const r = spec.reply.safeParse(sent);
        if (!r.success) {
          const problems = z.prettifyError(r.error);
          check(key, problems);
          throw new Error(`the reply of ${key} does not match the contract:\n${problems}`);
        }
      }
      return result;
    },
  });
}
