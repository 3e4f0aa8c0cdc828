/**
 * Notifications from real events, written in the transaction of the event itself: a code of
 * core's NOTIFICATION_CODES and its parameters (never a sentence: the reader's catalogue renders
 * it), to people by id, or to the agency when no person is named, about a document where there
 * is one. The parameters of each code are core's `NOTIFICATION_PARAMS` (the type says which).
 * Delivery by e-mail, where configured, reads these rows.
 */
import type { Kysely, Transaction } from "kysely";
import type { NotificationCode, NotificationParamsOf } from "@vanthu/core";
import type { Database } from "@vanthu/db";

export type NotificationParams = Record<string, string | number | null>;

export interface NotificationEvent<C extends NotificationCode = NotificationCode> {
  code: C;
  agencyId: string;
  /** The people it is for; empty or absent: the agency as a whole. */
  userIds?: readonly string[];
  documentId?: string | null;
  params: NotificationParamsOf<C>;
  at: Date;
  /**
   * A task and a period: such a notice is written once per code, task and period, however many
   * processes send it (the unique index `notifications_once`).
   */
  taskId?: string | null;
  period?: string | null;
}

/** Writes the notification (one row per person, or one for the agency); returns rows written. */
export async function notify<C extends NotificationCode>(
  db: Transaction<Database> | Kysely<Database>,
  event: NotificationEvent<C>,
): Promise<number> {
  const people = [...new Set(event.userIds ?? [])];
  const base = {
    agency_id: event.agencyId,
    kind: event.code,
    code: event.code,
    params: JSON.stringify(event.params),
    document_id: event.documentId ?? null,
    task_id: event.taskId ?? null,
    period: event.period ?? null,
    created_at: event.at,
  };
  const rows = people.length ? people.map((u) => ({ ...base, user_id: u })) : [base];
  const written = await db
    .insertInto("notifications")
    .values(rows)
    .onConflict((oc) => oc.columns(["kind", "task_id", "period"]).doNothing())
    .returning("id")
    .execute();
  return written.length;
}

/** The agency's active clerks (văn thư): whom an arrival is for. */
export async function clerksOf(
  db: Transaction<Database> | Kysely<Database>,
  agencyId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("disabled", "=", false)
    .where((eb) => eb(eb.val("clerk"), "=", eb.fn.any("roles")))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Many notifications in one statement (an issue's arrivals: one event per recipient agency), with
 * the same rows `notify` writes for each; returns rows written.
 */
export async function notifyMany(
  db: Transaction<Database> | Kysely<Database>,
  events: readonly NotificationEvent[],
): Promise<number> {
  const rows = events.flatMap((event) => {
    const base = {
      agency_id: event.agencyId,
      kind: event.code,
      code: event.code,
      params: JSON.stringify(event.params),
      document_id: event.documentId ?? null,
      task_id: event.taskId ?? null,
      period: event.period ?? null,
      created_at: event.at,
    };
    const people = [...new Set(event.userIds ?? [])];
    return people.length ? people.map((u) => ({ ...base, user_id: u })) : [{ ...base }];
  });
  if (!rows.length) return 0;
  // Notices of no task and no "once" cannot meet a row already there (the unique indexes hold
  // NULLs as distinct): all are written, and the insert needs no answer (deferredWrites queues it).
  if (events.every((e) => !e.taskId && !("once" in (e.params as object)))) {
    await db.insertInto("notifications").values(rows).execute();
    return rows.length;
  }
  const written = await db
    .insertInto("notifications")
    .values(rows)
    .onConflict((oc) => oc.columns(["kind", "task_id", "period"]).doNothing())
    .returning("id")
    .execute();
  return written.length;
}

/** The active clerks of each agency (`clerksOf` for many, in one statement). */
export async function clerksOfMany(
  db: Transaction<Database> | Kysely<Database>,
  agencyIds: readonly string[],
): Promise<Map<string, string[]>> {
  const clerks = new Map<string, string[]>(agencyIds.map((a) => [a, []]));
  if (!agencyIds.length) return clerks;
  const rows = await db
    .selectFrom("users")
    .select(["id", "agency_id"])
    .where("agency_id", "in", [...agencyIds])
    .where("disabled", "=", false)
    .where((eb) => eb(eb.val("clerk"), "=", eb.fn.any("roles")))
    .execute();
  for (const r of rows) clerks.get(r.agency_id)?.push(r.id);
  return clerks;
}
