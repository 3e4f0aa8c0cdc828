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
 * Before an outgoing document that answers a received one takes its number: the sender's delivery
 * to link to it, when it goes to the agency that sent that one (null otherwise).
 */
export async function replyToLink(
  trx: Transaction<Database>,
  draft: Pick<DocumentRow, "answers_id">,
  recipients: ReadonlyArray<{ agencyId: string }>,
): Promise<string | null> {
  if (!draft.answers_id) return null;
  const brought = await trx
    .selectFrom("deliveries")
    .select(["id", "from_agency_id"])
    .where("received_id", "=", draft.answers_id)
    .executeTakeFirst();
  if (!brought || !recipients.some((r) => r.agencyId === brought.from_agency_id)) return null;
  return brought.id;
}

/**
 * In the issuing transaction of an outgoing document that answers a received one, once it is
 * delivered: the sender's delivery (`replyToLink`) is linked to it.
 */
export async function linkReply(
  trx: Transaction<Database>,
  issued: DocumentRow,
  broughtId: string | null,
): Promise<void> {
  if (!broughtId) return;
  await trx
    .updateTable("deliveries")
    .set({ reply_id: issued.id })
    .where("id", "=", broughtId)
    .execute();
}
