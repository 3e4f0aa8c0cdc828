/**
 * Background work through the database: jobs are rows, taken with FOR UPDATE SKIP LOCKED so that
 * several server processes share them and none runs one twice; a job whose taker died is taken
 * again after five minutes. The recurring reminder job notifies each assignee agency (codes
 * deadline.near and deadline.overdue) three days before a report is due, and when it is overdue,
 * once per task and period; the
 * recurring file sweep removes what failed writes left in the file store.
 */
import { sql } from "kysely";
import type { AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { expectedPeriods, reportedPeriods, taskPeriods } from "./reports.ts";
import { purgeLoginRecords } from "../auth/login-throttle.ts";
import { sweepFiles } from "../files/sweep-files.ts";
import { sendDeadlineNotices } from "../handling/deadline-job.ts";
import { notify, type NotificationEvent } from "../workflow/notify.ts";

export const REMINDERS = "recurring:reminders";
/** Old login counters and records: without it, login took 100 ms at 2 M rows instead of 14 ms. */
export const PURGE_LOGINS = "recurring:purge-logins";
export const FILE_SWEEP = "recurring:file-sweep";
/** Received documents' handling deadlines near and passed (handling/deadline-job.ts). */
export const HANDLING_DEADLINES = "recurring:handling-deadlines";
const REMIND_DAYS = 3;
const EVERY_MS = 60 * 60_000;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Makes sure the recurring jobs are scheduled (one pending row each). */
export async function scheduleRecurring(ctx: AppContext): Promise<void> {
  for (const kind of Object.keys(HANDLERS)) {
    if (!kind.startsWith("recurring:")) continue;
    const pending = await ctx.db
      .selectFrom("jobs")
      .select("id")
      .where("kind", "=", kind)
      .where("done_at", "is", null)
      .executeTakeFirst();
    if (pending) continue;
    try {
      await ctx.db
        .insertInto("jobs")
        .values({ kind, run_at: ctx.now(), payload: "{}", locked_by: null, last_error: null })
        .execute();
    } catch (e) {
      // Another process scheduled it first (the unique index on pending recurring jobs).
      if ((e as { code?: string }).code !== "23505") throw e;
    }
  }
}

/** Writes the reminders and overdue notices due today; returns how many were new. */
export async function sendReminders(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const today = localDate(ctx, now);
  const soon = addDays(today, REMIND_DAYS);
  const tasks = await ctx.db
    .selectFrom("tasks")
    .innerJoin("documents", "documents.id", "tasks.document_id")
    .selectAll("tasks")
    .select(["documents.reference", "documents.subject"])
    .where("tasks.starts_on", "<=", today)
    .execute();
  if (!tasks.length) return 0;
  const reported = await reportedPeriods(
    ctx,
    tasks.map((t) => t.id),
  );
  const notes: Array<NotificationEvent<"deadline.near" | "deadline.overdue">> = [];
  const about = (t: (typeof tasks)[number], label: string, due: string | null) => ({
    agencyId: t.assignee_agency_id,
    documentId: null,
    taskId: t.id,
    period: label,
    params: { reference: t.reference, subject: t.subject, item: t.item_label, period: label, due },
    at: now,
  });
  for (const t of tasks) {
    for (const p of taskPeriods(t, soon)) {
      if (!p.due || reported.get(t.id)!.has(p.label)) continue;
      if (p.due >= today && p.due <= soon)
        notes.push({ code: "deadline.near", ...about(t, p.label, p.due) });
    }
    for (const p of expectedPeriods(t, today))
      if (!reported.get(t.id)!.has(p.label))
        notes.push({ code: "deadline.overdue", ...about(t, p.label, p.due) });
  }
  let written = 0;
  for (const note of notes) written += await notify(ctx.db, note);
  return written;
}

const HANDLERS: Record<string, (ctx: AppContext) => Promise<unknown>> = {
  [REMINDERS]: sendReminders,
  [PURGE_LOGINS]: (ctx) => purgeLoginRecords(ctx),
  // Temporary and unreferenced files left by failed or killed writes (files/sweep-files.ts).
  [FILE_SWEEP]: (ctx) => sweepFiles(ctx),
  [HANDLING_DEADLINES]: sendDeadlineNotices,
};

/** Takes the due jobs no other process holds, runs them, schedules the next recurrences. */
export async function runDueJobs(ctx: AppContext, worker: string, limit = 10): Promise<number> {
  const now = ctx.now();
  const stale = new Date(now.getTime() - 5 * 60_000);
  const taken = await ctx.db.transaction().execute(async (trx) => {
    const ids = await trx
      .selectFrom("jobs")
      .select("id")
      .where("done_at", "is", null)
      .where("run_at", "<=", now)
      .where((eb) => eb.or([eb("locked_at", "is", null), eb("locked_at", "<", stale)]))
      .orderBy("run_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!ids.length) return [];
    return trx
      .updateTable("jobs")
      .set({ locked_by: worker, locked_at: now, attempts: sql`attempts + 1` })
      .where(
        "id",
        "in",
        ids.map((i) => i.id),
      )
      .returningAll()
      .execute();
  });
  for (const job of taken) {
    try {
      await HANDLERS[job.kind]?.(ctx);
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("jobs")
          .set({ done_at: ctx.now() })
          .where("id", "=", job.id)
          .execute();
        if (job.kind.startsWith("recurring:"))
          await trx
            .insertInto("jobs")
            .values({
              kind: job.kind,
              run_at: new Date(ctx.now().getTime() + EVERY_MS),
              payload: "{}",
              locked_by: null,
              last_error: null,
            })
            .execute();
      });
    } catch (e) {
      await ctx.db
        .updateTable("jobs")
        .set({
          locked_by: null,
          locked_at: null,
          last_error: String((e as Error).message).slice(0, 2000),
          run_at: new Date(ctx.now().getTime() + Math.min(job.attempts, 10) * 60_000),
        })
        .where("id", "=", job.id)
        .execute();
    }
  }
  return taken.length;
}
