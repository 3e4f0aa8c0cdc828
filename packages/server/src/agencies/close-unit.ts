/**
 * Closing a unit (giải thể): `closed_at` set; it stays listed (as closed) with its documents and
 * history, nobody new is placed in it, and it is no longer renamed. Its people stay where they
 * are until the admin moves them (the list shows them under the closed unit). Audited.
 */
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { fail } from "../errors.ts";
import { loadUnit } from "./units.ts";

export async function closeUnit(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, actor.agencyId, id, "update", "id");
    if (unit.closed_at) throw fail("UNIT_CLOSED", `unit ${unit.id} is already closed`);
    await trx.updateTable("units").set({ closed_at: now }).where("id", "=", unit.id).execute();
    const people = await trx
      .selectFrom("users")
      .select("id")
      .where("unit_id", "=", unit.id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "unit.close",
      entity: "unit",
      entityId: unit.id,
      before: { closedAt: null },
      after: { closedAt: now.toISOString(), people: people.length },
      at: now,
    });
  });
}
