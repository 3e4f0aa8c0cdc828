/**
 * Renaming a unit (its old name into `unit_history`, still shown as a former name) or changing
 * its abbreviation: only an open unit of the admin's agency; the new name free among the open
 * units, the abbreviation among all. Audited.
 */
import type { UnitChange } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { fail } from "../errors.ts";
import {
  assertAbbreviationFree,
  assertUnitNameFree,
  loadUnit,
  lockAgencyUnits,
  unitNameKey,
} from "./units.ts";

export async function renameUnit(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: UnitChange,
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockAgencyUnits(trx, actor.agencyId);
    const unit = await loadUnit(trx, actor.agencyId, id, "update", "id");
    if (unit.closed_at) throw fail("UNIT_CLOSED", `unit ${unit.id} is closed`);
    const name = change.name !== undefined && change.name !== unit.name ? change.name : null;
    const abbreviation =
      change.abbreviation !== undefined && change.abbreviation !== unit.abbreviation
        ? change.abbreviation
        : null;
    // The same name in another spelling ("Văn  phòng") is a correction, not a new name.
    if (name && unitNameKey(name) !== unitNameKey(unit.name))
      await assertUnitNameFree(trx, actor.agencyId, name, unit.id);
    if (abbreviation) await assertAbbreviationFree(trx, actor.agencyId, abbreviation, unit.id);
    if (!name && !abbreviation) return;
    await trx
      .updateTable("units")
      .set({ ...(name ? { name } : {}), ...(abbreviation ? { abbreviation } : {}) })
      .where("id", "=", unit.id)
      .execute();
    if (name)
      await trx
        .insertInto("unit_history")
        .values({
          unit_id: unit.id,
          old_name: unit.name,
          new_name: name,
          actor_id: actor.userId,
          at: now,
        })
        .execute();
    await recordAudit(trx, {
      actor,
      action: "unit.rename",
      entity: "unit",
      entityId: unit.id,
      before: { name: unit.name, abbreviation: unit.abbreviation },
      after: { name: name ?? unit.name, abbreviation: abbreviation ?? unit.abbreviation },
      at: now,
    });
  });
}
