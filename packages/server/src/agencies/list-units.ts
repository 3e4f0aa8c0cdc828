/**
 * The agency's units (phòng, ban) with their people and head: the open ones by name, then the
 * closed ones; each with its former names, oldest first.
 */
import type { UnitEntry, UnitPerson } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";

const COLLATOR = new Intl.Collator("vi");

export async function listUnits(ctx: AppContext, actor: Actor): Promise<UnitEntry[]> {
  const units = await ctx.db
    .selectFrom("units")
    .select(["id", "name", "abbreviation", "created_at", "closed_at"])
    .where("agency_id", "=", actor.agencyId)
    .execute();
  if (!units.length) return [];
  const ids = units.map((u) => u.id);
  const people = await ctx.db
    .selectFrom("users")
    .select(["id", "unit_id", "full_name", "title", "unit_head", "disabled"])
    .where("agency_id", "=", actor.agencyId)
    .where("unit_id", "in", ids)
    .execute();
  const history = await ctx.db
    .selectFrom("unit_history")
    .select(["unit_id", "old_name"])
    .where("unit_id", "in", ids)
    .orderBy("id")
    .execute();
  const personOf = (p: (typeof people)[number]): UnitPerson => ({
    id: p.id,
    fullName: p.full_name,
    title: p.title,
    unitHead: p.unit_head,
    disabled: p.disabled,
  });
  return units
    .sort(
      (a, b) =>
        Number(!!a.closed_at) - Number(!!b.closed_at) ||
        COLLATOR.compare(a.name, b.name) ||
        a.id.localeCompare(b.id),
    )
    .map((u) => {
      // The head first, then by name.
      const mine = people
        .filter((p) => p.unit_id === u.id)
        .sort(
          (a, b) =>
            Number(b.unit_head) - Number(a.unit_head) ||
            COLLATOR.compare(a.full_name, b.full_name) ||
            a.id.localeCompare(b.id),
        )
        .map(personOf);
      return {
        id: u.id,
        name: u.name,
        abbreviation: u.abbreviation,
        createdAt: u.created_at.toISOString(),
        closedAt: u.closed_at?.toISOString() ?? null,
        formerNames: history.filter((h) => h.unit_id === u.id).map((h) => h.old_name),
        head: mine.find((p) => p.unitHead && !p.disabled) ?? null,
        people: mine,
      };
    });
}
