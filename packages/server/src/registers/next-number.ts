/**
 * The next number of a register, taken in the caller's transaction: the register's row is
 * locked by the upsert (INSERT ... ON CONFLICT DO UPDATE) until the transaction ends, so two clerks (in any number of server
 * processes) never get the same number, and a rolled-back issue gives its number back: no gaps.
 */
import type { Transaction } from "kysely";
import type { Book, Database } from "@vanthu/db";

export async function takeNextNumber(
  trx: Transaction<Database>,
  register: { agencyId: string; book: Book; period: string; typeCode: string },
): Promise<{ registerId: string; number: number }> {
  // One statement: a new register starts at 1 (its next is then 2), an existing one moves on.
  const row = await trx
    .insertInto("registers")
    .values({
      agency_id: register.agencyId,
      book: register.book,
      period: register.period,
      type_code: register.typeCode,
      next_number: 2,
    })
    .onConflict((oc) =>
      oc
        .columns(["agency_id", "book", "period", "type_code"])
        .doUpdateSet((eb) => ({ next_number: eb("registers.next_number", "+", 1) })),
    )
    .returning(["id", "next_number"])
    .executeTakeFirstOrThrow();
  return { registerId: row.id, number: row.next_number - 1 };
}
