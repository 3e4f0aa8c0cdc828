import { parseExtracted } from "@vanthu/extract";
import { formatSummary } from "./format-summary.ts";
import { LABELS, vi } from "./messages.vi.ts";
import type { ReadResult } from "./read-result.ts";

/** What `vanthu parse` prints for one file: a JSON line or a summary, or errors for stderr. */
export interface ParseOutput {
  ok: boolean;
  /** The JSON line or the summary; null when the file could not be read. */
  out: string | null;
  /** `out` and its line end in UTF-8, when a parse thread was asked for them (`out` is then ""). */
  bytes?: Uint8Array;
  err: string[];
}

/** Parses what was read of `file` and formats it. Pure: the same in a parse thread or here. */
export function parseOutput(file: string, read: ReadResult, json: boolean): ParseOutput {
  if (!read.ok)
    return {
      ok: false,
      out: null,
      err: read.notes
        .filter((n) => n.fatal)
        .map((n) => `vanthu: ${file}: ${vi(n.code, n.message)} [${n.code}]`),
    };
  // The parse contract of the file: the fields, where each came from, the notes of the reading
  // and the parser, and `documents`, one result per document the file holds.
  const parsed = parseExtracted(read.extracted);
  if (json) return { ok: true, out: JSON.stringify({ file, ...parsed }), err: [] };
  const n = parsed.documents.length;
  const summary = parsed.documents
    .map((doc, i) =>
      formatSummary(n > 1 ? `${file} (${LABELS.partOfFile} ${i + 1}/${n})` : file, doc),
    )
    .join("\n\n");
  return { ok: true, out: summary, err: [] };
}
