/**
 * The active people of one's own agency, for pickers (whom to send a draft up to, whom to give a
 * document, who acts for a leader away): names, titles, roles, units and unit heads; no account
 * details. By name.
 */
import type { PersonEntry } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";

const COLLATOR = new Intl.Collator("vi");

export async function listPeople(ctx: AppContext, actor: Actor): Promise<PersonEntry[]> {
  const rows = await ctx.db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.full_name",
      "users.title",
      "users.roles",
      "users.unit_id",
      "users.unit_head",
      "units.name as unit",
    ])
    .where("users.agency_id", "=", actor.agencyId)
    .where("users.disabled", "=", false)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      fullName: r.full_name,
      title: r.title,
      roles: r.roles,
      unitId: r.unit_id,
      unit: r.unit,
      unitHead: r.unit_head,
    }))
    .sort((a, b) => COLLATOR.compare(a.fullName, b.fullName) || a.id.localeCompare(b.id));
}
