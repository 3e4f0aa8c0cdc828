import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";
import { decodeText, type TextEncoding } from "./decode-text.ts";
import { resolveLimits, type ExtractLimits } from "./limits.ts";
import { checkDocxArchive } from "./zip-directory.ts";

/**
 * Text out of a document file, whatever its kind: plain text or markdown in any encoding
 * `decodeText` recognises, Word .docx (mammoth), PDF with a text layer (pdfjs-dist).
 * Never throws for bad input: a file that cannot be read gives a fatal note with a stable code.
 * A file over one of the limits (pages, text length, declared unpacked size) is refused with
 * FILE_TOO_COMPLEX, PDF_TOO_MANY_PAGES or TEXT_TOO_LONG before the costly part is done. This runs
 * on the calling thread: for untrusted files use the reader pool, which adds memory and time caps.
 */
export type SourceFormat = "text" | "docx" | "pdf";

export interface ExtractNote {
  code: string;
  message: string;
  /** True when no usable text came out: the caller should report the file as failed. */
  fatal: boolean;
  /** The parse-contract field the note is about ("reference", "date"...), when it is about one. */
  field?: string | null;
  /** 1-based page the note is about, when it is about one. */
  page?: number;
}

/**
 * Where a range [start, end) of the extracted text came from: a PDF's text layer, text
 * recognition (OCR) of a page image, or a later revision of the PDF (a number stamped at issuing).
 */
export interface TextSource {
  start: number;
  end: number;
  source: "text" | "ocr" | "revision";
  /** 1-based page. */
  page: number;
  /** 0..1; 1 for a text layer. */
  confidence?: number;
  /** Which revision of the PDF drew it (1 = the first), for source "revision". */
  revision?: number;
}

export interface ExtractedText {
  text: string;
  format: SourceFormat;
  encoding?: TextEncoding;
  pages?: number;
  notes: ExtractNote[];
  /** Where each part of `text` came from, in order; absent for plain text. */
  sources?: TextSource[];
}

const MAX_BYTES = 50 * 1024 * 1024;

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Guesses the kind of file from its first bytes, then its name. */
export function detectFormat(bytes: Uint8Array, fileName = ""): SourceFormat | "doc" | "zip" {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return "doc"; // OLE: Word 97-2003
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04))
    return /\.docx$/i.test(fileName) || hasDocxPart(bytes) ? "docx" : "zip";
  return "text";
}

function hasDocxPart(bytes: Uint8Array): boolean {
  // The zip's local file names are plain ASCII: look for the main document part.
  const head = new TextDecoder("latin1").decode(
    bytes.subarray(0, Math.min(bytes.length, 64 * 1024)),
  );
  return head.includes("word/document.xml") || head.includes("[Content_Types].xml");
}

function fatal(code: string, message: string, format: SourceFormat = "text"): ExtractedText {
  return { text: "", format, notes: [{ code, message, fatal: true }] };
}

function tooLong(length: number, max: number, format: SourceFormat): ExtractedText {
  const what = length > max * 4 ? "file" : "text";
  return fatal("TEXT_TOO_LONG", `The ${what} is longer than ${max} characters.`, format);
}

export async function extractText(
  bytes: Uint8Array,
  fileName = "",
  options: Partial<ExtractLimits> = {},
): Promise<ExtractedText> {
  const limits = resolveLimits(options);
  if (bytes.length === 0) return fatal("EMPTY_FILE", "The file is empty.");
  if (bytes.length > MAX_BYTES)
    return fatal("FILE_TOO_LARGE", `The file is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case "doc":
      return fatal(
        "UNSUPPORTED_FORMAT_DOC",
        "Word 97-2003 (.doc) files are not read; save the file as .docx or PDF.",
      );
    case "zip":
      return fatal(
        "UNSUPPORTED_FORMAT",
        "The file is a zip archive but not a Word .docx document.",
      );
    case "docx":
      return extractDocx(bytes, limits);
    case "pdf":
      return extractPdf(bytes, limits);
    default: {
      // A character takes at most 4 bytes in any encoding we read: refuse without decoding.
      if (bytes.length > limits.maxTextChars * 4)
        return tooLong(bytes.length, limits.maxTextChars, "text");
      const decoded = decodeText(bytes);
      const notes: ExtractNote[] = decoded.notes.map((n) => ({
        code: n.code,
        message: n.message,
        fatal: n.code === "LEGACY_ENCODING_VNI" || n.code === "BINARY_CONTENT",
      }));
      if (!decoded.text.trim() && !notes.some((n) => n.fatal)) {
        notes.push({ code: "NO_TEXT", message: "The file holds no text.", fatal: true });
      }
      const text = notes.some((n) => n.fatal) ? "" : decoded.text;
      if (text.length > limits.maxTextChars)
        return tooLong(text.length, limits.maxTextChars, "text");
      return { text, format: "text", encoding: decoded.encoding, notes };
    }
  }
}

async function extractDocx(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedText> {
  const problem = checkDocxArchive(bytes, limits);
  if (problem) return fatal(problem.code, problem.message, "docx");
  try {
    const mammoth = await import("mammoth");
    const extract = (mammoth.default ?? mammoth).extractRawText;
    const result = await extract({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    if (result.value.length > limits.maxTextChars)
      return tooLong(result.value.length, limits.maxTextChars, "docx");
    const text = decodeText(result.value).text;
    const notes: ExtractNote[] = [];
    if (!text.trim())
      notes.push({ code: "NO_TEXT", message: "The .docx document holds no text.", fatal: true });
    return { text, format: "docx", notes };
  } catch (error) {
    return fatal(
      "UNREADABLE_DOCX",
      `The .docx file cannot be read: ${(error as Error).message}`,
      "docx",
    );
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/**
 * Page objects written in the clear (`/Type /Page`), counted up to `stopAfter`. A lower bound:
 * pages inside compressed object streams are not seen. Measured: pdfjs needed 16 s on a
 * 100,000-page file to say how many pages it has (it looks the last page up through the tree);
 * this scan answers in about 100 ms.
 */
export function countPageObjects(bytes: Uint8Array, stopAfter: number): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const page = /\/Type\s*\/Page(?![A-Za-z])/g;
  let n = 0;
  while (n <= stopAfter && page.exec(text)) n++;
  return n;
}

function tooManyPages(pages: string, limits: ExtractLimits): ExtractedText {
  const message = `The PDF has ${pages} pages, more than ${limits.maxPdfPages}.`;
  return fatal("PDF_TOO_MANY_PAGES", message, "pdf");
}

async function extractPdf(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedText> {
  const visible = countPageObjects(bytes, limits.maxPdfPages);
  if (visible > limits.maxPdfPages) return tooManyPages(`at least ${visible}`, limits);
  let pdfjs: typeof PdfJs;
  try {
    pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    return fatal(
      "PDF_READER_MISSING",
      `The PDF reader could not be loaded: ${(error as Error).message}`,
      "pdf",
    );
  }
  let doc;
  try {
    // pdfjs takes ownership of the buffer: hand it a copy.
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException")
      return fatal("PDF_ENCRYPTED", "The PDF is protected by a password.", "pdf");
    return fatal("UNREADABLE_PDF", `The PDF cannot be read: ${(error as Error).message}`, "pdf");
  }
  try {
    // The page count comes from the page tree's root, before any page is read: pdfjs's page
    // lookup is quadratic in a flat tree (see limits.ts), so this bounds the whole read.
    if (doc.numPages > limits.maxPdfPages) return tooManyPages(String(doc.numPages), limits);
    const pages: string[] = [];
    const sources: TextSource[] = [];
    let length = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const [x0, , x1] = page.view as [number, number, number, number];
      const laid = layoutPage(
        content.items.filter((i) => "str" in i) as unknown as PdfTextItem[],
        x1 - x0,
      );
      const pageText = decodeText(laid).text;
      pages.push(pageText);
      page.cleanup();
      if (pageText)
        sources.push({ start: length, end: length + pageText.length, source: "text", page: p });
      length += pageText.length + 2;
      if (length > limits.maxTextChars) return tooLong(length, limits.maxTextChars, "pdf");
    }
    const text = pages.join("\n\n");
    const notes: ExtractNote[] = [];
    if (!text.trim()) {
      notes.push({
        code: "PDF_NO_TEXT_LAYER",
        message: "The PDF has no text layer (a scan); text recognition (OCR) is needed.",
        fatal: true,
      });
    }
    return { text, format: "pdf", pages: doc.numPages, notes, sources };
  } finally {
    await doc.destroy();
  }
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface PdfLine {
  y: number;
  h: number;
  /** A vertical gap above this line that reads as a blank line. */
  gapBefore: boolean;
  segments: Segment[];
}

/**
 * Rebuilds lines from positioned text runs. Runs on one baseline form a line, in x order; a wide
 * horizontal gap splits it into segments. Where the page is in two columns (the header: issuer
 * and number left, motto and date right; the foot: "Nơi nhận" left, signature right), the left
 * column is written first, then a blank line, then the right column, as a flattened table
 * reads. A tall vertical gap leaves a blank line.
 */
export function layoutPage(items: PdfTextItem[], pageWidth = 595): string {
  const runs = items
    .filter((i) => i.str.length > 0)
    .map((i) => ({
      s: i.str,
      x: i.transform[4]!,
      y: i.transform[5]!,
      w: i.width,
      h: Math.abs(i.transform[3]!) || i.height || 10,
    }));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const grouped: Array<{ y: number; h: number; runs: typeof runs }> = [];
  for (const r of runs) {
    const last = grouped[grouped.length - 1];
    if (last && Math.abs(last.y - r.y) <= Math.max(2, Math.min(r.h, last.h) * 0.3))
      last.runs.push(r);
    else grouped.push({ y: r.y, h: r.h, runs: [r] });
  }
  const lines: PdfLine[] = [];
  let prevY: number | null = null;
  let prevH = 0;
  for (const g of grouped) {
    g.runs.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    let current: Segment | null = null;
    for (const r of g.runs) {
      const gap = current ? r.x - current.x1 : 0;
      // A wide gap splits the line; so does a narrower one between the two halves of the page
      // (the header's columns are sometimes set close together).
      const acrossMiddle =
        current !== null &&
        gap > r.h * 0.5 &&
        current.x1 < pageWidth * 0.55 &&
        r.x > pageWidth * 0.35;
      if (!current || gap > r.h * 2.5 || gap < -r.h * 0.5 || acrossMiddle) {
        if (current) segments.push(current);
        current = { text: r.s, x0: r.x, x1: r.x + r.w };
        continue;
      }
      if (gap > r.h * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(r.s)) current.text += " ";
      current.text += r.s;
      current.x1 = Math.max(current.x1, r.x + r.w);
    }
    if (current) segments.push(current);
    const gapBefore = prevY !== null && prevY - g.y > Math.max(prevH, g.h) * 1.9;
    lines.push({
      y: g.y,
      h: g.h,
      gapBefore,
      segments: segments
        .map((x) => ({ ...x, text: x.text.replace(/\s+/g, " ").trim() }))
        .filter((x) => x.text),
    });
    prevY = g.y;
    prevH = g.h;
  }

  const mid = pageWidth / 2;
  const slack = pageWidth * 0.1;
  const side = (seg: Segment): "left" | "right" | "full" => {
    const left = seg.x1 <= mid + slack;
    const right = seg.x0 >= mid - slack;
    if (left && right) return (seg.x0 + seg.x1) / 2 < mid ? "left" : "right";
    return left ? "left" : right ? "right" : "full";
  };
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const isColumnLine = (l: PdfLine): boolean =>
      l.segments.length > 0 && l.segments.every((x) => side(x) !== "full");
    // A block of column lines with text on both sides: left column, blank line, right column.
    // A block ends at a tall vertical gap: what follows is the next part of the page.
    let j = i;
    while (j < lines.length && isColumnLine(lines[j]!) && (j === i || !lines[j]!.gapBefore)) j++;
    const block = lines.slice(i, j);
    const hasBoth =
      block.some((l) => l.segments.some((x) => side(x) === "left")) &&
      block.some((l) => l.segments.some((x) => side(x) === "right"));
    if (block.length > 1 && hasBoth) {
      for (const which of ["left", "right"] as const) {
        if (which === "right") out.push("");
        let first = true;
        for (const l of block) {
          const parts = l.segments.filter((x) => side(x) === which);
          if (!parts.length) continue;
          if (l.gapBefore && !first) out.push("");
          out.push(...parts.map((x) => x.text));
          first = false;
        }
      }
      out.push("");
      i = j;
      continue;
    }
    if (line.gapBefore) out.push("");
    out.push(...line.segments.map((x) => x.text));
    i++;
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
