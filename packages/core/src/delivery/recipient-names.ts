/**
 * Names as a Kính gửi or Nơi nhận line writes them, matched to the names of agencies. Both are
 * cut into words folded with `foldKey` (the key of `agencies.name_key`); a word of capitals may
 * stand for several words by their initials, as clerks write them: "UBND" for "Ủy ban nhân dân",
 * "TT&TT" and "TTTT" for "Thông tin và Truyền thông", "PT-TH" for "Phát thanh và Truyền hình",
 * "TU" for "Tỉnh ủy", "TP" for "thành phố" ("và" has no letter of its own). A name of an
 * agency of the issuer's own province may leave the province out ("UBND tỉnh", "Đài Phát thanh
 * và Truyền hình tỉnh", "UBND thành phố" in Hà Nội).
 */
import { foldKey } from "../text/vietnamese.ts";

/** One word of a name: its folded key, and its letters when it may be an abbreviation. */
export interface NameWord {
  key: string;
  /** The letters it stands for ("ubnd"), or null for an ordinary word. */
  letters: string | null;
  /** The words it stands for when it is not made of initials ("TW": trung ương). */
  expansion: string[] | null;
}

/** Abbreviations that are not the initials of what they stand for. */
const NOT_INITIALS: ReadonlyMap<string, string[]> = new Map([
  ["TW", ["trung", "uong"]],
  ["TƯ", ["trung", "uong"]],
  ["ThU", ["thanh", "uy"]],
  ["Tp", ["thanh", "pho"]],
]);

/** "TT&TT", "PT-TH", "VH,TT&DL", "KH-CN": capitals joined by signs, one abbreviation. */
const JOINED_CAPITALS = /^[\p{Lu}\d]+(?:[&\-–,./][\p{Lu}\d]+)+$/u;
const SIGNS = /[-–—,;:&/()"“”'‘’[\]!?.]+/u;
const EDGE_SIGNS = /^[("'“”‘’[\]]+|[)"'“”‘’[\].,;:!?]+$/gu;

/** A Vietnamese syllable, folded: initial consonant, vowels, final consonant. */
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(?:ng|nh|ch|[cmnpt])?$/;

function capitals(part: string): number {
  let n = 0;
  for (const c of part) if (c !== c.toLowerCase()) n++;
  return n;
}

function wordOf(part: string): NameWord {
  const key = foldKey(part);
  const fixed = NOT_INITIALS.get(part);
  if (fixed) return { key, letters: null, expansion: fixed };
  // Capitals ("UBND", "TU"), or, typed in small letters, what no syllable can be ("ubnd").
  const abbreviation = /^\p{L}{2,12}$/u.test(part) && (capitals(part) >= 2 || !SYLLABLE.test(key));
  return { key, letters: abbreviation ? key : null, expansion: null };
}

/** The words of a name, signs left out; "&" standing alone is "và". */
export function nameWords(text: string): NameWord[] {
  const words: NameWord[] = [];
  for (const raw of text.normalize("NFC").split(/\s+/u)) {
    const token = raw.replace(EDGE_SIGNS, "");
    if (!token) continue;
    if (token === "&") {
      words.push({ key: "va", letters: null, expansion: null });
      continue;
    }
    if (JOINED_CAPITALS.test(token)) {
      const key = foldKey(token.replace(/[^\p{L}\d]/gu, ""));
      words.push({ key, letters: key, expansion: null });
      continue;
    }
    for (const part of token.split(SIGNS)) if (part) words.push(wordOf(part));
  }
  return words;
}

/** Folded words of a name, as plain keys (for the issuer's place and the like). */
export function keyWords(text: string): string[] {
  return nameWords(text).map((w) => w.key);
}

/**
 * Every end in `target` that `line` as a whole can reach from the start: a word is the same
 * word, an abbreviation the words of its initials (either side may abbreviate), a fixed
 * abbreviation its words; a "và" inside may be left out on either side.
 */
export function matchEnds(line: NameWord[], target: NameWord[]): number[] {
  const ends = new Set<number>();
  const seen = new Set<number>();
  const width = target.length + 1;
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const id = i * width + j;
    if (seen.has(id)) continue;
    seen.add(id);
    if (i === line.length) {
      ends.add(j);
      continue;
    }
    const w = line[i]!;
    const t = target[j];
    if (t && w.key === t.key) stack.push([i + 1, j + 1]);
    // "và" left out on one side: "Sở Văn hóa Thể thao Du lịch", "Đài Phát thanh Truyền hình".
    if (i > 0 && w.key === "va") stack.push([i + 1, j]);
    if (j > 0 && t?.key === "va") stack.push([i, j + 1]);
    if (w.letters && t) for (const k of initialsEnds(w.letters, target, j)) stack.push([i + 1, k]);
    if (w.expansion && t && sameKeys(w.expansion, target, j))
      stack.push([i + 1, j + w.expansion.length]);
    if (t?.letters) for (const k of initialsEnds(t.letters, line, i)) stack.push([k, j + 1]);
    if (t?.expansion && sameKeys(t.expansion, line, i)) stack.push([i + t.expansion.length, j + 1]);
  }
  return [...ends];
}

/** The whole of `line` names the whole of `target`. */
export function sameName(line: NameWord[], target: NameWord[]): boolean {
  return (
    line.length > 0 &&
    target.length > 0 &&
    quickStart(line, target) &&
    matchEnds(line, target).includes(target.length)
  );
}

/** Where the words from `at` on spell `letters` by their initials ("và" skipped inside). */
function initialsEnds(letters: string, words: NameWord[], at: number): number[] {
  const out: number[] = [];
  let spelt = "";
  for (let k = at; k < words.length; k++) {
    const key = words[k]!.key;
    if (key === "va" && spelt) continue;
    spelt += key[0] ?? "";
    if (!letters.startsWith(spelt)) break;
    if (spelt.length === letters.length) {
      // Two words or more: a word of its own initial alone is the word itself.
      if (k > at) out.push(k + 1);
      break;
    }
  }
  return out;
}

function sameKeys(keys: string[], words: NameWord[], at: number): boolean {
  return keys.every((k, n) => words[at + n]?.key === k);
}

/** A cheap first test: the first words can be the same. */
function quickStart(line: NameWord[], target: NameWord[]): boolean {
  const a = line[0]!;
  const b = target[0]!;
  return (
    a.key === b.key ||
    a.letters?.[0] === b.key[0] ||
    b.letters?.[0] === a.key[0] ||
    a.expansion?.[0] === b.key ||
    b.expansion?.[0] === a.key
  );
}

export const word = (key: string): NameWord => ({ key, letters: null, expansion: null });

/**
 * A way of writing an agency's name: its words, and whether writing it so leaves the province
 * out (then it names the agency only in a document of the same province).
 */
export interface NameForm {
  words: NameWord[];
  placeImplied: boolean;
}

const LEVELS: ReadonlyArray<readonly string[]> = [["tinh"], ["thanh", "pho"]];

/**
 * The forms of an agency's name: as registered; for a name that ends with its province ("Ủy
 * ban nhân dân tỉnh Lạng Sơn", "Báo Lạng Sơn"), without the province ("UBND tỉnh"), without
 * "tỉnh" too ("Ủy ban nhân dân Lạng Sơn"); for a name without it ("Sở Công Thương"), with it
 * after ("Sở Công Thương tỉnh Hải Dương").
 */
export function nameForms(name: string, place: string | null): NameForm[] {
  const words = nameWords(name);
  if (!place) return [{ words, placeImplied: false }];
  const placeWords = nameWords(place);
  const endsWithPlace =
    words.length > placeWords.length &&
    placeWords.every((p, n) => words[words.length - placeWords.length + n]!.key === p.key);
  if (!endsWithPlace) {
    const forms: NameForm[] = [{ words, placeImplied: true }];
    forms.push({ words: [...words, ...placeWords], placeImplied: false });
    for (const level of LEVELS)
      forms.push({ words: [...words, ...level.map(word), ...placeWords], placeImplied: false });
    return forms;
  }
  const base = words.slice(0, words.length - placeWords.length);
  const level = LEVELS.find(
    (l) => base.length > l.length && l.every((k, n) => base[base.length - l.length + n]!.key === k),
  );
  const stem = level ? base.slice(0, base.length - level.length) : base;
  const forms: NameForm[] = [
    { words, placeImplied: false },
    { words: [...stem, ...placeWords], placeImplied: false },
  ];
  if (level) {
    forms.push({ words: base, placeImplied: true });
    // "UBND" alone for the province's own: only a province's ("tỉnh"), not a city's.
    if (level[0] === "tinh") forms.push({ words: stem, placeImplied: true });
  } else {
    forms.push({ words: stem, placeImplied: true });
    forms.push({ words: [...stem, word("tinh")], placeImplied: true });
  }
  return forms;
}
