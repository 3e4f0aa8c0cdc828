import type { Rule } from "../diagnostic.ts";

/** The number or the date left blank: expected in a draft (info), an error once issued. */
export const blanks: Rule = ({ doc, context, report }) => {
  const issued = context.status === "issued";
  const severity = issued ? "error" : "info";
  const variant = issued ? "issued" : "default";
  const ref = doc.spans?.reference;
  if (ref && doc.number === null) {
    report({
      code: "blank-number",
      severity,
      start: ref[0],
      end: Math.max(ref[1], ref[0] + 1),
      params: { variant },
    });
  }
  const date = doc.spans?.date;
  if (date && (doc.dateParts.day === null || doc.dateParts.month === null)) {
    report({ code: "blank-date", severity, start: date[0], end: date[1], params: { variant } });
  }
};
