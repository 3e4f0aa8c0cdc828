/**
 * /api/registers: the agency's registers (sổ văn bản đi, sổ văn bản đến) and their entries, in the
 * order and with the columns of ND30 Phụ lục IV. The web page prints them.
 */
import type { FastifyInstance } from "fastify";
import { isUuid, visibleTo } from "../documents/access.ts";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import type { DocumentContent } from "../documents/document-content.ts";

export function registerRegisterRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
) {
  app.get("/api/registers", async (request) => {
    const actor = requireActor(request);
    const rows = await ctx.db
      .selectFrom("registers")
      .leftJoin("register_entries", "register_entries.register_id", "registers.id")
      .select(({ fn }) => [
        "registers.id",
        "registers.book",
        "registers.period",
        "registers.type_code",
        fn.count<string>("register_entries.number").as("entries"),
      ])
      .where("registers.agency_id", "=", actor.agencyId)
      .groupBy(["registers.id", "registers.book", "registers.period", "registers.type_code"])
      .orderBy("registers.period", "desc")
      .orderBy("registers.book")
      .orderBy("registers.type_code")
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        book: r.book,
        period: r.period,
        typeCode: r.type_code || null,
        entries: Number(r.entries),
      })),
    };
  });
  api.add({
    method: "GET",
    url: "/api/registers",
    summary: "The agency's registers (outgoing and incoming, per year or term) with entry counts",
    tag: "registers",
    auth: "session",
    responses: { 200: "{items}" },
  });

  app.get("/api/registers/:id", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
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
        const content = r.content as Partial<DocumentContent> | null;
        return {
          number: r.number,
          registeredAt: r.registered_at,
          documentId: r.id,
          reference: r.reference,
          date: r.document_date,
          typeName: r.type_name,
          subject: r.subject,
          issuer: r.issuer_name,
          signer: r.signer_name,
          recipients: content?.recipients ?? [],
          archive: content?.archive ?? [],
          registeredBy: r.registered_by,
        };
      }),
    };
  });
  api.add({
    method: "GET",
    url: "/api/registers/:id",
    summary: "A register's entries in number order, with the Phụ lục IV columns",
    tag: "registers",
    auth: "session",
    responses: { 200: "{register,entries}", 404: "Not the agency's register" },
  });
}
