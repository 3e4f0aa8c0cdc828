/**
 * The instruction slip of a received document (Phiếu giải quyết văn bản đến): read from the
 * instructions, handlers and notes the handling wrote, laid out by core's `layoutHandlingSlip`
 * and drawn by the project's renderer, as HTML (the web page) or PDF. Only a document of the
 * reader's own agency that the access rule lets them see: any other is "not found", like the
 * rest of the API; an outgoing one is SLIP_NOT_RECEIVED.
 */
import {
  handlingProgress,
  layoutHandlingSlip,
  type HandlingSlipSource,
  type LayoutModel,
} from "@vanthu/core";
import type { ApiReply } from "@vanthu/contract";
import { renderHtml, renderPdfSync } from "@vanthu/render";
import { localDate, type Actor, type AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { isUuid, visibleTo } from "../documents/access.ts";
import {
  documentDue,
  documentRow,
  handlerName,
  handlersOf,
  localTime,
  type HandlerInfo,
} from "./handling-rows.ts";

type Slip = Omit<ApiReply<"GET /api/forms/handling-slip/:id">, "html">;

const iso = (d: Date) => d.toISOString();

async function loadSlip(ctx: AppContext, actor: Actor, id: string): Promise<Slip> {
  const doc = isUuid(id)
    ? await ctx.db
        .selectFrom("documents")
        .select([
          "id",
          "direction",
          "reference",
          "type_name",
          "document_date",
          "issuer_name",
          "subject",
          "urgency",
          "secrecy",
          "due_on",
          "handling",
        ])
        .where("id", "=", id)
        .where("agency_id", "=", actor.agencyId)
        .where(visibleTo(actor))
        .executeTakeFirst()
    : undefined;
  if (!doc) throw fail("DOCUMENT_NOT_FOUND", `no document ${id} for a slip`);
  if (doc.direction !== "incoming")
    throw fail("SLIP_NOT_RECEIVED", `document ${id} is ${doc.direction}`);

  const [agency, entry, instructions, handlers, notes] = await Promise.all([
    ctx.db
      .selectFrom("agencies")
      .select(["name", "parent_line"])
      .where("id", "=", actor.agencyId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom("register_entries")
      .innerJoin("registers", "registers.id", "register_entries.register_id")
      .select(["register_entries.number", "register_entries.arrived_on", "registered_at"])
      .where("register_entries.document_id", "=", doc.id)
      .where("registers.book", "=", "incoming")
      .executeTakeFirst(),
    ctx.db
      .selectFrom("instructions")
      .innerJoin("users as giver", "giver.id", "instructions.given_by")
      .innerJoin("users as typist", "typist.id", "instructions.entered_by")
      .leftJoin("users as absent", "absent.id", "instructions.on_behalf_of")
      .select([
        "instructions.id",
        "instructions.text",
        "instructions.due_on",
        "instructions.on_paper",
        "instructions.at",
        "giver.full_name as given_by",
        "giver.title as given_by_title",
        "typist.full_name as entered_by",
        "absent.full_name as on_behalf_of",
      ])
      .where("instructions.document_id", "=", doc.id)
      .orderBy("instructions.at")
      .orderBy("instructions.id")
      .execute(),
    handlersOf(ctx.db, [doc.id]).then((m) => m.get(doc.id) ?? []),
    ctx.db
      .selectFrom("handling_notes")
      .innerJoin("users", "users.id", "handling_notes.author_id")
      .select([
        "handling_notes.text",
        "handling_notes.file_name",
        "handling_notes.at",
        "users.full_name as author",
      ])
      .where("handling_notes.document_id", "=", doc.id)
      .orderBy("handling_notes.at")
      .orderBy("handling_notes.id")
      .execute(),
  ]);

  const named = (list: HandlerInfo[], role: HandlerInfo["role"]) =>
    list.filter((h) => h.role === role).map(handlerName);
  const byInstruction = (instructionId: string) =>
    handlers.filter((h) => h.instruction_id === instructionId && h.parent_id === null);
  const underInstruction = new Set(
    handlers
      .filter((h) => h.parent_id === null && instructions.some((i) => i.id === h.instruction_id))
      .map((h) => h.id),
  );
  const due = documentDue(doc, instructions.findLast((i) => i.due_on)?.due_on ?? undefined);
  const row = documentRow(ctx, doc, handlers, due);
  const today = localDate(ctx, ctx.now());

  return {
    agency: { name: agency.name, parentLine: agency.parent_line },
    document: {
      id: doc.id,
      reference: doc.reference,
      typeName: doc.type_name,
      date: doc.document_date,
      issuer: doc.issuer_name,
      subject: doc.subject,
      urgency: doc.urgency,
      secrecy: doc.secrecy,
      incomingNumber: entry?.number ?? null,
      arrivedOn: entry ? (entry.arrived_on ?? localDate(ctx, entry.registered_at)) : null,
      dueOn: due,
      handling: doc.handling,
    },
    instructions: instructions.map((i) => {
      const mine = byInstruction(i.id);
      return {
        text: i.text,
        dueOn: i.due_on,
        givenBy: i.given_by,
        givenByTitle: i.given_by_title,
        enteredBy: i.entered_by,
        onPaper: i.on_paper,
        onBehalfOf: i.on_behalf_of,
        at: iso(i.at),
        lead: named(mine, "lead"),
        cooperate: named(mine, "cooperate"),
        inform: named(mine, "inform"),
      };
    }),
    assignments: handlers
      .filter((h) => !underInstruction.has(h.id))
      .map((h) => ({
        by: h.assigned_by_name,
        to: handlerName(h),
        role: h.role,
        at: iso(h.assigned_at),
        dueOn: h.due_on,
        status: h.status,
        doneAt: h.done_at ? iso(h.done_at) : null,
        result: h.result,
      })),
    notes: notes.map((n) => ({
      author: n.author,
      text: n.text,
      fileName: n.file_name,
      at: iso(n.at),
    })),
    results: handlers
      .filter((h) => h.status === "done")
      .map((h) => ({
        who: handlerName(h),
        result: h.result,
        doneAt: h.done_at ? iso(h.done_at) : null,
      })),
    progress: handlingProgress(row, today),
    doneOn: row.doneOn,
  };
}

function layoutOf(ctx: AppContext, slip: Slip): LayoutModel {
  const source: HandlingSlipSource = slip;
  return layoutHandlingSlip(source, (at) => {
    const d = new Date(at);
    return { day: localDate(ctx, d), time: localTime(ctx, d) };
  });
}

const TITLE = "Phiếu giải quyết văn bản đến";

export async function readHandlingSlip(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ApiReply<"GET /api/forms/handling-slip/:id">> {
  const slip = await loadSlip(ctx, actor, id);
  return {
    ...slip,
    html: renderHtml(layoutOf(ctx, slip), { title: TITLE, fragment: true }),
  };
}

/** The slip as an A4 PDF, drawn now (it changes as the handling goes on: never stored). */
export async function handlingSlipPdf(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ bytes: Buffer; mediaType: string; name: string }> {
  const slip = await loadSlip(ctx, actor, id);
  const pdf = renderPdfSync(layoutOf(ctx, slip), { title: TITLE, creationDate: ctx.now() });
  const n = slip.document.incomingNumber;
  return {
    bytes: Buffer.from(pdf),
    mediaType: "application/pdf",
    name: `phieu-giai-quyet-${n === null ? slip.document.id : `so-den-${n}`}.pdf`,
  };
}
