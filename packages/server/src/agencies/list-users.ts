/** The agency admin's list of the agency's users, with their roles, units and place in them. */
import type { UserEntry } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";

export async function listUsers(ctx: AppContext, actor: Actor): Promise<UserEntry[]> {
  const rows = await ctx.db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.username",
      "users.full_name",
      "users.title",
      "users.roles",
      "users.disabled",
      "users.created_at",
      "users.unit_id",
      "users.unit_head",
      "users.follows_up",
      "users.email",
      "units.name as unit",
    ])
    .where("users.agency_id", "=", actor.agencyId)
    .orderBy("users.username")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    title: r.title,
    roles: r.roles,
    disabled: r.disabled,
    unit: r.unit,
    unitId: r.unit_id,
    unitHead: r.unit_head,
    followsUp: r.follows_up,
    email: r.email,
    createdAt: r.created_at.toISOString(),
  }));
}
