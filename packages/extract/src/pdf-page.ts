/**
 * One PDF page's text by position: the page's own text runs (pdfjs getTextContent, which reads
 * the content streams of the file's latest revision, form XObjects included) together with what
 * its annotations draw (signature widgets carrying a stamped number, free text, stamps), each run
 * marked with the revision of the file that drew it when that is not the first one. extractPdf
 * calls readPdfPage once per page; a page without usable text is where text recognition (OCR)
 * takes over.
 */
import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";
import { annotationTextItems } from "./pdf-annotations.ts";
import { layoutPageText, type PdfTextItem, type RevisionMark } from "./pdf-layout.ts";
import { decodeText } from "./decode-text.ts";
import { revisionDefining, type PdfRevision } from "./pdf-revisions.ts";
import type { TextSource } from "./extract-text.ts";

type PdfPage = PdfJs.PDFPageProxy;

/** A run of the page and, for one drawn by an annotation, that annotation's object number. */
export interface PageRun extends PdfTextItem {
  annotation?: number | null;
}

export interface PdfPageText {
  /** The page's lines (see layoutPage), not yet decoded (decodeText) nor NFC-checked. */
  text: string;
  /** Ranges of `text` drawn by a later revision. */
  marks: RevisionMark[];
  /** Text runs read, the page's own and its annotations'. */
  runs: number;
  width: number;
}

/**
 * All text runs of a page, its annotations' included. `mayDrawText` tells, from the ids of the
 * annotations pdfjs found, whether any of them can draw text (pdf-objects.ts); when none can,
 * they are not drawn.
 */
export async function pageRuns(
  page: PdfPage,
  pdfjs: typeof PdfJs,
  mayDrawText: (ids: string[]) => boolean = () => true,
): Promise<PageRun[]> {
  const content = await page.getTextContent();
  const own = content.items.filter((i) => "str" in i) as unknown as PdfTextItem[];
  let drawn: PageRun[] = [];
  try {
    drawn = (await annotationTextItems(page, pdfjs, mayDrawText)).map(
      ({ objectNumber, ...item }) => ({
        ...item,
        annotation: objectNumber,
      }),
    );
  } catch {
    // An annotation that cannot be drawn: the page's own text still counts.
  }
  return [...own, ...drawn];
}

/** A run's identity across revisions: its text where it is drawn. */
export function runKey(run: PdfTextItem): string {
  const x = Math.round(run.transform[4]! * 2);
  const y = Math.round(run.transform[5]! * 2);
  return `${run.str.trim()}|${x}|${y}`;
}

/**
 * Which runs a later revision drew. A run an annotation draws came with the last revision that
 * added or replaced that annotation, when that is not the first. A run of the page's own text
 * that the first revision did not draw (`baseline`: the first revision's runs of this page, as
 * runKey gives them; null when not read) came with the last revision that replaced the page.
 */
export function markRevisions(
  runs: PageRun[],
  revisions: PdfRevision[],
  baseline: Set<string> | null,
  pageObject: number | null,
): void {
  if (revisions.length < 2) return;
  const last = revisions[revisions.length - 1]!.revision;
  for (const run of runs) {
    if (!/\S/.test(run.str)) continue;
    if (run.annotation != null) {
      // An annotation that a later revision added or replaced drew it.
      const by = revisionDefining(revisions, run.annotation);
      if (by !== null) run.revision = by;
      continue;
    }
    if (baseline && !baseline.has(runKey(run)))
      run.revision = (pageObject !== null ? revisionDefining(revisions, pageObject) : null) ?? last;
  }
}

/** Lays out a page's runs (see layoutPageText). */
export function pageText(runs: PdfTextItem[], page: PdfPage): PdfPageText {
  const [x0, , x1] = page.view as [number, number, number, number];
  const width = x1 - x0;
  const laid = layoutPageText(runs, width);
  return { text: laid.text, marks: laid.marks, runs: runs.length, width };
}

/** The page object's number, when pdfjs knows it. */
export function pageObjectNumber(page: PdfPage): number | null {
  const ref = (page as unknown as { ref?: { num?: number } | null }).ref;
  return typeof ref?.num === "number" ? ref.num : null;
}

/**
 * The first revision's runs, page by page (runKey of each), to tell what later revisions drew.
 * Reads the file cut at the first revision's end; null when that is not a readable PDF. Only the
 * pages in `only` are read, when given (the others are known to read the same in both, see
 * pdf-objects.ts). Pages not read before `deadline` (Date.now() milliseconds) are left out: they
 * are not compared.
 */
export async function firstRevisionRuns(
  open: (data: Uint8Array) => Promise<PdfJs.PDFDocumentProxy>,
  bytes: Uint8Array,
  first: PdfRevision,
  maxPages: number,
  deadline: number,
  only: ReadonlySet<number> | null = null,
): Promise<Map<number, Set<string>> | null> {
  let doc: PdfJs.PDFDocumentProxy;
  try {
    // A copy as a plain Uint8Array: pdfjs takes ownership of it, and refuses a Buffer.
    doc = await open(new Uint8Array(bytes.subarray(0, first.byteEnd)));
  } catch {
    return null;
  }
  try {
    const out = new Map<number, Set<string>>();
    const pages = Math.min(doc.numPages, maxPages);
    for (let p = 1; p <= pages && Date.now() < deadline; p++) {
      if (only && !only.has(p)) continue;
      const page = await doc.getPage(p);
      // The page's own text only: what annotations draw is told by which revision (re)defined
      // the annotation, which costs no drawing.
      const content = await page.getTextContent();
      const runs = content.items.filter((i) => "str" in i) as unknown as PdfTextItem[];
      out.set(p, new Set(runs.filter((r) => /\S/.test(r.str)).map(runKey)));
      page.cleanup();
    }
    return out;
  } catch {
    return null;
  } finally {
    await doc.destroy();
  }
}

/**
 * A laid-out page's text, decoded as every extracted text is (decodeText), and where each part
 * of it came from: the text layer, or a later revision (with its number), from `offset` on.
 */
export function pageSources(
  laid: PdfPageText,
  page: number,
  offset: number,
): { text: string; sources: TextSource[] } {
  const text = decodeText(laid.text).text;
  const sources: TextSource[] = [];
  if (!text) return { text, sources };
  let marks = laid.marks;
  if (text.length !== laid.text.length) {
    // Decoding changed the text (a legacy encoding): find each stamped part again.
    marks = [];
    let from = 0;
    for (const m of laid.marks) {
      const part = decodeText(laid.text.slice(m.start, m.end)).text;
      const at = part ? text.indexOf(part, from) : -1;
      if (at < 0) continue;
      marks.push({ start: at, end: at + part.length, revision: m.revision });
      from = at + part.length;
    }
  }
  let at = 0;
  const plain = (end: number): void => {
    if (end > at) sources.push({ start: offset + at, end: offset + end, source: "text", page });
  };
  for (const m of marks) {
    if (m.start < at) continue;
    plain(m.start);
    sources.push({
      start: offset + m.start,
      end: offset + m.end,
      source: "revision",
      page,
      revision: m.revision,
    });
    at = m.end;
  }
  plain(text.length);
  return { text, sources };
}
