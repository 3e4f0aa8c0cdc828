import type { ExtractNote, ExtractedText } from "@vanthu/extract";

/** A file's text as a command reads it: `ok` false when no usable text came out. */
export interface ReadResult {
  ok: boolean;
  text: string;
  notes: ExtractNote[];
  /** What the reader gave (text, format, sources per page), for parseExtracted. */
  extracted: ExtractedText;
}

export function readResult(extracted: ExtractedText): ReadResult {
  return {
    ok: !extracted.notes.some((n) => n.fatal),
    text: extracted.text,
    notes: extracted.notes,
    extracted,
  };
}
