/**
 * Login throttling, counted in the database so that it holds across server processes and under
 * parallel attempts. Each attempt is reserved BEFORE its password is checked, by one
 * `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` over its counters: the row lock serialises
 * concurrent attempts, so 40 parallel ones see 1..40 and only the first few pass (a count of past
 * rows followed by an insert let 40 of 40 through on PostgreSQL, 10 of 40 on PGlite).
 *
 * - account + address, and address alone: hard limits (429 with Retry-After);
 * - account alone: only a growing delay before the check (at most 30 s), never a refusal, so
 *   that nobody can lock the owner out by failing from other addresses.
 * A counter counts the attempts of its window that did not end in success; a success gives its
 * reservation back (and clears the account + address pair).
 */
import { sql } from "kysely";
import type { AppContext } from "../context.ts";
import { AppError, fail } from "../errors.ts";

export const THROTTLE = {
  windowMinutes: 15,
  /** Hard limit: attempts of one account from one address. */
  perPair: 5,
  /** Hard limit: attempts from one address, whatever the accounts. */
  perAddress: 30,
  /** Per account: failures before any delay. */
  perAccountFree: 5,
  /** Then 1 s, 2 s, 4 s, ... up to 30 s. */
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

/** A refused attempt, with the seconds until its window ends. */
export class ThrottledError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    const base = fail("TOO_MANY_ATTEMPTS", message);
    super(base.code, base.status, message);
  }
}

export interface Reservation {
  keys: { pair: string; address: string; account: string };
  /** How long to wait before checking the password (the account's delay). */
  delayMs: number;
}

const keysOf = (username: string, ip: string) => ({
  pair: `pair:${username}\n${ip}`,
  address: `addr:${ip}`,
  account: `user:${username}`,
});

/** One statement: each key's counter +1 (or restarted when its window is over), returned. */
async function bump(ctx: AppContext, keys: string[], now: Date) {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  return ctx.db
    .insertInto("login_counters")
    .values(
      // Always in the same order: two attempts never lock the same rows in opposite orders.
      [...keys].sort().map((key) => ({ key, attempts: 1, window_start: now, updated_at: now })),
    )
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        attempts: sql<number>`CASE WHEN login_counters.window_start <= ${since}::timestamptz
          THEN 1 ELSE login_counters.attempts + 1 END`,
        window_start: sql<Date>`CASE WHEN login_counters.window_start <= ${since}::timestamptz
          THEN ${now}::timestamptz ELSE login_counters.window_start END`,
        updated_at: now,
      }),
    )
    .returning(["key", "attempts", "window_start"])
    .execute();
}

export function accountDelayMs(previousFailures: number): number {
  if (previousFailures < THROTTLE.perAccountFree) return 0;
  const steps = Math.min(previousFailures - THROTTLE.perAccountFree, 30);
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** steps);
}

/**
 * Reserves an attempt of `username` from `ip`, or throws TOO_MANY_ATTEMPTS. The account's
 * counter is taken only by admitted attempts, so refused ones do not lengthen the owner's delay.
 */
export async function reserveAttempt(
  ctx: AppContext,
  username: string,
  ip: string,
): Promise<Reservation> {
  const now = ctx.now();
  const keys = keysOf(username, ip);
  const rows = await bump(ctx, [keys.pair, keys.address], now);
  const windowMs = THROTTLE.windowMinutes * 60_000;
  let retryAt = 0;
  for (const r of rows) {
    const limit = r.key === keys.pair ? THROTTLE.perPair : THROTTLE.perAddress;
    if (r.attempts > limit)
      retryAt = Math.max(retryAt, new Date(r.window_start).getTime() + windowMs);
  }
  if (retryAt)
    throw new ThrottledError(
      `login throttled for ${username} from ${ip}`,
      Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)),
    );
  const [account] = await bump(ctx, [keys.account], now);
  return { keys, delayMs: accountDelayMs(account!.attempts - 1) };
}

/** A success: the pair starts afresh, the address and the account get their reservation back. */
export async function releaseAttempt(ctx: AppContext, r: Reservation): Promise<void> {
  await ctx.db.deleteFrom("login_counters").where("key", "=", r.keys.pair).execute();
  await ctx.db
    .updateTable("login_counters")
    .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
    .where("key", "in", [r.keys.address, r.keys.account])
    .execute();
}

/** Waits an account's delay (tests inject `ctx.sleep` to move their clock instead). */
export function waitDelay(ctx: AppContext, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  if (ctx.sleep) return ctx.sleep(ms);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Counters whose window is over and checked-password records older than `keepDays`. */
export async function purgeLoginRecords(ctx: AppContext, keepDays = 30): Promise<number> {
  const now = ctx.now().getTime();
  const counters = await ctx.db
    .deleteFrom("login_counters")
    .where("updated_at", "<", new Date(now - THROTTLE.windowMinutes * 60_000))
    .executeTakeFirst();
  let deleted = Number(counters.numDeletedRows);
  // In batches, so that a first purge of millions of rows does not hold one huge transaction.
  const before = new Date(now - keepDays * 86_400_000);
  for (;;) {
    const batch = await ctx.db
      .deleteFrom("login_attempts")
      .where(
        "id",
        "in",
        ctx.db.selectFrom("login_attempts").select("id").where("at", "<", before).limit(50_000),
      )
      .executeTakeFirst();
    const n = Number(batch.numDeletedRows);
    deleted += n;
    if (n < 50_000) return deleted;
  }
}
