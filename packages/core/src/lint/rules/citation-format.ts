import type { Rule } from "../diagnostic.ts";

/**
 * A cited document is named in full at its first mention: type, number and symbol, date, issuer.
 * Also numeric dates written two ways in one text ("05/3/2024" and "5/3/2024").
 */
export const citationFormat: Rule = ({ doc, view, context, report }) => {
  const known = new Map(
    (context.knownDocuments ?? []).map((k) => [k.reference.replace(/\s+/g, "").toUpperCase(), k]),
  );
  for (const c of doc.citations) {
    const at = { start: c.start, end: c.end };
    const reference = c.reference;
    const normative =
      /QH\d*$/u.test(c.symbol) || c.type === "L" || c.type === "BL" || c.type === "PL";
    // A later member of a list ("..., 8563/VPCP-CN") shares the type written before the first.
    const before = view.text.slice(Math.max(0, c.start - 6), c.start);
    const listMember = /(?:,|;|và)\s*$/u.test(before);
    if ((!/^\p{L}/u.test(c.text) || /^số(?=\s|:)/iu.test(c.text)) && !listMember) {
      report({
        code: "citation-format",
        severity: "info",
        ...at,
        params: { variant: "no-type", reference },
      });
    }
    if (!c.date && !normative && !known.get(reference.toUpperCase())?.date) {
      report({
        code: "citation-format",
        severity: "info",
        ...at,
        params: { variant: "no-date", reference },
      });
    }
    if ((c.issuer === null || c.issuerInferred) && !normative && !/^\d+\/\d{4}\//.test(reference)) {
      report({
        code: "citation-format",
        severity: "info",
        ...at,
        params: { variant: "no-issuer", reference },
      });
    }
  }
  // The same day and month written with and without leading zeros.
  const seen = new Map<string, { printed: string; padded: boolean }>();
  for (const m of view.text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g)) {
    const [printed, d, mo] = m;
    if (Number(d) >= 10 && Number(mo) >= 10) continue;
    const key = `${Number(d)}/${Number(mo)}`;
    const padded = (Number(d) < 10 && d!.length === 2) || (Number(mo) < 10 && mo!.length === 2);
    const other = seen.get(key);
    if (other && other.padded !== padded) {
      report({
        code: "citation-format",
        severity: "info",
        start: m.index,
        end: m.index + printed.length,
        params: { variant: "inconsistent-dates", printed, other: other.printed },
      });
    } else if (!other) {
      seen.set(key, { printed, padded });
    }
  }
};
