/**
 * The follow-up register of received documents (Sổ theo dõi giải quyết văn bản đến, ND30 Phụ lục
 * IV) over a period: each document registered in it (by its day of arrival), the lead unit and
 * people, the deadline, where it stands today (core's `handlingProgress`: done on time, late,
 * overdue, open), the day it was done, the reminders sent. Only what the reader may see
 * (`visibleTo`), of their own agency.
 */
import { handlingProgress } from "@vanthu/core";
import { FOLLOW_UP_MAX_ENTRIES, type ApiReply } from "@vanthu/contract";
import { localDate, type Actor, type AppContext } from "../context.ts";
import {
  documentDue,
  documentRow,
  handlersOf,
  instructionDeadlines,
  leadOf,
  receivedInPeriod,
  slices,
} from "./handling-rows.ts";

export async function readFollowUpRegister(
  ctx: AppContext,
  actor: Actor,
  period: { from: string; to: string },
): Promise<ApiReply<"GET /api/forms/follow-up-register">> {
  const { rows, truncated } = await receivedInPeriod(ctx, actor, period, FOLLOW_UP_MAX_ENTRIES);
  const ids = rows.map((r) => r.id);
  const [handlers, deadlines] = await Promise.all([
    handlersOf(ctx.db, ids),
    instructionDeadlines(ctx.db, ids),
  ]);
  const reminders = new Map<string, { nhacNho: number; pheBinh: number }>();
  for (const part of slices(ids)) {
    if (!part.length) continue;
    const counted = await ctx.db
      .selectFrom("reminders")
      .select(({ fn }) => ["document_id", "kind", fn.countAll<string>().as("n")])
      .where("document_id", "in", part)
      .groupBy(["document_id", "kind"])
      .execute();
    for (const c of counted) {
      const r = reminders.get(c.document_id) ?? { nhacNho: 0, pheBinh: 0 };
      if (c.kind === "nhac-nho") r.nhacNho += Number(c.n);
      else r.pheBinh += Number(c.n);
      reminders.set(c.document_id, r);
    }
  }
  const today = localDate(ctx, ctx.now());
  return {
    from: period.from,
    to: period.to,
    asOf: today,
    truncated,
    entries: rows.map((r) => {
      const mine = handlers.get(r.id) ?? [];
      const due = documentDue(r, deadlines.get(r.id));
      const row = documentRow(ctx, r, mine, due);
      return {
        documentId: r.id,
        number: r.number,
        arrivedOn: r.arrived,
        reference: r.reference,
        date: r.document_date,
        typeName: r.type_name,
        subject: r.subject,
        issuer: r.issuer_name,
        lead: leadOf(mine),
        dueOn: due,
        progress: handlingProgress(row, today),
        doneOn: row.doneOn,
        reminders: reminders.get(r.id) ?? { nhacNho: 0, pheBinh: 0 },
      };
    }),
  };
}
