/**
 * Reading one document with the access rule (access.ts `visibleTo`, asked of the database); with
 * `own`, only a record of the actor's own agency (writes, the issuer's views). A document the
 * reader may not see is "not found", never "forbidden": ids leak nothing.
 */
import type { Transaction, Kysely } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { isUuid, ownAndVisible, visibleTo } from "./access.ts";

export async function loadDocument(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor | null,
  id: string,
  options: { forUpdate?: boolean; own?: boolean } = {},
): Promise<DocumentRow> {
  if (!isUuid(id)) throw fail("DOCUMENT_NOT_FOUND", `not a document id: ${id}`);
  if (options.own && !actor) throw fail("DOCUMENT_NOT_FOUND", `document ${id}: no reader`);
  let q = db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", id)
    .where(options.own && actor ? ownAndVisible(actor) : visibleTo(actor));
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw fail("DOCUMENT_NOT_FOUND", `document ${id} not visible`);
  return row;
}
