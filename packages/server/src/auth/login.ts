/**
 * Signing in: throttled per user name and per address (attempts are counted in the database, so
 * the limit holds across server processes), constant-time for unknown names, audited.
 */
import { sql } from "kysely";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { dummyHash, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";

export const THROTTLE = { windowMinutes: 15, perUser: 5, perAddress: 30 };

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; username: string; fullName: string; roles: string[]; agencyId: string };
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const now = ctx.now();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const username = input.username.trim().toLowerCase();
  const counts = await ctx.db
    .selectFrom("login_attempts")
    .select([
      sql<number>`count(*) filter (where username = ${username})`.as("by_user"),
      sql<number>`count(*) filter (where ip = ${input.ip})`.as("by_ip"),
    ])
    .where("succeeded", "=", false)
    .where("at", ">", since)
    .where((eb) => eb.or([eb("username", "=", username), eb("ip", "=", input.ip)]))
    .executeTakeFirstOrThrow();
  if (Number(counts.by_user) >= THROTTLE.perUser || Number(counts.by_ip) >= THROTTLE.perAddress)
    throw fail("TOO_MANY_ATTEMPTS", `login throttled for ${username} from ${input.ip}`);

  const user = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  await ctx.db
    .insertInto("login_attempts")
    .values({ username, ip: input.ip, succeeded: ok && !!user, at: now })
    .execute();
  if (!user || !ok) throw fail("INVALID_CREDENTIALS", `bad credentials for ${username}`);
  if (user.disabled) throw fail("ACCOUNT_DISABLED", `${username} is disabled`);
  const session = await createSession(ctx, user.id, { ip: input.ip, userAgent: input.userAgent });
  const actor = {
    userId: user.id,
    agencyId: user.agency_id,
    username: user.username,
    fullName: user.full_name,
    roles: user.roles,
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
