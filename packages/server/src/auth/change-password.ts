/**
 * A signed-in user changes their own password: the current one is checked under the login
 * throttle (a stolen session cannot try current passwords faster than a login could), the new
 * one under the policy. Every other session of the user ends; this one stays. Audited.
 */
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { assertPasswordAllowed } from "./password-policy.ts";
import { releaseAttempt, reserveAttempt, waitDelay } from "./login-throttle.ts";
import { hashToken } from "./sessions.ts";
import { writePassword } from "./reset-password.ts";

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; ip: string; sessionToken: string | null },
): Promise<{ sessionsEnded: number }> {
  assertPasswordAllowed(input.newPassword, actor.username, "newPassword");
  const reservation = await reserveAttempt(ctx, actor.username, input.ip);
  await waitDelay(ctx, reservation.delayMs);
  const user = await ctx.db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  const ok = await verifyPassword(user.password_hash, input.currentPassword);
  await ctx.db
    .insertInto("login_attempts")
    .values({ username: actor.username, ip: input.ip, succeeded: ok, at: ctx.now() })
    .execute();
  if (!ok)
    throw fail("WRONG_CURRENT_PASSWORD", `wrong current password for ${actor.username}`, [
      { path: "currentPassword", message: "Mật khẩu hiện tại không đúng." },
    ]);
  await releaseAttempt(ctx, reservation);
  const passwordHash = await hashPassword(input.newPassword);
  const keep = input.sessionToken ? hashToken(ctx.sessionSecret, input.sessionToken) : null;
  return ctx.db.transaction().execute(async (trx) => {
    const sessionsEnded = await writePassword(trx, actor.userId, passwordHash, keep);
    await recordAudit(trx, {
      actor,
      action: "user.password.change",
      entity: "user",
      entityId: actor.userId,
      after: { sessionsEnded },
      at: ctx.now(),
    });
    return { sessionsEnded };
  });
}
