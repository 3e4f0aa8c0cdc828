/**
 * What the forms read about received documents' handling, in one place: the handlers of a set of
 * documents with the names of their units and people, each document's deadline and the day it
 * was done, the lead column of the follow-up register, and days and hours in the agency's zone.
 *
 * The tables are those of migration 20261203090000_workflow.sql as the handling use cases write
 * them: a leader's instruction names units or people (handlers with `instruction_id`, no
 * parent), a unit head passes the document on (a handler with `parent_id`, usually a person);
 * a handler is done with `status` 'done', `done_at` and its `result`; the document stands at
 * `documents.handling` ('done' when finished) with its deadline in `documents.due_on`.
 */
import type { Kysely } from "kysely";
import type { Database } from "@vanthu/db";
import { latestDay, type HandlerRole, type HandlerStatus, type HandlingRow } from "@vanthu/core";
import { localDate, type Actor, type AppContext } from "../context.ts";
import { visibleTo } from "../documents/access.ts";

export interface HandlerInfo {
  id: string;
  document_id: string;
  instruction_id: string | null;
  parent_id: string | null;
  unit_id: string | null;
  user_id: string | null;
  role: HandlerRole;
  assigned_by: string | null;
  assigned_at: Date;
  due_on: string | null;
  status: HandlerStatus;
  done_at: Date | null;
  result: string | null;
  unit_name: string | null;
  user_name: string | null;
  assigned_by_name: string | null;
}

/** Ids in slices small enough for one statement's parameters. */
export function slices<T>(items: T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The handlers of these documents, oldest first, with names. */
export async function handlersOf(
  db: Kysely<Database>,
  documentIds: string[],
): Promise<Map<string, HandlerInfo[]>> {
  const byDocument = new Map<string, HandlerInfo[]>();
  for (const ids of slices(documentIds)) {
    if (!ids.length) continue;
    const rows = await db
      .selectFrom("handlers")
      .leftJoin("units", "units.id", "handlers.unit_id")
      .leftJoin("users as person", "person.id", "handlers.user_id")
      .leftJoin("users as assigner", "assigner.id", "handlers.assigned_by")
      .select([
        "handlers.id",
        "handlers.document_id",
        "handlers.instruction_id",
        "handlers.parent_id",
        "handlers.unit_id",
        "handlers.user_id",
        "handlers.role",
        "handlers.assigned_by",
        "handlers.assigned_at",
        "handlers.due_on",
        "handlers.status",
        "handlers.done_at",
        "handlers.result",
        "units.name as unit_name",
        "person.full_name as user_name",
        "assigner.full_name as assigned_by_name",
      ])
      .where("handlers.document_id", "in", ids)
      .orderBy("handlers.assigned_at")
      .orderBy("handlers.id")
      .execute();
    for (const r of rows) {
      const list = byDocument.get(r.document_id) ?? [];
      list.push(r);
      byDocument.set(r.document_id, list);
    }
  }
  return byDocument;
}

/** The latest instruction's deadline of each document. */
export async function instructionDeadlines(
  db: Kysely<Database>,
  documentIds: string[],
): Promise<Map<string, string>> {
  const due = new Map<string, string>();
  for (const ids of slices(documentIds)) {
    if (!ids.length) continue;
    const rows = await db
      .selectFrom("instructions")
      .select(["document_id", "due_on"])
      .where("document_id", "in", ids)
      .where("due_on", "is not", null)
      .orderBy("at")
      .execute();
    for (const r of rows) due.set(r.document_id, r.due_on!);
  }
  return due;
}

/** A handler's name: the person, in their unit where both are named; else the unit. */
export function handlerName(h: Pick<HandlerInfo, "unit_name" | "user_name">): string {
  if (h.user_name && h.unit_name) return `${h.user_name} (${h.unit_name})`;
  return h.user_name ?? h.unit_name ?? "";
}

/** A received document's deadline: its own, else its latest instruction's. */
export function documentDue(
  doc: { due_on: string | null },
  instructionDue: string | undefined,
): string | null {
  return doc.due_on ?? instructionDue ?? null;
}

/**
 * A received document as a row of the figures: done when its handling is 'done' or every lead
 * named at the top (no parent) is done; done on the latest day a lead finished (any handler's
 * when no lead has a time).
 */
export function documentRow(
  ctx: Pick<AppContext, "config">,
  doc: { due_on: string | null; handling: string | null },
  handlers: HandlerInfo[],
  due: string | null,
): HandlingRow {
  const leads = handlers.filter((h) => h.role === "lead" && h.parent_id === null);
  const done =
    doc.handling === "done" || (leads.length > 0 && leads.every((h) => h.status === "done"));
  if (!done) return { due, doneOn: null };
  const timed = (list: HandlerInfo[]) =>
    latestDay(
      list.map((h) => (h.status === "done" && h.done_at ? localDate(ctx, h.done_at) : null)),
    );
  const doneOn = timed(handlers.filter((h) => h.role === "lead")) ?? timed(handlers);
  return { due, doneOn, done: true };
}

/** One handler's share as a row of the figures: its own deadline, else the document's. */
export function handlerRow(
  ctx: Pick<AppContext, "config">,
  h: HandlerInfo,
  documentDueOn: string | null,
): HandlingRow {
  const done = h.status === "done";
  return {
    due: h.due_on ?? documentDueOn,
    doneOn: done && h.done_at ? localDate(ctx, h.done_at) : null,
    done,
  };
}

/** The lead column: each unit named to lead, with the people it passed the document to. */
export function leadOf(handlers: HandlerInfo[]): Array<{ unit: string | null; people: string[] }> {
  return handlers
    .filter((h) => h.role === "lead" && h.parent_id === null)
    .map((h) => {
      const people = handlers
        .filter((c) => c.parent_id === h.id && c.user_name && c.role !== "inform")
        .map((c) => c.user_name!);
      if (h.user_name) people.unshift(h.user_name);
      return { unit: h.unit_name, people: [...new Set(people)] };
    });
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant's hour in the agency's zone, "09:15". */
export function localTime(ctx: Pick<AppContext, "config">, at: Date): string {
  const zone = ctx.config.timeZone;
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    timeFormats.set(zone, format);
  }
  return format.format(at);
}

/**
 * The instants that can fall on the days of a period in any zone (a day either side), for a
 * query; the rows are then kept by their day in the agency's zone (`inPeriod`).
 */
export function periodBounds(period: { from: string; to: string }): { lo: Date; hi: Date } {
  const day = 86_400_000;
  return {
    lo: new Date(Date.parse(`${period.from}T00:00:00Z`) - day),
    hi: new Date(Date.parse(`${period.to}T00:00:00Z`) + 2 * day),
  };
}

export function inPeriod(
  ctx: Pick<AppContext, "config">,
  period: { from: string; to: string },
  at: Date | null,
): boolean {
  if (!at) return false;
  const d = localDate(ctx, at);
  return d >= period.from && d <= period.to;
}

/**
 * The agency's received documents registered (by their day of arrival) in the period, that the
 * reader may see, in number order: at most `limit` (one more is read to tell there are more).
 */
export async function receivedInPeriod(
  ctx: AppContext,
  actor: Actor,
  period: { from: string; to: string },
  limit = Number.MAX_SAFE_INTEGER,
) {
  const { lo, hi } = periodBounds(period);
  const rows = await ctx.db
    .selectFrom("register_entries")
    .innerJoin("registers", "registers.id", "register_entries.register_id")
    .innerJoin("documents", "documents.id", "register_entries.document_id")
    .select([
      "documents.id",
      "documents.reference",
      "documents.document_date",
      "documents.type_name",
      "documents.subject",
      "documents.issuer_name",
      "documents.due_on",
      "documents.handling",
      "documents.status",
      "register_entries.number",
      "register_entries.arrived_on",
      "register_entries.registered_at",
      "registers.period",
    ])
    .where("registers.agency_id", "=", actor.agencyId)
    .where("registers.book", "=", "incoming")
    .where("documents.agency_id", "=", actor.agencyId)
    .where(visibleTo(actor))
    .where((eb) =>
      eb.or([
        eb.between("register_entries.arrived_on", period.from, period.to),
        eb.and([
          eb("register_entries.arrived_on", "is", null),
          eb.between("register_entries.registered_at", lo, hi),
        ]),
      ]),
    )
    .orderBy("register_entries.arrived_on")
    .orderBy("register_entries.registered_at")
    .orderBy("register_entries.number")
    .execute();
  const kept = rows
    .map((r) => ({ ...r, arrived: r.arrived_on ?? localDate(ctx, r.registered_at) }))
    .filter((r) => r.arrived >= period.from && r.arrived <= period.to);
  return { rows: kept.slice(0, limit), truncated: kept.length > limit };
}
