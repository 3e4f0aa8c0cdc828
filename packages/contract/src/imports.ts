/** /api/imports: batches of received files, read in the background, and where each stands. */
import { z } from "zod";
import { IMPORT_ITEM_STATUSES, IMPORT_SOURCES } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { day, documentStatus, id, items, note, timestamp } from "./common.ts";

export const batchCounts = z.strictObject({
  total: z.number().int(),
  queued: z.number().int(),
  reading: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  /** Documents the batch made (a file may hold several; a file imported before makes none). */
  documentsCreated: z.number().int(),
  /** Files found imported already. */
  duplicates: z.number().int(),
});
export type BatchCounts = z.infer<typeof batchCounts>;

export const batchSummary = z.strictObject({
  id,
  source: z.enum(IMPORT_SOURCES),
  label: z.string().nullable(),
  createdAt: timestamp,
  createdBy: z.string(),
  counts: batchCounts,
  /** Every file has an outcome. */
  finished: z.boolean(),
});
export type BatchSummary = z.infer<typeof batchSummary>;

export const importItem = z.strictObject({
  id: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  status: z.enum(IMPORT_ITEM_STATUSES),
  attempts: z.number().int(),
  /** A failure (or, while queued again, the passing trouble of the last taking). */
  error: note.nullable(),
  duplicate: z.boolean(),
  notes: z.array(note),
  /** The documents read from the file, with the fields read, for the clerk to check. */
  documents: z.array(
    z.strictObject({
      id,
      part: z.number().int(),
      created: z.boolean(),
      pages: z.tuple([z.number().int(), z.number().int()]).nullable(),
      reference: z.string().nullable(),
      typeName: z.string().nullable(),
      subject: z.string().nullable(),
      issuer: z.string().nullable(),
      date: day.nullable(),
      status: documentStatus,
    }),
  ),
});
export type ImportItem = z.infer<typeof importItem>;

export const batchView = batchSummary.extend({ items: z.array(importItem) });
export type BatchView = z.infer<typeof batchView>;

export const importEndpoints = {
  "POST /api/imports": endpoint({
    summary:
      "Import received files (field “file”, repeated; up to 100 a request; a folder's relative paths kept): stored and queued, read in the background; answers at once with the batch",
    tag: "imports",
    auth: "session",
    roles: ["clerk"],
    upload: "many",
    status: 202,
    replies: "The batch: counts and each file (queued, or done/failed at once)",
    reply: batchView,
    errors: { 403: "Not a clerk", 413: "IMPORT_TOO_MANY_FILES", 415: "Not multipart" },
  }),
  "POST /api/imports/:id/files": endpoint({
    summary: "More files for a batch (the web app sends a large folder in groups)",
    tag: "imports",
    auth: "session",
    roles: ["clerk"],
    upload: "many",
    status: 202,
    replies: "The batch",
    reply: batchView,
    errors: { 404: "IMPORT_BATCH_NOT_FOUND", 413: "IMPORT_TOO_MANY_FILES (1000 files a batch)" },
  }),
  "GET /api/imports": endpoint({
    summary: "The agency's latest import batches with their counts",
    tag: "imports",
    auth: "session",
    replies: "The latest 20 batches",
    reply: items(batchSummary),
  }),
  "GET /api/imports/:id": endpoint({
    summary:
      "Where a batch stands: counts (queued, reading, done, failed, documents created) and each file with its error code and message or its documents",
    tag: "imports",
    auth: "session",
    replies: "The batch",
    reply: batchView,
    errors: { 404: "IMPORT_BATCH_NOT_FOUND" },
  }),
};
