import { isTypeCode, typeByCode } from "../../model/document-types.ts";
import { issuerKind } from "../../model/issuers.ts";
import { parseReference, type ParsedReference } from "../../model/reference.ts";
import { foldKey } from "../../text/vietnamese.ts";
import type { Fix, Rule, RuleInput, Severity } from "../diagnostic.ts";

/** Every type abbreviation, folded, to recognise "QD" for "QĐ". */
const CODES_BY_FOLD = new Map<string, string>();
for (const code of [
  "NQ",
  "QĐ",
  "CT",
  "QC",
  "QYĐ",
  "TC",
  "TB",
  "HD",
  "CTr",
  "KH",
  "PA",
  "ĐA",
  "DA",
  "BC",
  "BB",
  "TTr",
  "HĐ",
  "CĐ",
  "GN",
  "TTh",
  "GUQ",
  "GM",
  "GGT",
  "GNP",
  "PG",
  "PC",
  "PB",
  "KL",
  "NĐ",
  "TTLT",
]) {
  CODES_BY_FOLD.set(foldKey(code), code);
}

/**
 * Number and symbol against Decree 30/2020/NĐ-CP (state: `09/KH-UBND`) and Hướng dẫn 36-HD/VPTW
 * (Party: `103-KH/TU`), for the document's own reference and every citation's first mention.
 */
export const symbolFormat: Rule = (input) => {
  const { doc, view } = input;
  const own = doc.spans?.reference;
  if (own && doc.reference) {
    const printed = view.text.slice(own[0], own[1]);
    const ref = parseReference(printed, { typeless: doc.typeSource === "vv" });
    if (ref) check(input, ref, printed, own[0], true);
  }
  for (const c of doc.citations) {
    // The printed reference inside the first mention.
    const span = view.text.slice(c.start, c.end);
    const at = span.search(new RegExp(`(?<![\\d/])${c.number}\\s{0,2}[-/]`, "u"));
    if (at === -1) continue;
    const printed = span.slice(at);
    const ref = parseReference(printed);
    if (ref) check(input, ref, printed.slice(0, ref.length), c.start + at, false);
  }
};

function check(
  input: RuleInput,
  ref: ParsedReference,
  printed: string,
  start: number,
  own: boolean,
): void {
  const { doc, report } = input;
  const end = start + printed.length;
  const reference = ref.reference;
  const flag = (
    severity: Severity,
    params: Record<string, string>,
    fix?: Fix,
    at = { start, end },
  ): void => report({ code: "symbol-format", severity, ...at, params, ...(fix ? { fix } : {}) });
  const kind = issuerKind(ref.issuerCode);
  const rest = ref.unit ? `-${ref.unit}` : "";
  const issuer = ref.issuerCode ?? "";
  if (ref.shape === "party" && kind === "state") {
    const suggestion = `${ref.number ?? ""}/${ref.typeCode}-${issuer}${rest}`;
    return flag("error", { variant: "party-shape-state-issuer", reference, issuer, suggestion });
  }
  if (ref.shape === "state" && kind === "party" && ref.typeCode) {
    const suggestion = `${ref.number ?? ""}-${ref.typeCode}/${issuer}${rest}`;
    return flag("warning", { variant: "state-shape-party-issuer", reference, issuer, suggestion });
  }
  if (ref.irregularSpacing && !printed.includes("\n")) {
    flag(
      "warning",
      { variant: "spacing", printed, suggestion: reference },
      { start, end, text: reference },
    );
  }
  // A type abbreviation written without its diacritics or in the wrong case ("QD" for "QĐ").
  const first =
    ref.shape === "party"
      ? ref.typeCode
      : reference.replace(/^[^/]*\/(?:\d{4}\/)?/, "").split("-")[0];
  if (first && !isTypeCode(first)) {
    const suggestion = CODES_BY_FOLD.get(foldKey(first));
    if (suggestion && suggestion !== first) {
      const at = {
        start: start + printed.indexOf(first),
        end: start + printed.indexOf(first) + first.length,
      };
      flag(
        "warning",
        { variant: "unknown-type", code: first, suggestion },
        { ...at, text: suggestion },
        at,
      );
    }
  }
  if (!own || !doc.type) return;
  // The printed type name against the symbol's abbreviation (Party "QĐ" also stands for Quy định;
  // a consolidated text, VBHN, keeps the type of what it consolidates).
  const named = doc.type.code;
  const partyQuyDinh =
    doc.format === "party" &&
    ref.typeCode === "QĐ" &&
    (named === "QYĐ" || doc.type.name === "Quy định");
  if (
    doc.typeSource === "line" &&
    ref.typeCode &&
    ref.typeCode !== "CV" &&
    ref.typeCode !== "VBHN" &&
    named !== ref.typeCode &&
    !partyQuyDinh
  ) {
    const codeName = typeByCode(ref.typeCode, doc.format)?.name ?? ref.typeCode;
    flag("error", {
      variant: "type-mismatch",
      typeName: doc.type.name,
      code: ref.typeCode,
      codeName,
    });
  }
  // Any other type carries its abbreviation: "Số: 12/UBND" under QUYẾT ĐỊNH should be "12/QĐ-UBND".
  if (
    doc.typeSource === "line" &&
    named !== "CV" &&
    ref.shape === "state" &&
    !ref.typeCode &&
    first &&
    !isTypeCode(first) &&
    !CODES_BY_FOLD.has(foldKey(first))
  ) {
    const suggestion = `${ref.number ?? ""}/${named}-${ref.symbol}`;
    flag("warning", {
      variant: "missing-type",
      reference,
      code: named,
      typeName: doc.type.name,
      suggestion,
    });
  }
  // A state công văn has no type abbreviation; "CV" written in one is the common slip.
  if (named === "CV" && ref.shape === "state" && /^CV$/i.test(first ?? "")) {
    flag("warning", { variant: "cong-van-with-type", reference });
  }
}
