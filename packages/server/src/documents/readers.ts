/**
 * The people named on a secret document (`document_readers`): with its author, its reviewer, the
 * people it was given to and whoever approved it, the only ones who see it (access.ts). Set by the
 * use cases that write drafts and register received documents, inside their transaction.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import { fail } from "../errors.ts";
import { isUuid } from "./access.ts";

/**
 * Replaces the readers of `documentId` by `userIds` (duplicates dropped): each must be a user of
 * the document's agency, else DOCUMENT_READER_INVALID naming them (`path`, default "readers").
 * Returns the readers as stored, sorted. The caller holds the document's row lock and audits.
 */
export async function setReaders(
  trx: Transaction<Database>,
  documentId: string,
  userIds: readonly string[],
  path = "readers",
): Promise<string[]> {
  const wanted = [...new Set(userIds.map((id) => id.toLowerCase()))];
  const malformed = wanted.filter((id) => !isUuid(id));
  const doc = await trx
    .selectFrom("documents")
    .select("agency_id")
    .where("id", "=", documentId)
    .executeTakeFirstOrThrow();
  const found =
    wanted.length && !malformed.length
      ? await trx
          .selectFrom("users")
          .select("id")
          .where("id", "in", wanted)
          .where("agency_id", "=", doc.agency_id)
          .execute()
      : [];
  const strangers = [
    ...malformed,
    ...wanted.filter((id) => isUuid(id) && !found.some((u) => u.id === id)),
  ];
  if (strangers.length)
    throw fail(
      "DOCUMENT_READER_INVALID",
      `document ${documentId}: readers not of its agency: ${strangers.join(", ")}`,
      strangers.map((id) => ({ path, message: id })),
    );
  await trx.deleteFrom("document_readers").where("document_id", "=", documentId).execute();
  if (wanted.length)
    await trx
      .insertInto("document_readers")
      .values(wanted.map((user_id) => ({ document_id: documentId, user_id })))
      .execute();
  return wanted.sort();
}

/** The readers of a document, sorted by id. */
export async function readersOf(
  trx: Kysely<Database> | Transaction<Database>,
  documentId: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom("document_readers")
    .select("user_id")
    .where("document_id", "=", documentId)
    .orderBy("user_id")
    .execute();
  return rows.map((r) => r.user_id);
}
