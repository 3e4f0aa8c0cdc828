import { isRuleLine, type TextView } from "../text/lines.ts";

/**
 * The body as paragraphs, for rendering: hard-wrapped lines are joined; a paragraph ends at a
 * blank line, or where a line ends a sentence (".", ";", ":") and the next starts an item ("-",
 * "1.", "a)", "Điều"). A blank line inside a sentence (a page break: "kế" / "hoạch") is joined.
 */
export function readParagraphs(view: TextView, fromLine: number, toLine: number): string[] {
  const out: string[] = [];
  let current = "";
  let pendingBlank = false;
  const end = Math.min(toLine, view.lines.length);
  for (let i = Math.max(0, fromLine); i < end; i++) {
    const line = view.lines[i]!;
    if (line.blank) {
      if (current) pendingBlank = true;
      continue;
    }
    if (isRuleLine(line.text)) continue;
    const text = line.text.replace(/\s+/g, " ");
    const startsItem =
      /^(?:[-–+•*]\s|\d{1,2}[.)]\s|[a-zđ][).]\s|[IVXL]{1,5}[.-]\s|Điều\s+\d)/u.test(text);
    // Lines in capitals ("QUYẾT ĐỊNH:", the issuing authority) are paragraphs of their own.
    const caps = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();
    if (current && (caps(text) || caps(current))) {
      out.push(current);
      current = text;
      pendingBlank = false;
      continue;
    }
    // "Điều" alone at the end of a line, its number on the next ("Điều" / "3. Chánh Văn phòng").
    if (/^Điều$/u.test(current)) {
      current = `${current} ${text}`;
      pendingBlank = false;
      continue;
    }
    const continuesSentence =
      !startsItem && /^\p{Ll}/u.test(text) && !/[.;:!?]["”)]?$/u.test(current);
    if (
      current &&
      (continuesSentence || (!pendingBlank && !startsItem && !/[.;:!?]["”)]?$/u.test(current)))
    ) {
      current = `${current} ${text}`;
    } else {
      if (current) out.push(current);
      current = text;
    }
    pendingBlank = false;
  }
  if (current) out.push(current);
  return out;
}
