/**
 * From extracted text to the parse contract of a file: the parser's fields, where each field came
 * from (`fieldSources`: the text layer, OCR or a later revision of the PDF, with its confidence and
 * page), the extraction's notes and the parser's in one list, each with its field when it has one,
 * and one full result per document when the file holds several. `vanthu parse`, `vanthu import`,
 * the server's import and the evaluation all go through here, so they read a file alike.
 */
import { parseDocument, splitDocuments, type ParsedDocument, type ParseNote } from "@vanthu/core";
import type { ExtractedText, TextSource } from "./extract-text.ts";
import { correctOcrSymbol } from "./ocr-symbol.ts";

export interface FieldSource {
  source: "text" | "ocr" | "revision";
  /** 0..1: the recogniser's confidence for OCR, 1 for a text layer. */
  confidence: number;
  /** 1-based page the field was read on; null when the file has no pages. */
  page: number | null;
}

/** Fields whose source is reported: the ones the parser gives a text span for. */
const SOURCED_FIELDS = ["reference", "date", "subject", "signerName"] as const;

export interface ParsedFileDocument extends ParsedDocument {
  fieldSources: Partial<Record<(typeof SOURCED_FIELDS)[number], FieldSource>>;
  /** [start, end) of this document in the extracted text. */
  range: [number, number];
  /** 1-based pages this document spans, when known. */
  pages?: [number, number];
}

export interface ParsedFile extends ParsedFileDocument {
  /** Every document in the file, the first one being the top level's fields. */
  documents: ParsedFileDocument[];
}

function sourceAt(
  sources: TextSource[] | undefined,
  start: number,
  end: number,
): FieldSource | null {
  if (!sources?.length) return null;
  let best: TextSource | null = null;
  let overlapBest = 0;
  let conf = 1;
  let confWeight = 0;
  let confSum = 0;
  for (const s of sources) {
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap <= 0) continue;
    // A later revision wins whenever it drew any part of the field (a stamped number).
    if (!best || (s.source === "revision" && best.source !== "revision") || overlap > overlapBest) {
      if (!(best?.source === "revision" && s.source !== "revision")) {
        best = s;
        overlapBest = overlap;
      }
    }
    confSum += (s.confidence ?? 1) * overlap;
    confWeight += overlap;
  }
  if (!best) return null;
  if (confWeight) conf = confSum / confWeight;
  return { source: best.source, confidence: Math.round(conf * 1000) / 1000, page: best.page };
}

/** Pages of the sources that overlap [start, end): the first and the last. */
function pagesOf(
  sources: TextSource[] | undefined,
  start: number,
  end: number,
): [number, number] | null {
  const inside = (sources ?? []).filter((s) => s.start < end && s.end > start);
  if (!inside.length) return null;
  return [Math.min(...inside.map((s) => s.page)), Math.max(...inside.map((s) => s.page))];
}

function withSources(
  doc: ParsedDocument,
  offset: number,
  range: [number, number],
  extracted: ExtractedText,
): ParsedFileDocument {
  const fieldSources: ParsedFileDocument["fieldSources"] = {};
  for (const field of SOURCED_FIELDS) {
    const span = doc.spans?.[field];
    if (!span) continue;
    const found = sourceAt(extracted.sources, span[0] + offset, span[1] + offset);
    if (found) fieldSources[field] = found;
    else if (extracted.format !== "pdf" || !extracted.sources?.length)
      fieldSources[field] = { source: "text", confidence: 1, page: null };
  }
  const out: ParsedFileDocument = { ...doc, fieldSources, range };
  const pages = pagesOf(extracted.sources, range[0], range[1]);
  if (pages) out.pages = pages;
  return out;
}

/**
 * What a note of the extraction says in place of the parser's: a blank the recogniser saw ink in
 * is handwritten, not a draft's blank.
 */
const SUPERSEDES: Record<string, string[]> = {
  NUMBER_HANDWRITTEN: ["BLANK_NUMBER"],
  DAY_HANDWRITTEN: ["INCOMPLETE_DATE"],
};

/**
 * Notes of the extraction first, then the parser's; every note names its field (or null). A note
 * about one page goes to the document on that page only (when the pages are known).
 */
function mergeNotes(
  extracted: ExtractedText,
  doc: ParsedDocument,
  pages: [number, number] | null,
): ParseNote[] {
  const read: ParseNote[] = extracted.notes
    .filter((n) => !n.fatal)
    .filter((n) => !pages || n.page === undefined || (n.page >= pages[0] && n.page <= pages[1]))
    .map((n) => ({ code: n.code, message: n.message, field: n.field ?? undefined }));
  const superseded = new Set(read.flatMap((n) => SUPERSEDES[n.code] ?? []));
  return [...read, ...doc.notes.filter((n) => !superseded.has(n.code))];
}

/**
 * Parses extracted text as one file. A file that holds several documents (one PDF with three
 * letters) gives each its own result in `documents`; the top level is the first one, so readers
 * of the single-document contract keep working.
 */
export function parseExtracted(extracted: ExtractedText): ParsedFile {
  const text = extracted.text;
  const pageStarts = (extracted.sources ?? [])
    .filter((s, i, all) => i === 0 || all[i - 1]!.page !== s.page)
    .map((s) => s.start);
  const parts = splitDocuments(text, pageStarts);
  const documents = parts.map(([start, end]) => {
    let doc = parseDocument(text.slice(start, end));
    const corrections: ParseNote[] = [];
    const ref = doc.spans?.reference;
    if (ref && sourceAt(extracted.sources, ref[0] + start, ref[1] + start)?.source === "ocr") {
      const fixed = correctOcrSymbol(doc);
      if (fixed) {
        doc = fixed.doc;
        corrections.push(fixed.note);
      }
    }
    const notes = [
      ...mergeNotes(extracted, doc, pagesOf(extracted.sources, start, end)),
      ...corrections,
    ];
    return withSources(
      { ...doc, notes, warnings: notes.map((n) => n.message) },
      start,
      [start, end],
      extracted,
    );
  });
  return { ...documents[0]!, documents };
}
