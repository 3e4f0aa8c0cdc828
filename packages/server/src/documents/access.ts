/**
 * Who may open which document, in one place: an agency sees its own records (drafts, issued,
 * received copies); anyone sees a public issued document. Ids that are not UUIDs find nothing.
 */
import type { ExpressionBuilder } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor } from "../context.ts";

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
