/**
 * Pages of text and rules, drawn top-down in points from the top-left corner (as the layout
 * thinks) and written as PDF content streams (origin bottom-left). Text is measured and broken
 * into lines here; the fonts are embedded with only the glyphs the document used.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { FontUse, type FaceMetrics } from "./pdf-font.ts";
import { DEFLATE, num, pdfDate, pdfTextString, PdfWriter } from "./pdf-writer.ts";

export type FaceKey = "R" | "B" | "I" | "BI";
export type Faces = Record<FaceKey, FaceMetrics>;

export interface WrappedLine {
  text: string;
  /** Natural width in points. */
  width: number;
  /** Number of spaces between words (where justification adds room). */
  spaces: number;
  /** The last line of a paragraph or before a hard break: never justified. */
  last: boolean;
}

/**
 * Greedy line breaking at spaces (never inside a word unless the word alone is wider than the
 * line, as a long web address may be), the first line narrower by the indent.
 */
export function wrapText(
  m: FaceMetrics,
  size: number,
  text: string,
  width: number,
  indent = 0,
): WrappedLine[] {
  const lines: WrappedLine[] = [];
  const space = m.width(" ", size);
  // Widths are compared with a tolerance for rounding.
  let avail = width - indent + 1e-6;
  for (const hard of text.split("\n")) {
    // The line being filled is hard.slice(from, to).
    let from = 0;
    let to = 0;
    let lineWidth = 0;
    let spaces = 0;
    let started = false;
    let at = 0;
    while (at <= hard.length) {
      let next = hard.indexOf(" ", at);
      if (next < 0) next = hard.length;
      const w = m.width(hard, size, at, next);
      if (started && lineWidth + space + w <= avail) {
        to = next;
        lineWidth += space + w;
        spaces++;
      } else {
        if (started) {
          lines.push({ text: hard.slice(from, to), width: lineWidth, spaces, last: false });
          avail = width + 1e-6;
          spaces = 0;
        }
        from = at;
        to = next;
        lineWidth = w;
        started = true;
        if (w > avail) {
          // A word wider than the line (a long web address): break it between characters.
          lineWidth = 0;
          for (let i = at; i < next;) {
            const n = hard.codePointAt(i)! > 0xffff ? 2 : 1;
            const cw = m.width(hard, size, i, i + n);
            if (i > from && lineWidth + cw > avail) {
              lines.push({ text: hard.slice(from, i), width: lineWidth, spaces: 0, last: false });
              avail = width + 1e-6;
              from = i;
              lineWidth = 0;
            }
            lineWidth += cw;
            i += n;
          }
        }
      }
      at = next + 1;
    }
    lines.push({ text: hard.slice(from, to), width: lineWidth, spaces, last: true });
    avail = width + 1e-6;
  }
  return lines;
}

export interface DocumentInfo {
  title: string;
  creationDate: Date;
  lang: string;
}

export class PdfCanvas {
  private readonly pages: string[] = [""];
  /** The word spacing (Tw) in force at the end of each page's content so far. */
  private readonly wordSpacing: number[] = [0];
  private current = 0;
  private readonly uses: Record<FaceKey, FontUse>;

  constructor(
    readonly faces: Faces,
    readonly width: number,
    readonly height: number,
  ) {
    this.uses = {
      R: new FontUse(faces.R),
      B: new FontUse(faces.B),
      I: new FontUse(faces.I),
      BI: new FontUse(faces.BI),
    };
  }

  get pageCount(): number {
    return this.pages.length;
  }

  addPage(): void {
    this.pages.push("");
    this.wordSpacing.push(0);
    this.current = this.pages.length - 1;
  }

  /** The page being drawn, 0-based. */
  get pageIndex(): number {
    return this.current;
  }

  /**
   * Puts the glyphs of `text` into the face's embedded subset without drawing them, so that a
   * later revision (the number and date stamped at issuing) can draw them with this font.
   */
  reserveGlyphs(face: FaceKey, text: string): void {
    this.uses[face].encode(text);
  }

  switchToPage(index: number): void {
    if (index < 0 || index >= this.pages.length) throw new RangeError(`no page ${index}`);
    this.current = index;
  }

  /**
   * One line of text whose line box starts at `top`; `extraPerSpace` points are added after each
   * space (justification).
   */
  textLine(face: FaceKey, size: number, x: number, top: number, text: string, extraPerSpace = 0) {
    if (!text) return;
    const use = this.uses[face];
    const baseline = this.height - (top + this.faces[face].ascent(size));
    // Justification by word spacing: the space is the one-byte code 32 in every face.
    const tw = extraPerSpace > 0.001 ? Math.round(extraPerSpace * 1000) / 1000 : 0;
    let state = "";
    if (tw !== this.wordSpacing[this.current]) {
      state = `${tw} Tw `;
      this.wordSpacing[this.current] = tw;
    }
    this.pages[this.current] +=
      `BT ${state}/F${face} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(baseline)} Tm (${use.encode(text)}) Tj ET\n`;
  }

  /** A horizontal rule at distance `y` from the top. */
  rule(x1: number, x2: number, y: number, lineWidth: number): void {
    const py = num(this.height - y);
    this.pages[this.current] += `${num(lineWidth)} w ${num(x1)} ${py} m ${num(x2)} ${py} l S\n`;
  }

  finish(info: DocumentInfo): Uint8Array {
    const pdf = new PdfWriter();
    const pagesRef = pdf.reserve();
    const fonts: string[] = [];
    for (const key of ["R", "B", "I", "BI"] as const) {
      const use = this.uses[key];
      if (use.used) fonts.push(`/F${key} ${use.embed(pdf)} 0 R`);
    }
    const resources = pdf.object(`<< /Font << ${fonts.join(" ")} >> /ProcSet [/PDF /Text] >>`);
    const kids: number[] = [];
    for (const content of this.pages) {
      const stream = pdf.stream("", deflateSync(Buffer.from(content, "latin1"), DEFLATE));
      kids.push(
        pdf.object(
          `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${num(this.width)} ${num(this.height)}]` +
            ` /Resources ${resources} 0 R /Contents ${stream} 0 R >>`,
        ),
      );
    }
    pdf.object(
      `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`,
      pagesRef,
    );
    const root = pdf.object(
      `<< /Type /Catalog /Pages ${pagesRef} 0 R /Lang ${pdfTextString(info.lang)} >>`,
    );
    const infoRef = pdf.object(
      `<< /Title ${pdfTextString(info.title)} /Producer (vanthu) /Creator (vanthu)` +
        ` /CreationDate ${pdfDate(info.creationDate)} >>`,
    );
    // The file identifier: a digest of what distinguishes this file (not of every byte).
    const id = createHash("md5")
      .update(`${info.title}|${info.creationDate.toISOString()}|${this.pages.length}|`)
      .update(this.pages[0]!.slice(0, 4096))
      .update(String(this.pages.reduce((n, p) => n + p.length, 0)))
      .digest("hex");
    return pdf.finish(root, infoRef, id);
  }
}
