/**
 * Text that annotations draw on a PDF page. pdfjs's getTextContent reads only the page's own
 * content streams; what an annotation's appearance stream draws is left out (pdfjs extracts it only
 * for a few annotation kinds, and never for widgets). E-office systems stamp the number and day of
 * an issued document that way: after the signer signs, the clerk's system adds signature widgets
 * whose appearance draws "8977" into the blank of "Số:      /BNV-TCPCP" and "06", "10" into
 * "ngày   tháng   năm". This reads those appearances from pdfjs's operator list (what the page
 * renderer paints, annotations included) and places each text run the way the renderer would.
 */
import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PdfTextItem } from "./pdf-layout.ts";

type PdfPage = PdfJs.PDFPageProxy;
type Matrix = [number, number, number, number, number, number];

/** A text run drawn by an annotation's appearance, in the page's user space. */
export interface AnnotationTextItem extends PdfTextItem {
  /** The annotation's object number ("156R" in pdfjs's ids), to tell which revision added it. */
  objectNumber: number | null;
}

/** Annotation kinds whose appearance is worth reading for text. Links and popups draw none. */
const SKIPPED = new Set(["Link", "Popup"]);

/** Most operators read on a page before giving up (a real page has a few thousand). */
const MAX_OPS = 500_000;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF's row-vector convention: [x y 1] × m × n).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function toMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<number, unknown>;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const n = v[i];
    if (typeof n !== "number" || !Number.isFinite(n)) return null;
    out.push(n);
  }
  return out as Matrix;
}

interface TextState {
  ctm: Matrix;
  fontName: string | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/**
 * True when the page has annotations that may draw text (widgets, free text, stamps...), and
 * `mayDrawText` does not know better from their ids (an image-only signature draws none).
 */
export async function hasDrawingAnnotations(
  page: PdfPage,
  mayDrawText: (ids: string[]) => boolean = () => true,
): Promise<boolean> {
  const annotations = (await page.getAnnotations()) as Array<{
    id?: string;
    subtype?: string;
    hasAppearance?: boolean;
  }>;
  return (
    annotations.some((a) => a.hasAppearance !== false && !SKIPPED.has(a.subtype ?? "")) &&
    mayDrawText(annotations.map((a) => String(a.id ?? "")))
  );
}

/**
 * The text runs that the page's visible annotations draw, each with its position, width and
 * height in the page's user space (as getTextContent gives the page's own text). Empty when the
 * page has no annotation that draws text. The page is drawn for it (pdfjs's operator list, the
 * page's own content included): `mayDrawText` (see hasDrawingAnnotations) spares that when no
 * annotation can draw text.
 */
export async function annotationTextItems(
  page: PdfPage,
  pdfjs: typeof PdfJs,
  mayDrawText: (ids: string[]) => boolean = () => true,
): Promise<AnnotationTextItem[]> {
  if (!(await hasDrawingAnnotations(page, mayDrawText))) return [];
  const list = await page.getOperatorList({
    intent: "display",
    annotationMode: pdfjs.AnnotationMode.ENABLE,
  });
  const OPS = pdfjs.OPS;
  const fontMatrixOf = new Map<string, { scale: number; vertical: boolean }>();
  const fontInfo = (name: string): { scale: number; vertical: boolean } => {
    let info = fontMatrixOf.get(name);
    if (!info) {
      info = { scale: 0.001, vertical: false };
      try {
        if (page.commonObjs.has(name)) {
          const font = page.commonObjs.get(name) as {
            fontMatrix?: number[];
            vertical?: boolean;
          } | null;
          const m = font?.fontMatrix;
          if (m && typeof m[0] === "number" && m[0] !== 0) info.scale = m[0];
          info.vertical = !!font?.vertical;
        }
      } catch {
        // An unresolved font: keep the usual 1/1000 text space.
      }
      fontMatrixOf.set(name, info);
    }
    return info;
  };

  const items: AnnotationTextItem[] = [];
  const fresh = (ctm: Matrix): TextState => ({
    ctm,
    fontName: null,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  });
  let state = fresh(IDENTITY);
  const stack: TextState[] = [];
  let depth = 0;
  let objectNumber: number | null = null;
  // Text space: pdfjs keeps the text matrix and the position (x, y) within it apart.
  let tm: Matrix = IDENTITY;
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  const n = Math.min(list.fnArray.length, MAX_OPS);
  for (let i = 0; i < n; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginAnnotation) {
      depth++;
      const id = String(args?.[0] ?? "");
      const m = /^(\d+)R/.exec(id);
      objectNumber = m ? Number(m[1]) : null;
      const transform = toMatrix(args?.[2]) ?? IDENTITY;
      const matrix = toMatrix(args?.[3]) ?? IDENTITY;
      stack.length = 0;
      state = fresh(multiply(matrix, transform));
      continue;
    }
    if (fn === OPS.endAnnotation) {
      depth = Math.max(0, depth - 1);
      stack.length = 0;
      state = fresh(IDENTITY);
      continue;
    }
    if (depth === 0) continue;
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const m = toMatrix(args?.[0]);
        if (m) state.ctm = multiply(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.beginText:
        tm = IDENTITY;
        x = lineX = 0;
        y = lineY = 0;
        break;
      case OPS.setTextMatrix: {
        tm = toMatrix(args?.[0]) ?? toMatrix(args) ?? IDENTITY;
        x = lineX = 0;
        y = lineY = 0;
        break;
      }
      case OPS.moveText:
        x = lineX += Number(args?.[0]) || 0;
        y = lineY += Number(args?.[1]) || 0;
        break;
      case OPS.setLeadingMoveText:
        state.leading = Number(args?.[1]) || 0;
        x = lineX += Number(args?.[0]) || 0;
        y = lineY += Number(args?.[1]) || 0;
        break;
      case OPS.nextLine:
        x = lineX;
        y = lineY += state.leading;
        break;
      case OPS.setLeading:
        state.leading = -(Number(args?.[0]) || 0);
        break;
      case OPS.setFont:
        state.fontName = String(args?.[0] ?? "");
        state.fontSize = Number(args?.[1]) || 0;
        break;
      case OPS.setCharSpacing:
        state.charSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setHScale:
        state.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        state.rise = Number(args?.[0]) || 0;
        break;
      case OPS.showText: {
        const glyphs = (args?.[0] ?? []) as Array<Glyph | number | null>;
        if (!state.fontName || !Array.isArray(glyphs)) break;
        const { scale, vertical } = fontInfo(state.fontName);
        const size = Math.abs(state.fontSize);
        const startX = x;
        let advance = 0;
        let str = "";
        for (const g of glyphs) {
          if (typeof g === "number") {
            const shift = (-g * size) / 1000;
            // A wide negative kern reads as a space between words.
            if (shift > size * 0.25 && str && !str.endsWith(" ")) str += " ";
            advance += shift;
            continue;
          }
          if (!g) continue;
          str += g.unicode ?? "";
          const spacing = (g.isSpace ? state.wordSpacing : 0) + state.charSpacing;
          advance += (g.width ?? 0) * size * scale + spacing;
        }
        if (vertical) break; // vertical text is not laid out in lines
        x += advance * state.hScale;
        if (!str) break;
        // Where the run starts and how big it is, in the page's user space.
        const full = multiply(multiply([1, 0, 0, 1, startX, y + state.rise], tm), state.ctm);
        const run = multiply([size * state.hScale, 0, 0, size, 0, 0], full);
        const xScale = Math.hypot(full[0], full[1]);
        items.push({
          str,
          transform: [run[0], run[1], run[2], run[3], full[4], full[5]],
          width: advance * state.hScale * xScale,
          height: Math.hypot(run[2], run[3]),
          objectNumber,
        });
        break;
      }
      default:
        break;
    }
  }
  return items;
}
