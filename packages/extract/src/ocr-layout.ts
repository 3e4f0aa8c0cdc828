/**
 * From recognised words to the text the parser reads, laid out as a text PDF's page is: the same
 * `layoutPage` (extract-text.ts) places the words by their boxes, so the header's two columns
 * come out as the left block, a blank line, the right block.
 *
 * Before that, the blanks the clerk fills in by hand at issuing are looked at: the number between
 * "Số:" and the symbol, the day between "ngày" and "tháng", the month between "tháng" and "năm".
 * What stands there is kept only when it reads as typed digits without doubt: read twice (in the
 * page and again alone, digits only) alike, with high confidence, of the height and on the
 * baseline of the print around it. Anything else is left out of the text (the parser then sees a
 * blank, as on a draft); where there is ink in the blank, a note says the value is handwritten and
 * the clerk types it: the document was issued, it is not a draft. A wrong number would be worse
 * than none.
 */
import { foldKey } from "@vanthu/core";
import type { ExtractNote } from "./extract-text.ts";
import { layoutPage } from "./pdf-layout.ts";
import type { OcrBox, OcrLine, OcrResult, OcrSymbol, OcrWord } from "./ocr-engine.ts";
import { inkIn, type GrayImage } from "./ocr-image.ts";
import { restoreDiacritics } from "./ocr-lexicon.ts";
import { checkSyllable } from "./text-layer-quality.ts";
import { editDistance } from "./edit-distance.ts";

export interface OcrPageInput {
  result: OcrResult;
  /** The images the words were read on (same geometry). */
  print: GrayImage;
  ink: GrayImage;
  /** Pixels per point. */
  scale: number;
  widthPt: number;
  heightPt: number;
  page: number;
  /** Reads a crop of the print image again as one line. */
  rereadLine(crop: GrayImage): Promise<OcrResult>;
}

export interface OcrWordSpan {
  start: number;
  end: number;
  /** 0..1 */
  confidence: number;
}

export interface OcrPageText {
  text: string;
  /** Where each word ended up in `text`, in order. */
  words: OcrWordSpan[];
  notes: ExtractNote[];
  /** What was decided for each blank found (tests and diagnostics). */
  blanks: BlankReading[];
}

export type BlankKind = "number" | "day" | "month";

export interface BlankReading {
  kind: BlankKind;
  /** "typed": read and kept; "handwritten": ink, left out; "empty": nothing there. */
  verdict: "typed" | "handwritten" | "empty";
  value: string | null;
  /** Why, in a few words (diagnostics). */
  reason: string;
}

interface Token {
  text: string;
  confidence: number;
  bbox: OcrBox;
  symbols: OcrSymbol[];
  line: number;
  /** Replaced text, or null to leave the word out. */
  out?: string | null;
  /** Split off the word before it where a space was missing ("11năm"): written with one. */
  spaceBefore?: boolean;
  /** A later piece of one recognised word: written without a space before it. */
  joined?: boolean;
}

const box = (b: OcrBox): OcrBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

function union(boxes: OcrBox[]): OcrBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

const median = (values: number[]): number => {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/**
 * Splits a word at character offsets of its text into tokens with their own boxes (the boxes
 * of their symbols). Tesseract may give a diacritic as a symbol of its own: offsets are matched
 * against the composed text of the symbols before each cut; a cut inside a symbol is dropped.
 */
function splitToken(t: Token, at: number[]): Token[] {
  const ends: number[] = []; // composed length of the text up to and including symbol k
  let joined = "";
  for (const s of t.symbols) {
    joined += s.text;
    ends.push(joined.normalize("NFC").length);
  }
  const cuts = [0];
  for (const c of at) {
    const k = ends.indexOf(c);
    if (k >= 0 && k + 1 < t.symbols.length) cuts.push(k + 1);
  }
  cuts.push(t.symbols.length);
  const out: Token[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const symbols = t.symbols.slice(cuts[i], cuts[i + 1]);
    if (!symbols.length) continue;
    out.push({
      text: symbols
        .map((s) => s.text)
        .join("")
        .normalize("NFC"),
      confidence: Math.min(...symbols.map((s) => s.confidence)),
      bbox: union(symbols.map((s) => s.bbox)),
      symbols,
      line: t.line,
      ...(out.length ? { joined: true } : {}),
    });
  }
  return out.length ? out : [t];
}

/** Symbols of a word whose text is the word's text (Tesseract's symbols can disagree). */
function symbolsFit(t: Token): boolean {
  return (
    t.symbols.length > 0 &&
    t.symbols
      .map((s) => s.text)
      .join("")
      .normalize("NFC") === t.text
  );
}

/**
 * "Số:", "SỐ:", and what the recogniser makes of them on a poor scan ("5ô:", "Sé:", "sá:",
 * "Số::"); without the colon only as "Số" itself or with the number glued to it ("Số20/TB-STTTT") (never "Sở", a department's name).
 */
const SO_LABEL = /^[^\p{L}\d]{0,2}(?:[Ss5$][^\s:/]{0,2}:+|[S5][oóòôốồổỗộOÓÒÔỐỒỔỖỘ](?!\p{L}))/u;
/** The start of a symbol: "/UBND-VX", "/GM-UBND", or "BCA-C04" when the slash was lost. */
/** A symbol at the end of a token: "GD&ĐT-VP" in ",./^GD&ĐT-VP". */
const SYMBOL_TAIL = /[\p{Lu}Đ][\p{Lu}\dĐ&]*(?:[-/][\p{Lu}\dĐ&]+)+$/u;
const SYMBOL_START =
  /^(?:\/[\p{Lu}Đ\d]?[\p{Lu}Đ]{2}|[\p{Lu}Đ][\p{Lu}\dĐ&]*(?:[-/][\p{Lu}\dĐ&]+)+)/u;

const looksLike = (text: string, word: string, slack: number): boolean =>
  editDistance(foldKey(text).replace(/[^a-z]/g, ""), word) <= slack;

interface Blank {
  kind: BlankKind;
  /** Tokens inside the blank. */
  inside: Token[];
  /** The blank's box, between the label and what follows it. */
  area: OcrBox;
  /** Print of the same line to compare heights and baseline with. */
  reference: OcrSymbol[];
  /** The printed line around the blank, read again on its own. */
  line: OcrBox;
  /** Index of the recognised line it is on. */
  lineIndex: number;
}

/** What the blank finders read of the page, and the blanks they add to. */
interface BlankSearch {
  lines: OcrLine[];
  height: number;
  width: number;
  blanks: Blank[];
}

export async function layoutOcrPage(input: OcrPageInput): Promise<OcrPageText> {
  const { result, scale, heightPt } = input;
  let tokens: Token[] = [];
  result.lines.forEach((line, index) => {
    for (const w of line.words) tokens.push({ ...w, bbox: box(w.bbox), line: index });
  });
  const blanks: Blank[] = [];
  const { height, width } = input.print;
  const search: BlankSearch = { lines: result.lines, height, width, blanks };
  tokens = findNumberBlank(tokens, search);
  tokens = findDateBlanks(tokens, search);
  tokens = dropNoise(tokens, new Set(blanks.flatMap((b) => b.inside)));

  const readings: BlankReading[] = [];
  const notes: ExtractNote[] = [];
  const rereads = new Map<string, OcrSymbol[]>();
  for (const blank of blanks) {
    const reading = await judgeBlank(blank, input, rereads);
    readings.push(reading);
    // What is left out keeps its room: "Số:" and the symbol stay on one line.
    if (reading.verdict !== "typed") blank.inside.forEach((t, i) => (t.out = i === 0 ? " " : null));
    else blank.inside.forEach((t, i) => (t.out = i === 0 ? reading.value : null));
    if (reading.verdict !== "typed" && !blank.inside.length && blank.area.x1 > blank.area.x0)
      tokens.push({
        text: " ",
        out: " ",
        confidence: 100,
        bbox: { ...blank.area },
        symbols: [],
        line: blank.lineIndex,
      });
  }
  const hand = (kind: BlankKind) =>
    readings.some((r) => r.kind === kind && r.verdict === "handwritten");
  if (hand("number"))
    notes.push({
      code: "NUMBER_HANDWRITTEN",
      message:
        'The number is written by hand in the blank after "Số:": the document was issued (it is not a draft); the clerk must type the number.',
      fatal: false,
      field: "reference",
      page: input.page,
    });
  if (hand("day") || hand("month"))
    notes.push({
      code: "DAY_HANDWRITTEN",
      message: `The ${hand("day") ? "day" : "month"} of the date is written by hand: the document was issued (it is not a draft); the clerk must type the date.`,
      fatal: false,
      field: "date",
      page: input.page,
    });

  // Words to positioned runs, each tagged with a private-use character so that its place in the
  // laid-out text can be found again (and its confidence kept).
  const kept = tokens.filter((t) => t.out !== null);
  restoreLines(kept);
  const laid = layoutPage(toRuns(kept, result.lines, scale, heightPt), input.widthPt);
  return { ...untag(laid, kept), notes, blanks: readings };
}

/** Dropped diacritics put back, line by line (ocr-lexicon.ts). */
function restoreLines(kept: Token[]): void {
  const byLine = new Map<number, Token[]>();
  for (const t of kept) if (t.out !== " ") byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  for (const words of byLine.values()) {
    words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const texts = words.map((t) => t.out ?? t.text);
    restoreDiacritics(texts).forEach((w, i) => {
      if (w !== texts[i]) words[i]!.out = w;
    });
  }
}

/**
 * Words to the runs `layoutPage` takes, as a text PDF has them: the words of a line that follow
 * each other at word spacing make one run; a wider gap (the header's two columns, a table's
 * cells) starts another. Each word carries a private-use character so that its place in the
 * laid-out text can be found again, and its confidence kept.
 */
function toRuns(kept: Token[], lines: OcrLine[], scale: number, heightPt: number) {
  const index = new Map(kept.map((t, k) => [t, k]));
  const byLine = new Map<number, Token[]>();
  for (const t of kept) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const items: Array<{ str: string; transform: number[]; width: number; height: number }> = [];
  for (const [lineIndex, words] of byLine) {
    const line = lines[lineIndex]!;
    words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const mid = (line.bbox.x0 + line.bbox.x1) / 2;
    const span = Math.max(1, line.bbox.x1 - line.bbox.x0);
    const slope = (line.baseline.y1 - line.baseline.y0) / span;
    const baseline = line.baseline.y0 + slope * (mid - line.bbox.x0);
    const font = line.rowHeight / 0.72; // pixels
    const gaps = words
      .slice(1)
      .map((w, i) => w.bbox.x0 - words[i]!.bbox.x1)
      .filter((g) => g > 0);
    const spacing = median(gaps) || font * 0.3;
    const wide = Math.min(font * 1.2, Math.max(font * 0.6, spacing * 3));
    let run: { str: string; x0: number; x1: number } | null = null;
    const flush = () => {
      if (!run) return;
      const h = font / scale;
      items.push({
        str: run.str,
        transform: [h, 0, 0, h, run.x0 / scale, heightPt - baseline / scale],
        width: (run.x1 - run.x0) / scale,
        height: h,
      });
      run = null;
    };
    for (const t of words) {
      const text = t.out === " " ? " " : `${t.out ?? t.text}${marker(index.get(t)!)}`;
      if (run && t.bbox.x0 - run.x1 <= wide) {
        // Words the recogniser told apart are spaced; pieces of one word are not.
        const glued = !!t.joined && !t.spaceBefore;
        run.str += glued ? text : ` ${text}`;
        run.x1 = Math.max(run.x1, t.bbox.x1);
        continue;
      }
      flush();
      run = { str: text, x0: t.bbox.x0, x1: t.bbox.x1 };
    }
    flush();
  }
  return items;
}

/**
 * What the recogniser makes of a signature, a seal, a stroke of a pen or a scanner's streak:
 * marks without letters ("|", "†"), letters read with doubt that are no word, and words of low
 * confidence with nothing confidently read beside them. Such tokens are left out; one inside a
 * line of print keeps its room (a blank run), so the line is not cut in two there.
 */
function dropNoise(tokens: Token[], keep: Set<Token>): Token[] {
  const verdict = new Map<Token, "keep" | "weak" | "faint" | "drop">();
  for (const t of tokens) {
    if (keep.has(t) || t.out !== undefined) {
      verdict.set(t, "keep");
      continue;
    }
    const lead = /^[„“”"'‘’`_.…·•~^|¦]+(?=\p{L})/u.exec(t.text)?.[0] ?? "";
    const core = t.text.slice(lead.length).replace(/^[|¦("“'‘[]+|[|¦)"”'’.,;:!?\]]+$/gu, "");
    const word =
      (/^\p{L}+$/u.test(core) && checkSyllable(core).valid) ||
      /^[\p{Lu}Đ]{2,}$/u.test(core) ||
      /^\d+(?:[/.,:-]\d+)*$/.test(core) ||
      // A reference or a code: "838/QĐ-BNV", "GD&ĐT", "TT-BTTTT"; "V/v".
      /^[\p{Lu}Đ\d]+(?:[/&.-][\p{Lu}Đ\d]+)+$/u.test(core) ||
      /^V\/v$/i.test(core);
    let v: "keep" | "weak" | "faint" | "drop";
    if (!/[\p{L}\d]/u.test(t.text))
      v = /^[-–—+*]$/.test(t.text) && t.confidence >= 60 ? "keep" : "drop";
    else if (t.confidence >= 50)
      v = word || (core.length > 2 && t.confidence >= 70) ? "keep" : "drop";
    else v = word ? (t.confidence < 25 ? "faint" : "weak") : "drop";
    verdict.set(t, v);
    // Specks before a word ("„V/v", "..Như") and a streak's bars are not part of it.
    if (v === "keep" && lead) t.out = t.text.slice(lead.length);
    if (v === "keep" && /[|¦]/.test(t.out ?? t.text))
      t.out = (t.out ?? t.text).replace(/^[|¦]+|[|¦]+$/g, "");
  }
  // A doubtful word stays beside a confident one on its line (and beside those it kept).
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  for (const line of byLine.values()) {
    line.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const near = (a: Token, b: Token): boolean =>
      Math.abs(b.bbox.x0 - a.bbox.x1) <= (a.bbox.y1 - a.bbox.y0) * 1.2;
    for (let pass = 0; pass < 2; pass++)
      line.forEach((t, i) => {
        const v = verdict.get(t);
        if (v !== "weak" && v !== "faint") return;
        const left = line[i - 1];
        const right = line[i + 1];
        // A faint word needs a confident neighbour; a doubtful one any word kept.
        const strong = (x: Token | undefined) =>
          !!x && verdict.get(x) === "keep" && (v === "weak" || x.confidence >= 80);
        if ((strong(left) && near(left!, t)) || (strong(right) && near(t, right!)))
          verdict.set(t, "keep");
      });
    // Left out inside a run of print: a blank run keeps the room.
    line.forEach((t, i) => {
      if (verdict.get(t) === "keep") return;
      verdict.set(t, "drop");
      const left = line
        .slice(0, i)
        .reverse()
        .find((x) => verdict.get(x) === "keep");
      const right = line.slice(i + 1).find((x) => verdict.get(x) === "keep");
      if (left && right && near(left, t) && near(t, right)) {
        t.out = " ";
        verdict.set(t, "keep");
      } else t.out = null;
    });
  }
  return tokens.filter((t) => verdict.get(t) === "keep");
}

const MARK_BASE = 0xf0000; // Supplementary Private Use Area-A: never in a recognised word.

function marker(k: number): string {
  return String.fromCodePoint(MARK_BASE + k);
}

/** Takes the markers out, noting where each word ended. */
function untag(laid: string, kept: Token[]): { text: string; words: OcrWordSpan[] } {
  let text = "";
  const words: OcrWordSpan[] = [];
  for (const ch of laid) {
    const cp = ch.codePointAt(0)!;
    if (cp >= MARK_BASE && cp < MARK_BASE + 0x10000) {
      const t = kept[cp - MARK_BASE];
      if (!t) continue;
      const len = (t.out ?? t.text).length;
      words.push({
        start: Math.max(0, text.length - len),
        end: text.length,
        confidence: t.confidence / 100,
      });
      continue;
    }
    text += ch;
  }
  words.sort((a, b) => a.start - b.start);
  return { text, words };
}

/** The tokens of one line with some of them split; the other lines' as they are. */
function splitLineTokens(
  tokens: Token[],
  line: number,
  cuts: (t: Token) => number[],
  spaced = false,
): { all: Token[]; line: Token[] } {
  const all: Token[] = [];
  const mine: Token[] = [];
  for (const t of tokens) {
    if (t.line !== line) {
      all.push(t);
      continue;
    }
    const at = symbolsFit(t) ? cuts(t) : [];
    const parts = at.length ? splitToken(t, at) : [t];
    if (spaced) parts.slice(1).forEach((p) => (p.spaceBefore = true));
    all.push(...parts);
    mine.push(...parts);
  }
  mine.sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return { all, line: mine };
}

function findNumberBlank(tokens: Token[], search: BlankSearch): Token[] {
  const { lines, height, width, blanks } = search;
  // The number line is above the body: above "Kính gửi" when the page has it.
  const kinhGui = tokens.find(
    (t, i) => looksLike(t.text, "kinh", 0) && looksLike(tokens[i + 1]?.text ?? "", "gui", 0),
  );
  const bodyTop = Math.min(height * 0.4, kinhGui ? kinhGui.bbox.y0 : Infinity);
  for (const t of tokens) {
    if (t.bbox.y0 > bodyTop || t.bbox.x0 > width * 0.5) continue;
    if (!SO_LABEL.test(t.text) || !symbolsFit(t)) continue;
    const { all, line } = splitLineTokens(tokens, t.line, (x) => {
      const at: number[] = [];
      const m = x === t ? SO_LABEL.exec(x.text) : null;
      if (m) at.push(m[0].length);
      const slash = x.text.indexOf("/", m ? m[0].length : 0);
      if (slash > 0 && SYMBOL_START.test(x.text.slice(slash))) at.push(slash);
      return at;
    });
    const label = line.find((x) => x.bbox.x0 >= t.bbox.x0 - 1 && SO_LABEL.test(x.text));
    if (!label) continue;
    const after: Token[] = [];
    let symbol: Token | null = null;
    const labelHeight = label.bbox.y1 - label.bbox.y0;
    for (const x of line.slice(line.indexOf(label) + 1)) {
      if (x.bbox.x0 - label.bbox.x1 > labelHeight * 12) break;
      if (SYMBOL_START.test(x.text) && !/^\d/.test(x.text)) {
        symbol = x;
        break;
      }
      // Ink marks read before the symbol, glued to it (",./^GD&ĐT-VP"): the symbol is its tail.
      const tail = SYMBOL_TAIL.exec(x.text);
      if (tail && tail.index > 0 && /[^\p{L}\d]/u.test(x.text.slice(0, tail.index))) {
        symbol = { ...x, out: undefined };
        symbol.text = tail[0];
        x.out = null;
        after.push(x);
        symbol.symbols = [];
        symbol.bbox = {
          ...x.bbox,
          x0: x.bbox.x1 - (x.bbox.x1 - x.bbox.x0) * (tail[0].length / x.text.length),
        };
        all.push(symbol);
        break;
      }
      after.push(x);
    }
    if (!symbol) continue;
    // The printed label and symbol as the parser reads them.
    label.out = "Số:";
    // A symbol's parts are joined by hyphens and slashes: a dot read between capitals is one.
    symbol.out = symbol.text.replace(/(?<=[\p{Lu}Đ\d])[.,·](?=[\p{Lu}Đ])/gu, "-");
    if (!symbol.text.startsWith("/")) {
      // The slash lost under the ink ("BCA-C04"): a Party symbol keeps its hyphen form.
      symbol.out = /^[\p{Lu}Đ]+\//u.test(symbol.out) ? `-${symbol.out}` : `/${symbol.out}`;
    }
    const lineBox = lines[t.line]!.bbox;
    const top = Math.min(label.bbox.y0, symbol.bbox.y0);
    const bottom = Math.max(label.bbox.y1, symbol.bbox.y1);
    const pad = (bottom - top) * 0.35;
    blanks.push({
      kind: "number",
      inside: after,
      area: {
        x0: label.bbox.x1 + 2,
        x1: (symbol.text.startsWith("/") ? symbol.bbox.x0 : symbol.bbox.x0 - 4) - 2,
        y0: Math.max(lineBox.y0 - pad, top - pad),
        y1: Math.min(lineBox.y1 + pad, bottom + pad),
      },
      reference: symbol.symbols.filter((s) => /^[A-Z0-9]$/.test(s.text)),
      lineIndex: t.line,
      line: {
        x0: label.bbox.x0 - labelHeight,
        x1: symbol.bbox.x1 + labelHeight,
        y0: top - pad,
        y1: bottom + pad,
      },
    });
    return all;
  }
  return tokens;
}

const NGAY = /^ng[aàáảãạ]y/iu;

/** Where a date line's words are glued: "Thọ,ngày.", "ngày01", "11năm", "tháng4". */
function dateCuts(t: Token): number[] {
  const at: number[] = [];
  const re = /,(?=\p{L})|(?<=\p{L}[.…]*)(?=\d)|(?<=\d)(?=\p{L})/gu;
  for (const m of t.text.matchAll(re)) at.push(m.index + (m[0] === "," ? 1 : 0));
  const ngay = NGAY.exec(t.text);
  if (ngay && t.text.length > ngay[0].length) at.push(ngay[0].length);
  return [...new Set(at)].sort((a, b) => a - b);
}

/**
 * "ngày 13 tháng 3 năm 2012", the header's date (right column, top of the page): the day's and
 * the month's blanks. Where ink over "ngày" left it unreadable, the word is put back (it is
 * printed on every such line) and what covered it is the day's blank.
 */
function findDateBlanks(tokens: Token[], search: BlankSearch): Token[] {
  const { lines, height, width, blanks } = search;
  for (const t of tokens) {
    if (t.bbox.y0 > height * 0.35 || !/n[aăâ]m|nam/iu.test(foldKey(t.text))) continue;
    // Only the right column's words: on a flattened line the number's are left of them.
    const { all, line } = splitLineTokens(
      tokens,
      t.line,
      (x) => (x.out === undefined && x.bbox.x0 > width * 0.35 ? dateCuts(x) : []),
      true,
    );
    const namAt = line.findIndex(
      (x, k) => looksLike(x.text, "nam", 1) && /^(19|20)\d/.test(line[k + 1]?.text ?? ""),
    );
    if (namAt < 0) continue;
    const nam = line[namAt]!;
    const year = line[namAt + 1]!;
    let thangAt = -1;
    for (let k = namAt - 1; k >= Math.max(0, namAt - 4); k--)
      if (looksLike(line[k]!.text, "thang", 2)) {
        thangAt = k;
        break;
      }
    if (thangAt < 0 || line[thangAt]!.bbox.x0 < width * 0.4) continue;
    const thang = line[thangAt]!;
    let ngayAt = -1;
    for (let k = thangAt - 1; k >= Math.max(0, thangAt - 4); k--) {
      const x = line[k]!;
      if (NGAY.test(x.text) || looksLike(x.text.replace(/[.,…]+$/, ""), "ngay", 1)) {
        ngayAt = k;
        break;
      }
    }
    let ngay: Token;
    let dayInside: Token[];
    const out = [...all];
    if (ngayAt >= 0) {
      ngay = line[ngayAt]!;
      dayInside = line.slice(ngayAt + 1, thangAt);
    } else {
      // "Bắc Giang, [ink] tháng 3": the place ends with its comma; what lies between is "ngày"
      // and the day under the ink.
      const commaAt = line.findLastIndex((x, k) => k < thangAt && x.text.endsWith(","));
      if (commaAt < 0 || thangAt - commaAt > 4) continue;
      const comma = line[commaAt]!;
      const between = line.slice(commaAt + 1, thangAt);
      for (const x of between) x.out = null;
      const gap = thang.bbox.y1 - thang.bbox.y0;
      ngay = {
        text: "ngày",
        confidence: 0,
        bbox: {
          x0: comma.bbox.x1 + gap * 0.3,
          x1: comma.bbox.x1 + gap * 0.35,
          y0: thang.bbox.y0,
          y1: thang.bbox.y1,
        },
        symbols: [],
        line: t.line,
      };
      out.push(ngay);
      dayInside = between;
    }
    ngay.out = "ngày";
    thang.out = "tháng";
    nam.out = "năm";
    // The place before "ngày" begins with a capital ("tà Nội" is a misread "Hà Nội").
    const placeAt = line.findIndex(
      (x, k) => k < line.indexOf(ngay) && x.bbox.x0 > width * 0.4 && x.out === undefined,
    );
    const place = line[placeAt];
    if (place && /^\p{Ll}/u.test(place.text) && line.indexOf(ngay) - placeAt <= 4)
      place.out = place.text[0]!.toLocaleUpperCase("vi") + place.text.slice(1);
    // A speck read as a full stop after a word of the place ("Cần. Thơ"); "TP." keeps its own.
    for (let k = Math.max(0, placeAt); k >= 0 && k < line.indexOf(ngay); k++) {
      const x = line[k]!;
      const text = x.out ?? x.text;
      if (/\p{Ll}\.$/u.test(text) && x.bbox.x0 > width * 0.4) x.out = text.slice(0, -1);
    }
    const reference = year.symbols.filter((s) => /^\d$/.test(s.text));
    const lineBox = lines[t.line]!.bbox;
    const band = (a: Token, b: Token): OcrBox => {
      const top = Math.min(a.bbox.y0, b.bbox.y0);
      const bottom = Math.max(a.bbox.y1, b.bbox.y1);
      const pad = (bottom - top) * 0.35;
      return {
        x0: a.bbox.x1 + 2,
        x1: b.bbox.x0 - 2,
        y0: Math.max(lineBox.y0 - pad, top - pad),
        y1: Math.min(lineBox.y1 + pad, bottom + pad),
      };
    };
    const h = year.bbox.y1 - year.bbox.y0;
    const whole: OcrBox = {
      x0: ngay.bbox.x0 - h * 2,
      x1: year.bbox.x1 + h,
      y0: Math.min(ngay.bbox.y0, year.bbox.y0, thang.bbox.y0) - h * 0.5,
      y1: Math.max(ngay.bbox.y1, year.bbox.y1, thang.bbox.y1) + h * 0.5,
    };
    blanks.push({
      kind: "day",
      inside: dayInside,
      area: band(ngay, thang),
      reference,
      line: whole,
      lineIndex: t.line,
    });
    blanks.push({
      lineIndex: t.line,
      kind: "month",
      inside: line.slice(thangAt + 1, namAt),
      area: band(thang, nam),
      reference,
      line: whole,
    });
    return out;
  }
  return tokens;
}

/** Enlarged by `by` (bilinear). */
function enlarge(image: GrayImage, by: number): GrayImage {
  const w = Math.round(image.width * by);
  const h = Math.round(image.height * by);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(image.height - 1.001, y / by);
    const iy = Math.floor(sy);
    const fy = sy - iy;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1.001, x / by);
      const ix = Math.floor(sx);
      const fx = sx - ix;
      const i = iy * image.width + ix;
      const a = image.data[i]!;
      const b = image.data[i + 1] ?? a;
      const c = image.data[i + image.width] ?? a;
      const d = image.data[i + image.width + 1] ?? c;
      const top = a + (b - a) * fx;
      data[y * w + x] = top + (c + (d - c) * fx - top) * fy;
    }
  }
  return { width: w, height: h, data };
}

function crop(image: GrayImage, b: OcrBox, margin: number): GrayImage {
  const x0 = Math.max(0, Math.floor(b.x0 - margin));
  const y0 = Math.max(0, Math.floor(b.y0 - margin));
  const x1 = Math.min(image.width, Math.ceil(b.x1 + margin));
  const y1 = Math.min(image.height, Math.ceil(b.y1 + margin));
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h && y0 + y < image.height; y++)
    data.set(
      image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + w),
      y * w,
    );
  return { width: w, height: h, data };
}

/** Rows of the box that hold ink: how tall the marks in it are, in pixels. */
function inkRows(image: GrayImage, b: OcrBox, threshold: number): number {
  let rows = 0;
  const x0 = Math.max(0, Math.floor(b.x0));
  const x1 = Math.min(image.width, Math.ceil(b.x1));
  for (let y = Math.max(0, Math.floor(b.y0)); y < Math.min(image.height, Math.ceil(b.y1)); y++) {
    let dark = 0;
    for (let x = x0; x < x1; x++) if (image.data[y * image.width + x]! < threshold) dark++;
    if (dark >= 2) rows++;
  }
  return rows;
}

const REREAD_SCALE = 1.5;

/** The symbols of a line read again, in page pixels; one reading per line, shared by its blanks. */
async function rereadLine(
  line: OcrBox,
  input: OcrPageInput,
  cache: Map<string, OcrSymbol[]>,
): Promise<OcrSymbol[]> {
  const key = `${Math.round(line.x0)},${Math.round(line.y0)}`;
  const known = cache.get(key);
  if (known) return known;
  const piece = crop(input.print, line, 0);
  const x0 = Math.max(0, Math.floor(line.x0));
  const y0 = Math.max(0, Math.floor(line.y0));
  const result = await input.rereadLine(enlarge(piece, REREAD_SCALE));
  const back = (b: OcrBox): OcrBox => ({
    x0: b.x0 / REREAD_SCALE + x0,
    x1: b.x1 / REREAD_SCALE + x0,
    y0: b.y0 / REREAD_SCALE + y0,
    y1: b.y1 / REREAD_SCALE + y0,
  });
  const symbols = result.lines.flatMap((l) =>
    l.words.flatMap((w) => w.symbols.map((s) => ({ ...s, bbox: back(s.bbox) }))),
  );
  cache.set(key, symbols);
  return symbols;
}

async function judgeBlank(
  blank: Blank,
  input: OcrPageInput,
  rereads: Map<string, OcrSymbol[]>,
): Promise<BlankReading> {
  const { kind, inside, area, reference } = blank;
  const refHeight = median(reference.map((s) => s.bbox.y1 - s.bbox.y0));
  const refBottom = median(reference.map((s) => s.bbox.y1));
  const lineHeight = refHeight || area.y1 - area.y0;
  const text = inside.map((t) => t.text).join("");
  const region = area.x1 - area.x0 > 2 ? area : union(inside.map((t) => t.bbox));
  // Dots or underscores a draft prints in the blank: no value, no ink of a hand.
  if (/^[.…_-]*$/.test(text) && inside.length) {
    const filler = inside.every((t) => t.bbox.y1 - t.bbox.y0 < lineHeight * 0.5);
    if (filler) return { kind, verdict: "empty", value: null, reason: "printed filler" };
  }
  const ink = inkIn(input.ink, region, 150);
  const tall = inkRows(input.ink, region, 150);
  const hasInk = ink.pixels > lineHeight * 1.5 && tall >= lineHeight * 0.4;
  if (!hasInk) return { kind, verdict: "empty", value: null, reason: `no ink (${ink.pixels} px)` };
  const symbols = inside.flatMap((t) => t.symbols);
  const digits = text.replace(/[.,]$/, "");
  const maxLen = kind === "number" ? 6 : 2;
  const fail = (reason: string): BlankReading => ({
    kind,
    verdict: "handwritten",
    value: null,
    reason,
  });
  if (!/^\d+$/.test(digits) || digits.length > maxLen) return fail(`read "${text}"`);
  if (!refHeight) return fail("no print to compare with");
  const digitSymbols = symbols.filter((s) => /^\d$/.test(s.text));
  const heights = digitSymbols.map((s) => s.bbox.y1 - s.bbox.y0);
  const h = median(heights);
  const ratio = h / refHeight;
  const spread = (Math.max(...heights) - Math.min(...heights)) / Math.max(1, h);
  const bottoms = digitSymbols.map((s) => s.bbox.y1);
  const drift = Math.max(...bottoms.map((b) => Math.abs(b - refBottom))) / refHeight;
  // The line read again on its own, half as large again: the digits found there, in the
  // blank's place, must be the page's.
  const again = await rereadLine(blank.line, input, rereads);
  const inBlank = again.filter((s) => {
    const cx = (s.bbox.x0 + s.bbox.x1) / 2;
    return cx > region.x0 && cx < region.x1 && /^\d$/.test(s.text);
  });
  const rereadText = inBlank.map((s) => s.text).join("");
  const rereadConf = Math.min(100, ...inBlank.map((s) => s.confidence));
  const firstConf = Math.min(...digitSymbols.map((s) => s.confidence));
  const features = `"${digits}" c${Math.round(firstConf)} h${ratio.toFixed(2)} s${spread.toFixed(2)} d${drift.toFixed(2)} again "${rereadText}" c${Math.round(rereadConf)}`;
  if (ratio < 0.7 || ratio > 1.2) return fail(`height: ${features}`);
  if (spread > 0.2) return fail(`heights vary: ${features}`);
  if (drift > 0.2) return fail(`off the baseline: ${features}`);
  if (rereadText !== digits) return fail(`read unlike: ${features}`);
  if (rereadConf < 75 || firstConf < 50) return fail(`confidence: ${features}`);
  return { kind, verdict: "typed", value: digits, reason: `typed: ${features}` };
}

export type { OcrWord };
