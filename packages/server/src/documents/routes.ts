/** /api/documents: wiring only (the declarations in @vanthu/contract; the use cases beside). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { inOneStatement } from "../auth/sessions.ts";
import { readUpload, sendFile } from "../http/files.ts";
import { createDraft } from "./create-draft.ts";
import { importDocument, presentImport } from "./import-document.ts";
import { issueDocument } from "./issue-document.ts";
import { listDocuments } from "./list-documents.ts";
import { readDocumentFile } from "./document-files.ts";
import { withShownLinks } from "./access.ts";
import { loadDocument } from "./load-document.ts";
import { openDocument } from "./open-document.ts";
import { previewDraft, viewDocument } from "./preview.ts";
import { publishDocument } from "./publish-document.ts";
import { detail } from "./present.ts";
import { registerIncoming } from "./register-incoming.ts";
import { updateDraft } from "./update-draft.ts";
import { deleteDraft } from "./delete-draft.ts";

export function documentRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/documents": async ({ actor, query, request }) => {
      const { result, actor: now } = await inOneStatement(
        ctx,
        request.sessionUnchecked,
        actor,
        (a, holds) => listDocuments(ctx, a, query, holds),
        (r) => !r.items.length,
      );
      request.actor = now;
      return result;
    },

    "POST /api/documents": async ({ actor, body }) => {
      const { id } = await createDraft(ctx, actor, "text" in body ? body : { fields: body });
      return detail(await withShownLinks(ctx.db, actor, await loadDocument(ctx.db, actor, id)));
    },

    "POST /api/documents/import": async ({ actor, request, reply }) => {
      const result = await importDocument(ctx, actor, await readUpload(request));
      if (result.duplicate) void reply.status(200);
      return presentImport(ctx, actor, result);
    },

    "POST /api/documents/preview": async ({ actor, body }) => previewDraft(ctx, actor, body),

    "GET /api/documents/:id/view": async ({ actor, params }) =>
      viewDocument(ctx, actor, await loadDocument(ctx.db, actor, params.id)),

    "POST /api/documents/:id/publish": async ({ actor, params, body }) =>
      publishDocument(ctx, actor, params.id, body),

    "GET /api/documents/:id": async ({ actor, params }) => openDocument(ctx, actor, params.id),

    "PATCH /api/documents/:id": async ({ actor, params, body }) => {
      await updateDraft(ctx, actor, params.id, "text" in body ? body : { fields: body });
      return detail(
        await withShownLinks(ctx.db, actor, await loadDocument(ctx.db, actor, params.id)),
      );
    },

    "DELETE /api/documents/:id": async ({ actor, params }) => {
      await deleteDraft(ctx, actor, params.id);
      return { ok: true as const };
    },

    "POST /api/documents/:id/issue": async ({ actor, params, body }) =>
      issueDocument(ctx, actor, params.id, body),

    "POST /api/documents/:id/register": async ({ actor, params, body }) =>
      registerIncoming(ctx, actor, params.id, body),

    "GET /api/documents/:id/files/:name": async ({ actor, params, reply }) =>
      sendFile(reply, await readDocumentFile(ctx, actor, params.id, params.name)),
  };
}
