/**
 * What the review's use cases share (review-*.ts): the draft locked for a step and the step
 * checked against core's state machine, the reader's part in the review (the reviewer, or a
 * deputy acting for them), a version kept, a step recorded, the review as the API shows it.
 */
import type { Kysely, Transaction } from "kysely";
import { reviewStep, type ReviewAction, type ReviewConflict } from "@vanthu/core";
import type { ReviewBlock, ReviewPerson } from "@vanthu/contract";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import type { ErrorCode } from "../error-codes.ts";
import { loadDocument } from "../documents/load-document.ts";
import { readContent, storeContent } from "../stored-json.ts";
import { leaderAuthority, leadersActedFor } from "./delegation.ts";

type Db = Kysely<Database> | Transaction<Database>;

const same = (a: string | null, b: string | null) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** An outgoing draft of the actor's agency, locked for a review step (FOR UPDATE). */
export async function lockDraft(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
): Promise<DocumentRow> {
  const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
  if (row.direction !== "outgoing" || row.status !== "draft")
    throw fail(
      row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
      `document ${id} is ${row.direction} ${row.status}`,
    );
  return row;
}

/** Core's refusals of a review step, as the error table's codes (each a 409). */
const REVIEW_CODES: Record<ReviewConflict, ErrorCode> = {
  REVIEW_NOT_SUBMITTED: "REVIEW_NOT_SUBMITTED",
  REVIEW_ALREADY_SUBMITTED: "REVIEW_ALREADY_SUBMITTED",
  REVIEW_ALREADY_APPROVED: "REVIEW_ALREADY_APPROVED",
};

/** The review step allowed from the draft's state, or the 409 of core's state machine. */
export function assertStep(row: DocumentRow, action: ReviewAction) {
  const r = reviewStep(row.review, action);
  if (!r.ok) throw fail(REVIEW_CODES[r.code], `document ${row.id}: ${action} from ${row.review}`);
  return r.to;
}

export interface ReviewPart {
  /** The draft waits for the actor, or for a leader the actor acts for today. */
  reviewer: boolean;
  /** The actor may act as a leader today (the role, or a delegation). */
  leader: boolean;
  /** Whose authority an act carries when it is not the actor's own: recorded on the step. */
  onBehalfOf: string | null;
}

/** The actor's part in a draft's review, on the agency's today. */
export async function reviewPart(
  db: Db,
  ctx: Pick<AppContext, "config" | "now">,
  actor: Actor,
  row: Pick<DocumentRow, "reviewer_id" | "review">,
): Promise<ReviewPart> {
  const day = localDate(ctx, ctx.now());
  const actedFor = await leadersActedFor(db, actor, day);
  const authority = await leaderAuthority(db, actor, day);
  const own = same(row.reviewer_id, actor.userId);
  const forLeader = !own && !!row.reviewer_id && actedFor.includes(row.reviewer_id);
  return {
    reviewer: row.review === "submitted" && (own || forLeader),
    leader: authority !== null,
    // Acting on a draft sent to the leader away: in the leader's name. On one sent to oneself,
    // in one's own name, unless the authority to approve is only a delegation's.
    onBehalfOf: forLeader
      ? row.reviewer_id
      : actor.roles.includes("leader")
        ? null
        : (authority?.onBehalfOf ?? null),
  };
}

/** The reviewer a step names, checked to be of the agency and active. */
export async function loadPerson(db: Db, agencyId: string, userId: string) {
  const row = await db
    .selectFrom("users")
    .select(["id", "agency_id", "roles", "unit_id", "unit_head", "disabled", "full_name"])
    .where("id", "=", userId)
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Keeps the draft's text as a version (when sent up, or changed by its reviewer): the current
 * version when none is kept yet, or when the kept one is the same text; else the next version.
 * Returns the version the draft now stands at.
 */
export async function keepVersion(
  trx: Transaction<Database>,
  row: DocumentRow,
  authorId: string,
  note: string | null,
  at: Date,
): Promise<number> {
  const kept = await trx
    .selectFrom("document_versions")
    .select(["version", "text"])
    .where("document_id", "=", row.id)
    .where("version", "=", row.version)
    .executeTakeFirst();
  if (kept && kept.text === row.body) return row.version;
  const version = kept ? row.version + 1 : row.version;
  await trx
    .insertInto("document_versions")
    .values({
      document_id: row.id,
      version,
      // As stored (stored-json.ts): the version's content reads like the document's.
      content: storeContent(readContent(row.content, row.id)),
      text: row.body,
      author_id: authorId,
      note,
      created_at: at,
    })
    .execute();
  if (version !== row.version)
    await trx.updateTable("documents").set({ version }).where("id", "=", row.id).execute();
  return version;
}

export async function recordStep(
  trx: Transaction<Database>,
  step: {
    documentId: string;
    version: number;
    action: ReviewAction;
    actorId: string;
    to?: string | null;
    onBehalfOf?: string | null;
    note?: string | null;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto("review_steps")
    .values({
      document_id: step.documentId,
      version: step.version,
      action: step.action,
      actor_id: step.actorId,
      to_user_id: step.to ?? null,
      on_behalf_of: step.onBehalfOf ?? null,
      note: step.note || null,
      at: step.at,
    })
    .execute();
}

/**
 * A secret draft (độ mật) is read only by the people named on it (the access rule's
 * `document_readers`): everyone its review passes through is named. Until the readers' own
 * use case exists, rows are written here directly.
 */
export async function nameReaders(
  trx: Transaction<Database>,
  row: Pick<DocumentRow, "id" | "secrecy">,
  userIds: Array<string | null>,
): Promise<void> {
  if (!row.secrecy) return;
  const people = [...new Set(userIds.filter((u): u is string => !!u))];
  if (!people.length) return;
  await trx
    .insertInto("document_readers")
    .values(people.map((user_id) => ({ document_id: row.id, user_id })))
    .onConflict((oc) => oc.columns(["document_id", "user_id"]).doNothing())
    .execute();
}

/** Who sent the draft up last (else who wrote it): the one told of approval or sending back. */
export async function authorsOf(db: Db, row: DocumentRow): Promise<string[]> {
  const last = await db
    .selectFrom("review_steps")
    .select("actor_id")
    .where("document_id", "=", row.id)
    .where("action", "=", "submit")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return [...new Set([last?.actor_id, row.created_by].filter((u): u is string => !!u))];
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The review of an outgoing document as the API shows it. */
export async function presentReview(db: Db, id: string): Promise<ReviewBlock> {
  const row = await db
    .selectFrom("documents")
    .select([
      "id",
      "review",
      "version",
      "reviewer_id",
      "approved_by",
      "approved_at",
      "created_by",
      "created_at",
    ])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const steps = await db
    .selectFrom("review_steps")
    .selectAll()
    .where("document_id", "=", id)
    .orderBy("id")
    .execute();
  const versions = await db
    .selectFrom("document_versions")
    .select(["version", "author_id", "note", "created_at"])
    .where("document_id", "=", id)
    .orderBy("version")
    .execute();
  const ids = new Set<string>();
  const add = (u: string | null) => u && ids.add(u);
  [row.reviewer_id, row.approved_by, row.created_by].forEach(add);
  for (const s of steps) [s.actor_id, s.to_user_id, s.on_behalf_of].forEach(add);
  for (const v of versions) add(v.author_id);
  const people = new Map<string, ReviewPerson>();
  if (ids.size)
    for (const u of await db
      .selectFrom("users")
      .select(["id", "full_name", "title"])
      .where("id", "in", [...ids])
      .execute())
      people.set(u.id, { id: u.id, fullName: u.full_name, title: u.title });
  const person = (u: string | null) => (u ? (people.get(u) ?? null) : null);
  return {
    state: row.review,
    version: row.version,
    draftedBy: person(row.created_by),
    draftedAt: row.created_at.toISOString(),
    reviewer: person(row.reviewer_id),
    approvedBy: person(row.approved_by),
    approvedAt: iso(row.approved_at),
    steps: steps.map((s) => ({
      version: s.version,
      action: s.action,
      actor: person(s.actor_id)!,
      to: person(s.to_user_id),
      onBehalfOf: person(s.on_behalf_of),
      note: s.note,
      at: s.at.toISOString(),
    })),
    versions: versions.map((v) => ({
      version: v.version,
      author: person(v.author_id),
      note: v.note,
      createdAt: v.created_at.toISOString(),
    })),
  };
}
