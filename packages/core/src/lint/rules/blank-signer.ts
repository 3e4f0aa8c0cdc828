import type { Rule } from "../diagnostic.ts";

/**
 * A signature block without the signer's name (Decree 30/2020/NĐ-CP Điều 8: họ và tên người
 * ký). In a draft it is still to be filled in before the leader signs (warning); an issued
 * document without it is wrong (error). A text that has no signature block at all is not
 * reported: a text copied from a portal often stops before it, and the parser notes it
 * (NO_SIGNATURE); a draft composed from fields has the field, empty.
 */
export const blankSigner: Rule = ({ doc, view, context, report }) => {
  const sig = doc.signature;
  if (sig.signerName) return;
  const block = !!(sig.levels?.length || sig.authority || sig.signerTitle);
  if (!block && !context.fields) return;
  const issued = context.status === "issued";
  let start = sig.start;
  let end = sig.end;
  if (start === undefined || end === undefined) {
    // No block to point at: the last line of the text, where the name would go.
    const last = view.lines.findLast((l) => !l.blank);
    start = last?.textStart ?? 0;
    end = last?.end ?? 0;
  }
  report({
    code: "blank-signer",
    severity: issued ? "error" : "warning",
    start,
    end: Math.max(end, start + 1),
    field: "signerName",
    params: { variant: issued ? "issued" : "default" },
  });
};
