/**
 * Notifications from real events, written in the transaction of the event itself: a code of
 * core's NOTIFICATION_CODES and its parameters (never a sentence: the reader's catalogue renders
 * it), to people by id, or to the agency when no person is named, about a document where there
 * is one. Delivery by e-mail, where configured, reads these rows.
 */
import type { Kysely, Transaction } from "kysely";
import type { NotificationCode } from "@vanthu/core";
import type { Database } from "@vanthu/db";

export type NotificationParams = Record<string, string | number | null>;

export interface NotificationEvent {
  code: NotificationCode;
  agencyId: string;
  /** The people it is for; empty or absent: the agency as a whole. */
  userIds?: readonly string[];
  documentId?: string | null;
  params?: NotificationParams;
  at: Date;
}

export async function notify(
  db: Transaction<Database> | Kysely<Database>,
  event: NotificationEvent,
): Promise<void> {
  const people = [...new Set(event.userIds ?? [])];
  const base = {
    agency_id: event.agencyId,
    kind: event.code,
    code: event.code,
    params: JSON.stringify(event.params ?? {}),
    document_id: event.documentId ?? null,
    created_at: event.at,
  };
  const rows = people.length ? people.map((u) => ({ ...base, user_id: u })) : [base];
  await db.insertInto("notifications").values(rows).execute();
}
