/**
 * The recurring job of handling deadlines (followup/jobs.ts): each person at work on a received
 * document is told when its deadline is near (two working days or less) and when it has passed,
 * once each per handler and deadline (`deadline.near`, `deadline.overdue`; the key in
 * params.once, unique in the database, so that two runs never send one twice). Work past its
 * deadline is also told to the people in charge of follow-up, once per document; a document
 * late before anyone was given it, to the leader it was presented to, else to them.
 */
import { addWorkingDays } from "@vanthu/core";
import type { HandlerRow } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { notify, type NotificationEvent } from "../workflow/notify.ts";
import { deadlineContext } from "./deadline-settings.ts";
import { documentParams, rowPeople, stillOpen } from "./handling-rules.ts";

const NEAR_DAYS = 2;

/** Writes one notification per person, skipping those already sent (the `once` key). */
async function once(ctx: AppContext, event: NotificationEvent, key: string): Promise<number> {
  let sent = 0;
  for (const userId of new Set(event.userIds ?? [])) {
    try {
      await notify(ctx.db, { ...event, userIds: [userId], params: { ...event.params, once: key } });
      sent++;
    } catch (e) {
      if ((e as { code?: string }).code !== "23505") throw e;
    }
  }
  return sent;
}

/** Sends the deadline notices due now; returns how many were new. */
export async function sendDeadlineNotices(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const today = localDate(ctx, now);
  const docs = await ctx.db
    .selectFrom("documents")
    .select([
      "id",
      "agency_id",
      "reference",
      "subject",
      "issuer_name",
      "due_on",
      "presented_to",
      "handling",
    ])
    .where(stillOpen)
    .where((eb) =>
      eb.or([
        eb("due_on", "is not", null),
        eb.exists(
          eb
            .selectFrom("handlers")
            .select("handlers.id")
            .whereRef("handlers.document_id", "=", "documents.id")
            .where("handlers.status", "!=", "done")
            .where("handlers.due_on", "is not", null),
        ),
      ]),
    )
    .execute();
  if (!docs.length) return 0;
  const handlers = await ctx.db
    .selectFrom("handlers")
    .selectAll()
    .where(
      "document_id",
      "in",
      docs.map((d) => d.id),
    )
    .execute();
  const followers = await ctx.db
    .selectFrom("users")
    .select(["id", "agency_id"])
    .where("follows_up", "=", true)
    .where("disabled", "=", false)
    .execute();
  const soonBy = new Map<string, string>();
  let sent = 0;
  for (const d of docs) {
    if (!soonBy.has(d.agency_id)) {
      const { holidays } = await deadlineContext(ctx.db, d.agency_id);
      soonBy.set(d.agency_id, addWorkingDays(today, NEAR_DAYS, holidays));
    }
    const soon = soonBy.get(d.agency_id)!;
    const rows = handlers.filter((h) => h.document_id === d.id);
    const open = rows.filter((r) => r.status !== "done" && r.role !== "inform");
    const working = open.filter((r) => !open.some((c) => c.parent_id === r.id));
    const base = { agencyId: d.agency_id, documentId: d.id, at: now };
    const params = (due: string) => ({ ...documentParams(d), due });
    for (const h of working as HandlerRow[]) {
      const due = h.due_on ?? d.due_on;
      if (!due || due > soon) continue;
      const code = due < today ? "deadline.overdue" : "deadline.near";
      sent += await once(
        ctx,
        { ...base, code, userIds: await rowPeople(ctx.db, d.agency_id, [h]), params: params(due) },
        `handler:${h.id}:${due}`,
      );
    }
    const due = d.due_on;
    if (!due || due >= today) continue;
    // Late: the follow-up people; nobody at work on it yet, the leader it waits for first.
    const follow = followers.filter((f) => f.agency_id === d.agency_id).map((f) => f.id);
    const waitingFor = !working.length && d.presented_to ? [d.presented_to] : [];
    sent += await once(
      ctx,
      {
        ...base,
        code: "deadline.overdue",
        userIds: [...waitingFor, ...follow],
        params: params(due),
      },
      `document:${d.id}:${due}`,
    );
  }
  return sent;
}
