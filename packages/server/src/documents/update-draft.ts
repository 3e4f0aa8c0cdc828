/** Changing a draft. An issued document never changes (ND30 Điều 18: correct by a new one). */
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import {
  assertRealDate,
  columnsOf,
  contentFromText,
  withMarkings,
  type DocumentContent,
} from "./document-content.ts";
import { loadDocument } from "./load-document.ts";
import { composeSymbol, typeByCode, normalizeText } from "@vanthu/core";
import type { DraftPatch } from "@vanthu/contract";
import { syncCitations } from "../links/sync-citations.ts";
import { assertMayPublish } from "./access.ts";
import { readContent } from "../stored-json.ts";
import { afterDraftChange, mayChangeUnderReview } from "../workflow/review-edit.ts";

export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { fields: DraftPatch } | { text: string; isPublic?: boolean },
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
    if (row.status !== "draft" || row.direction !== "outgoing")
      throw fail(
        row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
        `document ${id} is ${row.status}`,
      );
    // Waiting for a reviewer: only the reviewer changes it (a new version, review-edit.ts).
    const asReviewer = await mayChangeUnderReview(trx, ctx, actor, row);
    const before = readContent(row.content, row.id);
    let columns;
    let isPublic: boolean | undefined;
    if ("text" in patch) {
      const agency = await trx
        .selectFrom("agencies")
        .selectAll()
        .where("id", "=", row.agency_id)
        .executeTakeFirstOrThrow();
      const { content, text, parsed } = contentFromText(agency, patch.text);
      assertRealDate(parsed);
      // Marks the text does not print stay as they were set (the form sets them).
      columns = columnsOf(
        withMarkings(content, {
          urgency: parsed.urgency ?? before.urgency ?? null,
          secrecy: parsed.secrecy ?? before.secrecy ?? null,
        }),
        text,
      );
      isPublic = patch.isPublic;
    } else {
      const f = patch.fields;
      const content: DocumentContent = structuredClone(before);
      if (f.typeCode !== undefined) {
        const t = typeByCode(f.typeCode, content.format);
        content.type = { code: t?.code ?? f.typeCode, name: t?.name ?? f.typeCode };
      }
      if (f.subject !== undefined) content.subject = normalizeText(f.subject);
      if (f.unit !== undefined) content.issuer = { ...content.issuer, unit: f.unit };
      if (f.place !== undefined) content.place = f.place;
      if (f.addressees !== undefined) content.addressees = f.addressees.map(normalizeText);
      if (f.paragraphs !== undefined)
        content.paragraphs = f.paragraphs.map(normalizeText).filter((p) => p.trim());
      if (f.recipients !== undefined) content.recipients = f.recipients.map(normalizeText);
      if (f.archive !== undefined) content.archive = f.archive;
      Object.assign(content, withMarkings(content, f));
      for (const key of ["urgency", "secrecy"] as const) if (f[key] === null) delete content[key];
      if (f.signature !== undefined)
        content.signature = {
          ...f.signature,
          levels: f.signature.authority
            ? [{ authority: f.signature.authority, title: f.signature.authorityTitle ?? "" }]
            : [],
        };
      if ((f.typeCode !== undefined || f.unit !== undefined) && content.type && content.issuer.code)
        content.symbol = composeSymbol({
          format: content.format,
          typeCode: content.type.code,
          issuer: content.issuer.code,
          unit: content.issuer.unit ?? null,
        });
      columns = columnsOf(content);
      isPublic = f.isPublic;
    }
    const publicChange = isPublic !== undefined && isPublic !== row.is_public;
    if (publicChange) assertMayPublish(actor, id, isPublic ? row.secrecy : null);
    await trx
      .updateTable("documents")
      .set({
        ...columns,
        ...(isPublic === undefined ? {} : { is_public: isPublic }),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await syncCitations(trx, id, columns.body, null);
    await afterDraftChange(trx, actor, row, asReviewer, now);
    await recordAudit(trx, {
      actor,
      action: "document.update",
      entity: "document",
      entityId: id,
      before: { subject: row.subject, content: before },
      after: { subject: columns.subject, content: JSON.parse(columns.content) },
      at: now,
    });
    if (publicChange)
      await recordAudit(trx, {
        actor,
        action: isPublic ? "document.publish" : "document.unpublish",
        entity: "document",
        entityId: id,
        before: { isPublic: row.is_public },
        after: { isPublic, when: "issued" },
        at: now,
      });
  });
}
