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
    .select([
      "register_entries.number",
      "register_entries.registered_at",
      "register_entries.arrived_on",
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
      };
    }),
  };
}
