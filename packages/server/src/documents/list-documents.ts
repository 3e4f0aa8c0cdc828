/**
 * The boxes: outgoing (issued by the agency), incoming (received), drafts; filtered by words
 * (diacritics folded), type, dates and urgency; newest first; paged. Only what the reader may see
 * of the agency's records (access.ts: a specialist's boxes hold what is theirs and their unit's).
 * In the incoming box the documents still to register come most urgent first (Hỏa tốc, Thượng
 * khẩn, Khẩn: ND30 Điều 15 has them handled first), then the rest by date.
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { ApiReply, ListQuery } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { ownAndVisible } from "./access.ts";
import { summary } from "./present.ts";

export async function listDocuments(
  ctx: AppContext,
  actor: Actor,
  query: ListQuery,
  /** The session's check, in the same statement (auth/sessions.ts `inOneStatement`). */
  sessionHolds: Expression<SqlBool> | null = null,
): Promise<ApiReply<"GET /api/documents">> {
  let q = ctx.db.selectFrom("documents").where(ownAndVisible(actor));
  if (sessionHolds) q = q.where(sessionHolds);
  if (query.box === "outgoing")
    q = q.where("direction", "=", "outgoing").where("status", "!=", "draft");
  else if (query.box === "drafts")
    q = q.where("direction", "=", "outgoing").where("status", "=", "draft");
  // A record attached to the earlier record of the same document is listed on that one.
  // A copy its issuer recalled is out of the lists (its notice leads to it: exchange/recall.ts).
  else
    q = q
      .where("direction", "=", "incoming")
      .where("attached_to", "is", null)
      .where("withdrawn_at", "is", null);
  if (query.q) q = q.where(sql<boolean>`search @@ websearch_to_tsquery('vn', ${query.q})`);
  if (query.type) q = q.where("type_code", "=", query.type);
  if (query.status) q = q.where("status", "=", query.status);
  if (query.from) q = q.where("document_date", ">=", query.from);
  if (query.to) q = q.where("document_date", "<=", query.to);
  if (query.urgency) q = q.where("urgency", "=", query.urgency);
  let rows = q.select([
    "id",
    "direction",
    "status",
    "reference",
    "type_code",
    "type_name",
    "subject",
    "issuer_name",
    "document_date",
    "is_public",
    "created_at",
    "urgency",
    "secrecy",
    sql<number>`count(*) over ()`.as("total"),
  ]);
  // Still to register, most urgent first.
  if (query.box === "incoming")
    rows = rows.orderBy(
      sql`case when status = 'draft' then case urgency when 'hoa-toc' then 3 when 'thuong-khan' then 2 when 'khan' then 1 else 0 end else 0 end desc`,
    );
  const found = await rows
    .orderBy(sql`document_date desc nulls last`)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  let total = found.length ? Number(found[0]!.total) : 0;
  if (!found.length && query.page > 1) {
    const c = await q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    total = Number(c.n);
  }
  return { items: found.map(summary), total, page: query.page, pageSize: query.pageSize };
}
