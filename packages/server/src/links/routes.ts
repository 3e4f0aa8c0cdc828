/**
 * Links between documents: what a document cites and what cites it, the follow-on draft of a
 * received document, the tree of follow-ons (wiring only).
 */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { loadDocument } from "../documents/load-document.ts";
import { listLinks } from "./list-links.ts";
import { createFollowOn } from "./create-follow-on.ts";
import { readChain } from "./read-chain.ts";

export function linkRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/documents/:id/links": async ({ actor, params }) =>
      listLinks(ctx, actor, await loadDocument(ctx.db, actor, params.id)),

    "POST /api/documents/:id/follow-on": async ({ actor, params }) =>
      createFollowOn(ctx, actor, params.id),

    "GET /api/documents/:id/chain": async ({ actor, params }) =>
      readChain(ctx, actor, await loadDocument(ctx.db, actor, params.id, { own: true })),
  };
}
