/**
 * A minimal PDF writer for extraction tests: pages of positioned text in one font (Helvetica,
 * not embedded, with a ToUnicode map so that any character, Vietnamese included, reads back),
 * and incremental updates appended to a file as e-office systems append them: a new content
 * stream drawn over a page, widget annotations whose appearance draws text (a stamped number),
 * and a signature dictionary whose /ByteRange covers the file up to the update's end.
 */

export interface Draw {
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface Widget {
  /** [x0, y0, x1, y1] on the page. */
  rect: [number, number, number, number];
  /** Text drawn by the appearance, positioned within the rect (0, 0 = its lower left). */
  draws: Draw[];
}

export interface Update {
  /** 1-based page the update draws on. */
  page: number;
  /** Text drawn by a content stream the update adds to the page. */
  draws?: Draw[];
  widgets?: Widget[];
  /** Adds a signature dictionary covering the file up to this update's end. */
  signed?: boolean;
}

/** Width of every character, in thousandths of the font size. */
const CHAR_WIDTH = 500;

const enc = new TextEncoder();

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, "0");
}

/** One-byte codes for the characters a test uses (at most 223 distinct characters). */
export class Charset {
  readonly codes = new Map<string, number>();
  constructor(...texts: string[]) {
    for (const t of texts) for (const ch of t.normalize("NFC")) this.add(ch);
  }
  add(ch: string): number {
    let code = this.codes.get(ch);
    if (code === undefined) {
      // From 0x21: pdfjs reads codes below it as control characters, drawn but not extracted.
      code = this.codes.size + 0x21;
      if (code > 255) throw new Error("too many distinct characters for the test font");
      this.codes.set(ch, code);
    }
    return code;
  }
  encode(text: string): string {
    return [...text.normalize("NFC")].map((ch) => hex(this.add(ch), 2)).join("");
  }
}

function textOps(draws: Draw[], charset: Charset): string {
  return draws
    .map(
      (d) =>
        `BT /F1 ${d.size} Tf 1 0 0 1 ${d.x.toFixed(2)} ${d.y.toFixed(2)} Tm <${charset.encode(d.text)}> Tj ET`,
    )
    .join("\n");
}

function stream(dict: string, body: string): string {
  return `<<${dict} /Length ${enc.encode(body).length}>>\nstream\n${body}\nendstream`;
}

export interface Written {
  bytes: Uint8Array;
  /** Next free object number. */
  size: number;
  /** Object numbers of the pages, and what each page's dictionary holds now. */
  pages: Array<{ num: number; contents: number[]; annots: number[] }>;
  charset: Charset;
  fontNum: number;
  lastXref: number;
}

const FONT_NUM = 3;

function fontObjects(charset: Charset): string[] {
  const n = 255;
  const widths = Array.from({ length: n }, () => CHAR_WIDTH).join(" ");
  const cmapLines = [...charset.codes].map(([ch, code]) => {
    const utf16 = [...ch]
      .map((c) => {
        const cp = c.codePointAt(0)!;
        if (cp < 0x10000) return hex(cp, 4);
        const v = cp - 0x10000;
        return hex(0xd800 + (v >> 10), 4) + hex(0xdc00 + (v & 0x3ff), 4);
      })
      .join("");
    return `<${hex(code, 2)}> <${utf16}>`;
  });
  const cmap = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <00> <FF> endcodespacerange",
    // At most 100 entries a block.
    ...Array.from({ length: Math.ceil(cmapLines.length / 100) }, (_, k) => {
      const part = cmapLines.slice(k * 100, k * 100 + 100);
      return `${part.length} beginbfchar\n${part.join("\n")}\nendbfchar`;
    }),
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  return [
    `<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar ${n} /Widths [${widths}] /ToUnicode ${FONT_NUM + 1} 0 R>>`,
    stream("", cmap),
  ];
}

function xrefSection(entries: Array<[number, number]>): string {
  entries.sort((a, b) => a[0] - b[0]);
  let out = "xref\n";
  let i = 0;
  while (i < entries.length) {
    let j = i;
    while (j + 1 < entries.length && entries[j + 1]![0] === entries[j]![0] + 1) j++;
    out += `${entries[i]![0]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(entries[k]![1]).padStart(10, "0")} 00000 n\r\n`;
    i = j + 1;
  }
  return out;
}

function pageDict(p: Written["pages"][number]): string {
  const contents = `[${p.contents.map((c) => `${c} 0 R`).join(" ")}]`;
  const annots = p.annots.length ? ` /Annots [${p.annots.map((a) => `${a} 0 R`).join(" ")}]` : "";
  return `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 ${FONT_NUM} 0 R>>>> /Contents ${contents}${annots}>>`;
}

/** Writes a PDF of one revision: each page's text drawn by its own content stream. */
export function writePdf(pages: Draw[][], charset: Charset): Written {
  // Encode everything first: the ToUnicode map must know every character.
  const bodies = pages.map((draws) => textOps(draws, charset));
  const objects = new Map<number, string>();
  const pageNums = pages.map((_, i) => 5 + i * 2);
  objects.set(1, "<</Type /Catalog /Pages 2 0 R>>");
  objects.set(
    2,
    `<</Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(" ")}] /Count ${pages.length}>>`,
  );
  const [font, cmap] = fontObjects(charset);
  objects.set(FONT_NUM, font!);
  objects.set(FONT_NUM + 1, cmap!);
  const written: Written["pages"] = [];
  pageNums.forEach((num, i) => {
    const page = { num, contents: [num + 1], annots: [] };
    written.push(page);
    objects.set(num, pageDict(page));
    objects.set(num + 1, stream("", bodies[i]!));
  });
  let out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const entries: Array<[number, number]> = [];
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    entries.push([num, latin1Length(out)]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const size = Math.max(...objects.keys()) + 1;
  const xref = latin1Length(out);
  out += `xref\n0 1\n0000000000 65535 f\r\n${xrefSection(entries).slice(5)}`;
  out += `trailer\n<</Size ${size} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return {
    bytes: latin1Bytes(out),
    size,
    pages: written,
    charset,
    fontNum: FONT_NUM,
    lastXref: xref,
  };
}

function latin1Length(s: string): number {
  return Buffer.byteLength(s, "latin1");
}

function latin1Bytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "latin1"));
}

/**
 * Appends an incremental update: the page's dictionary again, with the new content stream and
 * annotations, a cross-reference section for what changed and a trailer pointing to the last.
 */
export function appendUpdate(pdf: Written, update: Update): Written {
  const page = pdf.pages[update.page - 1]!;
  const objects = new Map<number, string>();
  let next = pdf.size;
  const newPage = { ...page, contents: [...page.contents], annots: [...page.annots] };
  if (update.draws?.length) {
    const num = next++;
    objects.set(num, stream("", textOps(update.draws, pdf.charset)));
    newPage.contents.push(num);
  }
  for (const w of update.widgets ?? []) {
    const ap = next++;
    const annot = next++;
    const [x0, y0, x1, y1] = w.rect;
    objects.set(
      ap,
      stream(
        ` /Type /XObject /Subtype /Form /BBox [0 0 ${x1 - x0} ${y1 - y0}] /Resources <</Font <</F1 ${pdf.fontNum} 0 R>>>>`,
        textOps(w.draws, pdf.charset),
      ),
    );
    objects.set(
      annot,
      `<</Type /Annot /Subtype /Widget /FT /Sig /T (stamp${annot}) /F 132 /Rect [${w.rect.join(" ")}] /P ${page.num} 0 R /AP <</N ${ap} 0 R>>>>`,
    );
    newPage.annots.push(annot);
  }
  objects.set(page.num, pageDict(newPage));
  const range = "/ByteRange [0 0000000000 0000000000 0000000000]";
  if (update.signed) objects.set(next++, `<</Type /Sig /Filter /Adobe.PPKLite ${range}>>`);
  const pages = pdf.pages.map((p, i) => (i === update.page - 1 ? newPage : p));
  return appendObjects({ ...pdf, pages }, objects, next, (out, total) => {
    if (!update.signed) return out;
    // The signed range ends where this update ends (a real signature leaves a hole for itself).
    const pad = (n: number): string => String(n).padStart(10, "0");
    return out.replace(range, `/ByteRange [0 ${pad(10)} ${pad(20)} ${pad(total - 20)}]`);
  });
}

/**
 * Appends an incremental update of the given objects (number to what follows "obj"), with its
 * cross-reference section and a trailer pointing to the last; `size` is the next free number.
 * `finish` may edit the update's text once its length is known (same length).
 */
export function appendObjects(
  pdf: Written,
  objects: Map<number, string>,
  size = pdf.size,
  finish: (out: string, total: number) => string = (out) => out,
): Written {
  const base = pdf.bytes.length;
  let out = "";
  const entries: Array<[number, number]> = [];
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    entries.push([num, base + latin1Length(out)]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = base + latin1Length(out);
  out += xrefSection(entries);
  out += `trailer\n<</Size ${size} /Root 1 0 R /Prev ${pdf.lastXref}>>\nstartxref\n${xref}\n%%EOF\n`;
  const total = base + latin1Length(out);
  out = finish(out, total);
  const bytes = new Uint8Array(total);
  bytes.set(pdf.bytes, 0);
  bytes.set(latin1Bytes(out), base);
  return { ...pdf, bytes, size, lastXref: xref };
}

/** The dictionary of a page as the writer writes it (for an update that rewrites it). */
export function pageObject(pdf: Written, page: number): string {
  return pageDict(pdf.pages[page - 1]!);
}
