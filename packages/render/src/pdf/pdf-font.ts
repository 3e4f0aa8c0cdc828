/**
 * A face of the serif as a PDF uses it: measuring text (done for layout, with the font parsed
 * once per process), encoding it as two-byte glyph codes, and embedding the glyphs one document
 * used as a Type 0 / CIDFontType2 font with widths and a ToUnicode map, so that text copied or
 * extracted from the PDF is the Vietnamese text that was drawn.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { parseTrueType, subsetTrueType, type TrueTypeFont } from "./truetype.ts";
import { DEFLATE, type PdfObjectSink } from "./pdf-writer.ts";

/** Metrics and glyph lookup of one face, shared by every document of the process. */
export class FaceMetrics {
  readonly font: TrueTypeFont;
  /** Glyph id of each BMP code point (0 when missing). */
  private readonly bmp: Uint16Array;
  /** Advance of each glyph, in thousandths of the font size. */
  readonly widths: Float64Array;

  constructor(bytes: Uint8Array) {
    this.font = parseTrueType(bytes);
    this.bmp = new Uint16Array(0x10000);
    for (let cp = 0; cp < 0x10000; cp++) this.bmp[cp] = this.font.glyphOf(cp);
    const scale = 1000 / this.font.unitsPerEm;
    this.widths = Float64Array.from(this.font.advances, (a) => a * scale);
  }

  glyphOf(cp: number): number {
    return cp < 0x10000 ? this.bmp[cp]! : this.font.glyphOf(cp);
  }

  /** Width of a string at a size, in points. */
  width(text: string, size: number, from = 0, to = text.length): number {
    let w = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < to) {
        w += this.widths[this.glyphOf(text.codePointAt(i)!)]!;
        i++;
      } else w += this.widths[this.bmp[c]!]!;
    }
    return (w * size) / 1000;
  }

  /** From the top of a line box to the baseline. */
  ascent(size: number): number {
    return (this.font.ascender / this.font.unitsPerEm) * size;
  }

  /** Height of a line box without extra leading (ascender - descender + line gap). */
  lineHeight(size: number): number {
    const f = this.font;
    return ((f.ascender - f.descender + f.lineGap) / f.unitsPerEm) * size;
  }
}

// Bytes a literal string cannot hold as they are (a raw CR would be read back as LF).
const escapes: Record<number, string> = {
  0x28: "\\(",
  0x29: "\\)",
  0x5c: "\\\\",
  0x0d: "\\r",
  0x0a: "\\n",
};

/**
 * Codes are one byte below F0 (every Vietnamese letter of the core) and two bytes from F000 on,
 * a mixed-width encoding (ISO 32000-1, 9.7.6): content streams are half the size they would be
 * with Identity-H, and compressing them is the largest cost of rendering.
 */
const ONE_BYTE = 0xf0;
const MAX_CODE = ONE_BYTE + 0x1000 - 1;
const CODESPACE = "2 begincodespacerange\n<00> <ef>\n<f000> <ffff>\nendcodespacerange\n";

function codeString(code: number): string {
  if (code < ONE_BYTE) return escapes[code] ?? String.fromCharCode(code);
  const rest = code - ONE_BYTE;
  const hi = 0xf0 + (rest >> 8);
  const lo = rest & 0xff;
  return String.fromCharCode(hi) + (escapes[lo] ?? String.fromCharCode(lo));
}

const codeHex = (code: number): string =>
  code < ONE_BYTE
    ? code.toString(16).padStart(2, "0")
    : (0xf000 + code - ONE_BYTE).toString(16).padStart(4, "0");

/**
 * The characters of Vietnamese text: printable ASCII, the Vietnamese letters in both cases and
 * the punctuation offices type. Every document's codes for them are fixed, so that a face using
 * many of them embeds one font program compressed once per process.
 */
const CORE_CHARS: string[] = (() => {
  const chars: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
  chars.push(..."ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư");
  for (let c = 0x1ea0; c <= 0x1ef9; c++) chars.push(String.fromCharCode(c));
  chars.push(..."–—‘’“”…•°");
  return chars;
})();

/**
 * A face drawing this many core glyphs or more embeds the shared core program; below it, a
 * subset of just the glyphs used is smaller and cheap to compress.
 */
const CORE_THRESHOLD = 60;

interface CoreFont {
  /** Code of each core glyph id (codes from 1; 0 is .notdef). */
  codes: Map<number, number>;
  /** For characters below U+2000 drawn by a core glyph: the encoded code, and the code. */
  encodedByChar: Array<string | undefined>;
  codeByChar: Uint16Array;
  glyphs: number[];
  text: string[];
  /** The embedded objects' bodies, built once: deflated program and ToUnicode, widths. */
  name: string;
  program: Uint8Array;
  programLength: number;
  widths: string;
  toUnicode: Uint8Array;
}

const cores = new WeakMap<FaceMetrics, CoreFont>();
/** Characters looked up in a table rather than a map (Vietnamese ends at U+1EF9). */
const FAST_CHARS = 0x2000;

function coreOf(m: FaceMetrics): CoreFont {
  let core = cores.get(m);
  if (core) return core;
  // ASCII keeps its own codes, so that the space is code 32 and word spacing (Tw) justifies
  // lines; the other letters take the free one-byte codes, then two-byte ones.
  const glyphs: number[] = [0];
  const text: string[] = [""];
  const codes = new Map<number, number>();
  let free = 1;
  const nextFree = (): number => {
    while (free < 0x7f && free >= 0x20) free++;
    while (glyphs[free] !== undefined && glyphs[free] !== -1) free++;
    return free;
  };
  for (const ch of CORE_CHARS) {
    const cp = ch.codePointAt(0)!;
    const gid = m.glyphOf(cp);
    if (gid === 0 || codes.has(gid)) continue;
    const code = cp >= 0x20 && cp < 0x7f ? cp : nextFree();
    while (glyphs.length <= code) {
      glyphs.push(-1);
      text.push("");
    }
    codes.set(gid, code);
    glyphs[code] = gid;
    text[code] = ch;
  }
  const encodedByChar: Array<string | undefined> = [];
  const codeByChar = new Uint16Array(FAST_CHARS);
  for (let cp = 0; cp < FAST_CHARS; cp++) {
    const code = codes.get(m.glyphOf(cp));
    encodedByChar.push(code === undefined ? undefined : codeString(code));
    if (code !== undefined) codeByChar[cp] = code;
  }
  const all = glyphs.slice();
  const program = subsetTrueType(m.font, all);
  core = {
    codes,
    encodedByChar,
    codeByChar,
    glyphs,
    text,
    name: `${subsetTag(m.font.postscriptName, all)}+${m.font.postscriptName}`,
    program: deflateSync(program, { level: 9 }),
    programLength: program.length,
    widths: widthsOf(m, all),
    toUnicode: deflateSync(
      Buffer.from(
        toUnicodeCMap(text, () => true),
        "latin1",
      ),
      { level: 9 },
    ),
  };
  cores.set(m, core);
  return core;
}

/** The subset tag: six capitals derived from the glyphs, so that equal subsets are equal. */
function subsetTag(font: string, glyphs: number[]): string {
  const digest = createHash("sha1").update(font).update(glyphs.join(",")).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
}

const widthsOf = (m: FaceMetrics, glyphs: number[]): string =>
  glyphs.map((g) => (g < 0 ? 0 : Math.round(m.widths[g]!))).join(" ");

/**
 * The glyphs one document draws with a face. Core characters have fixed codes; others get codes
 * after the core in order of first use.
 */
export class FontUse {
  private readonly core: CoreFont;
  /** Original glyph id of each code beyond the core. */
  private readonly extraGlyphs: number[] = [];
  private readonly extraText: string[] = [];
  private readonly extraCodes = new Map<number, number>();
  /** Codes drawn at least once, and how many. */
  private readonly usedCodes = new Uint8Array(MAX_CODE + 1);
  private usedCount = 0;
  /** Encoded form of the other characters seen so far. */
  private readonly others = new Map<number, string>();

  constructor(readonly metrics: FaceMetrics) {
    this.core = coreOf(metrics);
  }

  /**
   * The string as one- and two-byte codes, as the body of a PDF literal string (latin1
   * characters).
   */
  encode(s: string): string {
    let out = "";
    const { encodedByChar, codeByChar } = this.core;
    const used = this.usedCodes;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < FAST_CHARS) {
        const e = encodedByChar[c];
        if (e !== undefined) {
          out += e;
          const code = codeByChar[c]!;
          if (used[code] === 0) {
            used[code] = 1;
            this.usedCount++;
          }
          continue;
        }
      }
      const known = this.others.get(c);
      if (known !== undefined) {
        out += known;
      } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        out += this.code(String.fromCodePoint(s.codePointAt(i)!));
        i++;
      } else {
        const code = this.code(s[i]!);
        this.others.set(c, code);
        out += code;
      }
    }
    return out;
  }

  /** The code of one character, as two escaped bytes. */
  private code(ch: string): string {
    const cp = ch.codePointAt(0)!;
    const gid = this.metrics.glyphOf(cp);
    let code = gid === 0 ? undefined : this.core.codes.get(gid);
    if (code === undefined) {
      // A character the font lacks is drawn as .notdef, under its own code so that it still
      // extracts as itself.
      const key = gid === 0 ? -cp : gid;
      code = this.extraCodes.get(key);
      if (code === undefined && this.core.glyphs.length + this.extraGlyphs.length > MAX_CODE)
        // Thousands of distinct characters the font lacks: the rest share .notdef's code.
        return codeString(0);
      if (code === undefined) {
        code = this.core.glyphs.length + this.extraGlyphs.length;
        this.extraGlyphs.push(gid);
        this.extraText.push(ch);
        this.extraCodes.set(key, code);
      }
    }
    if (this.usedCodes[code] === 0) {
      this.usedCodes[code] = 1;
      this.usedCount++;
    }
    return codeString(code);
  }

  get used(): boolean {
    return this.usedCount > 0;
  }

  /** Writes the font objects; returns the object number of the Type 0 font. */
  embed(pdf: PdfObjectSink): number {
    const m = this.metrics;
    const f = m.font;
    const core = this.core;
    let name: string;
    let fileRef: number;
    let widths: string;
    let toUnicode: number;
    if (this.extraGlyphs.length === 0 && this.usedCount >= CORE_THRESHOLD) {
      name = core.name;
      fileRef = pdf.stream(`/Length1 ${core.programLength}`, core.program);
      widths = core.widths;
      toUnicode = pdf.stream("", core.toUnicode);
    } else {
      // The codes stay as they are; glyphs not drawn are left empty (-1).
      const text = core.text.concat(this.extraText);
      const glyphs = core.glyphs.concat(this.extraGlyphs);
      for (let c = 1; c < glyphs.length; c++) if (!this.usedCodes[c]) glyphs[c] = -1;
      name = `${subsetTag(f.postscriptName, glyphs)}+${f.postscriptName}`;
      widths = widthsOf(m, glyphs);
      const program = subsetTrueType(f, glyphs);
      fileRef = pdf.stream(`/Length1 ${program.length}`, deflateSync(program, DEFLATE));
      const cmap = toUnicodeCMap(text, (c) => this.usedCodes[c] === 1);
      toUnicode = pdf.stream("", deflateSync(Buffer.from(cmap, "latin1"), DEFLATE));
    }
    const scale = 1000 / f.unitsPerEm;
    const r = (v: number) => Math.round(v * scale);
    const italic = f.italicAngle !== 0;
    const descriptor = pdf.object(
      `<< /Type /FontDescriptor /FontName /${name} /Flags ${2 | 32 | (italic ? 64 : 0)}` +
        ` /FontBBox [${f.bbox.map(r).join(" ")}] /ItalicAngle ${f.italicAngle}` +
        ` /Ascent ${r(f.ascender)} /Descent ${r(f.descender)} /CapHeight ${r(f.capHeight)}` +
        ` /StemV ${italic ? 80 : 90} /FontFile2 ${fileRef} 0 R >>`,
    );
    const cid = pdf.object(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name}` +
        ` /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
        ` /FontDescriptor ${descriptor} 0 R /W [0 [${widths}]] /CIDToGIDMap /Identity >>`,
    );
    return pdf.object(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding ${encodingCMap(pdf)} 0 R` +
        ` /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
  }
}

/** The encoding CMap from codes to CIDs (CID = code), one stream per file. */
const ENCODING_CMAP = (() => {
  let ranges = `<00> <ef> 0\n`;
  for (let hi = 0; hi < 16; hi++)
    ranges += `<f${hi.toString(16)}00> <f${hi.toString(16)}ff> ${ONE_BYTE + hi * 256}\n`;
  const text =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n" +
    "/CMapName /Vanthu-OneTwo-H def\n/CMapType 1 def\n" +
    CODESPACE +
    `17 begincidrange\n${ranges}endcidrange\n` +
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return deflateSync(Buffer.from(text, "latin1"), { level: 9 });
})();
const encodingRefs = new WeakMap<PdfObjectSink, number>();

function encodingCMap(pdf: PdfObjectSink): number {
  let ref = encodingRefs.get(pdf);
  if (ref === undefined) {
    ref = pdf.stream(
      "/Type /CMap /CMapName /Vanthu-OneTwo-H" +
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /WMode 0",
      ENCODING_CMAP,
    );
    encodingRefs.set(pdf, ref);
  }
  return ref;
}

/** A ToUnicode CMap for the codes 1.. of `text` that `include` accepts. */
function toUnicodeCMap(text: string[], include: (code: number) => boolean): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, "0");
  const utf16 = (s: string) => {
    let h = "";
    for (let i = 0; i < s.length; i++) h += hex4(s.charCodeAt(i));
    return h;
  };
  const entries: string[] = [];
  for (let c = 1; c < text.length; c++)
    if (text[c] && include(c)) entries.push(`<${codeHex(c)}> <${utf16(text[c]!)}>\n`);
  let body = "";
  for (let start = 0; start < entries.length; start += 100) {
    const chunk = entries.slice(start, start + 100);
    body += `${chunk.length} beginbfchar\n${chunk.join("")}endbfchar\n`;
  }
  return (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
    CODESPACE +
    body +
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
  );
}
