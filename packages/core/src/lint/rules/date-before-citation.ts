import type { Rule } from "../diagnostic.ts";

/**
 * A document cannot carry out or cite a document issued after it: the date (or the year) is
 * wrong, typically last year's template. Also a year in the subject after the year of issue.
 */
export const dateBeforeCitation: Rule = ({ doc, view, report }) => {
  const year = doc.dateParts.year;
  if (year === null) return;
  for (const c of doc.citations) {
    if (!c.date) continue;
    const citedYear = Number(c.date.slice(0, 4));
    if (doc.date && c.date > doc.date) {
      report({
        code: "date-before-citation",
        severity: "error",
        start: c.start,
        end: c.end,
        params: { date: vi(doc.date), reference: c.reference, citedDate: vi(c.date) },
      });
    } else if (!doc.date && citedYear > year) {
      report({
        code: "date-before-citation",
        severity: "error",
        start: c.start,
        end: c.end,
        params: {
          variant: "year",
          year: String(year),
          reference: c.reference,
          citedYear: String(citedYear),
        },
      });
    }
  }
  // "năm 2019" in the subject of a document of 2018 (not "đến năm 2030", "giai đoạn 2021-2025").
  const span = doc.spans?.subject;
  if (!doc.subject || !span) return;
  const month = doc.dateParts.month ?? 1;
  for (const m of doc.subject.matchAll(
    /(?<!(?:đến|tới|giai đoạn|đoạn)\s)năm\s+(\d{4})(?!\s*[-–])/giu,
  )) {
    const mentioned = Number(m[1]);
    if (mentioned > year && (month <= 9 || mentioned > year + 1)) {
      const at = view.text.indexOf(m[0], span[0]);
      const start = at >= 0 && at < span[1] ? at : span[0];
      report({
        code: "date-before-citation",
        severity: "warning",
        start,
        end: start + m[0].length,
        params: { variant: "subject", mentioned: String(mentioned), year: String(year) },
      });
    }
  }
};

function vi(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
