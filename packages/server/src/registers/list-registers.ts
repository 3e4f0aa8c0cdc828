/** The agency's registers (outgoing and incoming, per year or term) with their entry counts. */
import type { ApiReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";

export async function listRegisters(
  ctx: AppContext,
  actor: Actor,
): Promise<ApiReply<"GET /api/registers">["items"]> {
  const rows = await ctx.db
    .selectFrom("registers")
    .leftJoin("register_entries", "register_entries.register_id", "registers.id")
    .select(({ fn }) => [
      "registers.id",
      "registers.book",
      "registers.period",
      "registers.type_code",
      fn.count<string>("register_entries.number").as("entries"),
    ])
    .where("registers.agency_id", "=", actor.agencyId)
    .groupBy(["registers.id", "registers.book", "registers.period", "registers.type_code"])
    .orderBy("registers.period", "desc")
    .orderBy("registers.book")
    .orderBy("registers.type_code")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    book: r.book,
    period: r.period,
    typeCode: r.type_code || null,
    entries: Number(r.entries),
  }));
}
