/**
 * Which pages of a PDF are read from their images, and the text that replaces theirs.
 *
 * A page is recognised (OCR) when its text layer does not stand for it:
 * - empty, and the page shows something (a scan; a blank page is left alone);
 * - garbled (text-layer-quality.ts: not Vietnamese as printed, e.g. a scanner's OCR that lost the
 *   diacritics) over an image that covers much of the page;
 * - sparse (a copy stamp's or an e-signature's few words) over an image that covers the page, and
 *   recognition finds far more text than the layer holds.
 * A replaced layer gets a note TEXT_LAYER_REPLACED with its page. Pages read by OCR are listed in
 * `ExtractedText.ocr` and in `sources` (source "ocr", one range a word, with its confidence).
 *
 * This runs where extractText runs: in the reader pool's child processes (reader-tasks.ts), which
 * bound its memory and time (a heartbeat after each page keeps the time limit per page).
 */
import type { ExtractNote, ExtractedText, TextSource } from "./extract-text.ts";
import type { ExtractLimits } from "./limits.ts";
import { sharedOcrEngine, type OcrEngine } from "./ocr-engine.ts";
import type { OcrWordSpan } from "./ocr-layout.ts";
import { recognizePage } from "./ocr-page.ts";
import { openPageImages, type PageImages } from "./ocr-render.ts";
import { judgeTextLayer, measureText } from "./text-layer-quality.ts";

export interface OcrHooks {
  /** Called after each page recognised (the reader pool's heartbeat). */
  onPage?: () => void;
}

export interface OcrPageText {
  text: string;
  words: OcrWordSpan[];
  confidence: number;
}

export interface OcrOutcome {
  /** Recognised text by 0-based page index. */
  pages: Map<number, OcrPageText>;
  notes: ExtractNote[];
  seconds: number;
}

/** Images covering at least this share of a page make it a scan. */
const SCAN_COVER = 0.5;
/** A blank page: fewer dark pixels than this share. */
const BLANK_INK = 0.002;

const note = (code: string, message: string, page?: number, field?: string): ExtractNote => ({
  code,
  message,
  fatal: false,
  ...(field ? { field } : {}),
  ...(page ? { page } : {}),
});

function pageList(pages: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    runs.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/**
 * Recognises the pages of a PDF whose text layer (`layer[i]`, as laid out) does not stand for
 * them. Never throws: a recogniser that cannot start gives a note OCR_FAILED.
 */
export async function recognizePdfPages(
  bytes: Uint8Array,
  layer: string[],
  limits: ExtractLimits,
  hooks: OcrHooks = {},
): Promise<OcrOutcome> {
  const started = performance.now();
  const pages = new Map<number, OcrPageText>();
  const notes: ExtractNote[] = [];
  const verdicts = layer.map((t) => judgeTextLayer(t));
  if (limits.maxOcrPages <= 0 || verdicts.every((v) => v.verdict === "good"))
    return { pages, notes, seconds: 0 };
  let images: PageImages | null = null;
  let engine: OcrEngine | null = null;
  let done = 0;
  try {
    images = await openPageImages(bytes, "application/pdf");
    for (let i = 0; i < layer.length && i < images.pages; i++) {
      const { verdict, quality } = verdicts[i]!;
      if (verdict === "good") continue;
      if (verdict !== "empty" && images.imageCover(i) < (verdict === "garbled" ? 0.3 : SCAN_COVER))
        continue;
      if (done >= limits.maxOcrPages) {
        notes.push(
          note(
            "OCR_PAGE_LIMIT",
            `Only the first ${limits.maxOcrPages} scanned pages were recognised (OCR); page ${i + 1} and later were not.`,
            i + 1,
          ),
        );
        break;
      }
      // An empty text layer over a blank page (the back of a sheet): nothing to read.
      const rendered =
        verdict === "empty"
          ? images.renderUnlessBlank(i, limits.ocrDpi, BLANK_INK)
          : images.render(i, limits.ocrDpi);
      if (!rendered) continue;
      engine ??= await sharedOcrEngine();
      const read = await recognizePage(rendered, engine, i + 1);
      done++;
      hooks.onPage?.();
      if (verdict === "sparse") {
        // A stamp's few words over a scanned page: the page's text wins when there is far more.
        const found = measureText(read.text);
        if (found.syllables < quality.words + 20) continue;
      }
      pages.set(i, { text: read.text, words: read.words, confidence: read.confidence });
      notes.push(...read.notes);
      if (verdict === "garbled" || verdict === "sparse")
        notes.push(
          note(
            "TEXT_LAYER_REPLACED",
            verdict === "garbled"
              ? `Page ${i + 1}: the PDF's text layer does not read as the printed Vietnamese (diacritics lost or letters misread by an earlier OCR); the page was read from its image instead.`
              : `Page ${i + 1}: the PDF's text layer holds only a few words (a stamp or signature) over a scanned page; the page was read from its image instead.`,
            i + 1,
          ),
        );
    }
  } catch (error) {
    notes.push(
      note(
        "OCR_FAILED",
        `Text recognition (OCR) failed: ${(error as Error).message ?? String(error)}`,
      ),
    );
  } finally {
    images?.close();
  }
  if (pages.size) {
    const list = [...pages.keys()].map((i) => i + 1);
    const conf = [...pages.values()].reduce((a, p) => a + p.confidence, 0) / pages.size;
    notes.unshift(
      note(
        "OCR_USED",
        `${list.length === 1 ? "Page" : "Pages"} ${pageList(list)} read by text recognition (OCR), confidence ${Math.round(conf * 100)}%: names and numbers may need checking.`,
        list[0],
      ),
    );
  }
  return { pages, notes, seconds: (performance.now() - started) / 1000 };
}

/** Sources of one recognised page's words, shifted to `offset`; each covers the gap after it. */
function wordSources(page: OcrPageText, offset: number, pageNo: number): TextSource[] {
  const out: TextSource[] = [];
  page.words.forEach((w, k) => {
    const next = page.words[k + 1];
    const end = next ? next.start : page.text.length;
    if (end <= w.start) return;
    out.push({
      start: offset + w.start,
      end: offset + end,
      source: "ocr",
      page: pageNo,
      confidence: Math.round(w.confidence * 1000) / 1000,
    });
  });
  if (out.length && page.words[0]!.start > 0) out[0]!.start = offset;
  // A page read and found empty (the back of a sheet) is recognised all the same: an empty range.
  if (!out.length)
    out.push({
      start: offset,
      end: offset + page.text.length,
      source: "ocr",
      page: pageNo,
      confidence: Math.round(page.confidence * 1000) / 1000,
    });
  return out;
}

/**
 * The file's text with recognised pages in place of their layers: pages joined by a blank line,
 * as extractPdf joins them; a text layer's page keeps one "text" source.
 */
export function joinPages(
  layer: string[],
  ocr: OcrOutcome,
  layerSources: TextSource[] = [],
): { text: string; sources: TextSource[]; ocrPages: number[] } {
  const parts: string[] = [];
  const sources: TextSource[] = [];
  let length = 0;
  let layerAt = 0;
  layer.forEach((layerText, i) => {
    const read = ocr.pages.get(i);
    const text = read ? read.text : layerText;
    parts.push(text);
    if (read) sources.push(...wordSources(read, length, i + 1));
    else if (text) {
      // The text layer's own sources (a number stamped by a later revision among them), moved to
      // where the page now starts.
      const own = layerSources.filter((s) => s.page === i + 1);
      if (own.length)
        for (const s of own)
          sources.push({ ...s, start: s.start - layerAt + length, end: s.end - layerAt + length });
      else sources.push({ start: length, end: length + text.length, source: "text", page: i + 1 });
    }
    length += text.length + 2;
    layerAt += layerText.length + 2;
  });
  return {
    text: parts.join("\n\n"),
    sources,
    ocrPages: [...ocr.pages.keys()].map((i) => i + 1).sort((a, b) => a - b),
  };
}

/** A PNG, JPEG or TIFF file (each frame a page), read by recognition. */
export async function extractImage(
  bytes: Uint8Array,
  magic: string,
  limits: ExtractLimits,
  hooks: OcrHooks = {},
): Promise<ExtractedText> {
  const started = performance.now();
  const fatal = (code: string, message: string): ExtractedText => ({
    text: "",
    format: "image",
    notes: [{ code, message, fatal: true }],
  });
  if (limits.maxOcrPages <= 0)
    return fatal("OCR_DISABLED", "Text recognition (OCR) is turned off: images are not read.");
  let images: PageImages;
  try {
    images = await openPageImages(bytes, magic);
  } catch (error) {
    return fatal("UNREADABLE_IMAGE", `The image cannot be read: ${(error as Error).message}`);
  }
  try {
    const count = images.pages;
    if (count > limits.maxPdfPages)
      return fatal(
        "PDF_TOO_MANY_PAGES",
        `The image has ${count} pages, more than ${limits.maxPdfPages}.`,
      );
    const engine = await sharedOcrEngine();
    const layer: string[] = [];
    const ocr: OcrOutcome = { pages: new Map(), notes: [], seconds: 0 };
    for (let i = 0; i < count; i++) {
      layer.push("");
      if (i >= limits.maxOcrPages) continue;
      const read = await recognizePage(images.render(i, limits.ocrDpi), engine, i + 1);
      hooks.onPage?.();
      ocr.pages.set(i, { text: read.text, words: read.words, confidence: read.confidence });
      ocr.notes.push(...read.notes);
    }
    const { text, sources, ocrPages } = joinPages(layer, ocr);
    if (text.length > limits.maxTextChars)
      return fatal("TEXT_TOO_LONG", `The text is longer than ${limits.maxTextChars} characters.`);
    const notes = ocr.notes;
    if (!text.trim())
      notes.push({ code: "NO_TEXT", message: "No text was recognised in the image.", fatal: true });
    const conf = ocrPages.length
      ? [...ocr.pages.values()].reduce((a, p) => a + p.confidence, 0) / ocrPages.length
      : 0;
    return {
      text: notes.some((n) => n.fatal) ? "" : text,
      format: "image",
      pages: count,
      notes,
      sources,
      ocr: {
        pages: ocrPages,
        confidence: Math.round(conf * 1000) / 1000,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      },
    };
  } catch (error) {
    return fatal("OCR_FAILED", `Text recognition (OCR) failed: ${(error as Error).message}`);
  } finally {
    images.close();
  }
}
