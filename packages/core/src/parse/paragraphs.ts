import { isRuleLine, type TextView } from "../text/lines.ts";

const ITEM = /^(?:[-–+•*]\s|\d{1,2}[.)]\s|[a-zđ][).]\s|[IVXL]{1,5}[.-]\s|Điều\s+\d)/u;
const SENTENCE_END = /[.;:!?]["”)]?$/u;

/** Capitals only ("QUYẾT ĐỊNH:", the issuing authority): such a line is a paragraph of its own. */
function isCaps(s: string): boolean {
  // An ASCII lower-case letter among the first few characters (ordinary text has one) decides
  // without a pattern; else stops at the first lower-case letter.
  for (let i = 0; i < s.length && i < 8; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);
}

/**
 * The body as paragraphs, for rendering: hard-wrapped lines are joined; a paragraph ends at a
 * blank line, or where a line ends a sentence (".", ";", ":") and the next starts an item ("-",
 * "1.", "a)", "Điều"). A blank line inside a sentence (a page break: "kế" / "hoạch") is joined.
 * Work per line is proportional to the line (the paragraph's state is kept, not recomputed).
 */
export function readParagraphs(view: TextView, fromLine: number, toLine: number): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let currentCaps = false;
  let currentEnds = false;
  let currentIsDieu = false;
  let pendingBlank = false;
  const flush = (): void => {
    if (parts.length) out.push(parts.join(" "));
    parts = [];
  };
  const start = (text: string): void => {
    flush();
    parts.push(text);
    currentCaps = isCaps(text);
    currentEnds = SENTENCE_END.test(text);
    currentIsDieu = text === "Điều";
  };
  const end = Math.min(toLine, view.lines.length);
  for (let i = Math.max(0, fromLine); i < end; i++) {
    const line = view.lines[i]!;
    if (line.blank) {
      if (parts.length) pendingBlank = true;
      continue;
    }
    const lineText = line.text;
    if (isRuleLine(lineText)) continue;
    const text = lineText.includes("  ") ? lineText.replace(/\s+/g, " ") : lineText;
    if (!parts.length) {
      start(text);
    } else if (currentIsDieu) {
      // "Điều" alone at the end of a line, its number on the next ("Điều" / "3. Chánh Văn phòng").
      parts.push(text);
      currentIsDieu = false;
      currentEnds = SENTENCE_END.test(text);
    } else if (currentCaps || isCaps(text)) {
      start(text);
    } else {
      const startsItem = ITEM.test(text);
      const lower = /^\p{Ll}/u.test(text);
      const joins = !startsItem && ((lower && !currentEnds) || (!pendingBlank && !currentEnds));
      if (joins) {
        parts.push(text);
        currentEnds = SENTENCE_END.test(text);
      } else {
        start(text);
      }
    }
    pendingBlank = false;
  }
  flush();
  return out;
}
