import { setToneStyle } from "../../text/tone-style.ts";
import { toneStyleOf, type ToneStyle } from "../../text/vietnamese.ts";
import type { Rule } from "../diagnostic.ts";

const codes = (letters: string) => new Set([...letters].map((c) => c.charCodeAt(0)));
const FIRST = codes("oòóỏõọuùúủũụOÒÓỎÕỌUÙÚỦŨỤ");
const SECOND = codes("aàáảãạeèéẻẽẹyỳýỷỹỵAÀÁẢÃẠEÈÉẺẼẸYỲÝỶỸỴ");

const NAME: Record<ToneStyle, string> = { old: "cũ (hòa, thủy)", new: "mới (hoà, thuỷ)" };

/**
 * Old ("hòa", "ủy") and new ("hoà", "uỷ") tone placement mixed in one document: the words in the
 * minority style are reported, with the majority spelling as a safe fix.
 */
export const toneMarkStyle: Rule = ({ view, words, report }) => {
  const found: Array<{ word: string; index: number; style: ToneStyle }> = [];
  const text = view.text;
  const { count, start, end } = words;
  // Only words ending in a vowel pair oa, oe or uy can show a style: checked on their last letters.
  for (let i = 0; i < count; i++) {
    const a = start[i]!;
    const b = end[i]!;
    if (b - a < 2 || !SECOND.has(text.charCodeAt(b - 1)) || !FIRST.has(text.charCodeAt(b - 2)))
      continue;
    const w = text.slice(a, b);
    const style = toneStyleOf(w);
    if (style) found.push({ word: w, index: a, style });
  }
  const oldCount = found.filter((f) => f.style === "old").length;
  const newCount = found.length - oldCount;
  if (!oldCount || !newCount) return;
  const majority: ToneStyle = newCount > oldCount ? "new" : "old";
  for (const f of found) {
    if (f.style === majority) continue;
    const suggestion = setToneStyle(f.word, majority);
    if (suggestion === f.word) continue;
    report({
      code: "tone-mark-style",
      severity: "info",
      start: f.index,
      end: f.index + f.word.length,
      params: { word: f.word, style: NAME[f.style], majority: NAME[majority], suggestion },
      fix: { start: f.index, end: f.index + f.word.length, text: suggestion },
    });
  }
};
