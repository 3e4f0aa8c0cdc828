/**
 * Who may see which document, in one place, for every read that returns documents or facts
 * about them (lists, search and its snippets, feeds, registers, links, the chain, dashboards,
 * tasks and reports, deliveries, imports, notifications). The rule follows the agency's
 * structure (ND30 Điều 20-24):
 *
 * - anyone, signed in or not: public issued documents that are not secret;
 * - leaders, clerks and admins of the agency: all of the agency's records, except secret ones;
 * - a specialist: their own records (created_by), drafts sent up to them (the current reviewer,
 *   or named in a review step), documents given to their unit or to them (handlers), their
 *   unit's consultations, the agency's issued outgoing documents; a unit head also sees the
 *   drafts of the people of their unit;
 * - a secret document (Mật, Tối mật, Tuyệt mật: `documents.secrecy` set) only by the people
 *   named on it: its author, its readers (`document_readers`), its current reviewer, the people
 *   it was given to (`handlers.user_id`) and whoever approved it. Never by anybody else of the
 *   agency, never on the portal (a secret document is never public), never delivered.
 *
 * `visibleTo` is the rule as one SQL condition (EXISTS subqueries on the tables of handling and
 * review); everything else here is built on it. In a tree of follow-ons (chain, the dashboard's
 * cascade), an agency holding a record in the tree also sees the tree's issued documents; never
 * another agency's draft nor a secret one. Ids that are not UUIDs find nothing. Who may make a
 * document public is here too.
 */
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import { mayAct } from "@vanthu/core";
import type { Actor } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";

type Db = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/** Leaders, clerks and admins see all of their agency's records that are not secret. */
export const seesAgencyRecords = (actor: Actor): boolean =>
  hasRole(actor, "leader", "clerk", "admin") || actor.actsForLeader === true;

/** A column of the documents row under `alias` ("documents", or "copy" in a self-join). */
const column = (alias: string) => (c: string) => sql.ref(`${alias}.${c}`);

/** Anybody's: issued, public, not secret. */
function publicDocument(alias: string): Expression<SqlBool> {
  const d = column(alias);
  return sql<SqlBool>`(${d("is_public")} = true AND ${d("status")} = 'issued' AND ${d("secrecy")} IS NULL)`;
}

/** The people named on a (secret) document. */
function namedOn(actor: Actor, alias: string): Expression<SqlBool> {
  const d = column(alias);
  const me = actor.userId;
  return sql<SqlBool>`(${d("created_by")} = ${me} OR ${d("reviewer_id")} = ${me} OR ${d("approved_by")} = ${me}
    OR EXISTS (SELECT 1 FROM document_readers vt_r WHERE vt_r.document_id = ${d("id")} AND vt_r.user_id = ${me})
    OR EXISTS (SELECT 1 FROM handlers vt_h WHERE vt_h.document_id = ${d("id")} AND vt_h.user_id = ${me})
    OR EXISTS (SELECT 1 FROM review_steps vt_s WHERE vt_s.document_id = ${d("id")} AND vt_s.action = 'approve' AND vt_s.actor_id = ${me}))`;
}

/** What a specialist sees of their agency's records that are not secret. */
function specialistSees(actor: Actor, alias: string): Expression<SqlBool> {
  const d = column(alias);
  const me = actor.userId;
  const unit = actor.unitId;
  const parts = [
    sql`${d("created_by")} = ${me}`,
    sql`${d("reviewer_id")} = ${me}`,
    sql`(${d("direction")} = 'outgoing' AND ${d("status")} = 'issued')`,
    sql`EXISTS (SELECT 1 FROM review_steps vt_s WHERE vt_s.document_id = ${d("id")} AND vt_s.to_user_id = ${me})`,
    unit
      ? sql`EXISTS (SELECT 1 FROM handlers vt_h WHERE vt_h.document_id = ${d("id")} AND (vt_h.user_id = ${me} OR vt_h.unit_id = ${unit}))`
      : sql`EXISTS (SELECT 1 FROM handlers vt_h WHERE vt_h.document_id = ${d("id")} AND vt_h.user_id = ${me})`,
  ];
  if (unit) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM consultations vt_c WHERE vt_c.document_id = ${d("id")} AND vt_c.unit_id = ${unit})`,
    );
    // A unit head sees the drafts of the people of their unit.
    if (actor.unitHead)
      parts.push(
        sql`(${d("direction")} = 'outgoing' AND ${d("status")} = 'draft' AND EXISTS (SELECT 1 FROM users vt_u WHERE vt_u.id = ${d("created_by")} AND vt_u.unit_id = ${unit}))`,
      );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** The rule on the documents row under `alias`, as an expression. */
function visible(actor: Actor | null, alias: string): Expression<SqlBool> {
  if (!actor) return publicDocument(alias);
  const d = column(alias);
  const ordinary = seesAgencyRecords(actor)
    ? sql<SqlBool>`${d("secrecy")} IS NULL`
    : sql<SqlBool>`(${d("secrecy")} IS NULL AND ${specialistSees(actor, alias)})`;
  return sql<SqlBool>`(${publicDocument(alias)} OR (${d("agency_id")} = ${actor.agencyId} AND (${ordinary} OR (${d("secrecy")} IS NOT NULL AND ${namedOn(actor, alias)}))))`;
}

/**
 * The access rule as a SQL condition on `documents` (or on a self-join's alias, "copy"):
 * `.where(visibleTo(actor))`.
 */
export function visibleTo(actor: Actor | null, alias = "documents") {
  return (): Expression<SqlBool> => visible(actor, alias);
}

/** The rule, with the record of the actor's own agency required (writes, the issuer's views). */
export function ownAndVisible(actor: Actor, alias = "documents") {
  return (): Expression<SqlBool> =>
    sql<SqlBool>`(${column(alias)("agency_id")} = ${actor.agencyId} AND ${visible(actor, alias)})`;
}

/**
 * Whether the actor may see the document `id` (the rule asked of the database: what handles a
 * document, who reviews it and who is named on it are rows of other tables).
 */
export async function canSee(db: Db, actor: Actor | null, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const row = await db
    .selectFrom("documents")
    .select("id")
    .where("id", "=", id)
    .where(visibleTo(actor))
    .executeTakeFirst();
  return !!row;
}

/** Of these ids, those the actor may see. */
export async function visibleIds(db: Db, actor: Actor | null, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return new Set();
  const rows = await db
    .selectFrom("documents")
    .select("id")
    .where("id", "in", wanted)
    .where(visibleTo(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The row as it may be presented to the actor: the documents it points to (the one it corrects,
 * its original, the record it carries out) named only when the actor may be shown them (the
 * tree's rule: a specialist's follow-on of a received record they were not given, a record of a
 * secret document, are not named). For presenting only; use cases keep the row itself.
 */
export async function withShownLinks<
  T extends { corrects_id: string | null; source_id: string | null; parent_id: string | null },
>(db: Db, actor: Actor | null, row: T): Promise<T> {
  const linked = [row.corrects_id, row.source_id, row.parent_id].filter((id): id is string => !!id);
  if (!linked.length) return row;
  const shown = new Set(
    (
      await db
        .selectFrom("documents")
        .select("id")
        .where("id", "in", linked)
        .where(actor ? shownInTree(actor) : visibleTo(null))
        .execute()
    ).map((r) => r.id),
  );
  const keep = (id: string | null) => (id && shown.has(id) ? id : null);
  return {
    ...row,
    corrects_id: keep(row.corrects_id),
    source_id: keep(row.source_id),
    parent_id: keep(row.parent_id),
  };
}

/**
 * A node of a follow-on tree the actor holds a record in (the caller checks that): what the
 * actor may see, and the tree's issued outgoing documents that are not secret, the follow-ons
 * that carry the directive out. Another agency's draft or received record is left out.
 */
export function shownInTree(actor: Actor, alias = "documents") {
  const d = column(alias);
  return (): Expression<SqlBool> =>
    sql<SqlBool>`(${visible(actor, alias)} OR (${d("status")} = 'issued' AND ${d("direction")} = 'outgoing' AND ${d("secrecy")} IS NULL))`;
}

/**
 * A task (`tasks` row under `alias`) the actor may see: set by their agency on a directive they
 * may see, or owed by their agency with the agency's copy of the directive visible to them (a
 * specialist sees what their unit or they were given).
 */
export function taskVisibleTo(actor: Actor, alias = "tasks") {
  const t = column(alias);
  return (): Expression<SqlBool> =>
    sql<SqlBool>`((${t("issuer_agency_id")} = ${actor.agencyId} AND EXISTS (SELECT 1 FROM documents vt_o WHERE vt_o.id = ${t("document_id")} AND ${visible(actor, "vt_o")}))
      OR (${t("assignee_agency_id")} = ${actor.agencyId} AND EXISTS (SELECT 1 FROM documents vt_k WHERE vt_k.source_id = ${t("document_id")} AND vt_k.agency_id = ${actor.agencyId} AND ${visible(actor, "vt_k")})))`;
}

/**
 * A notification (`notifications` row) the actor may read: to them or to their whole agency,
 * about a task and a document they may see (a reminder on a directive a specialist was not given
 * is not theirs).
 */
export function notificationVisibleTo(actor: Actor, alias = "notifications") {
  const n = column(alias);
  return (): Expression<SqlBool> =>
    sql<SqlBool>`(${n("agency_id")} = ${actor.agencyId}
      AND (${n("user_id")} IS NULL OR ${n("user_id")} = ${actor.userId})
      AND (${n("task_id")} IS NULL OR EXISTS (SELECT 1 FROM tasks vt_t WHERE vt_t.id = ${n("task_id")} AND ${taskVisibleTo(actor, "vt_t")()}))
      AND (${n("document_id")} IS NULL OR EXISTS (SELECT 1 FROM documents vt_n WHERE vt_n.id = ${n("document_id")} AND ${visible(actor, "vt_n")})))`;
}

/** Who may put a document on the public portal or take it down (the publish endpoint's rule). */
export const mayPublish = (actor: Actor): boolean => mayAct(actor.roles, "publish");

/**
 * Refuses a change of a document's public state by someone who may not publish, and a secret
 * document made public (never, by anyone).
 */
export function assertMayPublish(
  actor: Actor,
  id: string | null,
  secrecy: string | null = null,
): void {
  if (!mayPublish(actor))
    throw fail("PUBLISH_NOT_ALLOWED", `${actor.username} may not publish ${id ?? "a draft"}`, [
      { path: "isPublic", message: "Chỉ văn thư, lãnh đạo hoặc quản trị được công bố văn bản." },
    ]);
  assertNotSecret(id, secrecy);
}

/** A secret document is never public: refused wherever `is_public` would become true. */
export function assertNotSecret(id: string | null, secrecy: string | null): void {
  if (secrecy)
    throw fail("SECRET_NOT_PUBLIC", `${id ?? "a draft"} is secret (${secrecy})`, [
      { path: "isPublic", message: "Văn bản mật không được công bố trên cổng thông tin." },
    ]);
}

/**
 * One row per document (an original and its delivered copies count once), the reader's own
 * record preferred: a reader is sent to their copy rather than the public original.
 */
export function preferOwn<T extends { agency_id: string; source_id: string | null; id: string }>(
  rows: T[],
  actor: Actor | null,
): T[] {
  const byDocument = new Map<string, T>();
  for (const r of rows) {
    const key = r.source_id ?? r.id;
    const had = byDocument.get(key);
    if (!had || (actor && r.agency_id === actor.agencyId && had.agency_id !== actor.agencyId))
      byDocument.set(key, r);
  }
  return [...byDocument.values()];
}
