/**
 * A new unit of the agency: its abbreviation unique in the agency, its name unique among the
 * open units (foldKey); audited.
 */
import type { NewUnit } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { assertAbbreviationFree, assertUnitNameFree, lockAgencyUnits } from "./units.ts";

export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  input: NewUnit,
): Promise<{ id: string }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await lockAgencyUnits(trx, actor.agencyId);
    await assertAbbreviationFree(trx, actor.agencyId, input.abbreviation);
    await assertUnitNameFree(trx, actor.agencyId, input.name);
    const unit = await trx
      .insertInto("units")
      .values({ agency_id: actor.agencyId, ...input, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "unit.create",
      entity: "unit",
      entityId: unit.id,
      after: input,
      at: now,
    });
    return unit;
  });
}
