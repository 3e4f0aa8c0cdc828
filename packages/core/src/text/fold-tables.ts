/**
 * The tables the folds of vietnamese.ts read unit by unit, and what builds TextView reads too
 * (lines.ts): internal to core, not exported from its index.
 */

/** Combining diacritics, which NFD puts after their letter. */
const COMBINING = /[\u0300-\u036f]/g;

// Lone surrogates pass through the fold unchanged; "utf-16le" decoding keeps them as they are
// only when not fatal, which is the default.
export const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/** Fold of every UTF-16 unit below 0x2000 (Latin, Vietnamese): one unit each, lower case. */
export const FOLD_TABLE = (() => {
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

/** FOLD_KEY values that are not a UTF-16 unit: a unit NFD drops, white space, and the long way. */
export const DROP = -1;
export const SPACE = -2;
export const SLOW = -3;
export const FOLD_KEY_SIZE = 0x2070; // Latin, Vietnamese and general punctuation (“ ” – …)

/**
 * foldKey of each unit alone, where folding a string unit by unit gives foldKey of the string:
 * its NFD only adds marks of U+0300–U+036F (which foldKey drops whatever their order), its lower
 * case is one unit that depends on no neighbour. Greek is left out (a final sigma lowers by its
 * context), as are other combining marks (NFD reorders them) and folds of two units.
 */
export const FOLD_KEY = (() => {
  const table = new Int32Array(FOLD_KEY_SIZE);
  /** A combining mark outside U+0300–U+036F. */
  const otherMark = /[^\P{M}\u0300-\u036f]/u;
  for (let code = 0; code < FOLD_KEY_SIZE; code++) {
    const ch = String.fromCharCode(code);
    const greek = (code >= 0x370 && code < 0x400) || (code >= 0x1f00 && code < 0x2000);
    const nfd = ch.normalize("NFD");
    const folded = nfd.replace(COMBINING, "").replace(/[đĐ]/g, "d").toLowerCase();
    if (greek || otherMark.test(nfd) || folded.length > 1) table[code] = SLOW;
    else if (!folded) table[code] = DROP;
    else if (/\s/.test(folded)) table[code] = SPACE;
    else table[code] = folded.charCodeAt(0);
  }
  return table;
})();

const scratch = [new Uint16Array(1 << 15), new Uint16Array(1 << 15)];

/**
 * A buffer of at least `n` units to fold into before decoding (two of them, for a pass that
 * folds two ways): kept from call to call (a buffer of its own per call cost as much again in
 * allocation and collection as the fold), unless it would be large.
 */
export function foldBuffer(n: number, which: 0 | 1 = 0): Uint16Array {
  if (n <= scratch[which]!.length) return scratch[which]!;
  if (n > 1 << 20) return new Uint16Array(n);
  scratch[which] = new Uint16Array(Math.max(n, scratch[which]!.length * 2));
  return scratch[which]!;
}

/** KEY_UNITS of a unit foldKey drops, or cannot fold alone. */
const KEY_DROP = 0xfffe;
const KEY_SLOW = 0xffff;
/** FOLD_KEY as units: white space as " ", "\n" kept, KEY_DROP, KEY_SLOW. */
const KEY_UNITS = (() => {
  const table = new Uint16Array(FOLD_KEY_SIZE);
  for (let code = 0; code < FOLD_KEY_SIZE; code++) {
    const v = FOLD_KEY[code]!;
    table[code] =
      code === 10 ? 10 : v >= 0 ? v : v === SPACE ? 32 : v === DROP ? KEY_DROP : KEY_SLOW;
  }
  return table;
})();

/**
 * The text folded unit by unit through KEY_UNITS, at its own length (vietnamese.ts
 * foldKeyText). `newlines`, when given, gets the offset of every "\n", in order.
 */
export function keyUnits(text: string, newlines?: number[]): string {
  const n = text.length;
  const out = foldBuffer(n);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) newlines?.push(i);
    out[i] = code < FOLD_KEY_SIZE ? KEY_UNITS[code]! : KEY_SLOW;
  }
  return UTF16.decode(out.subarray(0, n));
}

/**
 * Each line of keyUnits' fold, trimmed, is the line's foldKey: no unit folded otherwise, no run
 * of spaces inside a line (/[\ufffe\uffff]|[^ \n] {2,}[^ \n]/ finds nothing), by searches for
 * units rather than a pattern tried at every one.
 */
export function isKeyText(folded: string): boolean {
  if (folded.indexOf("\ufffe") !== -1 || folded.indexOf("\uffff") !== -1) return false;
  // A run of spaces inside a line, not at its start or end, is squeezed in the key. The unit
  // before a run found from the end of the previous one is not a space.
  for (let at = folded.indexOf("  "); at !== -1;) {
    let end = at + 2;
    while (folded.charCodeAt(end) === 32) end++;
    const before = at > 0 ? folded.charCodeAt(at - 1) : 10;
    const after = end < folded.length ? folded.charCodeAt(end) : 10;
    if (before !== 10 && after !== 10) return false;
    at = folded.indexOf("  ", end);
  }
  return true;
}

/** VIEW_UNITS bit of a unit TextView's `clean` changes (tabs, no-break and typographic spaces). */
export const CLEANED = 0x10000;

/** For each unit below 0x2070: its fold once cleaned (as foldSameLength folds), and CLEANED. */
const VIEW_UNITS = (() => {
  const table = new Uint32Array(FOLD_KEY_SIZE);
  for (let c = 0; c < table.length; c++) {
    const space =
      c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
    const clean = space ? 32 : c;
    table[c] = (clean < 0x2000 ? FOLD_TABLE[clean]! : clean) | (space ? CLEANED : 0);
  }
  return table;
})();

/** TextView's fold of a text (lines.ts): `folded`, CLEANED in `cleaned` when `clean` differs. */
export interface ViewFold {
  folded: string;
  cleaned: number;
  /** Offsets of every "\n". */
  newlines: number[];
}

/** TextView's `folded` of `src` (its text, markdown blanked) and its line ends, in one pass. */
export function viewUnits(src: string): ViewFold {
  const n = src.length;
  const out = foldBuffer(n);
  const newlines: number[] = [];
  let cleaned = 0;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) newlines.push(i);
    if (c < FOLD_KEY_SIZE) {
      const v = VIEW_UNITS[c]!;
      out[i] = v & 0xffff;
      cleaned |= v;
    } else if (c === 0x3000) {
      out[i] = 32;
      cleaned |= CLEANED;
    } else out[i] = c;
  }
  return { folded: UTF16.decode(out.subarray(0, n)), cleaned, newlines };
}

/**
 * keyUnits and viewUnits of one text in one pass (the loop over the units, the larger part of
 * each, done once). The view's fold is kept for makeTextView of the same text (lines.ts
 * takeViewFold): a file of one document is split (keys), then parsed whole (view). A text over
 * 1M units is folded twice as before, the view's fold not kept.
 */
export function keyAndViewUnits(text: string, newlines: number[]): string {
  const n = text.length;
  const keys = foldBuffer(n, 0);
  const view = foldBuffer(n, 1);
  let cleaned = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) newlines.push(i);
    if (c < FOLD_KEY_SIZE) {
      keys[i] = KEY_UNITS[c]!;
      const v = VIEW_UNITS[c]!;
      view[i] = v & 0xffff;
      cleaned |= v;
    } else {
      keys[i] = KEY_SLOW;
      if (c === 0x3000) {
        view[i] = 32;
        cleaned |= CLEANED;
      } else view[i] = c;
    }
  }
  // Kept only for a text of ordinary size: a long one is not held on to after its parse.
  lastView =
    n <= 1 << 20
      ? { text, fold: { folded: UTF16.decode(view.subarray(0, n)), cleaned, newlines } }
      : null;
  return UTF16.decode(keys.subarray(0, n));
}

/** The view fold keyAndViewUnits made last, for one use. */
let lastView: { text: string; fold: ViewFold } | null = null;

/** viewUnits(text), from keyAndViewUnits when it just folded this text; else null. */
export function takeViewFold(text: string): ViewFold | null {
  const last = lastView;
  lastView = null;
  return last && last.text === text ? last.fold : null;
}
