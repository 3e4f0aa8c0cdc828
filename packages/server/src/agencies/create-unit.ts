/** A new unit of the agency: its abbreviation unique in the agency; audited. */
import type { NewUnit } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { fail } from "../errors.ts";

export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  input: NewUnit,
): Promise<{ id: string }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("units")
      .select("id")
      .where("agency_id", "=", actor.agencyId)
      .where("abbreviation", "=", input.abbreviation)
      .executeTakeFirst();
    if (taken) throw fail("UNIT_EXISTS", `unit ${input.abbreviation} exists`);
    const unit = await trx
      .insertInto("units")
      .values({ agency_id: actor.agencyId, ...input })
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
