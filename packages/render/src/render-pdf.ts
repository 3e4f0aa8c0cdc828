import type { LayoutModel, Paragraph, StyledLine, TextStyle } from "@vanthu/core";
import { loadSerifFonts, type SerifFonts } from "./fonts.ts";
import { FaceMetrics, FontUse } from "./pdf/pdf-font.ts";
import type { PdfObjectSink } from "./pdf/pdf-writer.ts";
import {
  PdfCanvas,
  wrapText,
  type FaceKey,
  type Faces,
  type WrappedLine,
} from "./pdf/pdf-canvas.ts";

const PT_PER_MM = 72 / 25.4;
/** From the bottom of a line's box to the rule under it, in points. */
const RULE_GAP = 2.5;
const mm = (v: number): number => v * PT_PER_MM;

const faceKey = (style: { bold?: boolean; italic?: boolean }): FaceKey =>
  style.bold ? (style.italic ? "BI" : "B") : style.italic ? "I" : "R";

const parsedFaces = new Map<string, Faces>();

/** The four faces parsed once per process (metrics and glyph lookup tables). */
function facesFor(fonts?: SerifFonts): Faces {
  const data = loadSerifFonts(fonts);
  let faces = parsedFaces.get(data.key);
  if (!faces) {
    faces = {
      R: new FaceMetrics(data.regular),
      B: new FaceMetrics(data.bold),
      I: new FaceMetrics(data.italic),
      BI: new FaceMetrics(data.boldItalic),
    };
    parsedFaces.set(data.key, faces);
  }
  return faces;
}

/** A line as it was drawn: its page (0-based), left edge and top in points from the top-left. */
interface DrawnLine {
  page: number;
  x: number;
  top: number;
  text: string;
}

/** Draws a page of the layout: measuring, breaking lines and pages. */
class Drawer {
  /** Where the lines asked for (`watch`) were drawn. */
  readonly drawn = new Map<StyledLine, DrawnLine[]>();
  readonly watch = new Set<StyledLine>();

  constructor(
    readonly canvas: PdfCanvas,
    readonly top: number,
    readonly bottom: number,
  ) {}

  private lines(style: TextStyle, text: string, width: number, indent = 0) {
    return wrapText(this.canvas.faces[faceKey(style)], style.size, text, width, indent);
  }

  /** A body paragraph's lines, broken once (it is measured before it is drawn). */
  private readonly broken = new Map<Paragraph, WrappedLine[]>();
  private paragraphLines(p: Paragraph, width: number): WrappedLine[] {
    let lines = this.broken.get(p);
    if (!lines) {
      lines = this.lines(p.style, p.text, width, mm(p.firstLineIndent));
      this.broken.set(p, lines);
    }
    return lines;
  }

  private lineHeight(style: TextStyle): number {
    return this.canvas.faces[faceKey(style)].lineHeight(style.size);
  }

  /** Draws lines top-down in a column; returns the y under the last one. */
  column(lines: StyledLine[], x: number, width: number, y: number): number {
    let cursor = y;
    for (const line of lines) {
      cursor += line.spaceBefore ?? 0;
      const key = faceKey(line.style);
      const lh = this.lineHeight(line.style);
      const wrapped = this.lines(line.style, line.text, width);
      let widest = 0;
      for (const l of wrapped) {
        const dx =
          line.style.align === "center"
            ? (width - l.width) / 2
            : line.style.align === "right"
              ? width - l.width
              : 0;
        this.canvas.textLine(key, line.style.size, x + dx, cursor, l.text);
        if (this.watch.has(line)) {
          const at = { page: this.canvas.pageIndex, x: x + dx, top: cursor, text: l.text };
          this.drawn.set(line, [...(this.drawn.get(line) ?? []), at]);
        }
        widest = Math.max(widest, l.width);
        cursor += lh;
      }
      if (line.ruleBelow) {
        const ruleWidth = Math.min(width, widest) * line.ruleBelow;
        const left =
          line.style.align === "left"
            ? x
            : line.style.align === "right"
              ? x + width - ruleWidth
              : x + (width - ruleWidth) / 2;
        // Clear of the descenders and of the dots under "ạ", "ộ" (as the HTML's 2pt margin).
        this.canvas.rule(left, left + ruleWidth, cursor + RULE_GAP, 0.6);
        cursor += RULE_GAP + 2.5;
      }
      cursor += line.spaceAfter ?? 0;
    }
    return cursor;
  }

  columnHeight(lines: StyledLine[], width: number): number {
    let h = 0;
    for (const line of lines)
      h +=
        (line.spaceBefore ?? 0) +
        this.lines(line.style, line.text, width).length * this.lineHeight(line.style) +
        (line.ruleBelow ? RULE_GAP + 2.5 : 0) +
        (line.spaceAfter ?? 0);
    return h;
  }

  private advance(p: Paragraph): number {
    return this.lineHeight(p.style) + p.style.size * (p.lineHeight - 1);
  }

  paragraphHeight(p: Paragraph, width: number): number {
    return this.paragraphLines(p, width).length * this.advance(p) + p.spaceAfter;
  }

  /** A body paragraph from y, continuing on a new page when it runs past the bottom. */
  paragraph(p: Paragraph, x: number, width: number, y: number): number {
    const key = faceKey(p.style);
    const indent = mm(p.firstLineIndent);
    const lh = this.lineHeight(p.style);
    const step = this.advance(p);
    let cursor = y;
    this.paragraphLines(p, width).forEach((l, i) => {
      if (cursor + lh > this.bottom && cursor > this.top + 1) {
        this.canvas.addPage();
        cursor = this.top;
      }
      const avail = width - (i === 0 ? indent : 0);
      const left = x + (i === 0 ? indent : 0);
      const align = p.style.align;
      let dx = 0;
      let extra = 0;
      if (align === "center") dx = (avail - l.width) / 2;
      else if (align === "right") dx = avail - l.width;
      else if (align === "justify" && !l.last && l.spaces > 0) extra = (avail - l.width) / l.spaces;
      this.canvas.textLine(key, p.style.size, left + dx, cursor, l.text, extra);
      cursor += step;
    });
    return cursor + p.spaceAfter;
  }
}

export interface RenderPdfOptions {
  fonts?: SerifFonts;
  /**
   * Leave room for the number and the date to be stamped at issuing (a draft whose number and
   * date are blank): the blanks are drawn wider, their glyphs (digits, "/") embedded in the
   * faces that will draw them, and `renderPdfPlaced` says where they are.
   */
  stampBlanks?: boolean;
  /** Fixed creation date, for reproducible files (tests, golden samples). */
  creationDate?: Date;
  title?: string;
}

/**
 * Draws the layout model as an A4 PDF with the serif embedded (only the glyphs used). Long
 * documents break across pages; the last paragraph goes with the Nơi nhận and signature block
 * so that the signature is never alone on a page; page numbers are centred in the top margin
 * from page 2.
 */
export async function renderPdf(
  model: LayoutModel,
  options: RenderPdfOptions = {},
): Promise<Uint8Array> {
  return renderPdfSync(model, options);
}

/** renderPdf without the promise: the work is CPU only. */
export function renderPdfSync(model: LayoutModel, options: RenderPdfOptions = {}): Uint8Array {
  return renderPdfPlaced(model, options).pdf;
}

/** A blank left for stamping, in PDF user space (points, origin bottom-left). */
export interface StampBlank {
  /** 0-based page index. */
  page: number;
  /** Left edge and width of the blank, and the baseline of its line. */
  x: number;
  width: number;
  baseline: number;
  size: number;
  /** The font resource of the page that draws the line ("FR", "FI", ...), which holds digits and "/". */
  font: string;
}

/** Where the parts that signing and stamping need were drawn, in PDF user space. */
export interface PdfPlacements {
  pageWidth: number;
  pageHeight: number;
  /** The blank of the number ("Số: ____/UBND-VP"), when the number was left blank. */
  number: StampBlank | null;
  /** The blanks of the date line, for each part left blank. */
  day: StampBlank | null;
  month: StampBlank | null;
  year: StampBlank | null;
  /**
   * The signature block: the room between the last title line (its bottom, `top`) and the
   * signer's name (its top, `bottom`), across the signature column.
   */
  signature: { page: number; x: number; width: number; top: number; bottom: number } | null;
}

const NBSP = "\u00a0";
/** Blanks drawn for stamping, in no-break spaces: wide enough for "1234" or "2026" at 14 pt. */
const NUMBER_BLANK = NBSP.repeat(11);
const DAY_BLANK = NBSP.repeat(6);
const YEAR_BLANK = NBSP.repeat(9);
const STAMP_GLYPHS = "0123456789/";

interface BlankSpan {
  name: "number" | "day" | "month" | "year";
  from: number;
  to: number;
}

/** The number line with its blank widened ("Số: /UBND" drawn "Số:" + blank + "/UBND"). */
function widenNumber(text: string): { text: string; spans: BlankSpan[] } | null {
  const m = /^Số(:?) ([/-])/.exec(text);
  if (!m) return null;
  const head = `Số${m[1]}`;
  return {
    text: head + NUMBER_BLANK + text.slice(m[0].length - 1),
    spans: [{ name: "number", from: head.length, to: head.length + NUMBER_BLANK.length }],
  };
}

/** The date line with its blank parts widened (formatWrittenDate leaves five spaces). */
function widenDate(text: string): { text: string; spans: BlankSpan[] } | null {
  const m = /^(.*ngày )( {5}|\d+)( tháng )( {5}|\d+)( năm )( {5}|\d+)$/.exec(text);
  if (!m) return null;
  const spans: BlankSpan[] = [];
  let out = m[1]!;
  const part = (value: string, name: BlankSpan["name"], blank: string) => {
    if (value.trim()) out += value;
    else {
      spans.push({ name, from: out.length, to: out.length + blank.length });
      out += blank;
    }
  };
  part(m[2]!, "day", DAY_BLANK);
  out += m[3];
  part(m[4]!, "month", DAY_BLANK);
  out += m[5];
  part(m[6]!, "year", YEAR_BLANK);
  return spans.length ? { text: out, spans } : null;
}

/** renderPdfSync, and where the blanks and the signature block were drawn. */
export function renderPdfPlaced(
  model: LayoutModel,
  options: RenderPdfOptions = {},
): { pdf: Uint8Array; placements: PdfPlacements } {
  const widened = new Map<StyledLine, BlankSpan[]>();
  if (options.stampBlanks) {
    const widen = (lines: StyledLine[], how: typeof widenNumber): StyledLine[] =>
      lines.map((l) => {
        const w = how(l.text);
        if (!w) return l;
        const line = { ...l, text: w.text };
        widened.set(line, w.spans);
        return line;
      });
    model = {
      ...model,
      header: {
        left: { ...model.header.left, lines: widen(model.header.left.lines, widenNumber) },
        right: { ...model.header.right, lines: widen(model.header.right.lines, widenDate) },
      },
    };
  }
  const { margin } = model.page;
  const canvas = new PdfCanvas(
    facesFor(options.fonts),
    mm(model.page.width),
    mm(model.page.height),
  );
  const x0 = mm(margin.left);
  const width = mm(model.page.width - margin.left - margin.right);
  const top = mm(margin.top);
  const bottom = mm(model.page.height - margin.bottom);
  const draw = new Drawer(canvas, top, bottom);
  for (const line of widened.keys()) {
    draw.watch.add(line);
    canvas.reserveGlyphs(faceKey(line.style), STAMP_GLYPHS);
  }

  // Header: the two cells of the header table, with a gutter between them.
  const leftWidth = width * model.header.left.width;
  const gutter = mm(1);
  const yLeft = draw.column(model.header.left.lines, x0, leftWidth - gutter, top);
  const yRight = draw.column(
    model.header.right.lines,
    x0 + leftWidth + gutter,
    width - leftWidth - gutter,
    top,
  );
  let y = Math.max(yLeft, yRight);

  // Title and addressees across the text width. The space under the title and the space above
  // Kính gửi are one space, the larger (as the HTML's margins are).
  y = draw.column(model.title, x0, width, y);
  const titleAfter = model.title.at(-1)?.spaceAfter ?? 0;
  const kinhGui = model.addressees.map((l, i) =>
    i === 0 ? { ...l, spaceBefore: Math.max(0, (l.spaceBefore ?? 0) - titleAfter) } : l,
  );
  if (kinhGui.length === 1) y = draw.column(kinhGui, x0, width, y);
  else if (kinhGui.length > 1) {
    // "Kính gửi:" to the left of the list, as offices lay it out.
    const labelWidth = width * 0.32;
    const first = kinhGui[0]!;
    const yTop = y + (first.spaceBefore ?? 0);
    draw.column(
      [{ ...first, spaceBefore: 0, style: { ...first.style, align: "right" } }],
      x0,
      labelWidth - 6,
      yTop,
    );
    y = draw.column(kinhGui.slice(1), x0 + labelWidth, width - labelWidth, yTop);
  }
  // Space before the body, unless the title's space under its rule is that space.
  if (kinhGui.length || !titleAfter) y += 10;

  // Body, then the footer; the last paragraph travels with the footer.
  const footerLeftWidth = width * model.footer.left.width;
  const footerHeight =
    Math.max(
      draw.columnHeight(model.footer.left.lines, footerLeftWidth),
      draw.columnHeight(model.footer.right.lines, width - footerLeftWidth) +
        mm(model.footer.signatureSpace) +
        20,
    ) + 12;
  model.body.forEach((p, i) => {
    const h = draw.paragraphHeight(p, width);
    const last = i === model.body.length - 1;
    const next = model.body[i + 1];
    const need = last
      ? h + footerHeight
      : p.keepWithNext && next
        ? h + Math.min(draw.paragraphHeight(next, width), 60)
        : Math.min(h, 3 * p.style.size * p.lineHeight);
    if (y + need > bottom && y > top + 1) {
      canvas.addPage();
      y = top;
    }
    y = draw.paragraph(p, x0, width, y);
  });

  if (y + footerHeight > bottom && y > top + 1) {
    canvas.addPage();
    y = top;
  }
  y += 6;
  draw.column(model.footer.left.lines, x0, footerLeftWidth, y);
  const ySig = draw.column(
    model.footer.right.lines,
    x0 + footerLeftWidth,
    width - footerLeftWidth,
    y,
  );
  const signature = {
    page: canvas.pageIndex,
    x: x0 + footerLeftWidth,
    width: width - footerLeftWidth,
    top: canvas.height - ySig,
    bottom: canvas.height - (ySig + mm(model.footer.signatureSpace)),
  };
  if (model.footer.signerName) {
    draw.column(
      [model.footer.signerName],
      x0 + footerLeftWidth,
      width - footerLeftWidth,
      ySig + mm(model.footer.signatureSpace),
    );
  }

  // Page numbers from page 2, centred in the top margin.
  const size = model.pageNumbers.size;
  for (let i = model.pageNumbers.fromPage - 1; i < canvas.pageCount; i++) {
    canvas.switchToPage(i);
    const label = String(i + 1);
    const w = canvas.faces.R.width(label, size);
    canvas.textLine("R", size, x0 + (width - w) / 2, top / 2, label);
  }
  const placements: PdfPlacements = {
    pageWidth: canvas.width,
    pageHeight: canvas.height,
    number: null,
    day: null,
    month: null,
    year: null,
    signature,
  };
  for (const [line, spans] of widened) {
    const at = draw.drawn.get(line)?.[0];
    const key = faceKey(line.style);
    const face = canvas.faces[key];
    const size = line.style.size;
    // Only when the line was drawn whole on one line (a wrapped line keeps no blank here).
    if (!at || at.text !== line.text) continue;
    for (const span of spans)
      placements[span.name] = {
        page: at.page,
        x: at.x + face.width(line.text, size, 0, span.from),
        width: face.width(line.text, size, span.from, span.to),
        baseline: canvas.height - (at.top + face.ascent(size)),
        size,
        font: `F${key}`,
      };
  }
  const pdf = canvas.finish({
    title: options.title ?? "",
    creationDate: options.creationDate ?? new Date(),
    lang: "vi-VN",
  });
  return { pdf, placements };
}

/**
 * One of the serif faces embedded into another file (an incremental update: the information
 * line of a copy's signature), with only the glyphs of `lines`: the font's object number, each
 * line encoded for a literal string in a content stream (escaped), and its width at size 1.
 */
export function embedTextFont(
  sink: PdfObjectSink,
  face: "R" | "B" | "I" | "BI",
  lines: string[],
  fonts?: SerifFonts,
): { font: number; encoded: string[]; widths: number[] } {
  const metrics = facesFor(fonts)[face];
  const use = new FontUse(metrics);
  const encoded = lines.map((l) => use.encode(l));
  return { font: use.embed(sink), encoded, widths: lines.map((l) => metrics.width(l, 1)) };
}
