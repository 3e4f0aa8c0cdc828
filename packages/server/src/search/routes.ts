/** GET /api/search: the one search box (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { searchDocuments } from "./search-documents.ts";

export function searchRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/search": async ({ actor, query }) => searchDocuments(ctx, actor, query),
  };
}
