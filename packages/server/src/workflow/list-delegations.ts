/**
 * Delegations, current and past, newest first, each with its state today: the agency's for its
 * leaders, clerks and admins (who acts for whom), one's own (given or held) for anyone else.
 */
import type { DelegationEntry, DelegationState } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { hasRole, localDate } from "../context.ts";
import { seesAgencyRecords } from "../documents/access.ts";

export function delegationState(
  d: { starts_on: string; ends_on: string; revoked_at: Date | null },
  today: string,
): DelegationState {
  if (d.revoked_at) return "revoked";
  if (d.ends_on < today) return "ended";
  return d.starts_on > today ? "upcoming" : "current";
}

export async function listDelegations(ctx: AppContext, actor: Actor): Promise<DelegationEntry[]> {
  const today = localDate(ctx, ctx.now());
  const rows = await ctx.db
    .selectFrom("delegations")
    .innerJoin("users as f", "f.id", "delegations.from_user_id")
    .innerJoin("users as t", "t.id", "delegations.to_user_id")
    .leftJoin("users as c", "c.id", "delegations.created_by")
    .select([
      "delegations.id",
      "delegations.from_user_id",
      "delegations.to_user_id",
      "delegations.starts_on",
      "delegations.ends_on",
      "delegations.note",
      "delegations.created_at",
      "delegations.revoked_at",
      "f.full_name as from_name",
      "f.title as from_title",
      "t.full_name as to_name",
      "t.title as to_title",
      "c.full_name as created_by",
    ])
    .where("delegations.agency_id", "=", actor.agencyId)
    .$if(!seesAgencyRecords(actor), (q) =>
      q.where((eb) =>
        eb.or([
          eb("delegations.from_user_id", "=", actor.userId),
          eb("delegations.to_user_id", "=", actor.userId),
        ]),
      ),
    )
    .orderBy("delegations.starts_on", "desc")
    .orderBy("delegations.created_at", "desc")
    .orderBy("delegations.id")
    .limit(200)
    .execute();
  const admin = hasRole(actor, "admin");
  return rows.map((r) => {
    const state = delegationState(r, today);
    return {
      id: r.id,
      from: { id: r.from_user_id, fullName: r.from_name, title: r.from_title },
      to: { id: r.to_user_id, fullName: r.to_name, title: r.to_title },
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by,
      revokedAt: r.revoked_at?.toISOString() ?? null,
      state,
      canRevoke:
        (state === "current" || state === "upcoming") &&
        (admin || (r.from_user_id === actor.userId && hasRole(actor, "leader"))),
    };
  });
}
