import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";
import {
  convertTcvn3,
  decodeText,
  detectLegacyEncoding,
  type TextEncoding,
} from "./decode-text.ts";
import { resolveLimits, type ExtractLimits } from "./limits.ts";
import { extractImage, joinPages, recognizePdfPages, type OcrHooks } from "./ocr-pdf.ts";
import { imageMagic } from "./ocr-render.ts";
import { checkDocxArchive } from "./zip-directory.ts";
import {
  firstRevisionRuns,
  markRevisions,
  pageObjectNumber,
  pageRuns,
  pageSources,
  pageText,
} from "./pdf-page.ts";
import {
  annotationsMayDrawText,
  latin1,
  pagesChangedSinceFirst,
  readStructure,
  type PdfStructure,
} from "./pdf-objects.ts";
import { loadPdfjs } from "./pdfjs.ts";
import { listRevisions, type PdfRevision } from "./pdf-revisions.ts";

export { layoutPage } from "./pdf-layout.ts";
import { ZipEntryError } from "./zip-entry.ts";
import { DocxReadError, readDocxText } from "./docx-text.ts";
import { WordDocError, readWordDoc } from "./word-doc.ts";

/**
 * Text out of a document file, whatever its kind: plain text or markdown in any encoding
 * `decodeText` recognises, Word .docx (docx-text.ts) and Word 97-2003 .doc (word-doc.ts), PDF
 * with a text layer (pdfjs-dist).
 * Never throws for bad input: a file that cannot be read gives a fatal note with a stable code.
 * A file over one of the limits (pages, text length, declared unpacked size) is refused with
 * FILE_TOO_COMPLEX, PDF_TOO_MANY_PAGES or TEXT_TOO_LONG before the costly part is done. This runs
 * on the calling thread: for untrusted files use the reader pool, which adds memory and time caps.
 */
export type SourceFormat = "text" | "docx" | "doc" | "pdf" | "image";

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
  /** A PDF's revisions (incremental updates), first to last; absent for other formats. */
  revisions?: PdfRevisionInfo[];
  /** Pages read by text recognition (OCR), when any: 1-based, their mean confidence, the time. */
  ocr?: { pages: number[]; confidence: number; seconds: number };
}

/** One revision of a PDF: the file as first written is 1, each incremental update adds one. */
export interface PdfRevisionInfo {
  revision: number;
  /** Offset just past this revision's "%%EOF": the file cut there is that revision. */
  byteEnd: number;
  /** A digital signature covers the file up to this revision's end. */
  signed: boolean;
  /** How many objects this revision adds or replaces; null when its cross-reference is unreadable. */
  objects: number | null;
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
  if (imageMagic(bytes)) return "image"; // PNG, JPEG, TIFF: read by OCR
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
  hooks: OcrHooks = {},
): Promise<ExtractedText> {
  const limits = resolveLimits(options);
  if (bytes.length === 0) return fatal("EMPTY_FILE", "The file is empty.");
  if (bytes.length > MAX_BYTES)
    return fatal("FILE_TOO_LARGE", `The file is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case "doc":
      return extractDoc(bytes, limits);
    case "zip":
      return fatal(
        "UNSUPPORTED_FORMAT",
        "The file is a zip archive but not a Word .docx document.",
      );
    case "docx":
      return extractDocx(bytes, limits);
    case "pdf":
      return extractPdf(bytes, limits, hooks);
    case "image":
      return extractImage(bytes, imageMagic(bytes)!, limits, hooks);
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
  return readWordText("docx", () => readDocxText(bytes, limits).text, limits);
}

async function extractDoc(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedText> {
  return readWordText("doc", async () => (await readWordDoc(bytes, limits)).text, limits);
}

/** A Word reader's text, decoded (TCVN3 fonts...) and checked; its failure as a fatal note. */
async function readWordText(
  format: "docx" | "doc",
  read: () => string | Promise<string>,
  limits: ExtractLimits,
): Promise<ExtractedText> {
  try {
    let raw = await read();
    if (raw.length > limits.maxTextChars) return tooLong(raw.length, limits.maxTextChars, format);
    const notes: ExtractNote[] = [];
    const what = format === "doc" ? "Word 97-2003 (.doc)" : ".docx";
    // Typed in a legacy Vietnamese font (.VnTime: TCVN3; VNI-Times: VNI): the characters are the
    // font's, not Unicode. Recognised as in a text file, on the whole text.
    const legacy = detectLegacyEncoding(raw);
    if (legacy === "vni")
      return fatal(
        "LEGACY_ENCODING_VNI",
        `The ${what} document is typed in a VNI font, which cannot be converted reliably; convert it to Unicode (e.g. with Unikey) and try again.`,
        format,
      );
    if (legacy === "tcvn3") {
      raw = convertTcvn3(raw);
      notes.push({
        code: "LEGACY_ENCODING_TCVN3",
        message: `The ${what} document is typed in a TCVN3 (ABC) font; it was converted to Unicode. Check capitals and tone marks.`,
        fatal: false,
      });
    }
    const text = decodeText(raw).text;
    if (!text.trim())
      notes.push({ code: "NO_TEXT", message: `The ${what} document holds no text.`, fatal: true });
    return { text: notes.some((n) => n.fatal) ? "" : text, format, notes };
  } catch (error) {
    if (
      error instanceof DocxReadError ||
      error instanceof ZipEntryError ||
      error instanceof WordDocError
    )
      return error.code === "TEXT_TOO_LONG"
        ? tooLong(limits.maxTextChars + 1, limits.maxTextChars, format)
        : fatal(error.code, error.message, format);
    const what = format === "doc" ? "Word 97-2003 (.doc)" : ".docx";
    const code = format === "doc" ? "UNREADABLE_DOC" : "UNREADABLE_DOCX";
    return fatal(code, `The ${what} file cannot be read: ${(error as Error).message}`, format);
  }
}

/**
 * Page objects written in the clear (`/Type /Page`), counted up to `stopAfter`. A lower bound:
 * pages inside compressed object streams are not seen. Measured: pdfjs needed 16 s on a
 * 100,000-page file to say how many pages it has (it looks the last page up through the tree);
 * this scan answers in about 100 ms.
 */
export function countPageObjects(
  bytes: Uint8Array,
  stopAfter: number,
  text = latin1(bytes),
): number {
  const page = /\/Type\s*\/Page(?![A-Za-z])/g;
  let n = 0;
  while (n <= stopAfter && page.exec(text)) n++;
  return n;
}

function tooManyPages(pages: string, limits: ExtractLimits): ExtractedText {
  const message = `The PDF has ${pages} pages, more than ${limits.maxPdfPages}.`;
  return fatal("PDF_TOO_MANY_PAGES", message, "pdf");
}

async function extractPdf(
  bytes: Uint8Array,
  limits: ExtractLimits,
  hooks: OcrHooks = {},
): Promise<ExtractedText> {
  // The file's bytes as a string, one character a byte, read by the scans below.
  const raw = latin1(bytes);
  const visible = countPageObjects(bytes, limits.maxPdfPages, raw);
  if (visible > limits.maxPdfPages) return tooManyPages(`at least ${visible}`, limits);
  let pdfjs: typeof PdfJs;
  try {
    pdfjs = await loadPdfjs();
  } catch (error) {
    return fatal(
      "PDF_READER_MISSING",
      `The PDF reader could not be loaded: ${(error as Error).message}`,
      "pdf",
    );
  }
  // Images are never decoded (maxImageSize 0): only text is read here, and an annotation's
  // appearance is drawn (pdf-annotations.ts) for the text in it; OCR renders pages with MuPDF.
  const open = (data: Uint8Array): Promise<PdfJs.PDFDocumentProxy> =>
    pdfjs.getDocument({
      data,
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
      maxImageSize: 0,
    }).promise;
  // Text a later revision drew (a number stamped after signing) is told apart by comparing with
  // the first revision's text, page by page, for the pages whose text a later revision may have
  // changed (pdf-objects.ts: all of them when the file's objects cannot be followed). The first
  // revision is read, and closed, before the file is opened: in a reader process, where pdfjs
  // runs its worker half in the same thread, two documents open at once broke the second's page
  // lookup ("Invalid page request").
  const revisions = listRevisions(bytes, raw);
  const last = revisions[revisions.length - 1];
  const structure = last ? readStructure(bytes, last.xrefOffset, limits.maxPdfPages, raw) : null;
  const changed =
    structure && revisions.length > 1
      ? pagesChangedSinceFirst(
          structure,
          revisions[0]!.xrefOffset,
          revisions[0]!.byteEnd,
          limits.maxPdfPages,
        )
      : null;
  const pdf = await readPdfPages(bytes, limits, pdfjs, open, revisions, structure, changed);
  if ("format" in pdf) return pdf;
  const { pages, sources } = pdf;
  // --- OCR (ocr-pdf.ts): pages whose text layer is missing or not the page's, read from their
  // images; the text and sources are rebuilt with them in place.
  const ocr = await recognizePdfPages(bytes, pages, limits, hooks);
  const notes: ExtractNote[] = [...ocr.notes];
  let text = pages.join("\n\n");
  let ocrInfo: ExtractedText["ocr"];
  if (ocr.pages.size) {
    const joined = joinPages(pages, ocr, sources);
    text = joined.text;
    sources.splice(0, sources.length, ...joined.sources);
    const conf = [...ocr.pages.values()].reduce((a, p) => a + p.confidence, 0) / ocr.pages.size;
    ocrInfo = {
      pages: joined.ocrPages,
      confidence: Math.round(conf * 1000) / 1000,
      seconds: Math.round(ocr.seconds * 10) / 10,
    };
    if (text.length > limits.maxTextChars) return tooLong(text.length, limits.maxTextChars, "pdf");
  }
  // --- end OCR
  if (!text.trim()) {
    notes.push({
      code: "PDF_NO_TEXT_LAYER",
      message: "The PDF has no text layer (a scan); text recognition (OCR) is needed.",
      fatal: true,
    });
  }
  const revisionList = revisions.map((r) => ({
    revision: r.revision,
    byteEnd: r.byteEnd,
    signed: r.signed,
    objects: r.objects?.length ?? null,
  }));
  const out: ExtractedText = {
    text,
    format: "pdf",
    pages: pages.length,
    notes,
    sources,
    revisions: revisionList,
  };
  if (ocrInfo) out.ocr = ocrInfo;
  return out;
}

/**
 * The PDF's pages as laid-out text, each part marked with the revision that drew it when not
 * the first; a fatal result for a file that cannot be read or is over a limit. `structure` is
 * the file's page tree as read from its bytes (pdf-objects.ts), `changed` the pages whose own text
 * may differ from the first revision's (null: all of them). Both are used only while pdfjs finds
 * the same pages.
 */
async function readPdfPages(
  bytes: Uint8Array,
  limits: ExtractLimits,
  pdfjs: typeof PdfJs,
  open: (data: Uint8Array) => Promise<PdfJs.PDFDocumentProxy>,
  revisions: PdfRevision[],
  structure: PdfStructure | null,
  changed: Set<number> | null,
): Promise<{ pages: string[]; sources: TextSource[] } | ExtractedText> {
  for (let known = structure; ; known = null) {
    const compare = known ? changed : null;
    const baseline =
      revisions.length > 1 && (compare === null || compare.size > 0)
        ? await firstRevisionRuns(
            open,
            bytes,
            revisions[0]!,
            limits.maxPdfPages,
            Date.now() + limits.maxRevisionCompareMs,
            compare,
          )
        : null;
    let doc;
    try {
      // pdfjs takes ownership of the buffer: hand it a copy.
      doc = await open(new Uint8Array(bytes));
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
      // pdfjs finds other pages than the page tree lists (a damaged tree): compare every page.
      if (known && known.pages.length !== doc.numPages) continue;
      const pages: string[] = [];
      const sources: TextSource[] = [];
      let length = 0;
      let differ = false;
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const object = pageObjectNumber(page);
        if (known && known.pages[p - 1]!.num !== object) {
          differ = true;
          break;
        }
        const runs = await pageRuns(
          page,
          pdfjs,
          (ids) => !known || annotationsMayDrawText(known, p - 1, object, ids),
        );
        // A page no later revision changed reads as in the first: nothing of its own is new.
        const before = compare && !compare.has(p) ? null : (baseline?.get(p) ?? null);
        markRevisions(runs, revisions, before, object);
        const laid = pageSources(pageText(runs, page), p, length);
        page.cleanup();
        pages.push(laid.text);
        sources.push(...laid.sources);
        length += laid.text.length + 2;
        if (length > limits.maxTextChars) return tooLong(length, limits.maxTextChars, "pdf");
      }
      if (!differ) return { pages, sources };
    } finally {
      // Closed before the first revision is read again, if it is.
      await doc.destroy();
    }
  }
}
