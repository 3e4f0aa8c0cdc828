import { CLEANED, takeViewFold, viewUnits } from "./fold-tables.ts";

/**
 * A view of a document's text for pattern matching. `clean` and `folded` have the same length as
 * `text`, so an offset found in either is an offset in the text a person reads:
 * - `clean`: markdown emphasis (`**`, `__`), heading marks, angle brackets around links, tabs
 *   and non-breaking spaces replaced by spaces;
 * - `folded`: `clean` in lower case without diacritics (đ -> d).
 */
export interface TextView {
  text: string;
  clean: string;
  folded: string;
  lines: Line[];
}

export interface Line {
  index: number;
  start: number;
  end: number;
  /** Offset of the line's first non-space character (`end` for a blank line). */
  textStart: number;
  /** The clean line, untrimmed. */
  raw?: string;
  /** The clean line, trimmed and with inner runs of spaces kept. */
  text: string;
  /** Folded, trimmed. */
  folded: string;
  blank: boolean;
}

/** Replaces markup characters by spaces, keeping every offset. */
export function blankMarkup(text: string): string {
  const src = blankMarkdown(text);
  return CLEAN_SPACE.test(src) ? src.replace(CLEAN_SPACES, " ") : src;
}

/** Markdown marks blanked: emphasis, angle brackets around links, heading marks. */
function blankMarkdown(text: string): string {
  let s = text;
  if (s.includes("**") || s.includes("__")) s = s.replace(/\*\*|__/g, "  ");
  if (s.includes("<http")) s = s.replace(/<(https?:\/\/[^\s<>]{1,500})>/g, " $1 ");
  if (s.includes("#")) s = s.replace(/^(#{1,6})(?= )/gm, (m) => " ".repeat(m.length));
  return s;
}

/** Units `clean` writes as a space: tabs, no-break and typographic spaces. */
const CLEAN_SPACES = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const CLEAN_SPACE = new RegExp(CLEAN_SPACES.source);

/**
 * `clean` (white space as spaces) and `folded` (foldSameLength of `clean`), in one pass over
 * the text (or none, when splitting the text into documents folded it already); `clean` is made
 * (a native replace) only when it differs. `newlines`: the offset of every "\n" (the same in the
 * text, `clean` and `folded`).
 */
function foldViews(text: string): { clean: string; folded: string; newlines: number[] } {
  const src = blankMarkdown(text);
  const { folded, cleaned, newlines } = (src === text && takeViewFold(text)) || viewUnits(src);
  const clean = cleaned & CLEANED ? src.replace(CLEAN_SPACES, " ") : src;
  return { clean, folded, newlines };
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x0b ||
    c === 0x0c
  );
}

/**
 * A line: offsets only; its text and folded text are sliced from the view when read (most lines
 * of a long body are never read as text, and a slice costs little).
 */
class ViewLine implements Line {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly textStart: number;
  private readonly textEnd: number;
  private readonly view: { clean: string; folded: string };

  constructor(
    view: { clean: string; folded: string },
    index: number,
    start: number,
    end: number,
    textStart: number,
    textEnd: number,
  ) {
    this.view = view;
    this.index = index;
    this.start = start;
    this.end = end;
    this.textStart = textStart;
    this.textEnd = textEnd;
  }

  get raw(): string {
    return this.view.clean.slice(this.start, this.end);
  }

  get text(): string {
    return this.view.clean.slice(this.textStart, this.textEnd);
  }

  get folded(): string {
    return this.view.folded.slice(this.textStart, this.textEnd);
  }

  get blank(): boolean {
    return this.textStart === this.textEnd;
  }
}

export function makeTextView(text: string): TextView {
  const { clean, folded, newlines } = foldViews(text);
  const view = { text, clean, folded, lines: [] as Line[] };
  const lines = view.lines;
  let start = 0;
  for (let index = 0; index <= newlines.length; index++) {
    const end = index < newlines.length ? newlines[index]! : clean.length;
    let a = start;
    let b = end;
    while (a < b && isSpace(clean.charCodeAt(a))) a++;
    while (b > a && isSpace(clean.charCodeAt(b - 1))) b--;
    lines.push(new ViewLine(view, index, start, end, a, b));
    start = end + 1;
  }
  return view;
}

/**
 * The first line from `from` (up to `to`, excluded) that is not blank, as
 * `lines.slice(from, to).find((l) => !l.blank)` finds it without copying the lines.
 */
export function nextNonBlank(
  lines: readonly Line[],
  from: number,
  to = lines.length,
): Line | undefined {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++)
    if (!lines[i]!.blank) return lines[i];
  return undefined;
}

/** Offset of the first non-space character of a line. */
export function lineTextStart(line: Line): number {
  return line.textStart;
}

/**
 * Joins wrapped lines into one string with single spaces. A reference broken after its hyphen
 * or slash ("3183/SNV-" / "TCBC", "31-" / "HD/BTCTW", "55/" / "TTr-SVHTT") is joined without one.
 */
export function joinLines(parts: readonly string[]): string {
  let out = "";
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    // Only the tail is looked at: a long list item must not make the join quadratic.
    if (out && WRAPPED_REFERENCE.test(out.slice(-48)) && /^\p{Lu}/u.test(p)) out += p;
    else out = out ? `${out} ${p}` : p;
  }
  return out.replace(/[^\S ]\s*| \s+/g, " ").trim();
}

/** A text ending inside a reference: digits, then a slash or a symbol's hyphen ("3183/SNV-"). */
const WRAPPED_REFERENCE = /(?:^|[\s(])\d{1,6}(?:\/(?:\d{4}\/)?(?:\p{Lu}[\p{L}\d&.]*-)*|-)$/u;

/** A decoration line: rules of dashes, stars, underscores ("--------", "* *"). */
export function isRuleLine(text: string): boolean {
  return /^[-–—_*=.·•\s]+$/u.test(text) && text.trim().length > 0;
}

/**
 * Removes trailing characters of a set. Written as a loop because a regex like `/[\s,;]+$/`
 * backtracks quadratically over a long run of those characters followed by something else.
 */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (
    end > 0 &&
    (chars.includes(s[end - 1]!) || (chars.includes(" ") && /\s/.test(s[end - 1]!)))
  )
    end--;
  return s.slice(0, end);
}

/**
 * Text laid out in two columns side by side (a PDF read with its layout, a table pasted as
 * text): where the right column starts on a line. The left column ends at the first run of three
 * or more spaces after some text; a line indented that far holds only the right column. Returns
 * the offset in the line's text (trimmed) where the right part begins, 0 when the whole line is
 * right-hand, or -1 when the line has no right part. `last`: the right-most column of several.
 */
export function rightColumnAt(line: Line, minIndent = 24, last = false): number {
  if (line.blank) return -1;
  const raw = line.raw ?? line.text;
  const indent = raw.length - raw.trimStart().length;
  const gaps = /\S( {3,}|\t+)(?=\S)/g;
  let at = -1;
  for (let m = gaps.exec(line.text); m; m = gaps.exec(line.text)) {
    at = m.index + 1 + m[1]!.length;
    if (!last) break;
  }
  if (at !== -1) return at;
  return indent >= minIndent ? 0 : -1;
}

/** The left part of a line laid out in columns (the whole line when it has one column). */
export function leftColumn(line: Line): string {
  const at = rightColumnAt(line, Infinity);
  return at > 0 ? line.text.slice(0, at).trimEnd() : line.text;
}
