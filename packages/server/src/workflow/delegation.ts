/**
 * Acting for a leader away (ủy quyền): a delegation hands a leader's approvals and instructions
 * to a deputy for a period, both days included. Every act done under one records the leader in
 * `on_behalf_of`. The one place that says whose authority an act carries.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor } from "../context.ts";

type Db = Transaction<Database> | Kysely<Database>;

/** The leaders whose approvals and instructions the actor holds on `day` ("YYYY-MM-DD"). */
export async function leadersActedFor(db: Db, actor: Actor, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom("delegations")
    .select("from_user_id")
    .where("agency_id", "=", actor.agencyId)
    .where("to_user_id", "=", actor.userId)
    .where("starts_on", "<=", day)
    .where("ends_on", ">=", day)
    .where("revoked_at", "is", null)
    .execute();
  return rows.map((r) => r.from_user_id);
}

/**
 * Whether the actor may act as a leader on `day`, and for whom: under a delegation, for the
 * leader who delegated (`onBehalfOf`, recorded on the act: a deputy leader too acts for the head
 * while the head is away); otherwise a leader in their own name (`onBehalfOf` null). Null: not
 * at all.
 */
export async function leaderAuthority(
  db: Db,
  actor: Actor,
  day: string,
): Promise<{ onBehalfOf: string | null } | null> {
  const leaders = await leadersActedFor(db, actor, day);
  if (leaders.length) return { onBehalfOf: leaders[0]! };
  return actor.roles.includes("leader") ? { onBehalfOf: null } : null;
}
