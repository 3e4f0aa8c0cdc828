/**
 * Working on a received document: a handler starts (in progress, status 05 to the sender), adds
 * notes and files (a handler, or a leader following it), and finishes with a summary of the
 * result: the lead's row done makes the document done and sends 06 with the result; a
 * cooperating unit's only closes its part. A row closed closes its whole branch (the unit and
 * the people under it).
 */
import { mayHandle, stepAfter, type HandlingStep } from "@vanthu/core";
import type { Transaction } from "kysely";
import type { Database, DocumentRow, HandlerRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { leaderAuthority } from "../workflow/delegation.ts";
import { advance } from "./assign-handler.ts";
import {
  assertStep,
  branchOf,
  handlersOf,
  holds,
  lockReceived,
  openRowsOf,
  rootOf,
} from "./handling-rules.ts";

/**
 * The reader's row to act on: the one named (theirs to act on), else their own deepest person
 * row (the lead branch first), else a unit's row they head.
 */
export function pickRow(
  actor: Actor,
  rows: HandlerRow[],
  handlerId: string | undefined,
): HandlerRow {
  if (handlerId) {
    const row = rows.find((r) => r.id === handlerId);
    if (!row) throw fail("HANDLER_NOT_FOUND", `handler ${handlerId}`);
    if (row.role === "inform" || !holds(actor, row))
      throw fail("NOT_A_HANDLER", `${actor.username} does not hold ${row.id}`);
    if (row.status === "done") throw fail("HANDLING_DONE", `handler ${row.id} is done`);
    return row;
  }
  const open = openRowsOf(actor, rows);
  const order = (r: HandlerRow) =>
    (r.user_id ? 0 : 2) + (r.role === "lead" ? 0 : 1) - branchOf(rows, r).length / 1000;
  const [best] = [...open].sort((a, b) => order(a) - order(b));
  if (!best) throw fail("NOT_A_HANDLER", `${actor.username} holds no open row of the document`);
  return best;
}

/**
 * A handler's work starts: its row and those above it in progress, the document in progress,
 * 05 to the sender. Nothing when already started, or before anyone was assigned.
 */
export async function startWork(
  trx: Transaction<Database>,
  row: DocumentRow,
  rows: HandlerRow[],
  handler: HandlerRow,
  at: Date,
): Promise<HandlingStep | null> {
  const state = {
    direction: row.direction,
    status: row.status,
    attached: row.attached_to !== null,
    step: row.handling,
  };
  if (!mayHandle(state, "start")) return row.handling;
  const up: string[] = [];
  for (let r: HandlerRow | undefined = handler; r; r = rows.find((x) => x.id === r!.parent_id))
    if (r.status === "waiting") up.push(r.id);
  if (up.length)
    await trx
      .updateTable("handlers")
      .set({ status: "in-progress" })
      .where("id", "in", up)
      .execute();
  const step = stepAfter(row.handling, "start");
  await advance(trx, row.id, row.handling, step, at);
  return step;
}

export async function startHandling(
  ctx: AppContext,
  actor: Actor,
  id: string,
  handlerId: string | undefined,
): Promise<{ step: HandlingStep | null }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "start");
    const rows = await handlersOf(trx, id);
    const handler = pickRow(actor, rows, handlerId);
    const step = await startWork(trx, row, rows, handler, now);
    await recordAudit(trx, {
      actor,
      action: "handling.start",
      entity: "document",
      entityId: id,
      before: { step: row.handling },
      after: { step, handler: handler.id },
      at: now,
    });
    return { step };
  });
}

/**
 * Who may write on a document's handling: its handlers (their rows not done), and the leaders
 * following it. A handler's note starts their work.
 */
async function mayWrite(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  row: DocumentRow,
  rows: HandlerRow[],
): Promise<HandlerRow | null> {
  const open = openRowsOf(actor, rows);
  if (open.length) return pickRow(actor, rows, undefined);
  if (await leaderAuthority(trx, actor, localDate(ctx, ctx.now()))) return null;
  throw fail("NOT_A_HANDLER", `${actor.username} may not write on ${row.id}`);
}

export async function addHandlingNote(
  ctx: AppContext,
  actor: Actor,
  id: string,
  note: { text: string; file?: { name: string; sha256: string; size: number; mediaType: string } },
): Promise<{ id: string }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "note");
    const rows = await handlersOf(trx, id);
    const handler = await mayWrite(ctx, trx, actor, row, rows);
    const file = note.file;
    if (file)
      await trx
        .insertInto("files")
        .values({ sha256: file.sha256, size: file.size, media_type: file.mediaType })
        .onConflict((oc) => oc.column("sha256").doNothing())
        .execute();
    const added = await trx
      .insertInto("handling_notes")
      .values({
        document_id: id,
        author_id: actor.userId,
        text: note.text,
        file_name: file?.name ?? null,
        file_sha256: file?.sha256 ?? null,
        at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (handler) await startWork(trx, row, rows, handler, now);
    await recordAudit(trx, {
      actor,
      action: file ? "handling.file" : "handling.note",
      entity: "document",
      entityId: id,
      after: { note: added.id, fileName: file?.name ?? null, sha256: file?.sha256 ?? null },
      at: now,
    });
    return { id: added.id };
  });
}

/** The reader may write the reply: a handler (whose work it starts) or a leader. */
export async function assertMayReply(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<DocumentRow> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "note");
    const rows = await handlersOf(trx, id);
    const handler = await mayWrite(ctx, trx, actor, row, rows);
    if (handler) await startWork(trx, row, rows, handler, now);
    return row;
  });
}

export async function finishHandling(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { result: string; handlerId?: string | undefined },
): Promise<{ step: HandlingStep | null }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "done");
    const rows = await handlersOf(trx, id);
    const handler = pickRow(actor, rows, body.handlerId);
    const root = rootOf(rows, handler);
    const branch = branchOf(rows, root).filter((r) => r.status !== "done");
    await trx
      .updateTable("handlers")
      .set({ status: "done", done_at: now })
      .where(
        "id",
        "in",
        branch.map((r) => r.id),
      )
      .execute();
    await trx
      .updateTable("handlers")
      .set({ result: body.result })
      .where("id", "in", [...new Set([handler.id, root.id])])
      .execute();
    const leadDone = root.role === "lead";
    const step = stepAfter(row.handling, "done", leadDone);
    await advance(trx, id, row.handling, step, now, leadDone ? body.result : undefined);
    await recordAudit(trx, {
      actor,
      action: "handling.done",
      entity: "document",
      entityId: id,
      before: { step: row.handling },
      after: { step, handler: handler.id, closed: branch.map((r) => r.id), result: body.result },
      at: now,
    });
    return { step };
  });
}
