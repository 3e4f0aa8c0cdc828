/**
 * Where one file holds several documents (one PDF with three letters of an agency, a scanned
 * batch), the ranges of each. A document begins with its header: the national motto (or the
 * Party's or the Youth Union's heading) with the issuer and "Số:" beside it. A new one begins at a
 * header that comes after the previous document has ended (its "Nơi nhận" or "Lưu:"), has a "Số"
 * line of its own and is not an annex (a "Phụ lục", a form, a plan "ban hành kèm theo").
 *
 * The split falls on the first line of the new header. Text read column by column puts the left
 * column first: the issuer, "Số:" and "V/v" lines stand before the motto, and the split goes back
 * over them, never past the previous document's signature (a name, a title, "KT. ...").
 */
import { isKeyText, keyAndViewUnits } from "../text/fold-tables.ts";
import { foldKey, foldKeyLines, isUpperCaseText } from "../text/vietnamese.ts";

const HEADINGS = [
  "cong hoa xa hoi chu nghia viet nam",
  "dang cong san viet nam",
  "doan tncs ho chi minh",
];
const MOTTO_TAIL = /^(?:doc lap tu do hanh phuc)?$/;
const END_OF_DOCUMENT = /^(?:[-–]\s*)?(?:noi nhan\b|luu\s*[:.])/;
const NUMBER_LINE = /^(?:số|so)\s*(?::\s*$|:?\s*(?:[\d.…_ ]*\s*[-/]|\d))/iu;
/** Lines that open an annex: what follows belongs to the document before. */
const ANNEX =
  /^(?:phu luc\b|mau so\b|mau\s+\d|bieu mau\b|bieu so\b|\(?\s*kem theo\b|\(?\s*ban hanh kem theo\b)/;
/** Lines of a signature: the walk back from a new header stops at them. */
const SIGNATURE_LINE =
  /^(?:(?:kt|tm|tl|tuq|q|k\/t|t\/m|t\/l)\s*[./:]|pho\b|thu truong\b|cuc truong\b|vu truong\b|tong cuc truong\b|chanh\b|giam doc\b|tong giam doc\b|chu tich\b|bo truong\b|thu tuong\b|chu nhiem\b|bi thu\b|vien truong\b|hieu truong\b|truong phong\b|truong ban\b|nguoi\b|\(?\s*da ky)/;

/**
 * The lines of the text: offsets, the trimmed text and the key (foldKey) of each, the last two
 * made when asked for. Most lines are only searched: when every line's key is its trimmed fold
 * (no unit foldKey drops or cannot fold alone, no white space inside a line to squeeze), the
 * text is folded once at its own length and searched whole (`folded`); else each line is keyed.
 */
class TextLines {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly length: number;
  /** The fold of the whole text, when its lines' keys are its lines trimmed. */
  readonly folded: string | null;
  private readonly keys: string[] | null;

  constructor(private readonly source: string) {
    // The line ends come out of the fold's own pass over the text, which folds it for
    // makeTextView too (a file of one document is then parsed whole).
    const newlines: number[] = [];
    const keys = keyAndViewUnits(source, newlines);
    const folded = isKeyText(keys) ? keys : null;
    let start = 0;
    for (const end of newlines) {
      this.starts.push(start);
      this.ends.push(end);
      start = end + 1;
    }
    this.starts.push(start);
    this.ends.push(source.length);
    this.length = this.starts.length;
    this.folded = folded;
    this.keys = folded === null ? foldKeyLines(source) : null;
  }

  start(k: number): number {
    return this.starts[k]!;
  }

  text(k: number): string {
    return this.source.slice(this.starts[k], this.ends[k]).trim();
  }

  /** Folded: no diacritics, lower case, single spaces. */
  key(k: number): string {
    return this.keys ? this.keys[k]! : this.folded!.slice(this.starts[k], this.ends[k]).trim();
  }

  /** The line at an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * END_OF_DOCUMENT over a whole fold (where only " " is white space): its words anywhere, a
 * literal search, then what stands before them on the line checked. A pattern anchored at each
 * line's start (`^` with the m flag) is tried at every unit.
 */
const END_WORDS = /noi nhan\b|luu *[:.]/g;
const END_PREFIX = /^ *(?:[-–] *)?$/;
/** The cheap test first: every heading ends with one of these words. */
const HEADING_WORDS = /viet nam|ho chi minh|hanh phuc/;
const HEADING_WORDS_ALL = new RegExp(HEADING_WORDS.source, "g");

/**
 * The lines that end a document (END_OF_DOCUMENT) and those that may be a heading
 * (HEADING_WORDS), in order: the only lines the split looks at first.
 */
function markedLines(lines: TextLines): { marked: number[]; ends: Set<number> } {
  const ends = new Set<number>();
  const marked: number[] = [];
  if (lines.folded === null) {
    for (let i = 0; i < lines.length; i++) {
      const key = lines.key(i);
      if (END_OF_DOCUMENT.test(key)) ends.add(i);
      else if (!HEADING_WORDS.test(key)) continue;
      marked.push(i);
    }
    return { marked, ends };
  }
  const found = new Set<number>();
  for (const m of lines.folded.matchAll(END_WORDS)) {
    const i = lines.lineAt(m.index);
    if (ends.has(i) || !END_PREFIX.test(lines.folded.slice(lines.start(i), m.index))) continue;
    ends.add(i);
    found.add(i);
  }
  for (const m of lines.folded.matchAll(HEADING_WORDS_ALL)) found.add(lines.lineAt(m.index));
  marked.push(...[...found].sort((x, y) => x - y));
  return { marked, ends };
}

/**
 * A heading line: the motto or the Party's or the Youth Union's heading, alone, followed by the
 * motto's second line, or preceded by the issuer in capitals ("BỘ TƯ PHÁP CỘNG HOÀ XÃ HỘI ...").
 * `folded`: foldKey(text), when known.
 */
export function isHeadingLine(text: string, folded = foldKey(text)): boolean {
  if (text.length > 200) return false;
  const key = folded
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const heading of HEADINGS) {
    const at = key.indexOf(heading);
    if (at === -1) continue;
    if (!MOTTO_TAIL.test(key.slice(at + heading.length).trim())) continue;
    if (at === 0) return true;
    // The issuer before the heading is printed in capitals.
    const cut = foldIndex(text, at);
    const before = text.slice(0, cut).trim();
    return !before || isUpperCaseText(before);
  }
  return false;
}

/** Offset in `text` of the `n`-th letter-or-space position of its folded, squeezed key. */
function foldIndex(text: string, n: number): number {
  // Count letters only: the key keeps one character per letter and single spaces between words.
  const words = foldKey(text)
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, n)
    .split(" ")
    .filter(Boolean).length;
  if (!words) return 0;
  const re = /[\p{L}\p{M}]+/gu;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i < words; i++) m = re.exec(text);
  return m ? m.index + m[0].length : 0;
}

export function splitDocuments(text: string, pageStarts: number[] = []): Array<[number, number]> {
  const lines = new TextLines(text);
  const starts = [0];
  let docHeading = -1;
  let lastEnd = -1;
  const { marked, ends } = markedLines(lines);
  for (const i of marked) {
    if (ends.has(i)) {
      if (docHeading !== -1) lastEnd = i;
      continue;
    }
    if (!isHeadingLine(lines.text(i), lines.key(i))) continue;
    if (docHeading === -1) {
      docHeading = i;
      continue;
    }
    let first: number;
    if (lastEnd > docHeading) {
      if (!isNewHeader(lines, i, lastEnd)) continue;
      first = headerStart(lines, i, lastEnd);
    } else {
      // No "Nơi nhận" (laws, texts printed in the gazette): the previous document ends with
      // its signature, a title in capitals and a name, right before the new header.
      if (i - docHeading < 20 || !isNewHeader(lines, i, Math.max(docHeading, i - 13), i)) continue;
      first = headerStart(lines, i, docHeading);
      if (!endsWithSignature(lines, first)) continue;
    }
    const split = snapToPage(lines, first, pageStarts);
    if (split > starts[starts.length - 1]! && text.slice(starts[starts.length - 1]!, split).trim())
      starts.push(split);
    docHeading = i;
  }
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! : text.length]);
}

/** A header of its own: a "Số" line near the heading, no annex opening between. */
function isNewHeader(
  lines: TextLines,
  heading: number,
  lastEnd: number,
  annexFrom = lastEnd + 1,
): boolean {
  for (let k = annexFrom; k < heading; k++) if (ANNEX.test(lines.key(k))) return false;
  let number = false;
  for (
    let k = Math.max(lastEnd + 1, heading - 12);
    k <= Math.min(lines.length - 1, heading + 8);
    k++
  ) {
    if (NUMBER_LINE.test(lines.text(k))) number = true;
  }
  if (!number) return false;
  for (let k = heading + 1; k <= Math.min(lines.length - 1, heading + 14); k++) {
    if (/^\(?\s*(?:ban hanh\s+)?kem theo\b/.test(lines.key(k))) return false;
  }
  return true;
}

/** The first line of the header whose heading is at `heading`, not before `floor`. */
function headerStart(lines: TextLines, heading: number, floor: number): number {
  let from = heading;
  // Left column first: "Số:" (and "V/v") printed before the motto.
  for (let k = heading - 1; k > Math.max(floor, heading - 12); k--) {
    if (NUMBER_LINE.test(lines.text(k))) {
      from = k;
      break;
    }
  }
  // Then the issuer's lines in capitals above, with the rules and stars between them.
  let start = from;
  // An issuer takes a few lines; the bound keeps a text of nothing but capitals linear.
  for (let k = from - 1; k > Math.max(floor, from - 24); k--) {
    const text = lines.text(k);
    if (!text) continue;
    const issuer =
      text.length <= 90 &&
      (/^[-–_*=.\s]+$/.test(text) || (isUpperCaseText(text) && !SIGNATURE_LINE.test(lines.key(k))));
    if (!issuer) break;
    start = k;
  }
  return start;
}

/** The lines before `first` end with a signature: a title in capitals, then a name. */
function endsWithSignature(lines: TextLines, first: number): boolean {
  const before: string[] = [];
  for (let k = first - 1; k >= 0 && before.length < 2; k--) {
    const text = lines.text(k);
    if (text) before.push(text);
  }
  const [name, title] = before;
  return (
    !!name &&
    !!title &&
    /^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,4}$/u.test(name) &&
    title.length <= 80 &&
    isUpperCaseText(title)
  );
}

/** The page start just before the header's first line, when only blank lines are between. */
function snapToPage(lines: TextLines, first: number, pageStarts: number[]): number {
  const at = lines.start(first);
  let previousEnd = 0;
  for (let k = first - 1; k >= 0; k--) {
    const text = lines.text(k);
    if (text) {
      previousEnd = lines.start(k) + text.length;
      break;
    }
  }
  const page = pageStarts.filter((p) => p > previousEnd && p <= at).pop();
  return page ?? at;
}
