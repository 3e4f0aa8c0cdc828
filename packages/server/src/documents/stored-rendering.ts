/**
 * The stored ND30 HTML of an issued document: drawn in the issuing transaction from the final
 * content (issued content never changes afterwards), read by the portal and the document view
 * instead of laying the document out again on every request. Documents issued before the column
 * existed are drawn on their first view and stored then, once.
 */
import { layoutDocument } from "@vanthu/core";
import { renderHtml } from "@vanthu/render";
import type { DocumentRow } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import type { DocumentContent } from "./document-content.ts";
import { readContent } from "../stored-json.ts";

/** The ND30 layout of `content` as an HTML fragment (no linting). */
export function renderDocumentHtml(content: DocumentContent): string {
  return renderHtml(layoutDocument(content), { title: content.subject ?? "", fragment: true });
}

/** The stored rendering of an issued document, drawn and stored now if it has none yet. */
export async function storedRendering(
  ctx: AppContext,
  row: Pick<DocumentRow, "id" | "status" | "content" | "rendered_html">,
): Promise<string> {
  if (row.rendered_html) return row.rendered_html;
  const html = renderDocumentHtml(readContent(row.content, row.id));
  // Only issued content is immutable; a draft's rendering would go stale on its next save.
  if (row.status === "issued")
    await ctx.db
      .updateTable("documents")
      .set({ rendered_html: html })
      .where("id", "=", row.id)
      .where("rendered_html", "is", null)
      .execute();
  return html;
}
