/**
 * The next number of a register, taken in the caller's transaction: the register's row is
 * locked by the UPDATE until the transaction ends, so two clerks (in any number of server
 * processes) never get the same number, and a rolled-back issue gives its number back: no gaps.
 */
import type { Transaction } from "kysely";
import type { Book, Database } from "@vanthu/db";

export async function takeNextNumber(
  trx: Transaction<Database>,
  register: { agencyId: string; book: Book; period: string; typeCode: string },
): Promise<{ registerId: string; number: number }> {
  await trx
    .insertInto("registers")
    .values({
      agency_id: register.agencyId,
      book: register.book,
      period: register.period,
      type_code: register.typeCode,
    })
    .onConflict((oc) => oc.columns(["agency_id", "book", "period", "type_code"]).doNothing())
    .execute();
  const row = await trx
    .updateTable("registers")
    .set((eb) => ({ next_number: eb("next_number", "+", 1) }))
    .where("agency_id", "=", register.agencyId)
    .where("book", "=", register.book)
    .where("period", "=", register.period)
    .where("type_code", "=", register.typeCode)
    .returning(["id", "next_number"])
    .executeTakeFirstOrThrow();
  return { registerId: row.id, number: row.next_number - 1 };
}
