/**
 * Sessions live in the database, so that every server process knows them. The cookie holds a
 * random token; the table holds only its HMAC, so a leaked table opens no session. Each session
 * has its own CSRF token, required on every cookie-authenticated write.
 */
import { createHmac, randomBytes } from "node:crypto";
import { localDate, type AppContext, type Actor } from "../context.ts";

export const SESSION_COOKIE = "vanthu_session";
export const CSRF_HEADER = "x-csrf-token";

export function hashToken(secret: string, token: string): string {
  return createHmac("sha256", secret).update(token).digest("hex");
}

export async function createSession(
  ctx: AppContext,
  userId: string,
  meta: { ip: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await ctx.db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("expires_at", "<", now)
    .execute();
  await ctx.db
    .insertInto("sessions")
    .values({
      id: hashToken(ctx.sessionSecret, token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await ctx.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.csrf_token",
      "sessions.expires_at",
      "users.id as user_id",
      "users.agency_id",
      "users.username",
      "users.full_name",
      "users.roles",
      "users.disabled",
      "users.unit_id",
      "users.unit_head",
    ])
    // A delegation in force today: the person acts for a leader (workflow/delegation.ts).
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("delegations")
            .select("delegations.id")
            .whereRef("delegations.to_user_id", "=", "users.id")
            .where("delegations.starts_on", "<=", localDate(ctx, ctx.now()))
            .where("delegations.ends_on", ">=", localDate(ctx, ctx.now()))
            .where("delegations.revoked_at", "is", null),
        )
        .as("acts_for_leader"),
    )
    .where("sessions.id", "=", hashToken(ctx.sessionSecret, token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at.getTime() <= ctx.now().getTime()) return null;
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      agencyId: row.agency_id,
      username: row.username,
      fullName: row.full_name,
      roles: row.roles,
      unitId: row.unit_id,
      unitHead: row.unit_head,
      actsForLeader: !!row.acts_for_leader,
    },
  };
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db
    .deleteFrom("sessions")
    .where("id", "=", hashToken(ctx.sessionSecret, token))
    .execute();
}
