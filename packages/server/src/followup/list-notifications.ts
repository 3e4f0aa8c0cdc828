/**
 * The signed-in person's notifications, newest first: those addressed to them and those for the
 * whole agency (user_id null), about documents they may see (the access rule) or none. Read
 * state: a person's own row keeps `read_at`; an agency-wide row is read by each person for
 * themselves (`notification_reads`), or by all when it was read before that table existed.
 */
import type { ExpressionBuilder } from "kysely";
import { NOTIFICATION_CODES, notificationParams, type NotificationCode } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import type { Notification } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { visibleTo } from "../documents/access.ts";

const LIMIT = 100;

/** The rows meant for the actor: theirs or the agency's, about a document they may see or none. */
export function meantFor(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "notifications">) =>
    eb.and([
      eb("notifications.agency_id", "=", actor.agencyId),
      eb.or([
        eb("notifications.user_id", "=", actor.userId),
        eb("notifications.user_id", "is", null),
      ]),
      eb.or([
        eb("notifications.document_id", "is", null),
        eb.exists(
          eb
            .selectFrom("documents")
            .select("documents.id")
            .whereRef("documents.id", "=", "notifications.document_id")
            .where(visibleTo(actor)),
        ),
      ]),
    ]);
}

/** When the actor read the row: its own read_at, or their read of an agency-wide row. */
function readAtFor(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "notifications">) =>
    eb.fn
      .coalesce(
        "notifications.read_at",
        eb
          .selectFrom("notification_reads")
          .select("notification_reads.read_at")
          .whereRef("notification_reads.notification_id", "=", "notifications.id")
          .where("notification_reads.user_id", "=", actor.userId),
      )
      .as("read_at");
}

const isCode = (code: string | null): code is NotificationCode =>
  !!code && (NOTIFICATION_CODES as readonly string[]).includes(code);

export async function listNotifications(
  ctx: AppContext,
  actor: Actor,
): Promise<{ items: Notification[]; unread: number }> {
  const [rows, count] = await Promise.all([
    ctx.db
      .selectFrom("notifications")
      .select([
        "id",
        "code",
        "params",
        "document_id",
        "task_id",
        "message",
        "created_at",
        readAtFor(actor),
      ])
      .where(meantFor(actor))
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(LIMIT)
      .execute(),
    ctx.db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where(meantFor(actor))
      .where("notifications.read_at", "is", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("notification_reads")
              .select("notification_reads.user_id")
              .whereRef("notification_reads.notification_id", "=", "notifications.id")
              .where("notification_reads.user_id", "=", actor.userId),
          ),
        ),
      )
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(count.n),
    items: rows.map((n) => {
      const code = isCode(n.code) ? n.code : null;
      const readAt = n.read_at as Date | string | null;
      return {
        id: n.id,
        code,
        params: code ? notificationParams(code, n.params) : {},
        documentId: n.document_id,
        taskId: n.task_id,
        message: n.message,
        createdAt: n.created_at.toISOString(),
        readAt: readAt ? new Date(readAt).toISOString() : null,
      };
    }),
  };
}
