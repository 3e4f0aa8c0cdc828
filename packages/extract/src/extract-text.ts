import { decodeText, type TextEncoding } from "./decode-text.ts";

/**
 * Text out of a document file, whatever its kind: plain text or markdown in any encoding
 * `decodeText` recognises, Word .docx (mammoth), PDF with a text layer (pdfjs-dist).
 * Never throws for bad input: a file that cannot be read gives a fatal note with a stable code.
 */
export type SourceFormat = "text" | "docx" | "pdf";

export interface ExtractNote {
  code: string;
  message: string;
  /** True when no usable text came out: the caller should report the file as failed. */
  fatal: boolean;
}

export interface ExtractedText {
  text: string;
  format: SourceFormat;
  encoding?: TextEncoding;
  pages?: number;
  notes: ExtractNote[];
}

const MAX_BYTES = 50 * 1024 * 1024;

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Guesses the kind of file from its first bytes, then its name. */
export function detectFormat(bytes: Uint8Array, fileName = ""): SourceFormat | "doc" | "zip" {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return "doc"; // OLE: Word 97-2003
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return /\.docx$/i.test(fileName) || hasDocxPart(bytes) ? "docx" : "zip";
  return "text";
}

function hasDocxPart(bytes: Uint8Array): boolean {
  // The zip's local file names are plain ASCII: look for the main document part.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return head.includes("word/document.xml") || head.includes("[Content_Types].xml");
}

function fatal(code: string, message: string, format: SourceFormat = "text"): ExtractedText {
  return { text: "", format, notes: [{ code, message, fatal: true }] };
}

export async function extractText(bytes: Uint8Array, fileName = ""): Promise<ExtractedText> {
  if (bytes.length === 0) return fatal("EMPTY_FILE", "The file is empty.");
  if (bytes.length > MAX_BYTES) return fatal("FILE_TOO_LARGE", `The file is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case "doc":
      return fatal("UNSUPPORTED_FORMAT_DOC", "Word 97-2003 (.doc) files are not read; save the file as .docx or PDF.");
    case "zip":
      return fatal("UNSUPPORTED_FORMAT", "The file is a zip archive but not a Word .docx document.");
    case "docx":
      return extractDocx(bytes);
    case "pdf":
      return extractPdf(bytes);
    default: {
      const decoded = decodeText(bytes);
      const notes: ExtractNote[] = decoded.notes.map((n) => ({
        code: n.code,
        message: n.message,
        fatal: n.code === "LEGACY_ENCODING_VNI" || n.code === "BINARY_CONTENT",
      }));
      if (!decoded.text.trim() && !notes.some((n) => n.fatal)) {
        notes.push({ code: "NO_TEXT", message: "The file holds no text.", fatal: true });
      }
      return { text: decoded.text, format: "text", encoding: decoded.encoding, notes };
    }
  }
}

async function extractDocx(bytes: Uint8Array): Promise<ExtractedText> {
  try {
    const mammoth = await import("mammoth");
    const extract = (mammoth.default ?? mammoth).extractRawText;
    const result = await extract({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    const text = decodeText(result.value).text;
    const notes: ExtractNote[] = [];
    if (!text.trim()) notes.push({ code: "NO_TEXT", message: "The .docx document holds no text.", fatal: true });
    return { text, format: "docx", notes };
  } catch (error) {
    return fatal("UNREADABLE_DOCX", `The .docx file cannot be read: ${(error as Error).message}`, "docx");
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractedText> {
  let pdfjs: typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    return fatal("PDF_READER_MISSING", `The PDF reader could not be loaded: ${(error as Error).message}`, "pdf");
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
    if (name === "PasswordException") return fatal("PDF_ENCRYPTED", "The PDF is protected by a password.", "pdf");
    return fatal("UNREADABLE_PDF", `The PDF cannot be read: ${(error as Error).message}`, "pdf");
  }
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(layoutPage(content.items.filter((i): i is PdfTextItem => "str" in i)));
      page.cleanup();
    }
    const text = decodeText(pages.join("\n\n")).text;
    const notes: ExtractNote[] = [];
    if (!text.trim()) {
      notes.push({
        code: "PDF_NO_TEXT_LAYER",
        message: "The PDF has no text layer (a scan); text recognition (OCR) is needed.",
        fatal: true,
      });
    }
    return { text, format: "pdf", pages: doc.numPages, notes };
  } finally {
    await doc.destroy();
  }
}

/**
 * Rebuilds lines from positioned text runs: runs on one baseline form a line, in x order; a wide
 * horizontal gap (the two header columns) splits it; a tall vertical gap leaves a blank line.
 */
export function layoutPage(items: PdfTextItem[]): string {
  const runs = items
    .filter((i) => i.str.length > 0)
    .map((i) => ({ s: i.str, x: i.transform[4]!, y: i.transform[5]!, w: i.width, h: Math.abs(i.transform[3]!) || i.height || 10 }));
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; h: number; runs: typeof runs }> = [];
  for (const r of runs) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - r.y) <= Math.max(2, r.h * 0.3)) last.runs.push(r);
    else lines.push({ y: r.y, h: r.h, runs: [r] });
  }
  const out: string[] = [];
  let prev: (typeof lines)[number] | null = null;
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    if (prev && prev.y - line.y > Math.max(prev.h, line.h) * 1.9) out.push("");
    let current = "";
    let end = -Infinity;
    const segments: string[] = [];
    for (const r of line.runs) {
      const gap = r.x - end;
      if (current && gap > r.h * 2.5) {
        segments.push(current);
        current = r.s;
      } else if (current && gap > r.h * 0.15 && !/\s$/.test(current) && !/^\s/.test(r.s)) {
        current += ` ${r.s}`;
      } else {
        current += r.s;
      }
      end = r.x + r.w;
    }
    if (current) segments.push(current);
    out.push(...segments.map((s) => s.replace(/\s+/g, " ").trim()));
    prev = line;
  }
  return out.join("\n");
}
