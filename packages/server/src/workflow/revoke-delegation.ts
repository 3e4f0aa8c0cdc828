/**
 * Revoking a delegation that is not over: by the leader who gave it or the agency admin. From
 * then on the deputy no longer acts for the leader (`leaderAuthority` reads `revoked_at`). The
 * row is locked: of two revocations at once, one wins and the other is DELEGATION_ENDED. Audited.
 */
import type { AppContext, Actor } from "../context.ts";
import { hasRole, localDate } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { fail } from "../errors.ts";
import { isUuid } from "../documents/access.ts";

export async function revokeDelegation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  const today = localDate(ctx, now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = isUuid(id)
      ? await trx
          .selectFrom("delegations")
          .selectAll()
          .where("id", "=", id.toLowerCase())
          .where("agency_id", "=", actor.agencyId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!row) throw fail("DELEGATION_NOT_FOUND", `no delegation ${id}`);
    if (row.from_user_id !== actor.userId && !hasRole(actor, "admin"))
      throw fail("DELEGATION_NOT_ALLOWED", `${actor.username} revokes ${row.id}`);
    if (row.revoked_at || row.ends_on < today)
      throw fail("DELEGATION_ENDED", `delegation ${row.id} is revoked or over`);
    await trx
      .updateTable("delegations")
      .set({ revoked_at: now })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "delegation.revoke",
      entity: "delegation",
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
      at: now,
    });
  });
}
