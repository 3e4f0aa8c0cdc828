/**
 * The revisions of a PDF: each incremental update appends objects, a cross-reference section and
 * a trailer ending in "startxref N %%EOF". The first revision is the document as written; the
 * signer's signature, and the number and day an e-office system stamps after signing, come in
 * later ones. Read from the raw bytes, without pdfjs: the cross-reference sections (tables and
 * streams) say which objects each revision (re)defines, and a signature's /ByteRange says which
 * revision it signed (it covers the file up to that revision's end).
 */
import { inflateSync } from "node:zlib";
import { latin1, undoPng } from "./pdf-objects.ts";

export interface PdfRevision {
  /** 1 = the document as first written. */
  revision: number;
  /** Offset just past this revision's "%%EOF" (and its end of line). */
  byteEnd: number;
  /** Offset of this revision's cross-reference section (its startxref). */
  xrefOffset: number;
  /** A signature's /ByteRange covers the file up to the end of this revision. */
  signed: boolean;
  /** Object numbers this revision's cross-reference section defines; null when unreadable. */
  objects: number[] | null;
}

/** Revisions read at most; a file with more is listed up to there (real ones have under 20). */
export const MAX_REVISIONS = 200;
/** Largest cross-reference stream inflated (a 100,000-object file's is about 700 KB). */
const MAX_XREF_STREAM = 8 * 1024 * 1024;
/** Largest number of entries read from one cross-reference section. */
const MAX_XREF_ENTRIES = 1_000_000;

/**
 * Lists the revisions of a PDF, in file order; empty when no "%%EOF" ends a section. `text` is
 * the bytes as latin1, when the caller has it.
 */
export function listRevisions(bytes: Uint8Array, text = latin1(bytes)): PdfRevision[] {
  // A linearized file's first-page section ends in its own %%EOF: the first revision is the
  // length the linearization dictionary gives (/L).
  const head = text.slice(0, 1024);
  const linearized = /\/Linearized\b[^>]*?\/L\s+(\d+)/.exec(head);
  const firstEnd = linearized ? Number(linearized[1]) : 0;
  const ends: Array<{ byteEnd: number; xrefOffset: number }> = [];
  const eof = /%%EOF/g;
  let m: RegExpExecArray | null;
  while ((m = eof.exec(text)) && ends.length < MAX_REVISIONS) {
    const before = text.slice(Math.max(0, m.index - 64), m.index);
    const sx = /startxref\s+(\d+)\s*$/.exec(before);
    if (!sx) continue;
    const xrefOffset = Number(sx[1]);
    let byteEnd = m.index + 5;
    if (text[byteEnd] === "\r") byteEnd++;
    if (text[byteEnd] === "\n") byteEnd++;
    if (xrefOffset === 0 || byteEnd < firstEnd - 32) continue;
    ends.push({ byteEnd, xrefOffset });
  }
  const ranges = signedEnds(text);
  let previous = 0;
  return ends.map((e, i) => {
    // A signature signs everything before its own /Contents: the range ends at its revision's
    // end (give or take the end-of-line bytes).
    const signed = ranges.some((end) => end > previous && end <= e.byteEnd + 2);
    const objects = xrefObjects(bytes, text, e.xrefOffset);
    previous = e.byteEnd;
    return { revision: i + 1, byteEnd: e.byteEnd, xrefOffset: e.xrefOffset, signed, objects };
  });
}

/** Where each signature's signed range ends (the /ByteRange's last offset plus its length). */
function signedEnds(text: string): number[] {
  const out: number[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < MAX_REVISIONS) out.push(Number(m[3]) + Number(m[4]));
  return out;
}

/** The object numbers a cross-reference section at `offset` defines (in use, not free). */
function xrefObjects(bytes: Uint8Array, text: string, offset: number): number[] | null {
  if (offset <= 0 || offset >= bytes.length) return null;
  const at = text.slice(offset, offset + 32);
  if (/^\s*xref/.test(at)) return xrefTable(bytes, text, offset);
  if (/^\s*\d+\s+\d+\s+obj/.test(at)) return xrefStream(bytes, text, offset);
  return null;
}

function xrefTable(bytes: Uint8Array, text: string, offset: number): number[] {
  const out: number[] = [];
  let pos = text.indexOf("xref", offset) + 4;
  const sub = /\s*(\d+)\s+(\d+)[ \t]*\r?\n?/y;
  for (;;) {
    sub.lastIndex = pos;
    const m = sub.exec(text);
    if (!m) break;
    const first = Number(m[1]);
    const count = Number(m[2]);
    if (count > MAX_XREF_ENTRIES - out.length) break;
    pos = sub.lastIndex;
    // Entries are 20 bytes: "oooooooooo ggggg n\r\n"; some writers use one-byte ends of line.
    const entry = /\s*(\d{10})\s(\d{5})\s([nf])[ \t]*\r?\n?/y;
    for (let k = 0; k < count; k++) {
      entry.lastIndex = pos;
      const e = entry.exec(text);
      if (!e) return out;
      pos = entry.lastIndex;
      if (e[3] === "n" && first + k > 0) out.push(first + k);
    }
  }
  // A hybrid file's trailer points to a cross-reference stream as well.
  const trailer = text.slice(pos, pos + 4096);
  const stm = /\/XRefStm\s+(\d+)/.exec(trailer);
  if (stm) {
    const more = xrefStream(bytes, text, Number(stm[1]));
    if (more) out.push(...more);
  }
  return out;
}

function xrefStream(bytes: Uint8Array, text: string, offset: number): number[] | null {
  const dictEnd = text.indexOf("stream", offset);
  if (dictEnd < 0 || dictEnd - offset > 8192) return null;
  const dict = text.slice(offset, dictEnd);
  if (!/\/Type\s*\/XRef/.test(dict)) return null;
  const w = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dict);
  const size = /\/Size\s+(\d+)/.exec(dict);
  if (!w || !size) return null;
  const widths = [Number(w[1]), Number(w[2]), Number(w[3])];
  const rowLength = widths[0]! + widths[1]! + widths[2]!;
  if (rowLength === 0 || rowLength > 32) return null;
  const index: number[] = [];
  const ix = /\/Index\s*\[([\d\s]*)\]/.exec(dict);
  if (ix) index.push(...ix[1]!.trim().split(/\s+/).filter(Boolean).map(Number));
  else index.push(0, Number(size[1]));
  let start = dictEnd + 6;
  if (text[start] === "\r") start++;
  if (text[start] === "\n") start++;
  const end = text.indexOf("endstream", start);
  if (end < 0) return null;
  let data: Uint8Array = bytes.subarray(start, end);
  const filter = /\/Filter\s*\/(\w+)/.exec(dict)?.[1];
  if (filter === "FlateDecode") {
    try {
      data = inflateSync(data, { maxOutputLength: MAX_XREF_STREAM, finishFlush: 2 });
    } catch {
      return null;
    }
  } else if (filter) return null;
  const predictor = Number(/\/Predictor\s+(\d+)/.exec(dict)?.[1] ?? 1);
  if (predictor >= 10) {
    const columns = Number(/\/Columns\s+(\d+)/.exec(dict)?.[1] ?? 1);
    data = undoPng(data, columns);
  } else if (predictor !== 1) return null;
  const out: number[] = [];
  let row = 0;
  const field = (r: number, f: number): number => {
    let at = r * rowLength;
    for (let k = 0; k < f; k++) at += widths[k]!;
    if (widths[f] === 0) return f === 0 ? 1 : 0; // type defaults to 1 (in use)
    let v = 0;
    for (let k = 0; k < widths[f]!; k++) v = v * 256 + data[at + k]!;
    return v;
  };
  const rows = Math.floor(data.length / rowLength);
  for (let k = 0; k + 1 < index.length; k += 2) {
    const first = index[k]!;
    const count = index[k + 1]!;
    for (let n = 0; n < count && row < rows && out.length < MAX_XREF_ENTRIES; n++, row++) {
      const type = field(row, 0);
      if ((type === 1 || type === 2) && first + n > 0) out.push(first + n);
    }
  }
  return out;
}

/** The latest revision after the first whose cross-reference section defines `objectNumber`. */
export function revisionDefining(revisions: PdfRevision[], objectNumber: number): number | null {
  for (let i = revisions.length - 1; i >= 1; i--)
    if (revisions[i]!.objects?.includes(objectNumber)) return revisions[i]!.revision;
  return null;
}
