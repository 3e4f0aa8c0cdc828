/**
 * A PDF's objects read from its raw bytes, as far as telling which pages' own text a later
 * revision may have changed: the cross-reference chain from a startxref (tables, streams, hybrid
 * files, /Prev), objects by number (in the clear or in object streams), the page tree.
 *
 * Why: to mark the text a later revision drew on a page (a number stamped into a blank by a new
 * content stream), extractPdf compares the page's text runs with the first revision's. Reading
 * the first revision with pdfjs costs about what reading the file does. Most later revisions
 * (signatures, their widgets) leave every page's text alone: they redefine the page dictionary
 * only to add to its /Annots. A page whose content streams, resources (fonts, form XObjects,
 * everything reachable from them) and boxes are the very same objects in both revisions, at the
 * same places in the file (the first revision is a prefix of the file), reads the same in both:
 * no need to read it twice. Anything this reader does not understand makes it answer "may have
 * changed", and the page is compared as before.
 *
 * The same objects tell whether a page's annotations can draw text at all: drawing them for it
 * (pdf-annotations.ts) costs about what reading the page does, and an image-only signature
 * draws none (annotationsMayDrawText).
 */
import { inflateSync } from "node:zlib";

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string as written (its bytes between the delimiters, escapes left as they are). */
export class PdfString {
  constructor(readonly raw: string) {}
}
/** A bare word other than true, false and null (an operator where a value was expected). */
export class PdfKeyword {
  constructor(readonly word: string) {}
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue =
  null | boolean | number | PdfName | PdfRef | PdfString | PdfKeyword | PdfValue[] | PdfDict;

/** The bytes as a string, one character a byte. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** What cannot be read the way this module reads it: the caller falls back to the safe path. */
export class PdfSyntaxError extends Error {}

/** Nesting of arrays and dictionaries read at most (pdfjs stops far earlier on real files). */
const MAX_DEPTH = 64;
/** Cross-reference sections followed through /Prev and /XRefStm. */
const MAX_SECTIONS = 1000;
/** Entries of one cross-reference section. */
const MAX_ENTRIES = 1_000_000;
/** Largest stream inflated (a cross-reference or object stream). */
const MAX_INFLATED = 16 * 1024 * 1024;
/** Bytes inflated in all from one file (a real file's cross-references and forms: well under 1 MB). */
const MAX_FILE_INFLATED = 64 * 1024 * 1024;
/** Objects an object stream may hold. */
const MAX_STREAM_OBJECTS = 100_000;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function isRegular(c: number): boolean {
  return !Number.isNaN(c) && !WHITE.has(c) && !DELIM.has(c);
}

/** Reads PDF values from a latin1 string (the file's bytes, or an object stream's). */
export class PdfLexer {
  pos: number;
  constructor(
    readonly s: string,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25) {
        // A comment, to the end of the line.
        while (this.pos < s.length && s[this.pos] !== "\n" && s[this.pos] !== "\r") this.pos++;
      } else return;
    }
  }

  /** The bare word at the current position (after space), without consuming it. */
  peekWord(): string {
    this.skipSpace();
    let end = this.pos;
    while (isRegular(this.s.charCodeAt(end))) end++;
    return this.s.slice(this.pos, end);
  }

  private word(): string {
    const w = this.peekWord();
    this.pos += w.length;
    return w;
  }

  /** A non-negative integer, or null (nothing consumed) when there is none. */
  private integerAt(): number | null {
    this.skipSpace();
    const m = /^\d{1,10}(?![\d.])/.exec(this.s.slice(this.pos, this.pos + 12));
    if (!m) return null;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  integer(): number {
    const n = this.integerAt();
    if (n === null) throw new PdfSyntaxError(`integer expected at ${this.pos}`);
    return n;
  }

  expectWord(word: string): void {
    const w = this.word();
    if (w !== word) throw new PdfSyntaxError(`"${word}" expected at ${this.pos}, found "${w}"`);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError("nested too deep");
    this.skipSpace();
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) throw new PdfSyntaxError("unexpected end");
    if (c === "<" && s[this.pos + 1] === "<") {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (s.startsWith(">>", this.pos)) {
          this.pos += 2;
          return dict;
        }
        const key = this.value(depth + 1);
        if (!(key instanceof PdfName)) throw new PdfSyntaxError(`name expected at ${this.pos}`);
        dict.set(key.name, this.value(depth + 1));
      }
    }
    if (c === "<") {
      const end = s.indexOf(">", this.pos);
      if (end < 0) throw new PdfSyntaxError("unterminated hex string");
      const raw = s.slice(this.pos, end + 1);
      this.pos = end + 1;
      return new PdfString(raw);
    }
    if (c === "[") {
      this.pos++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (s[this.pos] === "]") {
          this.pos++;
          return array;
        }
        array.push(this.value(depth + 1));
      }
    }
    if (c === "(") {
      const start = this.pos;
      let level = 0;
      for (; this.pos < s.length; this.pos++) {
        const ch = s[this.pos];
        if (ch === "\\") this.pos++;
        else if (ch === "(") level++;
        else if (ch === ")" && --level === 0) break;
      }
      if (this.pos >= s.length) throw new PdfSyntaxError("unterminated string");
      this.pos++;
      return new PdfString(s.slice(start, this.pos));
    }
    if (c === "/") {
      this.pos++;
      let end = this.pos;
      while (isRegular(s.charCodeAt(end))) end++;
      const raw = s.slice(this.pos, end);
      this.pos = end;
      return new PdfName(
        raw.includes("#")
          ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) =>
              String.fromCharCode(parseInt(h, 16)),
            )
          : raw,
      );
    }
    const w = this.word();
    if (!w) throw new PdfSyntaxError(`unexpected "${c}" at ${this.pos}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // "12 0 R" is a reference: look ahead for the generation and the R.
      if (/^\d+$/.test(w)) {
        const back = this.pos;
        const gen = this.integerAt();
        if (gen !== null && this.peekWord() === "R") {
          this.pos++;
          return new PdfRef(Number(w), gen);
        }
        this.pos = back;
      }
      return Number(w);
    }
    if (w === "true") return true;
    if (w === "false") return false;
    if (w === "null") return null;
    return new PdfKeyword(w);
  }
}

export interface ParsedObject {
  num: number;
  value: PdfValue;
  /** Where a stream's data starts, for a stream object. */
  streamStart?: number;
  /** Where the object's value ends, a stream's dictionary for a stream. */
  valueEnd: number;
}

/** The object written at `offset` in `s` ("num gen obj value [stream]"). */
export function objectAt(s: string, offset: number): ParsedObject {
  const lexer = new PdfLexer(s, offset);
  const num = lexer.integer();
  lexer.integer();
  lexer.expectWord("obj");
  const value = lexer.value();
  if (value instanceof Map && lexer.peekWord() === "stream") {
    let start = lexer.pos + 6;
    if (s[start] === "\r") start++;
    if (s[start] === "\n") start++;
    return { num, value, streamStart: start, valueEnd: lexer.pos };
  }
  return { num, value, valueEnd: lexer.pos };
}

/** A cross-reference entry: free, at an offset in the file, or inside an object stream. */
export type XrefEntry =
  { type: 0 } | { type: 1; offset: number } | { type: 2; stream: number; index: number };

/** One cross-reference section: its entries in order, its trailer and where the next one is. */
export interface XrefSection {
  entries: Array<[number, XrefEntry]>;
  trailer: PdfDict;
  prev: number | null;
  /** A hybrid file's table names a cross-reference stream too (/XRefStm). */
  xrefStm: number | null;
}

function int(v: PdfValue | undefined): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

/**
 * Where a stream's data ends: after its /Length when "endstream" follows there, else before
 * the next "endstream" (an indirect or wrong /Length).
 */
function streamEnd(s: string, parsed: ParsedObject): number {
  const start = parsed.streamStart!;
  const length = int((parsed.value as PdfDict).get("Length"));
  if (length !== null && /^\s*endstream/.test(s.slice(start + length, start + length + 16)))
    return start + length;
  let end = s.indexOf("endstream", start);
  if (end < 0) throw new PdfSyntaxError("stream without endstream");
  if (s[end - 1] === "\n") end--;
  if (s[end - 1] === "\r") end--;
  return end;
}

/** What may still be inflated from one file. */
export interface InflateBudget {
  bytes: number;
}

/**
 * The data of a stream object read at `parsed`, decoded (FlateDecode, PNG predictors), at most
 * MAX_INFLATED bytes and what is left of `budget`.
 */
function streamData(
  bytes: Uint8Array,
  s: string,
  parsed: ParsedObject,
  budget: InflateBudget,
): Uint8Array {
  const limit = Math.min(MAX_INFLATED, budget.bytes);
  const dict = parsed.value as PdfDict;
  let data = bytes.subarray(parsed.streamStart!, streamEnd(s, parsed));
  const filter = dict.get("Filter");
  const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  const params = dict.get("DecodeParms");
  const param = Array.isArray(params) ? params[0] : params;
  if (filters.length > 1) throw new PdfSyntaxError("more than one filter");
  if (filters.length === 1) {
    const f = filters[0];
    if (!(f instanceof PdfName) || (f.name !== "FlateDecode" && f.name !== "Fl"))
      throw new PdfSyntaxError("filter not read here");
    try {
      data = inflateSync(data, { maxOutputLength: Math.max(1, limit), finishFlush: 2 });
    } catch {
      throw new PdfSyntaxError("stream cannot be inflated");
    }
    budget.bytes -= data.length;
    if (param instanceof Map) {
      const predictor = int(param.get("Predictor")) ?? 1;
      if (predictor >= 10) data = undoPng(data, int(param.get("Columns")) ?? 1);
      else if (predictor !== 1) throw new PdfSyntaxError("predictor not read here");
    }
  } else if (param !== undefined && param !== null) throw new PdfSyntaxError("parameters");
  return data;
}

/** Undoes PNG row predictors (what /Predictor 10-15 means). */
export function undoPng(data: Uint8Array, columns: number): Uint8Array {
  const stride = columns + 1;
  const rows = Math.floor(data.length / stride);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * stride]!;
    for (let c = 0; c < columns; c++) {
      const raw = data[r * stride + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let v = raw;
      if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = v & 0xff;
    }
  }
  return out;
}

/** The cross-reference section at `offset`: a table ("xref") or a stream (/Type /XRef). */
export function readXrefSection(
  bytes: Uint8Array,
  s: string,
  offset: number,
  budget: InflateBudget = { bytes: MAX_FILE_INFLATED },
): XrefSection {
  if (offset <= 0 || offset >= s.length) throw new PdfSyntaxError("offset out of the file");
  const lexer = new PdfLexer(s, offset);
  if (lexer.peekWord() === "xref") return xrefTable(s, lexer);
  const parsed = objectAt(s, offset);
  const dict = parsed.value;
  if (!(dict instanceof Map) || parsed.streamStart === undefined)
    throw new PdfSyntaxError("no cross-reference section");
  const type = dict.get("Type");
  if (!(type instanceof PdfName) || type.name !== "XRef")
    throw new PdfSyntaxError("not a cross-reference stream");
  const w = dict.get("W");
  const size = int(dict.get("Size"));
  if (!Array.isArray(w) || w.length !== 3 || size === null) throw new PdfSyntaxError("/W, /Size");
  const widths = w.map(int);
  if (widths.some((x) => x === null || x > 8)) throw new PdfSyntaxError("/W");
  const [w0, w1, w2] = widths as [number, number, number];
  const rowLength = w0 + w1 + w2;
  if (rowLength === 0) throw new PdfSyntaxError("/W");
  const indexValue = dict.get("Index");
  const index = Array.isArray(indexValue) ? indexValue.map(int) : [0, size];
  if (index.length % 2 || index.some((x) => x === null)) throw new PdfSyntaxError("/Index");
  const data = streamData(bytes, s, parsed, budget);
  const field = (at: number, width: number): number => {
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 256 + data[at + k]!;
    return v;
  };
  const entries: XrefSection["entries"] = [];
  let row = 0;
  for (let k = 0; k < index.length; k += 2) {
    const first = index[k]!;
    const count = index[k + 1]!;
    if (entries.length + count > MAX_ENTRIES) throw new PdfSyntaxError("too many entries");
    for (let n = 0; n < count; n++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw new PdfSyntaxError("cross-reference stream short");
      const t = w0 === 0 ? 1 : field(at, w0);
      const a = field(at + w0, w1);
      const b = field(at + w0 + w1, w2);
      if (t === 0) entries.push([first + n, { type: 0 }]);
      else if (t === 1) entries.push([first + n, { type: 1, offset: a }]);
      else if (t === 2) entries.push([first + n, { type: 2, stream: a, index: b }]);
      // Other types are reserved: PDF readers take them as null objects.
      else entries.push([first + n, { type: 0 }]);
    }
  }
  return { entries, trailer: dict, prev: int(dict.get("Prev")), xrefStm: null };
}

function xrefTable(s: string, lexer: PdfLexer): XrefSection {
  let pos = s.indexOf("xref", lexer.pos) + 4;
  const entries: XrefSection["entries"] = [];
  const sub = /\s*(\d+)\s+(\d+)[ \t]*\r?\n?/y;
  // Entries are 20 bytes: "oooooooooo ggggg n\r\n"; some writers use one-byte ends of line.
  const entry = /\s*(\d{10})\s(\d{5})\s([nf])[ \t]*\r?\n?/y;
  for (;;) {
    sub.lastIndex = pos;
    const m = sub.exec(s);
    if (!m) break;
    const first = Number(m[1]);
    const count = Number(m[2]);
    if (entries.length + count > MAX_ENTRIES) throw new PdfSyntaxError("too many entries");
    pos = sub.lastIndex;
    for (let k = 0; k < count; k++) {
      entry.lastIndex = pos;
      const e = entry.exec(s);
      if (!e) throw new PdfSyntaxError("bad cross-reference entry");
      pos = entry.lastIndex;
      entries.push([first + k, e[3] === "n" ? { type: 1, offset: Number(e[1]) } : { type: 0 }]);
    }
  }
  const after = new PdfLexer(s, pos);
  after.expectWord("trailer");
  const trailer = after.value();
  if (!(trailer instanceof Map)) throw new PdfSyntaxError("trailer");
  return { entries, trailer, prev: int(trailer.get("Prev")), xrefStm: int(trailer.get("XRefStm")) };
}

/**
 * The file's objects as a reader sees them from one startxref: the first section read that
 * names an object decides where it is (later revisions come first), as pdfjs resolves them.
 * Objects are parsed on demand; every object's header is checked against its number.
 */
export class PdfXref {
  private readonly entries = new Map<number, XrefEntry>();
  private readonly objects = new Map<number, PdfValue>();
  /** The trailer of the section the chain starts from. */
  readonly trailer: PdfDict;

  constructor(
    private readonly file: PdfFile,
    startxref: number,
  ) {
    const queue = [startxref];
    const seen = new Set<number>();
    let trailer: PdfDict | null = null;
    while (queue.length) {
      const offset = queue.shift()!;
      if (seen.has(offset)) continue;
      if (seen.size >= MAX_SECTIONS) throw new PdfSyntaxError("too many sections");
      seen.add(offset);
      const section = file.section(offset);
      trailer ??= section.trailer;
      for (const [num, e] of section.entries) if (!this.entries.has(num)) this.entries.set(num, e);
      if (this.entries.size > MAX_ENTRIES) throw new PdfSyntaxError("too many objects");
      // A hybrid file: the stream's entries belong to this section, before the previous one.
      if (section.xrefStm !== null) queue.unshift(section.xrefStm);
      if (section.prev !== null) queue.push(section.prev);
    }
    this.trailer = trailer!;
  }

  /** Where object `num` is written: same place in two readings, same object. Null if absent. */
  location(num: number, depth = 0): string | null {
    const e = this.entries.get(num);
    if (!e || e.type === 0) return null;
    if (e.type === 1) return `@${e.offset}`;
    if (depth > 2) throw new PdfSyntaxError("object stream in an object stream");
    return `${this.location(e.stream, depth + 1)}#${e.index}`;
  }

  /** Where the bytes of object `num` end (its object stream's, for a compressed object). */
  extent(num: number): number {
    const e = this.entries.get(num);
    if (!e || e.type === 0) return 0;
    return this.file.extent(e.type === 1 ? e.offset : this.offsetOf(e.stream));
  }

  private offsetOf(num: number): number {
    const e = this.entries.get(num);
    if (e?.type !== 1) throw new PdfSyntaxError("object stream not in the clear");
    return e.offset;
  }

  /** Object `num`'s value (a stream's dictionary for a stream); null when it is absent. */
  get(num: number): PdfValue {
    const cached = this.objects.get(num);
    if (cached !== undefined) return cached;
    const e = this.entries.get(num);
    let value: PdfValue = null;
    if (e?.type === 1) {
      const parsed = this.file.object(e.offset);
      if (parsed.num !== num) throw new PdfSyntaxError(`object ${num} is not at ${e.offset}`);
      value = parsed.value;
    } else if (e?.type === 2) {
      value = this.file.compressed(this.offsetOf(e.stream), e.stream, e.index, num);
    }
    this.objects.set(num, value);
    return value;
  }

  /** A stream object's dictionary and decoded data; null when `num` is not a stream. */
  stream(num: number): { dict: PdfDict; data: Uint8Array } | null {
    const e = this.entries.get(num);
    if (e?.type !== 1) return null; // streams are never inside object streams
    const parsed = this.file.object(e.offset);
    if (parsed.num !== num) throw new PdfSyntaxError(`object ${num} is not at ${e.offset}`);
    if (parsed.streamStart === undefined) return null;
    return { dict: parsed.value as PdfDict, data: this.file.streamData(parsed) };
  }

  /** True when `value` refers to a stream. */
  isStream(value: PdfValue | undefined): boolean {
    if (!(value instanceof PdfRef)) return false;
    const e = this.entries.get(value.num);
    return e?.type === 1 && this.file.object(e.offset).streamStart !== undefined;
  }

  /** `value`, or what it refers to. */
  resolve(value: PdfValue | undefined): PdfValue {
    let v = value ?? null;
    for (let k = 0; k < 8 && v instanceof PdfRef; k++) v = this.get(v.num);
    return v instanceof PdfRef ? null : v;
  }
}

/** The file's bytes and what is parsed of them, shared by the readings of its revisions. */
export class PdfFile {
  private readonly sections = new Map<number, XrefSection>();
  private readonly parsed = new Map<number, ParsedObject>();
  private readonly streams = new Map<number, { text: string; offsets: number[][] }>();
  private readonly budget: InflateBudget = { bytes: MAX_FILE_INFLATED };
  readonly text: string;

  constructor(
    readonly bytes: Uint8Array,
    text?: string,
  ) {
    this.text = text ?? latin1(bytes);
  }

  section(offset: number): XrefSection {
    let s = this.sections.get(offset);
    if (!s) {
      s = readXrefSection(this.bytes, this.text, offset, this.budget);
      this.sections.set(offset, s);
    }
    return s;
  }

  object(offset: number): ParsedObject {
    let p = this.parsed.get(offset);
    if (!p) {
      p = objectAt(this.text, offset);
      this.parsed.set(offset, p);
    }
    return p;
  }

  /** A stream object's data, decoded. */
  streamData(parsed: ParsedObject): Uint8Array {
    return streamData(this.bytes, this.text, parsed, this.budget);
  }

  /** Where the object written at `offset` ends: after its value, or its stream's data. */
  extent(offset: number): number {
    const p = this.object(offset);
    return p.streamStart === undefined ? p.valueEnd : streamEnd(this.text, p);
  }

  /** Object `num`, the `index`th of the object stream written at `offset` (object `stream`). */
  compressed(offset: number, stream: number, index: number, num: number): PdfValue {
    let objs = this.streams.get(offset);
    if (!objs) {
      const parsed = this.object(offset);
      if (parsed.num !== stream || parsed.streamStart === undefined)
        throw new PdfSyntaxError(`object stream ${stream} is not at ${offset}`);
      const dict = parsed.value as PdfDict;
      const n = int(dict.get("N"));
      const first = int(dict.get("First"));
      if (n === null || first === null || n > MAX_STREAM_OBJECTS)
        throw new PdfSyntaxError("object stream /N, /First");
      const data = streamData(this.bytes, this.text, parsed, this.budget);
      const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
      const header = new PdfLexer(text.slice(0, first));
      const offsets: number[][] = [];
      for (let k = 0; k < n; k++) offsets.push([header.integer(), first + header.integer()]);
      objs = { text, offsets };
      this.streams.set(offset, objs);
    }
    const at = objs.offsets[index];
    if (!at || at[0] !== num) throw new PdfSyntaxError(`object ${num} not in stream ${stream}`);
    return new PdfLexer(objs.text, at[1]).value();
  }
}

/** A page of the page tree: its object number and dictionary. */
export interface TreePage {
  num: number;
  dict: PdfDict;
}

/**
 * The pages in order, as the page tree from the trailer's /Root lists them. Each node's /Count
 * must be its number of pages (pdfjs skips whole subtrees by it).
 */
export function pageTree(xref: PdfXref, maxPages: number): TreePage[] {
  const catalog = xref.resolve(xref.trailer.get("Root"));
  if (!(catalog instanceof Map)) throw new PdfSyntaxError("no catalog");
  const root = catalog.get("Pages");
  if (!(root instanceof PdfRef)) throw new PdfSyntaxError("no page tree");
  const pages: TreePage[] = [];
  const seen = new Set<number>();
  const visit = (ref: PdfRef, depth: number): void => {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError("page tree too deep");
    if (seen.has(ref.num)) throw new PdfSyntaxError("page tree loops");
    seen.add(ref.num);
    const node = xref.get(ref.num);
    if (!(node instanceof Map)) throw new PdfSyntaxError("page tree node not a dictionary");
    const type = xref.resolve(node.get("Type"));
    if ((type instanceof PdfName && type.name === "Page") || !node.has("Kids")) {
      pages.push({ num: ref.num, dict: node });
      if (pages.length > maxPages) throw new PdfSyntaxError("too many pages");
      return;
    }
    const kids = xref.resolve(node.get("Kids"));
    if (!Array.isArray(kids)) throw new PdfSyntaxError("page tree kids not an array");
    const before = pages.length;
    for (const kid of kids) {
      if (!(kid instanceof PdfRef)) throw new PdfSyntaxError("page tree kid not a reference");
      visit(kid, depth + 1);
    }
    if (xref.resolve(node.get("Count")) !== pages.length - before)
      throw new PdfSyntaxError("page tree /Count");
  };
  visit(root, 0);
  return pages;
}

/** Keys a page inherits from its ancestors (pdfjs merges /Resources over every level). */
const INHERITED = ["Resources", "MediaBox", "CropBox"];
/** Most /Parent links followed (pdfjs's own limit). */
const MAX_PARENTS = 100;

/** A value written out, references as "num gen R", a dictionary's keys sorted. */
export function canonical(v: PdfValue): string {
  if (v === null) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (v instanceof PdfName) return `/${v.name}`;
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) return v.raw;
  if (v instanceof PdfKeyword) return v.word;
  if (Array.isArray(v)) return `[${v.map(canonical).join(" ")}]`;
  // A dictionary's keys in any order: signing tools write the page dictionary anew.
  const keys = [...v.keys()].sort();
  return `<<${keys.map((k) => `/${k} ${canonical(v.get(k)!)}`).join(" ")}>>`;
}

/**
 * What a page's own text is read from: its content streams, its resources and boxes (each
 * ancestor's too, for the inherited ones), written out; and the values to follow for the objects
 * they use.
 */
function textInputs(xref: PdfXref, page: TreePage): { key: string; roots: PdfValue[] } {
  const parts: string[] = [];
  const roots: PdfValue[] = [];
  const contents = page.dict.get("Contents") ?? null;
  parts.push(`/Contents ${canonical(contents)}`);
  roots.push(contents);
  let dict: PdfDict | null = page.dict;
  const seen = new Set<PdfDict>();
  for (let level = 0; dict && level < MAX_PARENTS && !seen.has(dict); level++) {
    seen.add(dict);
    for (const key of INHERITED) {
      const v = dict.get(key);
      if (v === undefined) continue;
      parts.push(`${level}/${key} ${canonical(v)}`);
      roots.push(v);
    }
    const parent = xref.resolve(dict.get("Parent"));
    dict = parent instanceof Map ? parent : null;
  }
  if (dict) throw new PdfSyntaxError("too many ancestors");
  return { key: parts.join(" "), roots };
}

/** What is known of objects across pages: same in both readings with all they use, or not. */
interface Verdicts {
  clean: Set<number>;
  changed: Set<number>;
  /** Objects still to follow before giving up. */
  budget: number;
}

/**
 * True when every object reachable from `roots` (not through /Parent) is the same object in
 * both readings: at the same place in the file, ending within the first revision.
 */
function sameObjects(
  roots: PdfValue[],
  later: PdfXref,
  first: PdfXref,
  firstEnd: number,
  verdicts: Verdicts,
): boolean {
  const stack: PdfValue[] = [...roots];
  const visited = new Set<number>();
  while (stack.length) {
    const v = stack.pop()!;
    if (v instanceof PdfRef) {
      if (verdicts.clean.has(v.num) || visited.has(v.num)) continue;
      if (verdicts.changed.has(v.num)) return false;
      visited.add(v.num);
      if (--verdicts.budget < 0) throw new PdfSyntaxError("too many objects");
      const where = later.location(v.num);
      if (where !== first.location(v.num) || (where !== null && later.extent(v.num) > firstEnd)) {
        verdicts.changed.add(v.num);
        return false;
      }
      stack.push(later.get(v.num));
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v instanceof Map) {
      for (const [k, x] of v) if (k !== "Parent") stack.push(x);
    }
  }
  // Everything these objects use was followed, and found the same: they need no second look.
  for (const n of visited) verdicts.clean.add(n);
  return true;
}

/** Objects followed in all, over every page, before giving up (a real file has a few thousand). */
const MAX_OBJECTS = 200_000;

/** The file's objects as pdfjs reads them (from the last startxref), and its pages. */
export interface PdfStructure {
  file: PdfFile;
  xref: PdfXref;
  pages: TreePage[];
}

/**
 * The file's cross-reference chain from `lastXref` (the last revision's startxref) and its page
 * tree; null when either is not read here (then nothing is skipped on their account).
 */
export function readStructure(
  bytes: Uint8Array,
  lastXref: number,
  maxPages: number,
  text?: string,
): PdfStructure | null {
  try {
    const file = new PdfFile(bytes, text);
    // pdfjs starts from the last startxref of the file: it must be the last revision's.
    const tail = file.text.lastIndexOf("startxref");
    const last =
      tail < file.text.length - 1024
        ? null
        : /^startxref\s+(\d+)/.exec(file.text.slice(tail, tail + 40));
    if (!last || Number(last[1]) !== lastXref) return null;
    const xref = new PdfXref(file, lastXref);
    return { file, xref, pages: pageTree(xref, maxPages) };
  } catch {
    // Not read here (PdfSyntaxError), or a file this reader trips on.
    return null;
  }
}

/**
 * Which pages' own text (content streams, resources, boxes) a later revision may have changed,
 * 1-based: a page is unchanged when it is the same page object at the same place in the page
 * tree of the first revision and of the file, and what its text is read from is the same
 * objects in both. Null when the first revision is not read this way (a damaged or unusual
 * cross-reference, say): then every page is to be compared.
 */
export function pagesChangedSinceFirst(
  structure: PdfStructure,
  firstXref: number,
  firstEnd: number,
  maxPages: number,
): Set<number> | null {
  try {
    const { file, xref: later, pages } = structure;
    const first = new PdfXref(file, firstXref);
    const firstPages = pageTree(first, maxPages);
    // A linearized first revision: pdfjs takes its first page from the linearization dictionary.
    const linearized = /\/Linearized\b[^>]*?\/O\s+(\d+)/.exec(file.text.slice(0, 1024));
    if (linearized && firstPages[0]?.num !== Number(linearized[1])) return null;
    const changed = new Set<number>();
    const verdicts: Verdicts = { clean: new Set(), changed: new Set(), budget: MAX_OBJECTS };
    pages.forEach((page, i) => {
      const before = firstPages[i];
      if (!before || before.num !== page.num) {
        changed.add(i + 1);
        return;
      }
      const now = textInputs(later, page);
      if (now.key !== textInputs(first, before).key) {
        changed.add(i + 1);
        return;
      }
      if (!sameObjects(now.roots, later, first, firstEnd, verdicts)) changed.add(i + 1);
    });
    return changed;
  } catch {
    return null;
  }
}

/** Operators that show text (pdfjs draws them all as showText). */
const SHOW_TEXT = new Set(["Tj", "TJ", "'", '"']);
/** Form XObjects followed inside one another. */
const MAX_FORM_DEPTH = 16;

/**
 * False when none of the page's annotations can draw text, so that drawing them for their text
 * (pdf-annotations.ts, which costs about as much as reading the page again) can be skipped: each
 * has an appearance stream pdfjs draws as written (a signature widget, or an annotation of another
 * kind than a widget), and neither it nor the form XObjects it paints show text (a signature's
 * image, say). `ids` are the annotations pdfjs found on the page ("57R"): each must be one the
 * page lists. True whenever anything is not as expected.
 */
export function annotationsMayDrawText(
  structure: PdfStructure,
  pageIndex: number,
  pageObject: number | null,
  ids: string[],
): boolean {
  try {
    const page = structure.pages[pageIndex];
    if (!page || page.num !== pageObject) return true;
    const xref = structure.xref;
    const annots = xref.resolve(page.dict.get("Annots"));
    const listed = new Set<number>();
    if (Array.isArray(annots)) for (const a of annots) if (a instanceof PdfRef) listed.add(a.num);
    for (const id of ids) {
      const m = /^(\d+)R/.exec(id);
      if (!m || !listed.has(Number(m[1]))) return true;
    }
    if (!Array.isArray(annots)) return false;
    for (const a of annots) {
      const dict = xref.resolve(a);
      if (dict instanceof Map && annotationMayDrawText(xref, dict)) return true;
    }
    return false;
  } catch {
    return true;
  }
}

function nameOf(xref: PdfXref, v: PdfValue | undefined): string | null {
  const r = xref.resolve(v);
  return r instanceof PdfName ? r.name : null;
}

/** A widget's field type, inherited from its parent fields. */
function fieldType(xref: PdfXref, dict: PdfDict): string | null {
  let d: PdfDict | null = dict;
  for (let level = 0; d && level < MAX_PARENTS; level++) {
    const ft = nameOf(xref, d.get("FT"));
    if (ft) return ft;
    const parent = xref.resolve(d.get("Parent"));
    d = parent instanceof Map ? parent : null;
  }
  return null;
}

function annotationMayDrawText(xref: PdfXref, dict: PdfDict): boolean {
  const subtype = nameOf(xref, dict.get("Subtype"));
  // pdfjs writes its own appearance of a form field but a signature's.
  if (subtype === "Widget" && fieldType(xref, dict) !== "Sig") return true;
  const ap = xref.resolve(dict.get("AP"));
  if (!(ap instanceof Map)) return subtype !== "Link" && subtype !== "Popup";
  // The appearance pdfjs draws: /N, or its state named by /AS.
  let normal = ap.get("N");
  const states = xref.resolve(normal);
  if (states instanceof Map && !xref.isStream(normal)) {
    const as = nameOf(xref, dict.get("AS"));
    if (!as || !states.has(as)) return true;
    normal = states.get(as);
  }
  if (!(normal instanceof PdfRef)) return true;
  return formMayDrawText(xref, normal, null, 0, new Set());
}

/** True unless the form (an appearance stream) and the forms it paints show no text. */
function formMayDrawText(
  xref: PdfXref,
  ref: PdfRef,
  inherited: PdfDict | null,
  depth: number,
  seen: Set<number>,
): boolean {
  if (depth > MAX_FORM_DEPTH || seen.has(ref.num)) return true;
  seen.add(ref.num);
  const stream = xref.stream(ref.num);
  if (!stream) return true;
  const own = xref.resolve(stream.dict.get("Resources"));
  const resources = own instanceof Map ? own : inherited;
  const lexer = new PdfLexer(
    Buffer.from(stream.data.buffer, stream.data.byteOffset, stream.data.byteLength).toString(
      "latin1",
    ),
  );
  let operand: PdfValue = null;
  for (;;) {
    lexer.skipSpace();
    if (lexer.pos >= lexer.s.length) return false;
    const v = lexer.value();
    if (!(v instanceof PdfKeyword)) {
      operand = v;
      continue;
    }
    // An inline image's data is not PDF syntax: not read here.
    if (SHOW_TEXT.has(v.word) || v.word === "BI") return true;
    if (v.word === "Do") {
      if (!(operand instanceof PdfName) || !resources) return true;
      const xobjects = xref.resolve(resources.get("XObject"));
      const target = xobjects instanceof Map ? xobjects.get(operand.name) : undefined;
      if (!(target instanceof PdfRef)) return true;
      const kind = nameOf(xref, (xref.stream(target.num)?.dict ?? new Map()).get("Subtype"));
      if (kind === "Form") {
        if (formMayDrawText(xref, target, resources, depth + 1, seen)) return true;
      } else if (kind !== "Image") return true;
    }
    operand = null;
  }
}
