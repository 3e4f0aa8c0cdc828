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
export const repeatedWord: Rule = ({ view, report }) => {
  const text = view.clean;
  const words = [...text.matchAll(/\p{L}+/gu)];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    // Cheap tests first: most neighbours differ in length or in their folded letters.
    if (a[0].length !== b[0].length || a[0].length === 1) continue;
    const aEnd = a.index + a[0].length;
    const gap = b.index - aEnd === 1 && text[aEnd] === " " ? " " : text.slice(aEnd, b.index);
    if (gap !== " " && (!/^\s+$/u.test(gap) || gap.includes("\n\n\n"))) continue;
    const wa = a[0].toLowerCase();
    const wb = b[0].toLowerCase();
    if (wa !== wb && (foldSameLength(wa) !== foldSameLength(wb) || toneKey(wa) !== toneKey(wb)))
      continue;
    // Across a line break, capitals are header cells or headings ("TRUNG BỘ" / "BỘ XÂY DỰNG"),
    // not a typo: only lower-case words count there.
    if (gap.includes("\n") && (/^\p{Lu}/u.test(a[0]) || /^\p{Lu}/u.test(b[0]))) continue;
    if (isReduplicated(wa)) continue;
    const prev = words[i - 2];
    const next = words[i + 1];
    const prevJoined = prev && /^\s+$/u.test(text.slice(prev.index + prev[0].length, a.index));
    const nextJoined = next && /^\s+$/u.test(text.slice(b.index + b[0].length, next.index));
    if (
      prevJoined &&
      nextJoined &&
      isCompound(prev[0].toLowerCase(), wa, toneKey) &&
      isCompound(wb, next[0].toLowerCase(), toneKey)
    )
      continue;
    const safe = FUNCTION_WORDS.has(wa);
    report({
      code: "repeated-word",
      severity: "warning",
      start: a.index,
      end: b.index + b[0].length,
      params: { word: a[0] },
      ...(safe ? { fix: { start: a.index, end: b.index + b[0].length, text: a[0] } } : {}),
    });
  }
};
