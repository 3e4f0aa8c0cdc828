/**
 * A register's entries in number order, with the columns of ND30 Phụ lục IV (the web page prints
 * them): only the agency's own registers, only the documents the reader may see.
 */
import type { ApiReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { isUuid, visibleTo } from "../documents/access.ts";
import { readContent } from "../stored-json.ts";

export async function readRegister(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ApiReply<"GET /api/registers/:id">> {
  const register = isUuid(id)
    ? await ctx.db
        .selectFrom("registers")
        .selectAll()
        .where("id", "=", id)
        .where("agency_id", "=", actor.agencyId)
        .executeTakeFirst()
    : undefined;
  if (!register) throw fail("NOT_FOUND", `no register ${id}`);
  const rows = await ctx.db
    .selectFrom("register_entries")
    .innerJoin("documents", "documents.id", "register_entries.document_id")
    .leftJoin("users", "users.id", "register_entries.registered_by")
    .leftJoin("users as ack", "ack.id", "register_entries.signature_acknowledged_by")
    .select([
      "register_entries.number",
      "register_entries.registered_at",
      "register_entries.arrived_on",
      "register_entries.signature_level",
      "ack.full_name as acknowledged_by",
      "documents.id",
      "documents.reference",
      "documents.document_date",
      "documents.type_name",
      "documents.subject",
      "documents.issuer_name",
      "documents.signer_name",
      "documents.content",
      "users.full_name as registered_by",
    ])
    .where("register_entries.register_id", "=", register.id)
    .where(visibleTo(actor))
    .orderBy("register_entries.number")
    .execute();
  const handlers =
    register.book === "incoming"
      ? await leadHandlers(
          ctx,
          rows.map((r) => r.id),
        )
      : new Map();
  return {
    register: {
      id: register.id,
      book: register.book,
      period: register.period,
      typeCode: register.type_code || null,
    },
    entries: rows.map((r) => {
      const content = readContent(r.content, r.id);
      return {
        number: r.number,
        registeredAt: r.registered_at.toISOString(),
        arrivedOn: r.arrived_on,
        documentId: r.id,
        reference: r.reference,
        date: r.document_date,
        typeName: r.type_name,
        subject: r.subject,
        issuer: r.issuer_name,
        signer: r.signer_name,
        recipients: content.recipients,
        archive: content.archive,
        registeredBy: r.registered_by,
        handler: handlers.get(r.id) ?? null,
        signatureLevel: r.signature_level,
        signatureAcknowledgedBy: r.acknowledged_by,
      };
    }),
  };
}

/**
 * The incoming register's "Đơn vị hoặc người nhận": the lead handler of each document, its unit
 * and the person it was passed down to last ("Ban Thời sự: Chuyên viên TS").
 */
async function leadHandlers(ctx: AppContext, documentIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!documentIds.length) return out;
  const rows = await ctx.db
    .selectFrom("handlers")
    .leftJoin("units", "units.id", "handlers.unit_id")
    .leftJoin("users", "users.id", "handlers.user_id")
    .select([
      "handlers.id",
      "handlers.document_id",
      "handlers.parent_id",
      "units.name as unit",
      "users.full_name as person",
    ])
    .where("handlers.document_id", "in", documentIds)
    .where("handlers.role", "=", "lead")
    .orderBy("handlers.assigned_at")
    .execute();
  for (const root of rows.filter((r) => !r.parent_id)) {
    let last = root;
    for (let i = 0; i < 50; i++) {
      const child = rows.find((r) => r.parent_id === last.id);
      if (!child) break;
      last = child;
    }
    const names = [root.unit ?? root.person, last !== root ? last.person : null].filter(Boolean);
    if (!out.has(root.document_id)) out.set(root.document_id, names.join(": "));
  }
  return out;
}
