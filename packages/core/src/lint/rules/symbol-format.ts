import { isTypeCode, typeByCode } from "../../model/document-types.ts";
import { issuerKind } from "../../model/issuers.ts";
import { parseReference, type ParsedReference } from "../../model/reference.ts";
import { foldKey } from "../../text/vietnamese.ts";
import type { Rule, RuleInput } from "../diagnostic.ts";

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
  const kind = issuerKind(ref.issuerCode);
  const rest = ref.unit ? `-${ref.unit}` : "";
  if (ref.shape === "party" && kind === "state") {
    const suggestion = `${ref.number ?? ""}/${ref.typeCode}-${ref.issuerCode}${rest}`;
    report({
      code: "symbol-format",
      severity: "error",
      start,
      end,
      params: {
        variant: "party-shape-state-issuer",
        reference,
        issuer: ref.issuerCode ?? "",
        suggestion,
      },
    });
    return;
  }
  if (ref.shape === "state" && kind === "party" && ref.typeCode) {
    const suggestion = `${ref.number ?? ""}-${ref.typeCode}/${ref.issuerCode}${rest}`;
    report({
      code: "symbol-format",
      severity: "warning",
      start,
      end,
      params: {
        variant: "state-shape-party-issuer",
        reference,
        issuer: ref.issuerCode ?? "",
        suggestion,
      },
    });
    return;
  }
  if (ref.irregularSpacing && !printed.includes("\n")) {
    report({
      code: "symbol-format",
      severity: "warning",
      start,
      end,
      params: { variant: "spacing", printed, suggestion: reference },
      fix: { start, end, text: reference },
    });
  }
  // A type abbreviation written without its diacritics or in the wrong case ("QD" for "QĐ").
  const first =
    ref.shape === "party"
      ? ref.typeCode
      : reference.replace(/^[^/]*\/(?:\d{4}\/)?/, "").split("-")[0];
  if (first && !isTypeCode(first)) {
    const suggestion = CODES_BY_FOLD.get(foldKey(first));
    if (suggestion && suggestion !== first) {
      const at = printed.indexOf(first);
      report({
        code: "symbol-format",
        severity: "warning",
        start: start + at,
        end: start + at + first.length,
        params: { variant: "unknown-type", code: first, suggestion },
        fix: { start: start + at, end: start + at + first.length, text: suggestion },
      });
    }
  }
  if (!own || !doc.type) return;
  // The printed type name against the symbol's abbreviation.
  if (doc.typeSource === "line" && ref.typeCode && ref.typeCode !== "CV") {
    const named = doc.type.code;
    const partyQuyDinh =
      doc.format === "party" && ref.typeCode === "QĐ" && doc.type.name === "Quy định";
    const sameQuyDinh = named === "QYĐ" && ref.typeCode === "QĐ" && doc.format === "party";
    if (
      named !== ref.typeCode &&
      !partyQuyDinh &&
      !sameQuyDinh &&
      !(named === "TTLT" && ref.typeCode === "VBHN") &&
      ref.typeCode !== "VBHN"
    ) {
      report({
        code: "symbol-format",
        severity: "error",
        start,
        end,
        params: {
          variant: "type-mismatch",
          typeName: doc.type.name,
          code: ref.typeCode,
          codeName: typeByCode(ref.typeCode, doc.format)?.name ?? ref.typeCode,
        },
      });
    }
  }
  // Any other type carries its abbreviation: "Số: 12/UBND" under QUYẾT ĐỊNH should be "12/QĐ-UBND".
  if (
    doc.typeSource === "line" &&
    doc.type.code !== "CV" &&
    ref.shape === "state" &&
    !ref.typeCode &&
    first &&
    !isTypeCode(first) &&
    !CODES_BY_FOLD.has(foldKey(first))
  ) {
    report({
      code: "symbol-format",
      severity: "warning",
      start,
      end,
      params: {
        variant: "missing-type",
        reference,
        code: doc.type.code,
        typeName: doc.type.name,
        suggestion: `${ref.number ?? ""}/${doc.type.code}-${ref.symbol}`,
      },
    });
  }
  // A state công văn has no type abbreviation; "CV" written in one is the common slip.
  if (doc.type.code === "CV" && ref.shape === "state" && /^CV$/i.test(first ?? "")) {
    report({
      code: "symbol-format",
      severity: "warning",
      start,
      end,
      params: { variant: "cong-van-with-type", reference },
    });
  }
}
