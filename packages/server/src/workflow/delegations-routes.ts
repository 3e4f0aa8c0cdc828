/** Delegation (ủy quyền): list, give, revoke (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { createDelegation } from "./create-delegation.ts";
import { listDelegations } from "./list-delegations.ts";
import { revokeDelegation } from "./revoke-delegation.ts";

export function delegationRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/delegations": async ({ actor }) => ({ items: await listDelegations(ctx, actor) }),

    "POST /api/delegations": async ({ actor, body }) => createDelegation(ctx, actor, body),

    "POST /api/delegations/:id/revoke": async ({ actor, params }) => {
      await revokeDelegation(ctx, actor, params.id);
      return { ok: true };
    },
  };
}
