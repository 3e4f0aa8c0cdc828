/** Trust anchors: list, add, remove (the installation admin; wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { addTrustAnchors, listTrustAnchors, removeTrustAnchor } from "./trust-anchors.ts";

export function verificationRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/admin/trust-anchors": async () => ({ items: await listTrustAnchors(ctx) }),

    "POST /api/admin/trust-anchors": async ({ actor, body }) => ({
      items: await addTrustAnchors(ctx, actor, body.data),
    }),

    "DELETE /api/admin/trust-anchors/:fingerprint": async ({ actor, params }) => {
      await removeTrustAnchor(ctx, actor, params.fingerprint);
      return { ok: true };
    },
  };
}
