/**
 * The agency's registers (outgoing and incoming, per year or term) with their entry counts: the
 * entries the reader may see.
 */
import type { ApiReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { visibleTo } from "../documents/access.ts";

export async function listRegisters(
  ctx: AppContext,
  actor: Actor,
): Promise<ApiReply<"GET /api/registers">["items"]> {
  const rows = await ctx.db
    .selectFrom("registers")
    .leftJoin("register_entries", (join) =>
      join
        .onRef("register_entries.register_id", "=", "registers.id")
        // Only the entries the reader may see are counted (access.ts).
        .on(({ exists, selectFrom }) =>
          exists(
            selectFrom("documents")
              .select("documents.id")
              .whereRef("documents.id", "=", "register_entries.document_id")
              .where(visibleTo(actor)),
          ),
        ),
    )
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
