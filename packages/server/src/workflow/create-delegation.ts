/**
 * A leader away delegates (ủy quyền) their approvals and instructions to another person of the
 * agency for a period, both days included (`delegation.ts` `leaderAuthority` reads it). A leader
 * delegates for themselves, the agency admin for any leader of the agency. The delegate is
 * another active user of the same agency; the period ends on or after its start and not before
 * today; the same leader's delegations never overlap (the leader's row is locked, so two at once
 * cannot both pass the check). Audited.
 */
import type { NewDelegation } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { hasRole, localDate } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { fail } from "../errors.ts";
import { sameUuid } from "../agencies/update-user.ts";

export async function createDelegation(
  ctx: AppContext,
  actor: Actor,
  input: NewDelegation,
): Promise<{ id: string }> {
  const from = (input.fromUserId ?? actor.userId).toLowerCase();
  const to = input.toUserId.toLowerCase();
  if (!sameUuid(from, actor.userId) && !hasRole(actor, "admin"))
    throw fail("DELEGATION_NOT_ALLOWED", `${actor.username} delegates for ${from}`, [
      { path: "fromUserId", message: "Lãnh đạo chỉ ủy quyền thay cho chính mình." },
    ]);
  const now = ctx.now();
  const today = localDate(ctx, now);
  if (input.endsOn < input.startsOn || input.endsOn < today)
    throw fail("DELEGATION_PERIOD_INVALID", `${input.startsOn}..${input.endsOn} (today ${today})`, [
      {
        path: "endsOn",
        message:
          input.endsOn < input.startsOn
            ? "Ngày kết thúc trước ngày bắt đầu."
            : "Ngày kết thúc đã qua.",
      },
    ]);
  if (from === to)
    throw fail("DELEGATE_INVALID", "a leader delegates to themselves", [
      { path: "toUserId", message: "Không thể ủy quyền cho chính người ủy quyền." },
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    // The leader's row, locked: their delegations are checked and written one at a time.
    const leader = await trx
      .selectFrom("users")
      .select(["id", "roles", "disabled", "full_name"])
      .where("id", "=", from)
      .where("agency_id", "=", actor.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!leader || !leader.roles.includes("leader") || leader.disabled)
      throw fail("DELEGATOR_NOT_LEADER", `${from} is not a leader of the agency`, [
        { path: "fromUserId", message: "Người ủy quyền phải là lãnh đạo của cơ quan." },
      ]);
    const deputy = await trx
      .selectFrom("users")
      .select(["id", "disabled"])
      .where("id", "=", to)
      .where("agency_id", "=", actor.agencyId)
      .executeTakeFirst();
    if (!deputy || deputy.disabled)
      throw fail("DELEGATE_INVALID", `${to} is not an active user of the agency`, [
        {
          path: "toUserId",
          message: "Người được ủy quyền phải là người dùng đang hoạt động của cơ quan.",
        },
      ]);
    const overlapping = await trx
      .selectFrom("delegations")
      .select(["id", "starts_on", "ends_on"])
      .where("from_user_id", "=", from)
      .where("revoked_at", "is", null)
      .where("starts_on", "<=", input.endsOn)
      .where("ends_on", ">=", input.startsOn)
      .executeTakeFirst();
    if (overlapping)
      throw fail(
        "DELEGATION_OVERLAPS",
        `${from} delegates ${overlapping.starts_on}..${overlapping.ends_on} already (${overlapping.id})`,
        [{ path: "startsOn", message: `${overlapping.starts_on} – ${overlapping.ends_on}` }],
      );
    const row = await trx
      .insertInto("delegations")
      .values({
        agency_id: actor.agencyId,
        from_user_id: from,
        to_user_id: to,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        note: input.note || null,
        created_by: actor.userId,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "delegation.create",
      entity: "delegation",
      entityId: row.id,
      after: { from, to, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note ?? null },
      at: now,
    });
    return row;
  });
}
