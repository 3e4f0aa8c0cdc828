/**
 * The signed-in person of a request, as the session hook (http/app.ts) sets it and the routes read
 * it. Apart from app.ts so that the routes app.ts registers do not import app.ts back.
 */
import type { FastifyRequest } from "fastify";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw fail("UNAUTHENTICATED", "no session");
  return request.actor;
}
