/**
 * Reading one document with the access rule: an agency sees its own documents; anyone sees a
 * public issued one. Another agency's document is "not found", never "forbidden": ids leak
 * nothing.
 */
import type { Transaction, Kysely } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { canSee, isUuid } from "./access.ts";

export async function loadDocument(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor | null,
  id: string,
  options: { forUpdate?: boolean; own?: boolean } = {},
): Promise<DocumentRow> {
  if (!isUuid(id)) throw fail("DOCUMENT_NOT_FOUND", `not a document id: ${id}`);
  let q = db.selectFrom("documents").selectAll().where("id", "=", id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  const own = !!row && !!actor && row.agency_id === actor.agencyId;
  const visible = own || (!options.own && !!row && canSee(actor, row));
  if (!row || !visible) throw fail("DOCUMENT_NOT_FOUND", `document ${id} not visible`);
  return row;
}
