import { foldSameLength, toneKey } from "../../text/vietnamese.ts";
import { isCompound, isReduplicated } from "../compounds.ts";
import type { Rule } from "../diagnostic.ts";

/** Function words whose doubling is always a typo: the second one can be deleted safely. */
const FUNCTION_WORDS = new Set([
  "của",
  "và",
  "các",
  "những",
  "hoặc",
  "để",
  "được",
  "đã",
  "là",
  "có",
  "cho",
  "với",
  "trong",
  "từ",
  "theo",
  "tại",
  "về",
  "số",
  "này",
  "đó",
  "thì",
  "mà",
  "nhưng",
]);

/**
 * For each unit below 0x2000: foldSameLength of its lower case; 0 where lower-casing the unit
 * alone may not give what lower-casing a word gives (a lower case of two units as for "İ", the
 * final sigma, one above 0x2000).
 */
const LOWER_FOLD = (() => {
  const table = new Uint16Array(0x2000);
  for (let c = 1; c < 0x2000; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length !== 1 || c === 0x3a3 || lower.charCodeAt(0) >= 0x2000) continue;
    table[c] = foldSameLength(lower).charCodeAt(0);
  }
  return table;
})();

/**
 * Whether two runs of `length` units surely differ both in lower case and without diacritics:
 * some unit, lower-cased and folded, differs (false when it cannot tell from the units alone).
 * Most neighbours of one length are told apart here, without a string made.
 */
function surelyDiffer(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x === y) continue;
    const fx = x < 0x2000 ? LOWER_FOLD[x]! : 0;
    const fy = y < 0x2000 ? LOWER_FOLD[y]! : 0;
    if (!fx || !fy) return false;
    if (fx !== fy) return true;
  }
  return false;
}

/**
 * The same syllable twice in a row ("truyền truyền", "Sở Sở"), across a line break too, unless the
 * pair is a word ("song song", "dần dần") or two words meet on it ("hành vi vi phạm").
 */
export const repeatedWord: Rule = ({ view, words, report }) => {
  const text = view.clean;
  const { count, start, end } = words;
  const word = (i: number) => text.slice(start[i], end[i]);
  const spaces = (from: number, to: number) => from < to && /^\s+$/u.test(text.slice(from, to));
  for (let i = 1; i < count; i++) {
    const aStart = start[i - 1]!;
    const aEnd = end[i - 1]!;
    const bStart = start[i]!;
    const bEnd = end[i]!;
    const length = aEnd - aStart;
    // Cheap tests first: most neighbours differ in length or in their folded letters.
    if (length !== bEnd - bStart || length === 1 || surelyDiffer(text, aStart, bStart, length))
      continue;
    const gap = bStart - aEnd === 1 && text[aEnd] === " " ? " " : text.slice(aEnd, bStart);
    if (gap !== " " && (!/^\s+$/u.test(gap) || gap.includes("\n\n\n"))) continue;
    const a = word(i - 1);
    const b = word(i);
    const wa = a.toLowerCase();
    const wb = b.toLowerCase();
    if (wa !== wb && (foldSameLength(wa) !== foldSameLength(wb) || toneKey(wa) !== toneKey(wb)))
      continue;
    // Across a line break, capitals are header cells or headings ("TRUNG BỘ" / "BỘ XÂY DỰNG"),
    // not a typo: only lower-case words count there.
    if (gap.includes("\n") && (/^\p{Lu}/u.test(a) || /^\p{Lu}/u.test(b))) continue;
    if (isReduplicated(wa)) continue;
    const prevJoined = i >= 2 && spaces(end[i - 2]!, aStart);
    const nextJoined = i + 1 < count && spaces(bEnd, start[i + 1]!);
    if (
      prevJoined &&
      nextJoined &&
      isCompound(word(i - 2).toLowerCase(), wa, toneKey) &&
      isCompound(wb, word(i + 1).toLowerCase(), toneKey)
    )
      continue;
    const safe = FUNCTION_WORDS.has(wa);
    report({
      code: "repeated-word",
      severity: "warning",
      start: aStart,
      end: bEnd,
      params: { word: a },
      ...(safe ? { fix: { start: aStart, end: bEnd, text: a } } : {}),
    });
  }
};
