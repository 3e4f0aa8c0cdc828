/** /api/documents: wiring only (authenticate, validate, call the use case, present). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { readUpload, sendFile } from "../http/files.ts";
import { validate } from "../validate.ts";
import { createDraft } from "./create-draft.ts";
import { draftFieldsSchema, draftTextSchema } from "./document-content.ts";
import { importDocument } from "./import-document.ts";
import { issueBodySchema, issueDocument } from "./issue-document.ts";
import { listDocuments, listQuerySchema } from "./list-documents.ts";
import { findDocumentFile } from "./document-files.ts";
import { loadDocument } from "./load-document.ts";
import { previewDraft, previewSchema, viewDocument } from "./preview.ts";
import { publishDocument, publishSchema } from "./publish-document.ts";
import { detail } from "./present.ts";
import { ensureRenderedPdf } from "./rendered-pdf.ts";
import { registerCorrectionsSchema, registerIncoming } from "./register-incoming.ts";
import { draftPatchSchema, updateDraft } from "./update-draft.ts";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function draftBody(body: unknown) {
  if (!isObject(body))
    throw fail("VALIDATION_FAILED", "body is not an object", [
      { path: "(body)", message: "Cần một đối tượng JSON." },
    ]);
  return "text" in body ? { kind: "text" as const, body } : { kind: "fields" as const, body };
}

export function registerDocumentRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
) {
  app.get("/api/documents", async (request) => {
    const actor = requireActor(request);
    return listDocuments(ctx, actor, validate(listQuerySchema, request.query));
  });
  api.add({
    method: "GET",
    url: "/api/documents",
    summary: "A box of the agency's documents (outgoing, incoming, drafts), newest first",
    tag: "documents",
    auth: "session",
    query: listQuerySchema,
    responses: { 200: "{items,total,page,pageSize}", 400: "Bad query", 401: "Not signed in" },
  });

  app.post("/api/documents", async (request, reply) => {
    const actor = requireActor(request);
    const b = draftBody(request.body);
    const input =
      b.kind === "text"
        ? validate(draftTextSchema, b.body)
        : { fields: validate(draftFieldsSchema, b.body) };
    const { id } = await createDraft(ctx, actor, input);
    const row = await loadDocument(ctx.db, actor, id);
    return reply.status(201).send(detail(row));
  });
  api.add({
    method: "POST",
    url: "/api/documents",
    summary: 'A new draft, from fields or from {"text": ...}',
    tag: "documents",
    auth: "session",
    body: z.union([draftFieldsSchema, draftTextSchema]),
    responses: { 201: "The draft", 400: "Invalid body", 401: "Not signed in" },
  });

  app.post("/api/documents/import", async (request, reply) => {
    const actor = requireActor(request);
    const result = await importDocument(ctx, actor, await readUpload(request));
    const rows = [];
    for (const id of result.ids) rows.push(detail(await loadDocument(ctx.db, actor, id)));
    return reply.status(result.duplicate ? 200 : 201).send({
      document: rows[0],
      documents: rows,
      duplicate: result.duplicate,
      notes: result.notes,
    });
  });
  api.add({
    method: "POST",
    url: "/api/documents/import",
    summary:
      "Import one received .txt/.md/.docx/.pdf, read inside the request: each document it holds parsed and kept for the clerk to confirm and register (many files, folders, scans: /api/imports)",
    tag: "documents",
    auth: "session",
    multipart: true,
    responses: {
      201: "Imported: {document (the first), documents (every one in the file), duplicate, notes}",
      200: "Already imported (same file)",
      413: "Too large",
      415: "Not a supported file",
      422: "Unreadable",
    },
  });

  app.post("/api/documents/preview", async (request) => {
    const actor = requireActor(request);
    return previewDraft(ctx, actor, validate(previewSchema, request.body));
  });
  api.add({
    method: "POST",
    url: "/api/documents/preview",
    summary:
      "The draft being typed, laid out in ND30 as HTML, with the linter's findings (the agency's profile included)",
    tag: "documents",
    auth: "session",
    body: previewSchema,
    responses: {
      200: "{html,text,findings (first 300),findingsTotal,findingsTruncated,findingsComplete}",
      400: "Invalid fields",
      413: "PREVIEW_TOO_LONG: over 300,000 characters",
    },
  });

  app.get("/api/documents/:id/view", async (request) => {
    const { id } = request.params as { id: string };
    const row = await loadDocument(ctx.db, request.actor, id);
    return viewDocument(ctx, request.actor, row);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/view",
    summary: "A document in the ND30 layout as HTML, with lint findings for its own agency",
    tag: "documents",
    auth: "optional",
    responses: {
      200: "{html (stored at issue),text,findings,findingsTotal,findingsTruncated,findingsComplete}",
      404: "Not found or not visible",
    },
  });

  app.post("/api/documents/:id/publish", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    return publishDocument(ctx, actor, id, validate(publishSchema, request.body));
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/publish",
    summary: "Show an issued document on the public portal, or take it down",
    tag: "documents",
    auth: "session",
    body: publishSchema,
    responses: { 200: "{id,isPublic}", 403: "Not a clerk, leader or admin", 409: "Not issued" },
  });

  app.get("/api/documents/:id", async (request) => {
    const { id } = request.params as { id: string };
    const row = await loadDocument(ctx.db, request.actor, id);
    if (row.status === "issued") await ensureRenderedPdf(ctx, id);
    // A delivered copy shows the original's files (its PDF) as its own.
    if (row.source_id) await ensureRenderedPdf(ctx, row.source_id);
    const holders = row.source_id ? [id, row.source_id] : [id];
    const files = await ctx.db
      .selectFrom("document_files")
      .innerJoin("files", "files.sha256", "document_files.sha256")
      .select(["document_files.name", "document_files.role", "files.size", "files.media_type"])
      .where("document_id", "in", holders)
      .orderBy("document_files.created_at")
      .execute();
    const register = await ctx.db
      .selectFrom("register_entries")
      .innerJoin("registers", "registers.id", "register_entries.register_id")
      .select([
        "registers.book",
        "registers.period",
        "register_entries.number",
        "register_entries.registered_at",
      ])
      .where("register_entries.document_id", "=", id)
      .where("registers.agency_id", "=", row.agency_id)
      .executeTakeFirst();
    // A received copy: where it stands in its delivery (01 arrived ... 06 done).
    const delivery = row.source_id
      ? await ctx.db
          .selectFrom("deliveries")
          .select(["status", "kind", "sent_at", "registered_at", "returned_at", "return_reason"])
          .where("received_id", "=", id)
          .executeTakeFirst()
      : undefined;
    return {
      ...detail(row),
      delivery: delivery
        ? {
            status: delivery.status,
            kind: delivery.kind,
            sentAt: delivery.sent_at,
            registeredAt: delivery.registered_at,
            returnedAt: delivery.returned_at,
            returnReason: delivery.return_reason,
          }
        : null,
      files: files.map((f) => ({
        name: f.name,
        role: f.role,
        size: f.size,
        mediaType: f.media_type,
      })),
      register: register ?? null,
    };
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id",
    summary: "One document: fields, text, files, register entry (own documents, or public ones)",
    tag: "documents",
    auth: "optional",
    responses: { 200: "The document", 404: "Not found or not visible" },
  });

  app.patch("/api/documents/:id", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const b = draftBody(request.body);
    await updateDraft(
      ctx,
      actor,
      id,
      b.kind === "text"
        ? validate(draftTextSchema, b.body)
        : { fields: validate(draftPatchSchema, b.body) },
    );
    return detail(await loadDocument(ctx.db, actor, id));
  });
  api.add({
    method: "PATCH",
    url: "/api/documents/:id",
    summary: "Change a draft (issued documents are immutable)",
    tag: "documents",
    auth: "session",
    body: z.union([draftPatchSchema, draftTextSchema]),
    responses: { 200: "The draft", 400: "Invalid body", 404: "Not found", 409: "Not a draft" },
  });

  app.post("/api/documents/:id/issue", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    return issueDocument(ctx, actor, id, validate(issueBodySchema, request.body ?? {}));
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/issue",
    summary:
      "Issue a draft: next number of the outgoing register, today's date, rendered PDF, delivery to the recipients (confirmed in deliverTo when the text names a group)",
    tag: "documents",
    auth: "session",
    body: issueBodySchema,
    responses: {
      200: '{"number","reference","date"}',
      403: "Not a clerk or leader",
      404: "Not found",
      409: "Already issued",
      422: "Incomplete draft, or recipients to confirm (DELIVERY_UNCONFIRMED)",
    },
  });

  app.post("/api/documents/:id/register", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const corrections = validate(registerCorrectionsSchema, request.body ?? {});
    return registerIncoming(ctx, actor, id, corrections);
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/register",
    summary: "Register an imported document in the incoming register, with corrected fields",
    tag: "documents",
    auth: "session",
    body: registerCorrectionsSchema,
    responses: { 200: "{number,date,reference}", 404: "Not found", 409: "Already registered" },
  });

  app.get("/api/documents/:id/files/:name", async (request, reply) => {
    const { id, name } = request.params as { id: string; name: string };
    const row = await loadDocument(ctx.db, request.actor, id);
    const holders = row.source_id ? [id, row.source_id] : [id];
    const file = await findDocumentFile(ctx, holders, { name });
    if (!file) throw fail("FILE_NOT_FOUND", `no file ${name} on ${id}`);
    return sendFile(reply, file);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/files/:name",
    summary: "A file of a document (original upload, rendered PDF)",
    tag: "documents",
    auth: "optional",
    responses: { 200: "The bytes", 404: "Not found" },
  });
}
