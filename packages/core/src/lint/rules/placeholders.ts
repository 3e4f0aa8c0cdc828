import type { Rule, RuleInput } from "../diagnostic.ts";

/**
 * What a template leaves for the author to replace, still in the document: bracketed text in a
 * template's style ("[Tên cơ quan]", "[trích yếu nội dung công văn]", "[...]"), a run of dots
 * where a value belongs ("Kính gửi: …………", "- ...;", "ông (bà) ........"), a day left as dots
 * ("ngày ... tháng ... năm") and a cited document's number left as dots ("số ..../QĐ-UBND").
 * An error, in a draft too: nothing but the author fills them (the number and the day of the
 * document itself, which the clerk fills at issuing, are the blank-number/blank-date rules').
 *
 * Quiet on what real documents print: footnote marks and formulas in brackets ("[1]",
 * "[(3 năm - 2 năm) x 800.000 đồng]"), a markdown link, the "[email protected]" a web page
 * leaves for a hidden address (English words), the "..." closing a list, the "…" of a quoted
 * law's omitted clauses, and the blanks of a form annexed after the signature (a form is meant to
 * be filled by its reader).
 */
export const placeholders: Rule = (input) => {
  const { view, report } = input;
  const end = mainEnd(input);
  // What each pass found (and the header's lines), each sorted and without overlaps: a later
  // pass skips what an earlier one reported ("[...]" is not also a run of dots).
  const brackets: Array<[number, number]> = [];
  const dates: Array<[number, number]> = [];
  const header = headerLines(input);
  const found = (into: Array<[number, number]>, start: number, stop: number, variant: string) => {
    into.push([start, stop]);
    const shown = view.text.slice(start, stop).replace(/\s+/g, " ");
    report({
      code: "placeholder",
      severity: "error",
      start,
      end: stop,
      params: { variant, text: shown.length > 80 ? `${shown.slice(0, 79)}…` : shown },
    });
  };
  const free = (start: number, stop: number) =>
    ![brackets, dates, header].some((spans) => overlaps(spans, start, stop));
  const text = view.clean.slice(0, end);

  for (const m of text.matchAll(BRACKET)) {
    const inner = m[1]!.trim();
    const start = m.index;
    const stop = start + m[0].length;
    if (text[stop] === "(" || text[start - 1] === "!") continue; // a markdown link or image
    if (/^[.…\s]*[.…][.…\s]*$/.test(inner) || isTemplateWords(inner))
      found(brackets, start, stop, "bracket");
  }
  const folded = view.folded.slice(0, end);
  for (const m of folded.matchAll(BLANK_DATE)) {
    if (!/[.…_]/.test(m[0]) || !free(m.index, m.index + m[0].length)) continue;
    found(dates, m.index, m.index + m[0].trimEnd().length, "date");
  }
  const runs: Array<[number, number]> = [];
  for (const m of text.matchAll(DOTS)) {
    const start = m.index;
    const stop = start + m[0].length;
    if (!free(start, stop)) continue;
    // The words around it on its line, a few dozen characters each way (bounded: a text of one
    // long line costs no more than one of many).
    const back = text.slice(Math.max(0, start - 80), start);
    const before = back.slice(back.lastIndexOf("\n") + 1);
    const ahead = text.slice(stop, stop + 41);
    const nl = ahead.indexOf("\n");
    const after = nl < 0 ? ahead : ahead.slice(0, nl);
    const lineEnds = nl >= 0 || stop + after.length >= text.length;
    if (/(?:^|[^\p{L}])số\s*:?\s*$/iu.test(before) && /^\s*[/-]/.test(after)) {
      found(runs, start, stop, "number");
      continue;
    }
    const dots = [...m[0]].reduce((n, c) => n + (c === "…" ? 3 : 1), 0);
    // A value left as dots: after a label ("Địa điểm: ...") or as a whole list item ("- ...;").
    const valueAt =
      dots >= 2 &&
      lineEnds &&
      /^[\s;,.]*$/.test(after) &&
      (/\p{L}[^:\n]{0,60}:\s*$/u.test(before) || /^\s*[-–+•]\s*$/.test(before));
    if (dots >= 5 || valueAt) found(runs, start, stop, "dots");
  }
};

/** Whether [start, stop) overlaps one of `spans` (sorted, not overlapping one another). */
function overlaps(spans: ReadonlyArray<[number, number]>, start: number, stop: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] < stop) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last >= 0 && spans[last]![1] > start;
}

const BRACKET = /\[([^[\]\n]{1,160})\]/g;
const DOTS = /[.…]{2,}|…/g;
const BLANK = String.raw`(?:…|\.{2,}|_{2,})[.…_]*`;
const BLANK_DATE = new RegExp(
  String.raw`\bngay\s*(?:${BLANK}|\d{1,2})\s*thang\s*(?:${BLANK}|\d{1,2})\s*nam\b(?:\s*${BLANK})?`,
  "g",
);

/**
 * Words in a template's style: Vietnamese words and their punctuation, no digits (a footnote
 * mark, a formula, a cross-reference), beginning with a letter; not the "đã ký" of an electronic
 * copy's signature.
 */
function isTemplateWords(inner: string): boolean {
  return (
    /^\p{L}[\p{L}\p{M}\s,;:/()'"“”.…–-]*$/u.test(inner) &&
    /[^\p{ASCII}]/u.test(inner) &&
    !/^đã\s+k[ýí](?!\p{L})/iu.test(inner)
  );
}

/**
 * Where the document itself ends: after its signature and Nơi nhận (what follows is an annex:
 * a form to fill, a list); the whole text when it was composed from fields or has neither.
 */
function mainEnd({ doc, view, context }: RuleInput): number {
  if (context.fields) return view.text.length;
  let end = doc.signature.end ?? 0;
  const lines = view.lines;
  const noiNhan = lines.findIndex((l) => /^(?:[-–]\s*)?noi nhan\b/.test(l.folded));
  if (noiNhan >= 0)
    for (let i = noiNhan + 1; i < Math.min(lines.length, noiNhan + 80); i++)
      if (/^[-–+•]?\s*luu\b/.test(lines[i]!.folded)) {
        end = Math.max(end, lines[i]!.end);
        break;
      }
  return end || view.text.length;
}

/** The number line and the date line of the document itself: the blanks rules' own. */
function headerLines({ doc, view }: RuleInput): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const span of [doc.spans?.reference, doc.spans?.date]) {
    if (!span) continue;
    const line = view.lines.find((l) => l.start <= span[0] && span[0] <= l.end);
    if (line) out.push([line.start, line.end]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
