/**
 * The agency admin changes a user's name, title, roles, their place (unit, unit head, follow-up,
 * e-mail), or disables the account (which ends its sessions); an admin cannot lock themselves
 * out. A user is placed only in an open unit of the agency; a unit head needs a unit, and moving
 * someone to another unit (or none) ends their being its head unless said again. Audited.
 */
import type { Transaction } from "kysely";
import type { UserChange } from "@vanthu/contract";
import type { Database } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { fail } from "../errors.ts";
import { unitToPlaceIn } from "./units.ts";

/**
 * An id from the client compared with the actor's own: as canonical lower-case UUIDs, since
 * PostgreSQL reads "ABC..." and "abc..." as one uuid (an upper-case own id once slipped past the
 * "cannot lock themselves out" check).
 */
export function sameUuid(fromClient: string, own: string): boolean {
  return isUuid(fromClient) && fromClient.toLowerCase() === own.toLowerCase();
}

/**
 * The columns a change of place sets (none when it names none), checked: the unit open and of the
 * agency (UNIT_NOT_FOUND, UNIT_CLOSED; staying in a unit that has closed since is no change), a
 * head with a unit (UNIT_HEAD_WITHOUT_UNIT).
 */
export async function placementOf(
  trx: Transaction<Database>,
  agencyId: string,
  user: { unit_id: string | null; unit_head: boolean } | null,
  change: Pick<UserChange, "unitId" | "unitHead" | "followsUp" | "email">,
): Promise<{
  unit_id?: string | null;
  unit_head?: boolean;
  follows_up?: boolean;
  email?: string | null;
}> {
  const before = user ?? { unit_id: null, unit_head: false };
  const unitId =
    change.unitId === undefined ? before.unit_id : (change.unitId?.toLowerCase() ?? null);
  const moved = unitId !== before.unit_id;
  if (moved && unitId) await unitToPlaceIn(trx, agencyId, unitId);
  const head = change.unitHead ?? (moved ? false : before.unit_head);
  if (head && !unitId)
    throw fail("UNIT_HEAD_WITHOUT_UNIT", "a unit head needs a unit", [
      { path: "unitHead", message: "Chọn đơn vị trước khi đặt làm trưởng đơn vị." },
    ]);
  return {
    ...(moved ? { unit_id: unitId } : {}),
    ...(head !== before.unit_head ? { unit_head: head } : {}),
    ...(change.followsUp !== undefined ? { follows_up: change.followsUp } : {}),
    ...(change.email !== undefined ? { email: change.email } : {}),
  };
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
      .select([
        "id",
        "full_name",
        "title",
        "roles",
        "disabled",
        "unit_id",
        "unit_head",
        "follows_up",
        "email",
      ])
      .where("id", "=", id)
      .where("agency_id", "=", actor.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw fail("NOT_FOUND", `no user ${id}`);
    const place = await placementOf(trx, actor.agencyId, user, change);
    await trx
      .updateTable("users")
      .set({
        ...(change.fullName ? { full_name: change.fullName } : {}),
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.roles ? { roles: change.roles } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        ...place,
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
