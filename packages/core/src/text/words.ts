/**
 * The words of a text: its runs of letters (`/\p{L}+/gu`), as offsets only. The linter splits a
 * document once and every rule reads the same runs (lint/diagnostic.ts `RuleInput.words`); no
 * match array or string is made per word, a rule slices the few words it looks at.
 */
export interface Words {
  /** Number of runs. */
  count: number;
  /** Offset of each run's first unit. */
  start: Int32Array;
  /** Offset just after each run. */
  end: Int32Array;
}

/** 1 for a BMP unit that is a letter (\p{L}) by itself; built on first use. */
let letters: Uint8Array | null = null;

function letterTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  // Every BMP unit outside the surrogates, in one string: its letter runs mark the table.
  const units = new Uint16Array(0x10000 - 0x800);
  for (let c = 0, i = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) units[i++] = c;
  const all = new TextDecoder("utf-16le").decode(units);
  for (const m of all.matchAll(/\p{L}+/gu)) {
    for (let i = 0; i < m[0].length; i++) table[m[0].charCodeAt(i)] = 1;
  }
  return table;
}

const ASTRAL_LETTER = /^\p{L}$/u;
const astral = new Map<number, boolean>();

/** Whether the code point is a letter, for the rare one outside the BMP. */
function astralLetter(cp: number): boolean {
  let is = astral.get(cp);
  if (is === undefined) {
    is = ASTRAL_LETTER.test(String.fromCodePoint(cp));
    if (astral.size < 4096) astral.set(cp, is);
  }
  return is;
}

/**
 * The runs of letters of `text`, the same as `text.matchAll(/\p{L}+/gu)` finds (a letter outside
 * the BMP, written as a surrogate pair, is one letter; a lone surrogate is none).
 */
export function splitWords(text: string): Words {
  const table = (letters ??= letterTable());
  const n = text.length;
  let start: Int32Array = new Int32Array(Math.max(16, n >> 3));
  let end: Int32Array = new Int32Array(start.length);
  let count = 0;
  let runStart = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    let width = 1;
    if (c < 0xd800 || c > 0xdfff) letter = table[c] === 1;
    else if (c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        letter = astralLetter(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        width = 2;
      } else letter = false;
    } else letter = false;
    if (letter) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      if (count === start.length) [start, end] = [grow(start), grow(end)];
      start[count] = runStart;
      end[count++] = i;
      runStart = -1;
    }
    i += width - 1;
  }
  if (runStart >= 0) {
    if (count === start.length) [start, end] = [grow(start), grow(end)];
    start[count] = runStart;
    end[count++] = n;
  }
  return { count, start, end };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
