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

/** NFC, "\r\n" and "\r" to "\n", BOM and zero-width characters removed. Never throws. */
export function normalizeText(input: string): string {
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
  return input
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\S ]\s*| \s+/g, " ")
    .trim();
}

// Lone surrogates pass through the fold unchanged; "utf-16le" decoding keeps them as they are
// only when not fatal, which is the default.
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/** Fold of every UTF-16 unit below 0x2000 (Latin, Vietnamese): one unit each, lower case. */
const FOLD_TABLE = (() => {
  const table = new Uint16Array(0x2000);
  for (let code = 0; code < 0x2000; code++) {
    const ch = String.fromCharCode(code);
    let base = ch.normalize("NFD").replace(COMBINING, "");
    if (base === "đ" || base === "Đ") base = "d";
    const lower = base.length === 1 ? base.toLowerCase() : ch.toLowerCase();
    table[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  return table;
})();

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
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    out[i] = code < 0x2000 ? FOLD_TABLE[code]! : code;
  }
  return UTF16.decode(out);
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
