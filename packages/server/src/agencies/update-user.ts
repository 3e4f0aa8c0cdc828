/**
 * The agency admin changes a user's name, title, roles, or disables the account (which ends its
 * sessions); an admin cannot lock themselves out. Audited.
 */
import type { UserChange } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { fail } from "../errors.ts";

/**
 * An id from the client compared with the actor's own: as canonical lower-case UUIDs, since
 * PostgreSQL reads "ABC..." and "abc..." as one uuid (an upper-case own id once slipped past the
 * "cannot lock themselves out" check).
 */
export function sameUuid(fromClient: string, own: string): boolean {
  return isUuid(fromClient) && fromClient.toLowerCase() === own.toLowerCase();
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  given: string,
  change: UserChange,
): Promise<void> {
  if (!isUuid(given)) throw fail("NOT_FOUND", `no user ${given}`);
  const id = given.toLowerCase();
  if (
    sameUuid(id, actor.userId) &&
    (change.disabled || (change.roles && !change.roles.includes("admin")))
  )
    throw fail("FORBIDDEN", "an admin cannot lock themselves out");
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "full_name", "title", "roles", "disabled"])
      .where("id", "=", id)
      .where("agency_id", "=", actor.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw fail("NOT_FOUND", `no user ${id}`);
    await trx
      .updateTable("users")
      .set({
        ...(change.fullName ? { full_name: change.fullName } : {}),
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.roles ? { roles: change.roles } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      })
      .where("id", "=", id)
      .execute();
    if (change.disabled) await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
    await recordAudit(trx, {
      actor,
      action: "user.update",
      entity: "user",
      entityId: id,
      before: user,
      after: change,
      at: now,
    });
  });
}
