/** The agency's units (phòng, ban), by name. */
import type { UnitEntry } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";

export async function listUnits(ctx: AppContext, actor: Actor): Promise<UnitEntry[]> {
  return ctx.db
    .selectFrom("units")
    .select(["id", "name", "abbreviation"])
    .where("agency_id", "=", actor.agencyId)
    .orderBy("name")
    .execute();
}
