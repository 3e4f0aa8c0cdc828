/** Delivery: the plan before issuing, the statuses for the issuer, the recipient's actions (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { deliveryPlanOf } from "./plan-delivery.ts";
import { listDeliveries } from "./list-deliveries.ts";
import { progressDelivered, returnDelivered } from "./update-delivery.ts";

export function deliveryRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/documents/:id/delivery-plan": async ({ actor, params }) =>
      deliveryPlanOf(ctx, actor, params.id),

    "GET /api/documents/:id/deliveries": async ({ actor, params }) => ({
      items: await listDeliveries(ctx, actor, params.id),
    }),

    "POST /api/documents/:id/return": async ({ actor, params, body }) => {
      await returnDelivered(ctx, actor, params.id, body.reason);
      return { status: "02" };
    },

    "POST /api/documents/:id/progress": async ({ actor, params, body }) => {
      await progressDelivered(ctx, actor, params.id, body.status);
      return { status: body.status };
    },
  };
}
