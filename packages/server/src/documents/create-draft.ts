/** A new outgoing draft, from fields or from text. */
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "./load-document.ts";
import {
  columnsOf,
  contentFromFields,
  assertRealDate,
  contentFromText,
  type DraftFields,
} from "./document-content.ts";
import { syncCitations } from "../links/sync-citations.ts";
import { assertMayPublish } from "./access.ts";

export type DraftInput = { fields: DraftFields } | { text: string; isPublic?: boolean };

export async function createDraft(
  ctx: AppContext,
  actor: Actor,
  input: DraftInput,
  options: { parentId?: string; answersId?: string } = {},
): Promise<{ id: string }> {
  const agency = await ctx.db
    .selectFrom("agencies")
    .selectAll()
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  // The installation admin's "agency" only holds that admin: it writes no documents.
  if (agency.kind === "installation")
    throw fail("FORBIDDEN", `${actor.username}: the installation writes no documents`);
  let columns;
  let isPublic: boolean | undefined;
  if ("fields" in input) {
    const { content } = contentFromFields(agency, input.fields);
    columns = columnsOf(content);
    isPublic = input.fields.isPublic;
  } else {
    const { content, text, parsed } = contentFromText(agency, input.text);
    if (parsed.notes.some((n) => n.code === "EMPTY_INPUT"))
      throw fail("VALIDATION_FAILED", "empty text", [{ path: "text", message: "Văn bản trống." }]);
    assertRealDate(parsed);
    columns = columnsOf(content, text);
    isPublic = input.isPublic;
  }
  // A draft marked public goes onto the portal when issued: marking it is publishing.
  if (isPublic) assertMayPublish(actor, null);
  const correctsId = "fields" in input ? input.fields.correctsId : undefined;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (correctsId) {
      // Only an issued document of the same agency can be corrected; another's is "not found".
      const target = await loadDocument(trx, actor, correctsId, { own: true });
      if (target.status !== "issued" || target.direction !== "outgoing")
        throw fail("VALIDATION_FAILED", `document ${correctsId} is not issued`, [
          { path: "correctsId", message: "Chỉ đính chính, thay thế được văn bản đã ban hành." },
        ]);
    }
    const row = await trx
      .insertInto("documents")
      .values({
        ...columns,
        agency_id: actor.agencyId,
        direction: "outgoing",
        status: "draft",
        is_public: isPublic ?? false,
        corrects_id: correctsId ?? null,
        parent_id: options.parentId ?? null,
        answers_id: options.answersId ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "subject", "type_code"])
      .executeTakeFirstOrThrow();
    await syncCitations(trx, row.id, columns.body, null);
    await recordAudit(trx, {
      actor,
      action: "document.create",
      entity: "document",
      entityId: row.id,
      after: { subject: row.subject, typeCode: row.type_code, correctsId: correctsId ?? null },
      at: now,
    });
    if (isPublic)
      await recordAudit(trx, {
        actor,
        action: "document.publish",
        entity: "document",
        entityId: row.id,
        before: { isPublic: false },
        after: { isPublic: true, when: "issued" },
        at: now,
      });
    return { id: row.id };
  });
}
