/** /api/imports: wiring only (authenticate, read the upload, call the use case, present). */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { readUploads } from "../http/files.ts";
import { fail } from "../errors.ts";
import {
  MAX_FILES_PER_REQUEST,
  addFiles,
  assertMayImport,
  createBatch,
  loadOwnBatch,
} from "./batches.ts";
import { batchView, listBatches } from "./progress.ts";

export function registerImportRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
  /** Tells this process's import worker that items are waiting. */
  wake: () => void,
) {
  const limits = { maxFiles: MAX_FILES_PER_REQUEST, maxBytes: ctx.config.maxUploadBytes };

  app.post("/api/imports", async (request, reply) => {
    const actor = requireActor(request);
    assertMayImport(actor);
    const fields: Record<string, string> = {};
    const files = readUploads(request, limits, fields);
    // The batch is made at the first file, so that a label sent before the files is its own.
    const first = await files.next();
    if (first.done)
      throw fail("VALIDATION_FAILED", "no file part", [
        { path: "file", message: "Thiếu tệp (trường “file”)." },
      ]);
    const batchId = await createBatch(ctx, actor, { source: "web", label: fields.label ?? null });
    const rest = async function* () {
      yield first.value;
      yield* files;
    };
    await addFiles(ctx, actor, batchId, rest(), wake);
    return reply.status(202).send(await batchView(ctx, actor, batchId));
  });
  api.add({
    method: "POST",
    url: "/api/imports",
    summary:
      "Import received files (field “file”, repeated; up to 100 a request; a folder's relative paths kept): stored and queued, read in the background; answers at once with the batch",
    tag: "imports",
    auth: "session",
    multipart: true,
    responses: {
      202: "The batch: counts and each file (queued, or done/failed at once)",
      403: "Not a clerk",
      413: "IMPORT_TOO_MANY_FILES",
      415: "Not multipart",
    },
  });

  app.post("/api/imports/:id/files", async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    assertMayImport(actor);
    await loadOwnBatch(ctx.db, actor, id);
    await addFiles(ctx, actor, id, readUploads(request, limits), wake);
    return reply.status(202).send(await batchView(ctx, actor, id));
  });
  api.add({
    method: "POST",
    url: "/api/imports/:id/files",
    summary: "More files for a batch (the web app sends a large folder in groups)",
    tag: "imports",
    auth: "session",
    multipart: true,
    responses: {
      202: "The batch",
      404: "IMPORT_BATCH_NOT_FOUND",
      413: "IMPORT_TOO_MANY_FILES (1000 files a batch)",
    },
  });

  app.get("/api/imports", async (request) => listBatches(ctx, requireActor(request)));
  api.add({
    method: "GET",
    url: "/api/imports",
    summary: "The agency's latest import batches with their counts",
    tag: "imports",
    auth: "session",
    responses: { 200: "{items: [{id, label, createdAt, counts, finished}]}" },
  });

  app.get("/api/imports/:id", async (request) => {
    const { id } = request.params as { id: string };
    return batchView(ctx, requireActor(request), id);
  });
  api.add({
    method: "GET",
    url: "/api/imports/:id",
    summary:
      "Where a batch stands: counts (queued, reading, done, failed, documents created) and each file with its error code and message or its documents",
    tag: "imports",
    auth: "session",
    responses: { 200: "The batch", 404: "IMPORT_BATCH_NOT_FOUND" },
  });
}
