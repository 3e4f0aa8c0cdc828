import PDFDocument from "pdfkit";
import type { LayoutModel, Paragraph, StyledLine } from "@vanthu/core";
import { loadSerifFonts, type SerifFonts } from "./fonts.ts";

const PT_PER_MM = 72 / 25.4;
const mm = (v: number): number => v * PT_PER_MM;

type Doc = PDFKit.PDFDocument;

function face(doc: Doc, style: { bold?: boolean; italic?: boolean; size: number }): void {
  const name = style.bold ? (style.italic ? "BI" : "B") : style.italic ? "I" : "R";
  doc.font(name).fontSize(style.size);
}

/** Draws lines top-down in a column; returns the y under the last one. */
function drawColumn(doc: Doc, lines: StyledLine[], x: number, width: number, y: number): number {
  let cursor = y;
  for (const line of lines) {
    cursor += line.spaceBefore ?? 0;
    face(doc, line.style);
    const h = doc.heightOfString(line.text, { width, align: line.style.align });
    doc.text(line.text, x, cursor, {
      width,
      align: line.style.align === "justify" ? "left" : line.style.align,
      lineBreak: true,
    });
    cursor += h;
    if (line.ruleBelow) {
      const textWidth = Math.min(width, doc.widthOfString(line.text));
      const ruleWidth = textWidth * line.ruleBelow;
      const left =
        line.style.align === "left"
          ? x
          : line.style.align === "right"
            ? x + width - ruleWidth
            : x + (width - ruleWidth) / 2;
      doc
        .moveTo(left, cursor + 1.5)
        .lineTo(left + ruleWidth, cursor + 1.5)
        .lineWidth(0.6)
        .stroke();
      cursor += 4;
    }
  }
  return cursor;
}

function heightOfColumn(doc: Doc, lines: StyledLine[], width: number): number {
  let h = 0;
  for (const line of lines) {
    face(doc, line.style);
    h +=
      (line.spaceBefore ?? 0) + doc.heightOfString(line.text, { width }) + (line.ruleBelow ? 4 : 0);
  }
  return h;
}

function paragraphHeight(doc: Doc, p: Paragraph, width: number): number {
  face(doc, p.style);
  const gap = p.style.size * (p.lineHeight - 1);
  return (
    doc.heightOfString(p.text, {
      width,
      indent: mm(p.firstLineIndent),
      lineGap: gap,
      align: p.style.align,
    }) + p.spaceAfter
  );
}

export interface RenderPdfOptions {
  fonts?: SerifFonts;
  /** Fixed creation date, for reproducible files (tests, golden samples). */
  creationDate?: Date;
  title?: string;
}

/**
 * Draws the layout model as an A4 PDF with the serif embedded. Long documents break across pages;
 * the last paragraph goes with the Nơi nhận and signature block so that the signature is never
 * alone on a page; page numbers are centred in the top margin from page 2.
 */
export async function renderPdf(
  model: LayoutModel,
  options: RenderPdfOptions = {},
): Promise<Uint8Array> {
  // The bytes are read once per process. pdfkit still parses them in every document: sharing the
  // parsed font between documents loses glyphs (fontkit keeps state across subsets).
  const fonts = loadSerifFonts(options.fonts);
  const { margin } = model.page;
  const doc = new PDFDocument({
    size: [mm(model.page.width), mm(model.page.height)],
    margins: {
      top: mm(margin.top),
      bottom: mm(margin.bottom),
      left: mm(margin.left),
      right: mm(margin.right),
    },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: options.title ?? "",
      Producer: "vanthu",
      Creator: "vanthu",
      CreationDate: options.creationDate ?? new Date(),
    },
    lang: "vi-VN",
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.registerFont("R", fonts.regular);
  doc.registerFont("B", fonts.bold);
  doc.registerFont("I", fonts.italic);
  doc.registerFont("BI", fonts.boldItalic);

  const x0 = mm(margin.left);
  const width = mm(model.page.width - margin.left - margin.right);
  const bottom = mm(model.page.height - margin.bottom);

  // Header: two columns side by side.
  const top = mm(margin.top);
  // The two cells of the header table, with a gutter between them.
  const leftWidth = width * model.header.left.width;
  const gutter = mm(1);
  const yLeft = drawColumn(doc, model.header.left.lines, x0, leftWidth - gutter, top);
  const yRight = drawColumn(
    doc,
    model.header.right.lines,
    x0 + leftWidth + gutter,
    width - leftWidth - gutter,
    top,
  );
  let y = Math.max(yLeft, yRight);

  // Title and addressees across the text width.
  y = drawColumn(doc, model.title, x0, width, y);
  const kinhGui = model.addressees;
  if (kinhGui.length === 1) y = drawColumn(doc, kinhGui, x0, width, y);
  else if (kinhGui.length > 1) {
    // "Kính gửi:" to the left of the list, as offices lay it out.
    const labelWidth = width * 0.32;
    const first = kinhGui[0]!;
    const yTop = y + (first.spaceBefore ?? 0);
    drawColumn(
      doc,
      [{ ...first, spaceBefore: 0, style: { ...first.style, align: "right" } }],
      x0,
      labelWidth - 6,
      yTop,
    );
    y = drawColumn(doc, kinhGui.slice(1), x0 + labelWidth, width - labelWidth, yTop);
  }
  y += 10;

  // Body, then the footer; the last paragraph travels with the footer.
  const footerLeftWidth = width * model.footer.left.width;
  const footerHeight =
    Math.max(
      heightOfColumn(doc, model.footer.left.lines, footerLeftWidth),
      heightOfColumn(doc, model.footer.right.lines, width - footerLeftWidth) +
        mm(model.footer.signatureSpace) +
        20,
    ) + 12;
  model.body.forEach((p, i) => {
    const h = paragraphHeight(doc, p, width);
    const last = i === model.body.length - 1;
    const next = model.body[i + 1];
    const need = last
      ? h + footerHeight
      : p.keepWithNext && next
        ? h + Math.min(paragraphHeight(doc, next, width), 60)
        : Math.min(h, 3 * p.style.size * p.lineHeight);
    if (y + need > bottom && y > top + 1) {
      doc.addPage();
      y = top;
    }
    face(doc, p.style);
    doc.text(p.text, x0, y, {
      width,
      align: p.style.align,
      indent: mm(p.firstLineIndent),
      lineGap: p.style.size * (p.lineHeight - 1),
    });
    y = doc.y + p.spaceAfter;
  });

  if (y + footerHeight > bottom && y > top + 1) {
    doc.addPage();
    y = top;
  }
  y += 6;
  drawColumn(doc, model.footer.left.lines, x0, footerLeftWidth, y);
  const ySig = drawColumn(
    doc,
    model.footer.right.lines,
    x0 + footerLeftWidth,
    width - footerLeftWidth,
    y,
  );
  if (model.footer.signerName) {
    drawColumn(
      doc,
      [model.footer.signerName],
      x0 + footerLeftWidth,
      width - footerLeftWidth,
      ySig + mm(model.footer.signatureSpace),
    );
  }

  // Page numbers from page 2, centred in the top margin.
  const range = doc.bufferedPageRange();
  for (let i = range.start + model.pageNumbers.fromPage - 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    face(doc, { size: model.pageNumbers.size });
    const label = String(i - range.start + 1);
    doc.text(label, x0, mm(margin.top) / 2, { width, align: "center", lineBreak: false });
  }
  doc.end();
  await done;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
