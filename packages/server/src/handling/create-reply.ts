/**
 * The reply to a received document (Trả lời): a handler (whose work it starts) or a leader
 * writes an outgoing draft to the sender, linked to what it answers (`documents.answers_id`,
 * links/create-follow-on.ts). Once issued and delivered to the sender, the sender's delivery row
 * names it (`deliveries.reply_id`, set by linkReply in the issuing transaction).
 */
import type { Transaction } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { createFollowOn } from "../links/create-follow-on.ts";
import { assertMayReply } from "./work-on-document.ts";

export async function createReply(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ id: string; answersId: string }> {
  await assertMayReply(ctx, actor, id);
  const draft = await createFollowOn(ctx, actor, id, { reply: true });
  return { id: draft.id, answersId: id };
}

/**
 * In the issuing transaction of an outgoing document that answers a received one: when it was
 * delivered to the agency that sent that one, the sender's delivery is linked to it.
 */
export async function linkReply(trx: Transaction<Database>, issued: DocumentRow): Promise<void> {
  if (!issued.answers_id) return;
  const brought = await trx
    .selectFrom("deliveries")
    .select(["id", "from_agency_id"])
    .where("received_id", "=", issued.answers_id)
    .executeTakeFirst();
  if (!brought) return;
  const delivered = await trx
    .selectFrom("deliveries")
    .select("id")
    .where("document_id", "=", issued.id)
    .where("to_agency_id", "=", brought.from_agency_id)
    .executeTakeFirst();
  if (delivered)
    await trx
      .updateTable("deliveries")
      .set({ reply_id: issued.id })
      .where("id", "=", brought.id)
      .execute();
}
