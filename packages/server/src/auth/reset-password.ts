/**
 * An administrator sets a user's password: the agency admin for their own agency's users (API),
 * or whoever runs the CLI on the server. The password is the one given (under the policy) or a
 * generated one, returned once. Every session of the user ends; the event is audited, never the
 * password.
 */
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { hashPassword } from "./passwords.ts";
import { assertPasswordAllowed } from "./password-policy.ts";

/** Writes a new hash and ends the user's sessions except `keepSessionId` (a hashed token). */
export async function writePassword(
  trx: Transaction<Database>,
  userId: string,
  passwordHash: string,
  keepSessionId: string | null,
): Promise<number> {
  await trx
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", userId)
    .execute();
  let ended = trx.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionId) ended = ended.where("id", "!=", keepSessionId);
  const r = await ended.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** 16 characters of base64url (96 random bits): never on the common list. */
export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function resetPassword(
  ctx: AppContext,
  actor: Actor | null,
  target: { userId: string } | { username: string },
  input: { password?: string | undefined },
): Promise<{ username: string; password: string | null; sessionsEnded: number }> {
  if (actor && !hasRole(actor, "admin")) throw fail("FORBIDDEN", "admin only");
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom("users").select(["id", "username", "agency_id"]);
    if ("userId" in target) {
      if (!isUuid(target.userId)) throw fail("NOT_FOUND", `no user ${target.userId}`);
      q = q.where("id", "=", target.userId);
    } else q = q.where("username", "=", target.username.trim().toLowerCase());
    // An agency admin reaches only their own agency's users; others look like no one.
    if (actor) q = q.where("agency_id", "=", actor.agencyId);
    const user = await q.forUpdate().executeTakeFirst();
    if (!user) throw fail("NOT_FOUND", "no such user in the agency");
    // One's own password is changed with the current one (POST /api/auth/password): a reset of
    // it would let whoever holds an open admin session take the account over for good.
    if (actor && user.id === actor.userId)
      throw fail("FORBIDDEN", "an admin changes their own password with the current one", [
        {
          path: "id",
          message: "Đổi mật khẩu của chính mình ở mục Đổi mật khẩu (cần mật khẩu hiện tại).",
        },
      ]);
    assertPasswordAllowed(password, user.username);
    const sessionsEnded = await writePassword(trx, user.id, await hashPassword(password), null);
    await recordAudit(trx, {
      actor,
      action: "user.password.reset",
      entity: "user",
      entityId: user.id,
      after: { generated, sessionsEnded },
      at: ctx.now(),
    });
    return { username: user.username, password: generated ? password : null, sessionsEnded };
  });
}
