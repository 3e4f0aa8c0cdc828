/**
 * Who may see which document, in one place, for every read that returns documents or facts
 * about them: an agency sees its own records (drafts, issued, received copies); anyone sees a
 * public issued document. In a tree of follow-ons (chain, the dashboard's cascade), an agency
 * holding a record in the tree also sees the tree's issued documents; never another agency's
 * draft. Ids that are not UUIDs find nothing. Who may make a document public is here too.
 */
import type { ExpressionBuilder } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import { mayAct } from "@vanthu/core";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/** The access rule as a SQL condition on `documents`. */
export function visibleTo(actor: Actor | null) {
  return (eb: ExpressionBuilder<Database, "documents">) =>
    actor
      ? eb.or([
          eb("documents.agency_id", "=", actor.agencyId),
          eb.and([eb("documents.is_public", "=", true), eb("documents.status", "=", "issued")]),
        ])
      : eb.and([eb("documents.is_public", "=", true), eb("documents.status", "=", "issued")]);
}

/** The same rule on a row already read (`visibleTo` in JavaScript). */
export function canSee(
  actor: Actor | null,
  row: Pick<DocumentRow, "agency_id" | "is_public" | "status">,
): boolean {
  return (
    (!!actor && row.agency_id === actor.agencyId) || (row.is_public && row.status === "issued")
  );
}

/**
 * A node of a follow-on tree the actor holds a record in (the caller checks that): what the
 * actor may see, and the tree's issued outgoing documents, the follow-ons that carry the
 * directive out. Another agency's draft or received record is left out.
 */
export function shownInTree(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "documents">) =>
    eb.or([
      visibleTo(actor)(eb),
      eb.and([eb("documents.status", "=", "issued"), eb("documents.direction", "=", "outgoing")]),
    ]);
}

/** Who may put a document on the public portal or take it down (the publish endpoint's rule). */
export const mayPublish = (actor: Actor): boolean => mayAct(actor.roles, "publish");

/** Refuses a change of a document's public state by someone who may not publish. */
export function assertMayPublish(actor: Actor, id: string | null): void {
  if (!mayPublish(actor))
    throw fail("PUBLISH_NOT_ALLOWED", `${actor.username} may not publish ${id ?? "a draft"}`, [
      { path: "isPublic", message: "Chỉ văn thư, lãnh đạo hoặc quản trị được công bố văn bản." },
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
