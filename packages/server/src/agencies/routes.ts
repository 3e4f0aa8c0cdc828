/**
 * The directory of agencies and the admins' pages: users and roles, units, agencies placed under
 * one's own, renaming and its history (wiring only).
 */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { createAgencyFor } from "./create-agency.ts";
import { createUnit } from "./create-unit.ts";
import { createUserFor } from "./create-user.ts";
import { listAgencies } from "./list-agencies.ts";
import { listUnits } from "./list-units.ts";
import { listUsers } from "./list-users.ts";
import { agencyHistory, renameAgency } from "./rename-agency.ts";
import { updateUser } from "./update-user.ts";

export function agencyRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/agencies": async () => ({ items: await listAgencies(ctx) }),

    "GET /api/agencies/:id/history": async ({ params }) => ({
      items: await agencyHistory(ctx, params.id),
    }),

    "GET /api/admin/users": async ({ actor }) => ({ items: await listUsers(ctx, actor) }),

    "POST /api/admin/users": async ({ actor, body }) => createUserFor(ctx, actor, body),

    "PATCH /api/admin/users/:id": async ({ actor, params, body }) => {
      await updateUser(ctx, actor, params.id, body);
      return { ok: true };
    },

    "GET /api/admin/units": async ({ actor }) => ({ items: await listUnits(ctx, actor) }),

    "POST /api/admin/units": async ({ actor, body }) => createUnit(ctx, actor, body),

    "POST /api/admin/agencies": async ({ actor, body }) => createAgencyFor(ctx, actor, body),

    "POST /api/admin/agencies/:id/rename": async ({ actor, params, body }) =>
      renameAgency(ctx, actor, params.id, body),
  };
}
