/** GET /api/search: the one search box. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { validate } from "../validate.ts";
import { searchDocuments, searchQuerySchema } from "./search-documents.ts";

export function registerSearchRoutes(app: FastifyInstance, ctx: AppContext, api: OpenApiRegistry) {
  app.get("/api/search", async (request) =>
    searchDocuments(ctx, request.actor, validate(searchQuerySchema, request.query)),
  );
  api.add({
    method: "GET",
    url: "/api/search",
    summary:
      'Search: words without diacritics, "quoted phrases" as written, a reference typed loosely goes to its document; the agency\'s documents and public ones',
    tag: "search",
    auth: "optional",
    query: searchQuerySchema,
    responses: {
      200: '{"items":[{"id","reference","subject","snippet"}],"total","match"?}',
      400: "Bad query",
    },
  });
}
