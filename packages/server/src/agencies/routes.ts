/**
 * The directory of agencies, the people of one's agency, and the admins' pages: users, roles and
 * their places, units (created, renamed, closed), agencies placed under one's own, renaming and
 * its history (wiring only).
 */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { createAgencyFor } from "./create-agency.ts";
import { closeUnit } from "./close-unit.ts";
import { createUnit } from "./create-unit.ts";
import { createUserFor } from "./create-user.ts";
import { listAgencies } from "./list-agencies.ts";
import {
  importDirectory,
  listDirectory,
  putDirectoryEntry,
  removeDirectoryEntry,
  setExchangeIdentity,
} from "./directory.ts";
import { listPeople } from "./list-people.ts";
import { listUnits } from "./list-units.ts";
import { listUsers } from "./list-users.ts";
import { agencyHistory, renameAgency } from "./rename-agency.ts";
import { renameUnit } from "./rename-unit.ts";
import { updateUser } from "./update-user.ts";

export function agencyRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/agencies": async () => ({ items: await listAgencies(ctx) }),

    // The exchange's identifiers and the directory of other systems' agencies (directory.ts).
    "PUT /api/admin/agencies/:id/exchange": async ({ actor, params, body }) => {
      await setExchangeIdentity(ctx, actor, params.id, body);
      return { ok: true };
    },
    "GET /api/admin/directory": async () => ({ items: await listDirectory(ctx) }),
    "POST /api/admin/directory/import": async ({ actor, body }) =>
      importDirectory(ctx, actor, body.csv),
    "PUT /api/admin/directory/:organId": async ({ actor, params, body }) => {
      await putDirectoryEntry(ctx, actor, params.organId, body);
      return { ok: true };
    },
    "DELETE /api/admin/directory/:organId": async ({ actor, params }) => {
      await removeDirectoryEntry(ctx, actor, params.organId);
      return { ok: true };
    },

    "GET /api/agencies/:id/history": async ({ params }) => ({
      items: await agencyHistory(ctx, params.id),
    }),

    "GET /api/people": async ({ actor }) => ({ items: await listPeople(ctx, actor) }),

    "GET /api/admin/users": async ({ actor }) => ({ items: await listUsers(ctx, actor) }),

    "POST /api/admin/users": async ({ actor, body }) => createUserFor(ctx, actor, body),

    "PATCH /api/admin/users/:id": async ({ actor, params, body }) => {
      await updateUser(ctx, actor, params.id, body);
      return { ok: true };
    },

    "GET /api/admin/units": async ({ actor }) => ({ items: await listUnits(ctx, actor) }),

    "POST /api/admin/units": async ({ actor, body }) => createUnit(ctx, actor, body),

    "PATCH /api/admin/units/:id": async ({ actor, params, body }) => {
      await renameUnit(ctx, actor, params.id, body);
      return { ok: true };
    },

    "POST /api/admin/units/:id/close": async ({ actor, params }) => {
      await closeUnit(ctx, actor, params.id);
      return { ok: true };
    },

    "POST /api/admin/agencies": async ({ actor, body }) => createAgencyFor(ctx, actor, body),

    "POST /api/admin/agencies/:id/rename": async ({ actor, params, body }) =>
      renameAgency(ctx, actor, params.id, body),
  };
}
