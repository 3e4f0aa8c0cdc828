/**
 * The follow-on draft an agency writes from a document it received: a công văn carrying it out,
 * whose subject and preamble cite it and whose items are its numbered items (core's
 * composeFollowOn), linked to it as its parent. Or, with `reply`, the reply to it (core's
 * composeReply): a công văn to its issuer, linked to what it answers (`answers_id`), which the
 * sender sees once it is issued and delivered to them. Either is signed, until someone changes
 * it, by the leader whose bút phê it carries out (`agency-signer.ts`).
 */
import { composeFollowOn, composeReply, type DateParts } from "@vanthu/core";
import type { FollowOnReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "../documents/load-document.ts";
import { agencySigner } from "../documents/agency-signer.ts";
import { createDraft } from "../documents/create-draft.ts";
import { readContent } from "../stored-json.ts";

export async function createFollowOn(
  ctx: AppContext,
  actor: Actor,
  id: string,
  options: { reply?: boolean } = {},
): Promise<FollowOnReply> {
  const parent = await loadDocument(ctx.db, actor, id, { own: true });
  if (parent.direction !== "incoming" || parent.status === "returned")
    throw fail("VALIDATION_FAILED", `document ${id} is not a received document`, [
      { path: "id", message: "Chỉ triển khai được văn bản đến của cơ quan mình." },
    ]);
  const agency = await ctx.db
    .selectFrom("agencies")
    .select("name")
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  const content = readContent(parent.content, parent.id);
  const source = {
    typeName: parent.type_name,
    reference: parent.reference,
    dateParts: content.dateParts as DateParts,
    issuer: parent.issuer_name,
    subject: parent.subject,
    paragraphs: content.paragraphs ?? [],
  };
  // Signed by the leader whose bút phê it carries out, or to whom it was presented.
  const instruction = await ctx.db
    .selectFrom("instructions")
    .select("given_by")
    .where("document_id", "=", parent.id)
    .orderBy("at", "desc")
    .executeTakeFirst();
  const signature = await agencySigner(ctx, actor.agencyId, [
    instruction?.given_by ?? null,
    parent.presented_to,
  ]);
  const followOn = options.reply
    ? composeReply(source, agency.name)
    : { ...composeFollowOn(source, agency.name), addressees: [] };
  const { id: draftId } = await createDraft(
    ctx,
    actor,
    {
      fields: {
        typeCode: "CV",
        subject: followOn.subject ?? "triển khai thực hiện",
        addressees: followOn.addressees,
        paragraphs: followOn.paragraphs,
        recipients: ["Như trên"],
        archive: ["VT"],
        signature,
      },
    },
    options.reply ? { answersId: parent.id } : { parentId: parent.id },
  );
  const row = await loadDocument(ctx.db, actor, draftId);
  return {
    id: row.id,
    parentId: parent.id,
    subject: row.subject,
    paragraphs: followOn.paragraphs,
  };
}
