import type { Section } from "../model/parsed-document.ts";
import { lazyProperty } from "../lazy-property.ts";
import { lineTextStart, nextNonBlank, type TextView } from "../text/lines.ts";

type Scheme = "roman" | "article" | "arabic";

const ROMAN = /^([IVXL]{1,6})\s*[.\-–)]\s*/u;
const ARTICLE = /^Điều\s+(\d{1,3})\s*[.:]?\s*/u;
const ARABIC = /^(\d{1,2})\s*[.)](?!\d)\s*/u;

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanToInt(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

interface Label {
  scheme: Scheme;
  label: string;
  value: number;
  /** Characters of the line taken by the label. */
  length: number;
  /** The label continues onto the next line ("Điều" / "4. ..."). */
  spansNextLine?: boolean;
}

function readLabel(text: string, nextText: string | undefined): Label | null {
  // Most lines start with none of "Đ", a digit or a roman numeral: decided on the first letter.
  const c = text.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 0x110 && c !== 73 && c !== 86 && c !== 88 && c !== 76) return null;
  let m = ARTICLE.exec(text);
  if (m)
    return { scheme: "article", label: `Điều ${m[1]}`, value: Number(m[1]), length: m[0].length };
  if (/^Điều$/u.test(text) && nextText) {
    const n = /^(\d{1,3})\s*[.:]\s*/.exec(nextText);
    if (n)
      return {
        scheme: "article",
        label: `Điều ${n[1]}`,
        value: Number(n[1]),
        length: text.length,
        spansNextLine: true,
      };
  }
  m = ROMAN.exec(text);
  if (m && /^\S/u.test(text.slice(m[0].length)))
    return { scheme: "roman", label: m[1]!, value: romanToInt(m[1]!), length: m[0].length };
  m = ARABIC.exec(text);
  if (m && /^\S/u.test(text.slice(m[0].length)))
    return { scheme: "arabic", label: m[1]!, value: Number(m[1]), length: m[0].length };
  return null;
}

/**
 * Numbered items of the body at the top level: the numbering of the first item ("I.", "Điều 1.",
 * "1.") sets the level, and only the next number in sequence opens a new item, so nested "1."
 * under "I." and numbers in running text stay inside their item.
 */
export function readSections(view: TextView, fromLine: number, toLine: number): Section[] {
  const sections: Section[] = [];
  let scheme: Scheme | null = null;
  let expected = 1;
  // The item's text is read once from the text itself, between its first text offset and its
  // end: cheaper than gathering its lines and joining them.
  let current: {
    label: string;
    title: string | null;
    textStart: number;
    start: number;
    end: number;
  } | null = null;
  const close = (): void => {
    if (!current) return;
    const { textStart, end } = current;
    const section: Section = {
      label: current.label,
      title: current.title,
      text: "",
      start: current.start,
      end,
    };
    // The text (one pass over the item) is read on first use; JSON output includes it.
    lazyProperty(section, "text", () =>
      textStart < end
        ? view.clean
            .slice(textStart, end)
            .replace(/[^\S ]\s*| \s+/g, " ")
            .trim()
        : "",
    );
    sections.push(section);
    current = null;
  };
  const end = Math.min(toLine, view.lines.length);
  for (let i = Math.max(0, fromLine); i < end; i++) {
    const line = view.lines[i]!;
    if (line.blank) continue;
    const label = readLabel(line.text, view.lines[i + 1]?.text);
    if (
      label &&
      (scheme === null ? label.value === 1 : label.scheme === scheme && label.value === expected)
    ) {
      scheme = label.scheme;
      close();
      let rest = line.text.slice(label.length).trim();
      let restLine = line;
      let restOffset = lineTextStart(line) + label.length;
      if (label.spansNextLine) {
        i++;
        restLine = view.lines[i]!;
        const prefix = /^\d{1,3}\s*[.:]\s*/.exec(restLine.text)?.[0] ?? "";
        rest = restLine.text.slice(prefix.length);
        restOffset = lineTextStart(restLine) + prefix.length;
      }
      const next = nextNonBlank(view.lines, i + 1, i + 4);
      // A hard-wrapped paragraph continues in lower case on the next line: not a heading.
      const heading = isHeading(rest) && !(next && /^\p{Ll}/u.test(next.text));
      current = {
        label: label.label,
        title: heading ? rest.replace(/\s*:\s*$/, "") : null,
        textStart: heading ? restLine.end : restOffset,
        start: lineTextStart(line),
        end: restLine.end,
      };
      expected = label.value + 1;
      continue;
    }
    if (current) (current as { end: number }).end = line.end;
  }
  close();
  return sections;
}

/** A heading: short, not a finished sentence (no final "." or ";"), or ending with ":". */
function isHeading(text: string): boolean {
  if (!text) return false;
  if (/:\s*$/.test(text)) return text.length <= 200;
  return text.length <= 300 && !/[.;]\s*$/.test(text);
}
