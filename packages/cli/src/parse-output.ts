import { parseExtracted, type ParsedFile } from "@vanthu/extract";
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
  const { parts, ...output } = parseOutputParts(file, read, json);
  return { ...output, out: parts && joinParts(parts) };
}

/** parseOutput with `out` in parts, in order (the JSON line as contractJsonParts gives it). */
export function parseOutputParts(
  file: string,
  read: ReadResult,
  json: boolean,
): { ok: boolean; parts: LineParts | null; err: string[] } {
  if (!read.ok)
    return {
      ok: false,
      parts: null,
      err: read.notes
        .filter((n) => n.fatal)
        .map((n) => `vanthu: ${file}: ${vi(n.code, n.message)} [${n.code}]`),
    };
  // The parse contract of the file: the fields, where each came from, the notes of the reading
  // and the parser, and `documents`, one result per document the file holds.
  const parsed = parseExtracted(read.extracted);
  if (json) return { ok: true, parts: contractJsonParts(file, parsed), err: [] };
  const n = parsed.documents.length;
  const summary = parsed.documents
    .map((doc, i) =>
      formatSummary(n > 1 ? `${file} (${LABELS.partOfFile} ${i + 1}/${n})` : file, doc),
    )
    .join("\n\n");
  return { ok: true, parts: [summary], err: [] };
}

/**
 * `JSON.stringify({ file, ...parsed })`, with the first document written once and used twice:
 * the top level is that document's fields and `documents` begins with it, so stringifying the
 * whole object wrote the same (and largest) part of the line twice over.
 */
export function contractJson(file: string, parsed: ParsedFile): string {
  return joinParts(contractJsonParts(file, parsed));
}

/**
 * A line in parts, in order; a number stands for that part again (the first document's fields,
 * at the top level and in `documents`), so that a writer encodes it once and copies its bytes.
 */
export type LineParts = Array<string | number>;

export function joinParts(parts: LineParts): string {
  return parts.map((p) => (typeof p === "number" ? (parts[p] as string) : p)).join("");
}

/** contractJson in parts (LineParts): joined, they make a long string copied once more. */
export function contractJsonParts(file: string, parsed: ParsedFile): LineParts {
  const { documents } = parsed;
  const first = documents[0];
  const firstJson = first === undefined ? "{}" : JSON.stringify(first);
  if (!sameFields(parsed, first) || firstJson.length < 3)
    return [JSON.stringify({ file, ...parsed })];
  // The top level's fields, then the same between braces as the first of `documents`.
  const parts: LineParts = [`{"file":${JSON.stringify(file)},`, firstJson.slice(1, -1)];
  parts.push(`,"documents":[{`, 1, "}");
  for (let i = 1; i < documents.length; i++) parts.push(",", JSON.stringify(documents[i]));
  parts.push("]}");
  return parts;
}

/** The top level is `{ ...first, documents }`: the same keys, in order, with the same values. */
function sameFields(parsed: ParsedFile, first: object | undefined): boolean {
  if (!first) return false;
  const keys = Object.keys(parsed);
  const own = Object.keys(first);
  if (keys.length !== own.length + 1 || keys[own.length] !== "documents") return false;
  const a = parsed as unknown as Record<string, unknown>;
  const b = first as Record<string, unknown>;
  for (let i = 0; i < own.length; i++)
    if (keys[i] !== own[i] || a[own[i]!] !== b[own[i]!]) return false;
  return !("file" in b);
}
