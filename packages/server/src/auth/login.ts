/**
 * Signing in: throttled in the database before the password is checked (`login-throttle.ts`),
 * constant-time for unknown names, audited. Every checked password leaves a row in
 * `login_attempts` (the record; the throttle never reads it).
 */
import type { Role } from "@vanthu/core";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { dummyHash, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";
import { releaseAttempt, reserveAttempt, waitDelay } from "./login-throttle.ts";

export { THROTTLE } from "./login-throttle.ts";

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; username: string; fullName: string; roles: Role[]; agencyId: string };
}

/**
 * Attempts for one account from one address run one after another in this process. The
 * reservation counts attempts in flight as failures until they succeed, so without this, 20
 * right passwords sent at once (tabs restored, a script, an office behind one address) were
 * refused past the 5th; serialized, each success gives its place back before the next is
 * counted. Across processes at most one attempt per process is in flight for a pair.
 */
const inFlight = new Map<string, Promise<unknown>>();

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const key = `${input.username.trim().toLowerCase()}\u0000${input.ip}`;
  const before = inFlight.get(key) ?? Promise.resolve();
  const mine = before.then(
    () => loginNow(ctx, input),
    () => loginNow(ctx, input),
  );
  const tail = mine.catch(() => undefined);
  inFlight.set(key, tail);
  void tail.then(() => {
    if (inFlight.get(key) === tail) inFlight.delete(key);
  });
  return mine;
}

async function loginNow(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const reservation = await reserveAttempt(ctx, username, input.ip);
  // The account's delay is waited, not refused: an attacker elsewhere slows the owner down by
  // at most THROTTLE.maxDelayMs and never keeps them out.
  await waitDelay(ctx, reservation.delayMs);

  const user = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  const now = ctx.now();
  await ctx.db
    .insertInto("login_attempts")
    .values({ username, ip: input.ip, succeeded: ok && !!user, at: now })
    .execute();
  if (!user || !ok) throw fail("INVALID_CREDENTIALS", `bad credentials for ${username}`);
  await releaseAttempt(ctx, reservation);
  if (user.disabled) throw fail("ACCOUNT_DISABLED", `${username} is disabled`);
  const session = await createSession(ctx, user.id, { ip: input.ip, userAgent: input.userAgent });
  const actor = {
    userId: user.id,
    agencyId: user.agency_id,
    username: user.username,
    fullName: user.full_name,
    roles: user.roles,
    unitId: user.unit_id,
    unitHead: user.unit_head,
  };
  await recordAudit(ctx.db, { actor, action: "login", entity: "user", entityId: user.id, at: now });
  return {
    ...session,
    user: {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      roles: user.roles,
      agencyId: user.agency_id,
    },
  };
}
