import {
  FOLD_KEY,
  FOLD_KEY_SIZE,
  FOLD_TABLE,
  SLOW,
  SPACE,
  UTF16,
  foldBuffer,
  isKeyText,
  keyUnits,
} from "./fold-tables.ts";

/**
 * Vietnamese text utilities.
 *
 * Real files arrive in NFC, in NFD (decomposed: "e" + U+0302 + U+0301), and with the tone mark
 * placed either the old way ("hòa", "thúy", "ủy") or the new way ("hoà", "thuý", "uỷ"). Three keys
 * compare such text:
 * - `normalizeText`: what we store and show: NFC, one kind of line break, no BOM.
 * - `toneKey`: diacritics kept, case folded, tone placement ignored ("Hoà" == "hòa", "hóa" != "hoa").
 * - `foldKey`: every diacritic removed, đ -> d, case and spacing folded ("tuyen truyen" finds
 *   "TUYÊN TRUYỀN"). Used for search and for tolerant comparisons of names.
 */

/** The five tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
/** Combining marks that change the vowel itself (circumflex, breve, horn). */
const VOWEL_MARKS = new Set(["\u0302", "\u0306", "\u031b"]);

const COMBINING = /[\u0300-\u036f]/g;

// One regex test is cheaper than five `includes` of non-ASCII characters on a long text.
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/;

/**
 * The last text normalizeText gave (when not long): it is normal already, so given again (the
 * parser normalises what the reader normalised) it is returned at the cost of a comparison.
 */
let lastNormal = "";

/** NFC, "\r\n" and "\r" to "\n", BOM and zero-width characters removed. Never throws. */
export function normalizeText(input: string): string {
  if (input === lastNormal) return input;
  const normal = normalizeOnce(input);
  if (normal.length <= 1 << 20) lastNormal = normal;
  return normal;
}

function normalizeOnce(input: string): string {
  let s = input;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
  if (ZERO_WIDTH.test(s)) s = s.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, "");
  // ICU's own quick check makes this cheap on text that is already NFC.
  return s.normalize("NFC");
}

/** A name as stored: NFC, one space between words (no tabs, no-break or doubled spaces). */
export function cleanName(name: string): string {
  return normalizeText(name).replace(/\s+/g, " ").trim();
}

/**
 * Accent-folded comparison key: lower case, no diacritics, đ -> d, runs of white space as one
 * space, trimmed. "Ủy ban Nhân dân" -> "uy ban nhan dan".
 */
export function foldKey(input: string): string {
  const n = input.length;
  // Unit by unit through FOLD_KEY: the same result as foldKeyOfString, without its five passes
  // (NFD, three replaces, toLowerCase) and their strings; splitting a text into documents folds
  // every line of it. Anything the table does not cover goes the long way.
  if (n > 256) {
    const out = new Uint16Array(n);
    let len = 0;
    let space = false;
    for (let i = 0; i < n; i++) {
      const code = input.charCodeAt(i);
      const v = code < FOLD_KEY_SIZE ? FOLD_KEY[code]! : SLOW;
      if (v >= 0) {
        if (space) out[len++] = 32;
        space = false;
        out[len++] = v;
      } else if (v === SPACE) space = len > 0;
      else if (v === SLOW) return foldKeyOfString(input);
    }
    return UTF16.decode(out.subarray(0, len));
  }
  let out = "";
  let space = false;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    const v = code < FOLD_KEY_SIZE ? FOLD_KEY[code]! : SLOW;
    if (v >= 0) {
      if (space) out += " ";
      space = false;
      out += String.fromCharCode(v);
    } else if (v === SPACE) space = out.length > 0;
    else if (v === SLOW) return foldKeyOfString(input);
  }
  return out;
}

/**
 * `text.split("\n").map(foldKey)`, without a fold per line: the text is folded once, unit by
 * unit and at the same length (KEY_UNITS), then split; a line is then its key trimmed, unless it
 * holds what the table cannot fold alone or white space to squeeze, and only such a line is
 * folded by itself.
 */
export function foldKeyLines(text: string): string[] {
  const folded = keyUnits(text);
  const keys = folded.split("\n");
  if (isKeyText(folded)) return keys.map(trimSpaces);
  let lines: string[] | null = null;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (NOT_A_KEY.test(key)) keys[k] = foldKey((lines ??= text.split("\n"))[k]!);
    else keys[k] = trimSpaces(key);
  }
  return keys;
}

/**
 * The text folded at its own length so that each line, trimmed, is that line's foldKey (only " "
 * and "\n" are white space in it, so `folded.slice(start, end).trim()` is the key of the line
 * [start, end) and a search over the whole finds what a search over each key finds); null when
 * some line is not so (a unit foldKey drops or cannot fold alone, or white space to squeeze).
 * `newlines`, when given, gets the offset of every "\n", in order.
 */
export function foldKeyText(text: string, newlines?: number[]): string | null {
  const folded = keyUnits(text, newlines);
  return isKeyText(folded) ? folded : null;
}

/** A folded line that is not its key once trimmed: spaces inside it to squeeze, a unit to fold otherwise. */
const NOT_A_KEY = /[\ufffe\uffff]|[^ \n] {2,}[^ \n]/;
const trimSpaces = (s: string): string => s.trim();

/** foldKey by its definition, over the whole string. */
function foldKeyOfString(input: string): string {
  return input
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\S ]\s*| \s+/g, " ")
    .trim();
}

/**
 * Folds an NFC string unit by unit so that offsets in the result are offsets in the input (every
 * precomposed Vietnamese letter is one UTF-16 unit): lower case, no diacritics, đ -> d. Used to
 * match patterns without diacritics while reporting spans in the original text.
 */
export function foldSameLength(input: string): string {
  const n = input.length;
  if (n < 128) {
    let short = "";
    for (let i = 0; i < n; i++) {
      const code = input.charCodeAt(i);
      short += String.fromCharCode(code < 0x2000 ? FOLD_TABLE[code]! : code);
    }
    return short;
  }
  const out = foldBuffer(n);
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    out[i] = code < 0x2000 ? FOLD_TABLE[code]! : code;
  }
  return UTF16.decode(out.subarray(0, n));
}

/**
 * Tone-placement-insensitive key: diacritics kept, lower case, and in every syllable the tone mark
 * moved after the syllable's last letter, so "hoà"/"hòa", "uỷ"/"ủy", "thuý"/"thúy" give one key.
 */
export function toneKey(input: string): string {
  const decomposed = input.normalize("NFD").toLowerCase();
  let out = "";
  let syllable = "";
  let tone = "";
  const flush = (): void => {
    out += syllable + tone;
    syllable = "";
    tone = "";
  };
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      tone = ch;
    } else if (VOWEL_MARKS.has(ch) || /\p{L}/u.test(ch)) {
      syllable += ch;
    } else {
      flush();
      out += ch;
    }
  }
  flush();
  return out.replace(/[^\S ]\s*| \s+/g, " ").trim();
}

/** Equal after folding every diacritic (the search key). */
export function equalsFolded(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

/** Equal as Vietnamese text: case and tone placement ignored, diacritics respected. */
export function equalsVietnamese(a: string, b: string): boolean {
  return toneKey(a) === toneKey(b);
}

/** Which tone placement a word uses, where the two conventions differ (oa, oe, uy + tone, no final). */
export type ToneStyle = "old" | "new";

const STYLE_SENSITIVE = /^(?:.*?)(o[àáảãạ]|[òóỏõọ]a|o[èéẻẽẹ]|[òóỏõọ]e|u[ỳýỷỹỵ]|[ùúủũụ]y)$/u;

/**
 * "old" for "hòa", "thúy", "ủy" (tone on the first vowel), "new" for "hoà", "thuý", "uỷ" (tone on
 * the second), null when the word does not show the difference. Only open syllables ending in
 * oa/oe/uy differ; "quý" and "giá" are not ambiguous ("qu", "gi" are consonants).
 */
export function toneStyleOf(word: string): ToneStyle | null {
  const w = word.normalize("NFC").toLowerCase();
  if (w.startsWith("qu")) return null;
  const m = STYLE_SENSITIVE.exec(w);
  if (!m) return null;
  const pair = m[1]!;
  const first = pair[0]!;
  return "oua".includes(first) && !/[òóỏõọùúủũụ]/u.test(first) ? "new" : "old";
}

/** Upper-cases the first letter only ("tỉnh" -> "Tỉnh"). */
export function capitalize(word: string): string {
  if (!word) return word;
  return word[0]!.toUpperCase() + word.slice(1);
}

/** True when a string has letters and none of them is lower case. */
export function isUpperCaseText(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}
