/** /api/imports: wiring only (read the upload as it arrives, call the use case, present). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { readUploads } from "../http/files.ts";
import { MAX_FILES_PER_REQUEST, addFiles, loadOwnBatch, startBatch } from "./batches.ts";
import { batchView, listBatches } from "./progress.ts";

export function importRoutes(
  ctx: AppContext,
  /** Tells this process's import worker that items are waiting. */
  wake: () => void,
): RouteTable {
  const limits = { maxFiles: MAX_FILES_PER_REQUEST, maxBytes: ctx.config.maxUploadBytes };
  return {
    "POST /api/imports": async ({ actor, request }) => {
      const fields: Record<string, string> = {};
      const files = readUploads(request, limits, fields);
      return batchView(ctx, actor, await startBatch(ctx, actor, files, fields, wake));
    },

    "POST /api/imports/:id/files": async ({ actor, params, request }) => {
      await loadOwnBatch(ctx.db, actor, params.id);
      await addFiles(ctx, actor, params.id, readUploads(request, limits), wake);
      return batchView(ctx, actor, params.id);
    },

    "GET /api/imports": async ({ actor }) => listBatches(ctx, actor),

    "GET /api/imports/:id": async ({ actor, params }) => batchView(ctx, actor, params.id),
  };
}
