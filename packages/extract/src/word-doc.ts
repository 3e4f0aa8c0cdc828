/**
 * Word 97-2003 (.doc) read as a reader sees it. word-extractor reads the OLE compound file and the
 * piece table (the text in document order, with deletions of tracked changes removed); on top of
 * it this reads the paragraph properties (PAPX) itself, to know which paragraph marks close a
 * table cell or a row and whether the table draws vertical rules, so tables come out as the
 * .docx reader writes them (word-blocks.ts): a borderless two-column layout column by column,
 * other tables row by row. Fields keep their result, not their code; footnotes, endnotes, text
 * boxes and headers or footers with more than a page number follow the body.
 *
 * Bounded: the compound file's header is checked before the library reads it (sector sizes,
 * table sizes that fit the file), its sector chains are followed at most once per sector and never
 * past the end of the file (a cycle or a truncated file is an error, not a hang), the text length
 * the file declares is compared with maxTextChars before any text is built. An encrypted file, or
 * an OLE file that is not a Word document, is refused with its own code.
 */
/* eslint-disable no-control-regex -- Word's control characters are what this file reads. */
import type { ExtractLimits } from "./limits.ts";
import { formatListNumber } from "./word-blocks.ts";
import type WordOleExtractorClass from "word-extractor/lib/word-ole-extractor.js";
import type { OleDocument } from "word-extractor/lib/word-ole-extractor.js";
import type OleCompoundDocClass from "word-extractor/lib/ole-compound-doc.js";
import type BufferReaderClass from "word-extractor/lib/buffer-reader.js";
import {
  blockLines,
  meaningfulHeaderLine,
  joinLines,
  noteLines,
  type WordBlock,
  type WordCell,
  type WordNote,
} from "./word-blocks.ts";

export type WordDocErrorCode =
  "UNREADABLE_DOC" | "DOC_ENCRYPTED" | "UNSUPPORTED_FORMAT" | "TEXT_TOO_LONG";

export class WordDocError extends Error {
  constructor(
    readonly code: WordDocErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WordDocError";
  }
}

// Marks this reader puts in place of paragraph marks (the piece texts keep their length).
const IN_CELL = "\ue000"; // a paragraph that ends inside a table cell
const CELL_END = "\ue001"; // the last paragraph of a cell
const ROW_END = "\ue002"; // the end of a row of a borderless table
const ROW_END_RULED = "\ue003"; // the end of a row of a table with vertical rules

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The compound file's header, checked against the file's size before anything is read. */
function checkOleHeader(bytes: Uint8Array): number {
  const damaged = (why: string) =>
    new WordDocError("UNREADABLE_DOC", `The .doc file is damaged: ${why}.`);
  if (bytes.length < 512 || OLE_SIGNATURE.some((b, i) => bytes[i] !== b))
    throw damaged("no compound file header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw damaged("bad sector size");
  const sectors = Math.floor(bytes.length / (1 << shift));
  for (const [at, what] of [
    [44, "allocation table"],
    [64, "short allocation table"],
    [72, "master allocation table"],
  ] as const) {
    if (view.getUint32(at, true) > sectors) throw damaged(`the ${what} is larger than the file`);
  }
  return 1 << shift;
}

interface WordExtractorModules {
  WordOleExtractor: typeof WordOleExtractorClass;
  OleCompoundDoc: typeof OleCompoundDocClass;
  BufferReader: typeof BufferReaderClass;
}

let modules: Promise<WordExtractorModules> | null = null;

/**
 * Loads word-extractor once, with its sector-chain walk bounded: each sector at most once, and
 * (for the main allocation table) inside the file. The library's own walk stops only at a sector
 * that points to itself, so a longer cycle grew an array until memory ran out.
 */
function loadModules(): Promise<WordExtractorModules> {
  modules ??= (async () => {
    const [ole, compound, table, reader] = await Promise.all([
      import("word-extractor/lib/word-ole-extractor.js"),
      import("word-extractor/lib/ole-compound-doc.js"),
      import("word-extractor/lib/ole-allocation-table.js"),
      import("word-extractor/lib/buffer-reader.js"),
    ]);
    const AllocationTable = table.default;
    AllocationTable.prototype.getSecIdChain = function boundedChain(start: number): number[] {
      const doc = this._doc as {
        _SSAT?: unknown;
        _header: { secSize: number };
        _reader: { _buffer: Buffer };
      };
      const short = doc._SSAT === this;
      const maxSector = Math.floor(doc._reader._buffer.length / doc._header.secSize) - 1;
      const chain: number[] = [];
      const seen = new Set<number>();
      for (let id = start; id >= 0; id = this._table[id] ?? -2) {
        if (seen.has(id))
          throw new WordDocError(
            "UNREADABLE_DOC",
            "The .doc file is damaged: a sector chain loops.",
          );
        if (!short && id >= maxSector)
          throw new WordDocError("UNREADABLE_DOC", "The .doc file is cut short.");
        if (id >= this._table.length && short) break;
        seen.add(id);
        chain.push(id);
      }
      return chain;
    };
    return {
      WordOleExtractor: ole.default,
      OleCompoundDoc: compound.default,
      BufferReader: reader.default,
    };
  })();
  return modules;
}

// ---------------------------------------------------------------------------------------------
// Paragraph and table properties (MS-DOC 2.6.2, 2.6.3).

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPItap = 0x6649;
const sprmPFInnerTtp = 0x244c;
const sprmPHugePapx = 0x6646;
const sprmTDefTable = 0xd608;
const sprmTDefTable10 = 0xd606;
const sprmPChgTabs = 0xc615;
const sprmTTableBorders80 = 0xd605;
const sprmTTableBorders = 0xd613;
const sprmTSetBrc80 = 0xd620;
const sprmTSetBrc = 0xd62f;
const sprmCFVanish = 0x083c;
const sprmPIlfo = 0x460b;
const sprmPIlvl = 0x260a;

interface Sprm {
  op: number;
  at: number;
  size: number;
}

/** The single property modifiers of a grpprl; stops at the first one that does not fit. */
function readSprms(buf: Buffer, from: number, to = buf.length): Sprm[] {
  const out: Sprm[] = [];
  let at = from;
  while (at + 2 <= to) {
    const op = buf.readUInt16LE(at);
    at += 2;
    let size: number;
    switch (op >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (op === sprmTDefTable || op === sprmTDefTable10) {
          if (at + 2 > to) return out;
          size = buf.readUInt16LE(at) + 1;
        } else {
          if (at + 1 > to) return out;
          const cb = buf.readUInt8(at);
          if (op === sprmPChgTabs && cb === 255) return out;
          size = cb + 1;
        }
    }
    if (at + size > to) return out;
    out.push({ op, at, size });
    at += size;
  }
  return out;
}

/** A Brc80 (4 bytes) or Brc (8 bytes) border that is drawn. */
function drawn(buf: Buffer, at: number, long: boolean): boolean {
  if (long) {
    if (at + 8 > buf.length) return false;
    const type = buf.readUInt8(at + 5);
    const color = buf.readUInt32LE(at) & 0xffffff;
    return type !== 0 && type !== 0xff && color !== 0xffffff;
  }
  if (at + 4 > buf.length) return false;
  if (buf.readUInt32LE(at) === 0xffffffff) return false;
  const type = buf.readUInt8(at + 1);
  return type !== 0 && type !== 0xff;
}

interface ParagraphProps {
  itap: number;
  ttp: boolean;
  innerTtp: boolean;
  /** For a row's end: vertical rules drawn between its cells. */
  ruled: boolean;
}

function paragraphProps(buf: Buffer, sprms: Sprm[]): ParagraphProps {
  const props: ParagraphProps = { itap: 0, ttp: false, innerTtp: false, ruled: false };
  for (const s of sprms) {
    switch (s.op) {
      case sprmPFInTable:
        if (buf.readUInt8(s.at) && props.itap === 0) props.itap = 1;
        break;
      case sprmPItap:
        props.itap = Math.max(0, Math.min(64, buf.readInt32LE(s.at)));
        break;
      case sprmPFTtp:
        props.ttp = buf.readUInt8(s.at) !== 0;
        break;
      case sprmPFInnerTtp:
        props.innerTtp = buf.readUInt8(s.at) !== 0;
        break;
      case sprmTTableBorders80:
        // cb, then top, left, bottom, right, insideH, insideV (4 bytes each).
        if (drawn(buf, s.at + 1 + 5 * 4, false)) props.ruled = true;
        break;
      case sprmTTableBorders:
        if (drawn(buf, s.at + 1 + 5 * 8, true)) props.ruled = true;
        break;
      case sprmTDefTable: {
        // cb (2), itcMac (1), rgdxaCenter ((itcMac + 1) * 2), then TC80s of 20 bytes: tcgrf (2),
        // wWidth (2), brcTop, brcLeft, brcBottom, brcRight (4 each).
        const end = s.at + s.size;
        const cells = buf.readUInt8(s.at + 2);
        const tcs = s.at + 3 + (cells + 1) * 2;
        for (let i = 0; i < cells; i++) {
          const tc = tcs + i * 20;
          if (tc + 20 > end) break;
          if ((i > 0 && drawn(buf, tc + 8, false)) || (i < cells - 1 && drawn(buf, tc + 16, false)))
            props.ruled = true;
        }
        break;
      }
      case sprmTSetBrc80:
      case sprmTSetBrc: {
        // cb, itcFirst, itcLim, which borders (bit 1 left, bit 3 right), then the border.
        const which = buf.readUInt8(s.at + 3);
        if (which & 0x0a && drawn(buf, s.at + 4, s.op === sprmTSetBrc)) props.ruled = true;
        break;
      }
    }
  }
  return props;
}

// ---------------------------------------------------------------------------------------------

interface ListLevel {
  start: number;
  /** Number format code (nfc): 0 decimal, 1 I, 2 i, 3 A, 4 a, 22 01, 23 bullet, 255 none. */
  nfc: number;
  legal: boolean;
  /** The number text: characters 0-8 stand for the numbers of levels 1-9. */
  text: string;
  /** What follows the number: 0 a tab, 1 a space, 2 nothing. */
  follow: number;
}

const NFC_FORMATS: Record<number, string> = {
  0: "decimal",
  1: "upperRoman",
  2: "lowerRoman",
  3: "upperLetter",
  4: "lowerLetter",
  22: "decimalZero",
};

/**
 * The lists of the document (PlfLst, PlfLfo in the table stream: MS-DOC 2.9.147, 2.9.150) and
 * the number each listed paragraph shows, counted in document order.
 */
function listLabels(
  fib: Buffer,
  table: Buffer,
  listed: Map<number, { ilfo: number; ilvl: number }>,
): Map<number, string> {
  const labels = new Map<number, string>();
  if (!listed.size || fib.length < 0x2f2 || fib.readUInt16LE(0x98) < 0x4b) return labels;
  const lists = new Map<number, ListLevel[]>();
  try {
    const fcLst = fib.readUInt32LE(0x2e2);
    const lcbLst = fib.readUInt32LE(0x2e6);
    if (!lcbLst || fcLst + lcbLst > table.length) return labels;
    const count = Math.min(1000, Math.max(0, table.readInt16LE(fcLst)));
    let at = fcLst + 2 + count * 28;
    for (let i = 0; i < count; i++) {
      const lstf = fcLst + 2 + i * 28;
      const lsid = table.readInt32LE(lstf);
      const simple = (table.readUInt8(lstf + 26) & 1) === 1;
      const levels: ListLevel[] = [];
      for (let l = 0; l < (simple ? 1 : 9); l++) {
        const level: ListLevel = {
          start: table.readInt32LE(at),
          nfc: table.readUInt8(at + 4),
          legal: (table.readUInt8(at + 5) & 0x04) !== 0,
          follow: table.readUInt8(at + 15),
          text: "",
        };
        const chpx = table.readUInt8(at + 24);
        const papx = table.readUInt8(at + 25);
        at += 28 + papx + chpx;
        const cch = table.readUInt16LE(at);
        level.text = table.toString("utf16le", at + 2, at + 2 + cch * 2);
        at += 2 + cch * 2;
        levels.push(level);
      }
      lists.set(lsid, levels);
    }
  } catch {
    return labels; // a damaged list table: no numbers rather than no text
  }
  const lfos: number[] = [];
  const fcLfo = fib.readUInt32LE(0x2ea);
  const lcbLfo = fib.readUInt32LE(0x2ee);
  if (lcbLfo >= 4 && fcLfo + lcbLfo <= table.length) {
    const count = Math.min(2000, Math.max(0, table.readInt32LE(fcLfo)));
    for (let i = 0; i < count && fcLfo + 4 + i * 16 + 4 <= table.length; i++)
      lfos.push(table.readInt32LE(fcLfo + 4 + i * 16));
  }
  const counters = new Map<number, Array<number | undefined>>();
  for (const [cp, { ilfo, ilvl }] of [...listed].sort((a, b) => a[0] - b[0])) {
    const lsid = lfos[ilfo - 1];
    const levels = lsid === undefined ? undefined : lists.get(lsid);
    const level = levels?.[Math.min(ilvl, levels.length - 1)];
    if (!levels || !level || lsid === undefined) continue;
    let counts = counters.get(lsid);
    if (!counts) counters.set(lsid, (counts = []));
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    for (let l = ilvl + 1; l < counts.length; l++) counts[l] = undefined;
    let text: string;
    if (level.nfc === 23) {
      text =
        /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(level.text) && !/[\ue000-\uf8ff]/u.test(level.text)
          ? level.text
          : "•";
    } else {
      text = [...level.text]
        .map((ch) => {
          const l = ch.charCodeAt(0);
          if (l > 8) return ch;
          const value = counts[l] ?? levels[l]?.start ?? 1;
          const nfc = level.legal ? 0 : (levels[l]?.nfc ?? 0);
          return nfc === 255 ? "" : formatListNumber(value, NFC_FORMATS[nfc] ?? "decimal");
        })
        .join("");
    }
    if (text) labels.set(cp, `${text}${level.follow === 2 ? "" : " "}`);
  }
  return labels;
}

type PieceT = WordOleExtractorClass["_pieces"][number];

/** Character edits by file position, gathered and then written into the pieces at once. */
class PieceEditor {
  private pieces: PieceT[];
  private edits = new Map<PieceT, Map<number, string>>();
  constructor(pieces: PieceT[]) {
    this.pieces = [...pieces].sort((a, b) => a.startFilePos - b.startFilePos);
  }

  /** Calls `change` for each character in [from, to) (file positions); keeps what it returns. */
  edit(from: number, to: number, change: (ch: string, cp: number) => string | undefined): void {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid]!.endFilePos <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < pieces.length; k++) {
      const piece = pieces[k]!;
      if (piece.startFilePos >= to) break;
      const first = Math.max(0, Math.floor((from - piece.startFilePos) / piece.bpc));
      const last = Math.min(piece.text.length, Math.ceil((to - piece.startFilePos) / piece.bpc));
      for (let i = first; i < last; i++) {
        const m = change(piece.text[i]!, piece.startCp + i);
        if (m === undefined) continue;
        let map = this.edits.get(piece);
        if (!map) this.edits.set(piece, (map = new Map()));
        map.set(i, m);
      }
    }
  }

  apply(): void {
    for (const [piece, map] of this.edits) {
      const units = piece.text.split("");
      for (const [i, m] of map) units[i] = m;
      piece.text = units.join("");
    }
    this.edits.clear();
  }
}

/**
 * Each run of a formatted disk page of a bin table (character properties at FIB offset 0x00FA,
 * paragraph properties at 0x0102): the page, the run's index, the page's run count and the
 * run's file positions [from, to).
 */
function forEachFkpRun(
  buffer: Buffer,
  tableBuffer: Buffer,
  fibOffset: number,
  visit: (fkp: Buffer, j: number, runs: number, from: number, to: number) => void,
): void {
  const fc = buffer.readUInt32LE(fibOffset);
  const lcb = buffer.readUInt32LE(fibOffset + 4);
  const count = Math.floor((lcb - 4) / 8);
  if (count <= 0 || fc + lcb > tableBuffer.length) return;
  const plc = tableBuffer.subarray(fc, fc + lcb);
  const paragraphs = fibOffset === 0x0102;
  for (let i = 0; i < count; i++) {
    const page = plc.readUInt32LE((count + 1) * 4 + i * 4) & 0x3fffff;
    const fkp = buffer.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const runs = fkp.readUInt8(511);
    const entry = paragraphs ? 13 : 1;
    for (let j = 0; j < runs && (runs + 1) * 4 + j * entry < 511; j++) {
      visit(fkp, j, runs, fkp.readUInt32LE(j * 4), fkp.readUInt32LE((j + 1) * 4));
    }
  }
}

interface Stories {
  body: string;
  /** List numbers of the body's paragraphs, by the position of their mark. */
  labels: Map<number, string>;
  /** Text boxes anchored in the body, by the mark that stands at their anchor in `body`. */
  floats: Map<string, string>;
  footnotes: string;
  endnotes: string;
  textboxes: string;
  headers: string[];
}

/** A story's characters as text: Word's control characters mapped or dropped. */
function cleanChars(text: string): string {
  return text
    .replace(/\x0b/g, "\n") // a line break inside a paragraph
    .replace(/\x0c/g, "\n") // a page or section break
    .replace(/\x1e/g, "-") // a non-breaking hyphen
    .replace(/\x07/g, "\t") // a cell mark the table properties did not explain
    .replace(/[\x00-\x08\x0e-\x1f\ue100-\uf0ff]/g, ""); // pictures, note marks, deletions
}

/**
 * Paragraphs and tables of a story whose paragraph marks carry this reader's marks. Fields keep
 * their result (between \x14 and \x15) and lose their code; a text box mark brings the text box
 * in after its paragraph; `labels` gives list numbers by the position of a paragraph's mark.
 */
function storyBlocks(
  raw: string,
  floats?: Map<string, WordBlock[]>,
  labels?: Map<number, string>,
): WordBlock[] {
  const blocks: WordBlock[] = [];
  let rows: WordCell[][] = [];
  let ruled = false;
  let cells: WordCell[] = [];
  let cell: WordBlock[] = [];
  // Text boxes anchored in the paragraph being read: they follow it.
  let pending: WordBlock[] = [];
  // The paragraph's shown text, in slices of `raw`.
  let parts: string[] = [];
  let from = 0;
  // For each open field: true once its separator has been seen (its result is shown).
  const fields: boolean[] = [];
  const shown = () => fields.every(Boolean);
  const take = (to: number) => {
    if (to > from && shown()) parts.push(raw.slice(from, to));
  };
  const paragraph = (mark: number): WordBlock => {
    take(mark);
    let text = cleanChars(parts.join("")).replace(/\r/g, "");
    const label = labels?.get(mark);
    if (label && text.trim()) text = label + text;
    parts = [];
    return { kind: "p", text };
  };
  const add = (target: WordBlock[], p: WordBlock) => {
    target.push(p);
    if (!pending.length) return;
    target.push({ kind: "p", text: "" }, ...pending, { kind: "p", text: "" });
    pending = [];
  };
  const endCell = () => {
    if (cell.length) cells.push({ blocks: cell, column: cells.length, span: 1 });
    cell = [];
  };
  const endRow = () => {
    endCell();
    if (cells.length) rows.push(cells);
    cells = [];
  };
  const closeTable = () => {
    endRow();
    if (rows.length) blocks.push({ kind: "table", rows, ruled });
    rows = [];
    ruled = false;
  };
  const inTable = () => rows.length > 0 || cells.length > 0 || cell.length > 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const code = c.charCodeAt(0);
    if (code === 0x13 || code === 0x14 || code === 0x15) {
      take(i);
      if (code === 0x13) fields.push(false);
      else if (code === 0x14 && fields.length) fields[fields.length - 1] = true;
      else if (code === 0x15) fields.pop();
    } else if (code >= 0xe100 && code <= 0xf0ff) {
      take(i);
      pending.push(...(floats?.get(c) ?? []));
    } else if (c === "\r") {
      const p = paragraph(i);
      if (inTable()) closeTable();
      add(blocks, p);
    } else if (c === IN_CELL) {
      add(cell, paragraph(i));
    } else if (c === CELL_END) {
      add(cell, paragraph(i));
      endCell();
    } else if (c === ROW_END || c === ROW_END_RULED) {
      take(i);
      parts = [];
      if (c === ROW_END_RULED) ruled = true;
      endRow();
    } else continue;
    from = i + 1;
  }
  const last = paragraph(raw.length);
  if (inTable()) closeTable();
  if (last.kind === "p" && last.text.trim()) add(blocks, last);
  blocks.push(...pending);
  return blocks;
}

/** Notes of a footnote or endnote story: each starts at its automatic number mark (\x02). */
function storyNotes(raw: string): WordNote[] {
  if (!raw.replace(/[\r\x02\x03\x04]/g, "").trim()) return [];
  const parts = raw.includes("\x02") ? raw.split("\x02").slice(1) : [raw];
  return parts.map((part, i) => ({ mark: String(i + 1), blocks: storyBlocks(part) }));
}

export interface WordDocText {
  text: string;
}

/** Reads a Word 97-2003 file's text. Throws WordDocError for a file it cannot read. */
export async function readWordDoc(bytes: Uint8Array, limits: ExtractLimits): Promise<WordDocText> {
  checkOleHeader(bytes);
  const { WordOleExtractor, OleCompoundDoc, BufferReader } = await loadModules();

  class Extractor extends WordOleExtractor {
    data: Buffer | null = null;
    fib: Buffer | null = null;
    table: Buffer | null = null;
    stories: Stories | null = null;
    /** Paragraphs in a list: the character position of their mark -> list (1-based) and level. */
    listed = new Map<number, { ilfo: number; ilvl: number }>();

    override async extract(reader: unknown): Promise<unknown> {
      const document = new OleCompoundDoc(reader);
      await document.read();
      const streams = document._rootStorage?._dirEntry?.streams ?? {};
      if ("EncryptionInfo" in streams && "EncryptedPackage" in streams)
        throw new WordDocError("DOC_ENCRYPTED", "The Word document is protected by a password.");
      if (!("WordDocument" in streams))
        throw new WordDocError(
          "UNSUPPORTED_FORMAT",
          "The file is an OLE compound file but not a Word document.",
        );
      if ("Data" in streams)
        this.data = await this.streamBuffer(await this.documentStream(document, "Data"));
      const main = await this.streamBuffer(await this.documentStream(document, "WordDocument"));
      return this.extractWordDocument(document, main);
    }

    override extractWordDocument(document: OleDocument, buffer: Buffer): Promise<unknown> {
      if (buffer.length < 0x01aa)
        throw new WordDocError("UNREADABLE_DOC", "The .doc file is damaged: no document header.");
      const magic = buffer.readUInt16LE(0);
      if (magic === 0xa5dc)
        throw new WordDocError(
          "UNREADABLE_DOC",
          "Word 6.0/95 files are not read; save the file as .docx or PDF.",
        );
      if (magic !== 0xa5ec)
        throw new WordDocError(
          "UNREADABLE_DOC",
          "The .doc file is damaged: not a Word document stream.",
        );
      if (buffer.readUInt16LE(0x0a) & 0x0100)
        throw new WordDocError("DOC_ENCRYPTED", "The Word document is protected by a password.");
      let declared = 0;
      for (const at of [0x4c, 0x50, 0x54, 0x5c, 0x60, 0x64, 0x68])
        declared += buffer.readUInt32LE(at);
      if (declared > limits.maxTextChars * 2)
        throw new WordDocError(
          "TEXT_TOO_LONG",
          `The text is longer than ${limits.maxTextChars} characters.`,
        );
      this.fib = buffer;
      return super.extractWordDocument(document, buffer);
    }

    /** After the library's pass (deleted text): hidden text is left out too, as on the page. */
    override writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void {
      super.writeCharacterProperties(buffer, tableBuffer);
      const editor = new PieceEditor(this._pieces);
      forEachFkpRun(buffer, tableBuffer, 0x00fa, (fkp, j, runs, from, to) => {
        const b = fkp.readUInt8((runs + 1) * 4 + j) * 2;
        if (!b) return;
        const cb = fkp.readUInt8(b);
        const sprms = readSprms(fkp, b + 1, Math.min(511, b + 1 + cb));
        const vanish = sprms.find((x) => x.op === sprmCFVanish);
        if (!vanish || fkp.readUInt8(vanish.at) !== 1) return;
        // Paragraph and cell marks stay: the table structure is read from them.
        editor.edit(from, to, (ch) => (ch === "\r" || ch === "\x07" ? undefined : "\x00"));
      });
      editor.apply();
    }

    /** Replaces the library's pass (which only blanked row ends): marks cells and rows. */
    override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
      this.table = tableBuffer;
      const editor = new PieceEditor(this._pieces);
      const data = this.data;
      forEachFkpRun(buffer, tableBuffer, 0x0102, (fkp, j, runs, from, to) => {
        const bx = fkp.readUInt8((runs + 1) * 4 + j * 13) * 2;
        if (!bx || bx >= 511) return;
        let start: number;
        let end: number;
        const cb = fkp.readUInt8(bx);
        if (cb !== 0) {
          start = bx + 1;
          end = bx + 1 + 2 * cb - 1;
        } else {
          start = bx + 2;
          end = bx + 2 + 2 * fkp.readUInt8(bx + 1);
        }
        end = Math.min(end, 511);
        // The first two bytes are the style (istd); the property modifiers follow.
        let buf: Buffer = fkp;
        let sprms = readSprms(fkp, start + 2, end);
        const huge = sprms.find((x) => x.op === sprmPHugePapx);
        if (huge && data) {
          // The properties live in the Data stream: cb (2 bytes), istd (2), grpprl.
          const at = fkp.readUInt32LE(huge.at);
          if (at + 2 <= data.length) {
            buf = data;
            sprms = readSprms(data, at + 4, Math.min(data.length, at + 2 + data.readUInt16LE(at)));
          }
        }
        const props = paragraphProps(buf, sprms);
        const ilfoSprm = sprms.find((x) => x.op === sprmPIlfo);
        const ilfo = ilfoSprm ? buf.readInt16LE(ilfoSprm.at) : 0;
        const ilvlSprm = sprms.find((x) => x.op === sprmPIlvl);
        const ilvl = ilvlSprm ? Math.min(8, buf.readUInt8(ilvlSprm.at)) : 0;
        const listed = ilfo > 0 && ilfo < 0x7ff;
        if (!(props.itap > 0 || props.ttp || props.innerTtp || listed)) return;
        editor.edit(from, to, (ch, cp) => {
          if (ch !== "\r" && ch !== "\x07") return undefined;
          if (listed && !props.ttp) this.listed.set(cp, { ilfo, ilvl });
          if (!(props.itap > 0 || props.ttp || props.innerTtp)) return undefined;
          if (props.itap >= 2 || props.innerTtp) return IN_CELL;
          if (props.ttp) return props.ruled ? ROW_END_RULED : ROW_END;
          return ch === "\x07" ? CELL_END : IN_CELL;
        });
      });
      editor.apply();
    }

    override buildDocument(): unknown {
      const b = this._boundaries;
      const range = (start: number, length: number) => this.textRange(start, start + length);
      let at = 0;
      let body = range(at, b.ccpText ?? 0);
      at += b.ccpText ?? 0;
      const footnotes = range(at, b.ccpFtn ?? 0);
      at += b.ccpFtn ?? 0;
      at += b.ccpHdd ?? 0;
      at += b.ccpAtn ?? 0;
      const endnotes = range(at, b.ccpEdn ?? 0);
      at += b.ccpEdn ?? 0;
      const boxStart = at;
      let textboxes = range(at, b.ccpTxbx ?? 0);
      at += b.ccpTxbx ?? 0;
      const headerBoxes = range(at, b.ccpHdrTxbx ?? 0);
      const floats = new Map<string, string>();
      const anchored = this.anchorTextBoxes(body, boxStart);
      if (anchored) {
        body = anchored.body;
        for (const [mark, text] of anchored.boxes) floats.set(mark, text);
        textboxes = anchored.rest;
      }
      const headers = this._taggedHeaders
        .filter((h) => h.type === "headers" || h.type === "footers")
        .map((h) => h.text);
      if (headerBoxes.trim()) headers.push(headerBoxes);
      const labels =
        this.fib && this.table ? listLabels(this.fib, this.table, this.listed) : new Map();
      this.stories = { body, labels, floats, footnotes, endnotes, textboxes, headers };
      return null;
    }

    /**
     * Puts each text box of the body at its anchor: the shape's character position (PlcSpaMom)
     * found through the shape id the text box names (PlcftxbxTxt). Text boxes whose anchor is not
     * found stay in `rest`, read after the body.
     */
    private anchorTextBoxes(
      body: string,
      boxStart: number,
    ): { body: string; boxes: Map<string, string>; rest: string } | null {
      const fib = this.fib;
      const table = this.table;
      if (!fib || !table || !(this._boundaries.ccpTxbx ?? 0)) return null;
      const plc = (offset: number, size: number) => {
        const fc = fib.readUInt32LE(offset);
        const lcb = fib.readUInt32LE(offset + 4);
        const n = Math.floor((lcb - 4) / (4 + size));
        if (n <= 0 || fc + lcb > table.length) return [];
        const out: Array<{ cp: number; next: number; data: number }> = [];
        for (let i = 0; i < n; i++)
          out.push({
            cp: table.readUInt32LE(fc + i * 4),
            next: table.readUInt32LE(fc + (i + 1) * 4),
            data: fc + (n + 1) * 4 + i * size,
          });
        return out;
      };
      const anchors = new Map<number, number>();
      for (const s of plc(0x01da, 26)) anchors.set(table.readUInt32LE(s.data), s.cp);
      const chars = body.split("");
      const boxes = new Map<string, string>();
      const rest: string[] = [];
      let k = 0;
      for (const t of plc(0x025a, 22)) {
        const text = this.textRange(boxStart + t.cp, boxStart + t.next);
        if (!text.replace(/[\r\x00-\x08]/g, "").trim()) continue;
        const cp = anchors.get(table.readInt32LE(t.data + 14));
        if (cp !== undefined && cp < chars.length && k < 0x1000 && /[\x01\x08]/.test(chars[cp]!)) {
          const mark = String.fromCharCode(0xe100 + k++);
          chars[cp] = mark;
          boxes.set(mark, text);
        } else rest.push(text);
      }
      return { body: chars.join(""), boxes, rest: rest.join("\r") };
    }

    private textRange(start: number, end: number): string {
      const out: string[] = [];
      for (const piece of this._pieces) {
        if (piece.endCp <= start) continue;
        if (piece.startCp >= end) break;
        out.push(
          piece.text.slice(
            Math.max(0, start - piece.startCp),
            Math.min(piece.length, end - piece.startCp),
          ),
        );
      }
      return out.join("");
    }
  }

  const extractor = new Extractor();
  try {
    await extractor.extract(
      new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    );
  } catch (error) {
    if (error instanceof WordDocError) throw error;
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw new WordDocError("UNREADABLE_DOC", "The .doc file is damaged: its directory loops.");
    throw new WordDocError(
      "UNREADABLE_DOC",
      `The .doc file cannot be read: ${(error as Error).message}`,
    );
  }
  const stories = extractor.stories;
  if (!stories) throw new WordDocError("UNREADABLE_DOC", "The .doc file cannot be read.");
  if (stories.body.length > limits.maxTextChars)
    throw new WordDocError(
      "TEXT_TOO_LONG",
      `The text is longer than ${limits.maxTextChars} characters.`,
    );

  const floats = new Map<string, WordBlock[]>();
  for (const [mark, text] of stories.floats) floats.set(mark, storyBlocks(text));
  const lines = blockLines(storyBlocks(stories.body, floats, stories.labels), true);
  const boxes = blockLines(storyBlocks(stories.textboxes), false).filter((l) => l.trim());
  if (boxes.length) lines.push("", ...boxes);
  const seen = new Set<string>();
  const extra: string[] = [];
  for (const h of stories.headers) {
    for (const line of blockLines(storyBlocks(h), false)) {
      const key = line.trim();
      if (!meaningfulHeaderLine(key) || seen.has(key)) continue;
      seen.add(key);
      extra.push(line);
    }
  }
  if (extra.length) lines.push("", ...extra);
  lines.push(...noteLines("Chú thích:", storyNotes(stories.footnotes)));
  lines.push(...noteLines("Chú thích cuối văn bản:", storyNotes(stories.endnotes)));
  return { text: joinLines(lines) };
}
