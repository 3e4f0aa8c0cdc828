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
    if (length !== bEnd - bStart || length === 1) continue;
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
