/** The service itself: is it up, and this description. */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";

export const health = z.strictObject({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  /** The demo world is loaded: the sign-in page shows its logins. */
  demo: z.boolean(),
});

export const systemEndpoints = {
  "GET /api/health": endpoint({
    summary: "Liveness and the database in use",
    tag: "system",
    auth: "none",
    replies: "Up",
    reply: health,
    errors: {
      503: 'Database out of reach: {"status":"unavailable","database","error":{"code":"DATABASE_UNAVAILABLE",...}} with Retry-After',
    },
  }),
  "GET /api/docs": endpoint({
    summary: "This description (OpenAPI 3.1), generated from the route declarations",
    tag: "system",
    auth: "none",
    replies: "The OpenAPI document",
    reply: z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) }),
  }),
};
