/**
 * What every handling use case shares: the received document locked and its step checked by
 * core's state machine (workflow/handling.ts), the reader's part in its handling (which rows they
 * hold, as the person or as the head of the unit), and the people to notify.
 */
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import {
  handlingProblem,
  type HandlingEvent,
  type HandlingFacts,
  type HandlingProblem,
} from "@vanthu/core";
import type { Database, DocumentRow, HandlerRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import type { ErrorCode } from "../error-codes.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "../documents/load-document.ts";
import { leaderAuthority } from "../workflow/delegation.ts";

export type Db = Transaction<Database> | Kysely<Database>;

/** Core's problems as the API's codes (each a 409). */
const HANDLING_CODES: Record<HandlingProblem, ErrorCode> = {
  NOT_REGISTERED: "NOT_REGISTERED",
  DOCUMENT_RETURNED: "DOCUMENT_RETURNED",
  ALREADY_INSTRUCTED: "ALREADY_INSTRUCTED",
  NOT_INSTRUCTED: "NOT_INSTRUCTED",
  NOT_ASSIGNED: "NOT_ASSIGNED",
  HANDLING_DONE: "HANDLING_DONE",
};

/** Refuses `event` on the document as it is (read under its lock) with core's problem. */
export function assertStep(row: DocumentRow, event: HandlingEvent): void {
  const problem = handlingProblem(
    {
      direction: row.direction,
      status: row.status,
      attached: row.attached_to !== null,
      step: row.handling,
    },
    event,
  );
  if (problem) throw fail(HANDLING_CODES[problem], `document ${row.id}: ${event} (${problem})`);
}

/**
 * The reader's own received document, locked until the transaction ends: every change of its
 * handling takes this lock first, so two people acting at once are checked one after the other.
 */
export function lockReceived(trx: Transaction<Database>, actor: Actor, id: string) {
  return loadDocument(trx, actor, id, { forUpdate: true, own: true });
}

/** The document's handler rows, oldest first. */
export function handlersOf(db: Db, documentId: string): Promise<HandlerRow[]> {
  return db
    .selectFrom("handlers")
    .selectAll()
    .where("document_id", "=", documentId)
    .orderBy("assigned_at")
    .orderBy("id")
    .execute();
}

/** Whether the reader holds a row: its person, or the head of its unit when no person is named. */
export function holds(actor: Actor, row: HandlerRow): boolean {
  if (row.user_id) return row.user_id === actor.userId;
  return actor.unitHead && !!actor.unitId && row.unit_id === actor.unitId;
}

/** The rows whose work the reader does or leads (not "for information"), not done. */
export function openRowsOf(actor: Actor, rows: HandlerRow[]): HandlerRow[] {
  return rows.filter((r) => r.role !== "inform" && r.status !== "done" && holds(actor, r));
}

/** The root of a row's branch (the unit named in the instruction). */
export function rootOf(rows: HandlerRow[], row: HandlerRow): HandlerRow {
  let r = row;
  for (let i = 0; i < 50 && r.parent_id; i++) r = rows.find((x) => x.id === r.parent_id) ?? r;
  return r;
}

/** A row and every row under it. */
export function branchOf(rows: HandlerRow[], root: HandlerRow): HandlerRow[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...rows.filter((r) => r.parent_id === out[i]!.id));
  return out;
}

/** The unit a row's work is in: its own, or the nearest unit above it. */
export function unitOfRow(rows: HandlerRow[], row: HandlerRow): string | null {
  let r: HandlerRow | undefined = row;
  for (let i = 0; i < 50 && r; i++) {
    if (r.unit_id) return r.unit_id;
    r = rows.find((x) => x.id === r!.parent_id);
  }
  return null;
}

/** Whether the reader is in charge of follow-up (users.follows_up). */
export async function followsUp(db: Db, actor: Actor): Promise<boolean> {
  const u = await db
    .selectFrom("users")
    .select("follows_up")
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  return !!u?.follows_up;
}

/** The reader's part in a received document's handling, for core's documentActions. */
export async function handlingFacts(
  ctx: AppContext,
  actor: Actor,
  row: DocumentRow,
): Promise<HandlingFacts> {
  const base: HandlingFacts = {
    step: row.handling,
    attached: row.attached_to !== null,
    leader: false,
    followsUp: false,
    mayAssign: false,
    handler: false,
    mayFinish: false,
  };
  if (row.direction !== "incoming" || row.agency_id !== actor.agencyId) return base;
  const today = localDate(ctx, ctx.now());
  const rows = row.handling ? await handlersOf(ctx.db, row.id) : [];
  const open = openRowsOf(actor, rows);
  return {
    ...base,
    leader: !!(await leaderAuthority(ctx.db, actor, today)),
    followsUp: await followsUp(ctx.db, actor),
    mayAssign: open.some((r) => !rows.some((c) => c.parent_id === r.id)),
    handler: open.length > 0,
    mayFinish: open.length > 0,
  };
}

/**
 * The people a unit's work goes to: its head (or heads); a unit without a head, its members.
 * Disabled users are left out.
 */
export async function unitPeople(db: Db, agencyId: string, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const people = await db
    .selectFrom("users")
    .select(["id", "unit_id", "unit_head"])
    .where("agency_id", "=", agencyId)
    .where("unit_id", "in", unitIds)
    .where("disabled", "=", false)
    .execute();
  return unitIds.flatMap((u) => {
    const members = people.filter((p) => p.unit_id === u);
    const heads = members.filter((p) => p.unit_head);
    return (heads.length ? heads : members).map((p) => p.id);
  });
}

/** The people a handler row's news goes to: its person, else its unit's head. */
export async function rowPeople(db: Db, agencyId: string, rows: HandlerRow[]): Promise<string[]> {
  const people = rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
  const units = rows.filter((r) => !r.user_id && r.unit_id).map((r) => r.unit_id!);
  return [...new Set([...people, ...(await unitPeople(db, agencyId, units))])];
}

/** The notification parameters naming a document (the catalogues render them). */
export function documentParams(row: Pick<DocumentRow, "reference" | "subject" | "issuer_name">) {
  return { reference: row.reference, subject: row.subject, issuer: row.issuer_name };
}

/**
 * A registered received record still being handled: not attached to an earlier record, not done.
 * What the deadline job and the follow-up list both start from.
 */
export function stillOpen(eb: ExpressionBuilder<Database, "documents">) {
  return eb.and([
    eb("documents.direction", "=", "incoming"),
    eb("documents.status", "=", "registered"),
    eb("documents.attached_to", "is", null),
    eb.or([eb("documents.handling", "is", null), eb("documents.handling", "!=", "done")]),
  ]);
}
