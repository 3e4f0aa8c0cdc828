/**
 * A received document's handling as the document page shows it: the instructions, the handlers
 * as a tree (units and the people under them) with their status and lateness, the notes and
 * files, the reminders, the deadline, the replies, where it was forwarded; the records attached
 * to it. And the agency's units and people, for the pickers.
 */
import { daysOverdue, isOverdue } from "@vanthu/core";
import type { HandlingPeople, HandlingView, Person } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { loadDocument } from "../documents/load-document.ts";
import { deadlineContext } from "./deadline-settings.ts";
import { arrivalOf, defaultDueOf } from "./instruct-document.ts";

/** The records attached to these: their ids (for the files the earlier record lists). */
export async function fileHolders(
  ctx: AppContext,
  row: { id: string; source_id: string | null },
): Promise<string[]> {
  const attached = await ctx.db
    .selectFrom("documents")
    .select(["id", "source_id"])
    .where("attached_to", "=", row.id)
    .execute();
  return [
    ...new Set([row, ...attached].flatMap((d) => (d.source_id ? [d.id, d.source_id] : [d.id]))),
  ];
}

export async function readHandling(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<HandlingView> {
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  const today = localDate(ctx, ctx.now());
  const { holidays } = await deadlineContext(ctx.db, actor.agencyId);
  const users = await ctx.db
    .selectFrom("users")
    .select(["id", "full_name", "title"])
    .where("agency_id", "=", actor.agencyId)
    .execute();
  const person = (userId: string): Person => {
    const u = users.find((x) => x.id === userId);
    return { id: userId, fullName: u?.full_name ?? "", title: u?.title ?? null };
  };
  const maybe = (userId: string | null) => (userId ? person(userId) : null);
  const units = await ctx.db
    .selectFrom("units")
    .select(["id", "name", "abbreviation"])
    .where("agency_id", "=", actor.agencyId)
    .execute();
  const unit = (unitId: string | null) => units.find((u) => u.id === unitId) ?? null;

  const [instructions, handlers, notes, reminders, replies, forwards, attached] = await Promise.all(
    [
      ctx.db
        .selectFrom("instructions")
        .selectAll()
        .where("document_id", "=", id)
        .orderBy("at")
        .execute(),
      ctx.db
        .selectFrom("handlers")
        .selectAll()
        .where("document_id", "=", id)
        .orderBy("assigned_at")
        .orderBy("id")
        .execute(),
      ctx.db
        .selectFrom("handling_notes")
        .selectAll()
        .where("document_id", "=", id)
        .orderBy("at")
        .execute(),
      ctx.db
        .selectFrom("reminders")
        .selectAll()
        .where("document_id", "=", id)
        .orderBy("at")
        .execute(),
      ctx.db
        .selectFrom("documents")
        .select(["id", "reference", "subject", "status"])
        .where("answers_id", "=", id)
        .where("agency_id", "=", actor.agencyId)
        .orderBy("created_at")
        .execute(),
      ctx.db
        .selectFrom("deliveries")
        .innerJoin("agencies", "agencies.id", "deliveries.to_agency_id")
        .select([
          "agencies.id",
          "agencies.code",
          "agencies.name",
          "deliveries.note",
          "deliveries.status",
          "deliveries.sent_at",
        ])
        .where("deliveries.forwarded_from_id", "=", id)
        .where("deliveries.from_agency_id", "=", actor.agencyId)
        .orderBy("deliveries.sent_at")
        .execute(),
      ctx.db
        .selectFrom("documents")
        .select(["id", "reference", "issuer_name", "source_id"])
        .where("attached_to", "=", id)
        .where("agency_id", "=", actor.agencyId)
        .orderBy("created_at")
        .execute(),
    ],
  );
  const attachedFiles = attached.length
    ? await ctx.db
        .selectFrom("document_files")
        .select(["document_id", "name"])
        .where(
          "document_id",
          "in",
          attached.flatMap((a) => [a.id, ...(a.source_id ? [a.source_id] : [])]),
        )
        .execute()
    : [];
  const earlier = row.attached_to
    ? await ctx.db
        .selectFrom("documents")
        .select(["id", "reference"])
        .where("id", "=", row.attached_to)
        .executeTakeFirst()
    : undefined;
  const done = row.handling === "done";
  const { deadline } =
    row.status === "registered" ? await defaultDueOf(ctx, ctx.db, row) : { deadline: null };
  return {
    documentId: row.id,
    step: row.handling,
    urgency: row.urgency,
    dueOn: row.due_on,
    overdue: row.status === "registered" && isOverdue(row.due_on, today, done),
    daysLate: row.status === "registered" ? daysOverdue(row.due_on, today, done, holidays) : 0,
    arrivedOn: await arrivalOf(ctx, ctx.db, row.id),
    defaultDeadline: deadline
      ? { dueOn: deadline.due, source: deadline.source, workingDays: deadline.workingDays }
      : null,
    presented: row.presented_to
      ? {
          to: person(row.presented_to),
          by: maybe(row.presented_by),
          at: row.presented_at?.toISOString() ?? null,
        }
      : null,
    attachedTo: earlier ? { id: earlier.id, reference: earlier.reference } : null,
    attached: attached.map((a) => ({
      id: a.id,
      reference: a.reference,
      issuer: a.issuer_name,
      files: attachedFiles
        .filter((f) => f.document_id === a.id || f.document_id === a.source_id)
        .map((f) => f.name),
    })),
    instructions: instructions.map((i) => ({
      id: i.id,
      text: i.text,
      dueOn: i.due_on,
      givenBy: person(i.given_by),
      enteredBy: person(i.entered_by),
      onPaper: i.on_paper,
      onBehalfOf: maybe(i.on_behalf_of),
      at: i.at.toISOString(),
    })),
    handlers: handlers.map((h) => ({
      id: h.id,
      parentId: h.parent_id,
      instructionId: h.instruction_id,
      role: h.role,
      unit: unit(h.unit_id),
      user: maybe(h.user_id),
      status: h.status,
      dueOn: h.due_on,
      overdue: h.role !== "inform" && isOverdue(h.due_on, today, h.status === "done"),
      assignedBy: maybe(h.assigned_by),
      assignedAt: h.assigned_at.toISOString(),
      doneAt: h.done_at?.toISOString() ?? null,
      result: h.result,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      author: person(n.author_id),
      text: n.text,
      fileName: n.file_name,
      at: n.at.toISOString(),
    })),
    reminders: reminders.map((r) => ({
      id: r.id,
      kind: r.kind,
      handlerId: r.handler_id,
      sentBy: person(r.sent_by),
      note: r.note,
      at: r.at.toISOString(),
    })),
    replies: replies.map((r) => ({
      id: r.id,
      reference: r.reference,
      subject: r.subject,
      status: r.status,
    })),
    forwards: forwards.map((f) => ({
      agency: { id: f.id, code: f.code, name: f.name },
      note: f.note,
      status: f.status,
      sentAt: f.sent_at.toISOString(),
    })),
  };
}

export async function handlingPeople(ctx: AppContext, actor: Actor): Promise<HandlingPeople> {
  const units = await ctx.db
    .selectFrom("units")
    .select(["id", "name", "abbreviation"])
    .where("agency_id", "=", actor.agencyId)
    .where("closed_at", "is", null)
    .orderBy("name")
    .execute();
  const people = await ctx.db
    .selectFrom("users")
    .select(["id", "full_name", "title", "unit_id", "unit_head", "roles"])
    .where("agency_id", "=", actor.agencyId)
    .where("disabled", "=", false)
    .orderBy("full_name")
    .execute();
  return {
    units,
    people: people.map((p) => ({
      id: p.id,
      fullName: p.full_name,
      title: p.title,
      unitId: p.unit_id,
      unitHead: p.unit_head,
      leader: p.roles.includes("leader"),
    })),
  };
}
