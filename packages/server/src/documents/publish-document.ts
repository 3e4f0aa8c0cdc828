/**
 * Publishing on the portal ("Văn bản chỉ đạo điều hành"): the issuing agency's clerk, leader or
 * admin (`mayPublish` in access.ts, the one rule for every place a public state changes) marks
 * an issued document public (never a secret one), or takes it down. The content stays immutable; only the flag
 * changes, in the same transaction as its audit event.
 */
import type { ApiParsedBody, ApiReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { fail } from "../errors.ts";
import { assertMayPublish } from "./access.ts";
import { loadDocument } from "./load-document.ts";

export async function publishDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ApiParsedBody<"POST /api/documents/:id/publish">,
): Promise<ApiReply<"POST /api/documents/:id/publish">> {
  assertMayPublish(actor, id);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadDocument(trx, actor, id, { own: true, forUpdate: true });
    if (row.direction !== "outgoing" || row.status !== "issued")
      throw fail("NOT_PUBLISHABLE", `document ${id} is ${row.direction}/${row.status}`);
    // A secret document is never public (taking one down is always allowed).
    if (input.public) assertMayPublish(actor, id, row.secrecy);
    await trx
      .updateTable("documents")
      .set({ is_public: input.public, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: input.public ? "document.publish" : "document.unpublish",
      entity: "document",
      entityId: id,
      before: { isPublic: row.is_public },
      after: { isPublic: input.public },
      at: now,
    });
    return { id, isPublic: input.public };
  });
}
