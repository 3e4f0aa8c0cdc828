/**
 * Follow-up (đôn đốc): the person in charge of it (users.follows_up) and the leaders see every
 * received document past its deadline and not done, with the handlers late on it, and remind
 * them (nhắc nhở, phê bình: a reminder row per handler, counted per person and per unit as
 * iOffice counts them); each reminded person is notified (`reminder.sent`).
 */
import { daysOverdue, type ReminderKind } from "@vanthu/core";
import type { OverdueReply } from "@vanthu/contract";
import type { HandlerRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "../workflow/notify.ts";
import { leaderAuthority } from "../workflow/delegation.ts";
import { summary } from "../documents/present.ts";
import { deadlineContext } from "./deadline-settings.ts";
import {
  assertStep,
  documentParams,
  followsUp,
  handlersOf,
  lockReceived,
  rowPeople,
  type Db,
  stillOpen,
} from "./handling-rules.ts";

/** Refuses whoever is neither in charge of follow-up nor a leader. */
async function assertFollowsUp(ctx: AppContext, db: Db, actor: Actor): Promise<void> {
  if (await followsUp(db, actor)) return;
  if (await leaderAuthority(db, actor, localDate(ctx, ctx.now()))) return;
  throw fail("NOT_FOLLOW_UP", `${actor.username} does not follow up`);
}

/** The rows still at work: open, not for information, nobody working under them. */
function working<T extends HandlerRow>(rows: T[]): T[] {
  const open = rows.filter((r) => r.status !== "done" && r.role !== "inform");
  return open.filter((r) => !open.some((c) => c.parent_id === r.id));
}

export async function sendReminder(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { kind: ReminderKind; handlerId?: string | undefined; note?: string | undefined },
): Promise<{ reminded: number }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    await assertFollowsUp(ctx, trx, actor);
    assertStep(row, "remind");
    const rows = await handlersOf(trx, id);
    let targets: HandlerRow[];
    if (body.handlerId) {
      const one = rows.find((r) => r.id === body.handlerId);
      if (!one) throw fail("HANDLER_NOT_FOUND", `handler ${body.handlerId}`);
      if (one.status === "done") throw fail("HANDLING_DONE", `handler ${one.id} is done`);
      targets = [one];
    } else targets = working(rows);
    if (!targets.length) throw fail("NOT_ASSIGNED", `document ${id}: nobody at work to remind`);
    await trx
      .insertInto("reminders")
      .values(
        targets.map((h) => ({
          document_id: id,
          handler_id: h.id,
          kind: body.kind,
          sent_by: actor.userId,
          note: body.note ?? null,
          at: now,
        })),
      )
      .execute();
    await notify(trx, {
      code: "reminder.sent",
      agencyId: actor.agencyId,
      userIds: await rowPeople(trx, actor.agencyId, targets),
      documentId: id,
      params: {
        ...documentParams(row),
        kind: body.kind,
        by: actor.fullName,
        note: body.note ?? null,
      },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "handling.remind",
      entity: "document",
      entityId: id,
      after: { kind: body.kind, handlers: targets.map((h) => h.id), note: body.note ?? null },
      at: now,
    });
    return { reminded: targets.length };
  });
}

export async function listOverdue(ctx: AppContext, actor: Actor): Promise<OverdueReply> {
  await assertFollowsUp(ctx, ctx.db, actor);
  const today = localDate(ctx, ctx.now());
  const { holidays } = await deadlineContext(ctx.db, actor.agencyId);
  const docs = await ctx.db
    .selectFrom("documents")
    .selectAll()
    .where("agency_id", "=", actor.agencyId)
    .where(stillOpen)
    .where((eb) =>
      eb.or([
        eb("due_on", "<", today),
        eb.exists(
          eb
            .selectFrom("handlers")
            .select("handlers.id")
            .whereRef("handlers.document_id", "=", "documents.id")
            .where("handlers.status", "!=", "done")
            .where("handlers.role", "!=", "inform")
            .where("handlers.due_on", "<", today),
        ),
      ]),
    )
    .orderBy("due_on")
    .limit(500)
    .execute();
  const ids = docs.map((d) => d.id);
  const handlers = ids.length
    ? await ctx.db
        .selectFrom("handlers")
        .leftJoin("units", "units.id", "handlers.unit_id")
        .leftJoin("users", "users.id", "handlers.user_id")
        .selectAll("handlers")
        .select([
          "units.name as unit_name",
          "units.abbreviation as unit_abbreviation",
          "users.full_name",
          "users.title",
        ])
        .where("handlers.document_id", "in", ids)
        .orderBy("handlers.assigned_at")
        .execute()
    : [];
  const reminders = await ctx.db
    .selectFrom("reminders")
    .innerJoin("documents", "documents.id", "reminders.document_id")
    .leftJoin("handlers", "handlers.id", "reminders.handler_id")
    .leftJoin("units", "units.id", "handlers.unit_id")
    .leftJoin("users", "users.id", "handlers.user_id")
    .select([
      "reminders.document_id",
      "reminders.kind",
      "handlers.unit_id",
      "handlers.user_id",
      "units.name as unit_name",
      "units.abbreviation as unit_abbreviation",
      "users.full_name",
      "users.title",
    ])
    .where("documents.agency_id", "=", actor.agencyId)
    .execute();
  const unitOf = (r: {
    unit_id: string | null;
    unit_name: string | null;
    unit_abbreviation: string | null;
  }) =>
    r.unit_id ? { id: r.unit_id, name: r.unit_name!, abbreviation: r.unit_abbreviation! } : null;
  const userOf = (r: { user_id: string | null; full_name: string | null; title: string | null }) =>
    r.user_id ? { id: r.user_id, fullName: r.full_name!, title: r.title } : null;

  const items = docs.map((d) => {
    const mine = handlers.filter((h) => h.document_id === d.id);
    const open = working(mine);
    const late = open.filter((h) => h.due_on && h.due_on < today);
    const due = d.due_on && d.due_on < today ? d.due_on : late.map((h) => h.due_on!).sort()[0]!;
    const counted = reminders.filter((r) => r.document_id === d.id);
    return {
      document: summary(d),
      step: d.handling,
      dueOn: due,
      daysLate: daysOverdue(due, today, false, holidays),
      handlers: (late.length ? late : open).map((h) => ({
        id: h.id,
        role: h.role,
        unit: unitOf(h),
        user: userOf(h),
        status: h.status,
        dueOn: h.due_on,
        daysLate: daysOverdue(h.due_on ?? due, today, false, holidays),
      })),
      reminders: {
        nhacNho: counted.filter((r) => r.kind === "nhac-nho").length,
        pheBinh: counted.filter((r) => r.kind === "phe-binh").length,
      },
    };
  });
  // Per person (a person's row) and per unit (a unit's row), every reminder of the agency.
  const counts = new Map<string, OverdueReply["counts"][number]>();
  for (const r of reminders) {
    const key = r.user_id ? `u:${r.user_id}` : r.unit_id ? `d:${r.unit_id}` : null;
    if (!key) continue;
    const c = counts.get(key) ?? {
      unit: r.user_id ? null : unitOf(r),
      user: userOf(r),
      nhacNho: 0,
      pheBinh: 0,
    };
    if (r.kind === "nhac-nho") c.nhacNho++;
    else c.pheBinh++;
    counts.set(key, c);
  }
  return {
    today,
    items: items.sort((a, b) => b.daysLate - a.daysLate || a.dueOn.localeCompare(b.dueOn)),
    counts: [...counts.values()].sort((a, b) => b.pheBinh - a.pheBinh || b.nhacNho - a.nhacNho),
  };
}
