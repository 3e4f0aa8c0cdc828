/** The kept versions of a draft, oldest first, with their text. */
import type { VersionItem } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { loadDocument } from "../documents/load-document.ts";

export async function listVersions(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ items: VersionItem[] }> {
  await loadDocument(ctx.db, actor, id, { own: true });
  const rows = await ctx.db
    .selectFrom("document_versions")
    .leftJoin("users", "users.id", "document_versions.author_id")
    .select([
      "document_versions.version",
      "document_versions.text",
      "document_versions.note",
      "document_versions.created_at",
      "users.id as author_id",
      "users.full_name",
      "users.title",
    ])
    .where("document_versions.document_id", "=", id)
    .orderBy("document_versions.version")
    .execute();
  return {
    items: rows.map((r) => ({
      version: r.version,
      text: r.text,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      author: r.author_id ? { id: r.author_id, fullName: r.full_name!, title: r.title } : null,
    })),
  };
}
