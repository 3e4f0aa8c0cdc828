/**
 * Sessions live in the database, so that every server process knows them. The cookie holds a
 * random token; the table holds only its HMAC, so a leaked table opens no session. Each session
 * has its own CSRF token, required on every cookie-authenticated write.
 */
import { createHmac, randomBytes } from "node:crypto";
import { sql, type Expression, type SqlBool } from "kysely";
import { localDate, type AppContext, type Actor } from "../context.ts";
import { fail } from "../errors.ts";

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

export interface Session {
  actor: Actor;
  csrfToken: string;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function findSession(ctx: AppContext, token: string): Promise<Session | null> {
  if (!TOKEN.test(token)) return null;
  const id = hashToken(ctx.sessionSecret, token);
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
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at.getTime() <= ctx.now().getTime()) {
    forget(ctx, id);
    return null;
  }
  const session = {
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
  remember(ctx, id, session, row.expires_at);
  return session;
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  const id = hashToken(ctx.sessionSecret, token);
  forget(ctx, id);
  await ctx.db.deleteFrom("sessions").where("id", "=", id).execute();
}

/*
 * One statement for a list instead of two (the session's, then the list's). Each process
 * remembers the sessions it has read. A route that checks the session in its own statement
 * (SESSION_IN_STATEMENT) starts from the remembered one and adds `sessionHolds` to its query:
 * the rows come only if, in the statement's own snapshot, the session still exists, has not
 * expired and its person is as remembered (not disabled, same roles, unit, delegation). So a
 * session ended or a person changed by any process is seen at once, as with `findSession`. A
 * statement that returns nothing proves nothing: the session is then read again (`inOneStatement`).
 */
const REMEMBERED_AT_MOST = 10_000;
const REMEMBERED_FOR_MS = 10 * 60_000;

interface Remembered extends Session {
  id: string;
  expiresAt: number;
  until: number;
}

const remembered = new WeakMap<AppContext, Map<string, Remembered>>();

function memory(ctx: AppContext): Map<string, Remembered> {
  let m = remembered.get(ctx);
  if (!m) remembered.set(ctx, (m = new Map()));
  return m;
}

function remember(ctx: AppContext, id: string, session: Session, expiresAt: Date): void {
  const m = memory(ctx);
  m.delete(id);
  // The oldest first out (a Map keeps insertion order).
  if (m.size >= REMEMBERED_AT_MOST) m.delete(m.keys().next().value!);
  m.set(id, {
    ...session,
    id,
    expiresAt: expiresAt.getTime(),
    until: performance.now() + REMEMBERED_FOR_MS,
  });
}

function forget(ctx: AppContext, id: string): void {
  remembered.get(ctx)?.delete(id);
}

/** Routes whose statement checks the session itself (`sessionHolds`). */
export const SESSION_IN_STATEMENT: ReadonlySet<string> = new Set(["GET /api/documents"]);

/** A session this process read before, still unexpired by the clock, to be checked in a statement. */
export interface UncheckedSession extends Session {
  token: string;
  id: string;
}

export function rememberedSession(ctx: AppContext, token: string): UncheckedSession | null {
  if (!TOKEN.test(token)) return null;
  const id = hashToken(ctx.sessionSecret, token);
  const r = memory(ctx).get(id);
  if (!r) return null;
  if (r.expiresAt <= ctx.now().getTime() || r.until <= performance.now()) {
    forget(ctx, id);
    return null;
  }
  return { token, id, actor: r.actor, csrfToken: r.csrfToken };
}

/** True, in the statement that holds it, when the session is still the one remembered. */
export function sessionHolds(ctx: AppContext, s: UncheckedSession): Expression<SqlBool> {
  const a = s.actor;
  const today = localDate(ctx, ctx.now());
  return sql<SqlBool>`EXISTS (SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${s.id} AND s.expires_at > ${ctx.now()} AND s.csrf_token = ${s.csrfToken}
      AND NOT u.disabled AND u.id = ${a.userId} AND u.agency_id = ${a.agencyId}
      AND u.username = ${a.username} AND u.full_name = ${a.fullName}
      AND u.roles = ${sql`${`{${a.roles.join(",")}}`}::text[]`}
      AND u.unit_id IS NOT DISTINCT FROM ${a.unitId} AND u.unit_head = ${a.unitHead}
      AND EXISTS (SELECT 1 FROM delegations d WHERE d.to_user_id = u.id AND d.starts_on <= ${today}
        AND d.ends_on >= ${today} AND d.revoked_at IS NULL) = ${!!a.actsForLeader})`;
}

/**
 * Runs a use case with the session checked in its statement when there is one to check: `run`
 * gets the actor and the condition to add (null: the session was read already). When nothing
 * comes back (`empty`), the session is read again: gone, the request is refused as unsigned;
 * changed, the use case runs again for the person as they now are.
 */
export async function inOneStatement<T>(
  ctx: AppContext,
  unchecked: UncheckedSession | null,
  actor: Actor,
  run: (actor: Actor, holds: Expression<SqlBool> | null) => Promise<T>,
  empty: (result: T) => boolean,
): Promise<{ result: T; actor: Actor }> {
  if (!unchecked) return { result: await run(actor, null), actor };
  const result = await run(actor, sessionHolds(ctx, unchecked));
  if (!empty(result)) return { result, actor };
  const now = await findSession(ctx, unchecked.token);
  if (!now) throw fail("UNAUTHENTICATED", "session ended");
  if (sameActor(now.actor, actor)) return { result, actor };
  return { result: await run(now.actor, null), actor: now.actor };
}

function sameActor(a: Actor, b: Actor): boolean {
  return (
    a.userId === b.userId &&
    a.agencyId === b.agencyId &&
    a.username === b.username &&
    a.fullName === b.fullName &&
    a.roles.join(",") === b.roles.join(",") &&
    a.unitId === b.unitId &&
    a.unitHead === b.unitHead &&
    !!a.actsForLeader === !!b.actsForLeader
  );
}
