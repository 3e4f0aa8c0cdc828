import { isTypeCode } from "./document-types.ts";

/**
 * Number and symbol (số và ký hiệu). Three shapes:
 * - state (Decree 30/2020/NĐ-CP Phụ lục I): `313/UBND-KGVX`, `09/KH-UBND` (type, issuer, unit);
 * - Party (Hướng dẫn 36-HD/VPTW): `103-KH/TU`, `855-CV/BTGTU`, also written `67 - HD/BTGTU`;
 * - normative (with the year): `27/2022/NĐ-CP`, `80/2015/QH13`.
 */
export type ReferenceShape = "state" | "party" | "normative";

export interface ParsedReference {
  shape: ReferenceShape;
  /** As printed with leading zeros; null when blank ("Số: /STTTT-TTBCXB"). */
  number: string | null;
  /** The year of a normative reference. */
  year: string | null;
  /** Ký hiệu without the number: "UBND-KGVX", "KH/TU", "NĐ-CP". */
  symbol: string;
  /** Normalised: no spaces, no line breaks. */
  reference: string;
  /** Type abbreviation found in the symbol, or null (a state công văn has none). */
  typeCode: string | null;
  /** The issuer's abbreviation ("UBND", "TU", "CP", "STTTT"). */
  issuerCode: string | null;
  /** Drafting unit, or the remaining segments ("KGVX", "TTBCXB"). */
  unit: string | null;
  /** True when the printed form had stray spaces or a line break inside. */
  irregularSpacing: boolean;
}

/** One symbol segment: starts with a capital letter; letters, digits, "&" ("TG&NC", "QH13"). */
const SEG = String.raw`\p{Lu}[\p{L}\d&]*`;
/** A segment may hold a dotted part in capitals ("CGC.BT"), never a sentence glued after a period. */
const SYMBOL_SEG = String.raw`${SEG}(?:\.\p{Lu}[\p{Lu}\d&]{0,5}(?![\p{Ll}\d]))?`;
// Segments joined by "-", sometimes with a space around it or a line break after it.
const SEGS = String.raw`${SYMBOL_SEG}(?:[ \t]?-(?:\n[ \t]*|[ \t])?${SYMBOL_SEG})*`;
const NUM = String.raw`\d{1,6}`;

/** Party shape: number, hyphen, type, slash, issuer. Spaces tolerated around the hyphen. */
export const PARTY_REFERENCE = String.raw`(${NUM})?[ \t]{0,2}-(?:[ \t]{0,2}|\n[ \t]*)(${SEG})[ \t]?\/[ \t]?(${SEGS})`;
/** State and normative shape: number, slash, optional year and slash, symbol. */
// A line may break after the slash ("Tờ trình số 55/" / "TTr-SVHTT"), as word processors do.
export const STATE_REFERENCE = String.raw`(${NUM})?[ \t]?\/(?:[ \t]|\n[ \t]*)?(?:(\d{4})[ \t]?\/(?:[ \t]|\n[ \t]*)?)?(${SEGS})`;

const PARTY_EXACT = new RegExp(String.raw`^\s*${PARTY_REFERENCE}`, "u");
const STATE_EXACT = new RegExp(String.raw`^\s*${STATE_REFERENCE}`, "u");

/**
 * Reads a reference at the start of `text` (trailing text is ignored). Returns null when the
 * text does not start with one. `typeless`: the document is a công văn, so a first segment that
 * looks like a type code is the issuer ("5467/CT-CS": Cục Thuế, unit CS).
 */
export function parseReference(
  text: string,
  options: { typeless?: boolean } = {},
): (ParsedReference & { length: number }) | null {
  const party = PARTY_EXACT.exec(text);
  if (party && isTypeCode(party[2]!)) {
    const [whole, number, type, issuerPart] = party;
    const issuerSegs = splitSegs(issuerPart!);
    const symbol = `${type}/${issuerSegs.join("-")}`;
    return {
      shape: "party",
      number: number ?? null,
      year: null,
      symbol,
      reference: `${number ?? ""}-${symbol}`,
      typeCode: type!,
      issuerCode: issuerSegs[0] ?? null,
      unit: issuerSegs.length > 1 ? issuerSegs.slice(1).join("-") : null,
      irregularSpacing: /\s/.test(whole.trim()),
      length: whole.length,
    };
  }
  const state = STATE_EXACT.exec(text);
  if (!state) return null;
  const [matched, number, year] = state;
  let whole = matched;
  let symbolPart = state[3]!;
  // A footnote mark glued to a normative reference ("126/2024/NĐ-CP1"): only the National
  // Assembly's codes end in digits (its term: "QH15", "UBTVQH14").
  const mark = year ? /(\p{Lu}[\p{L}&]*?)(\d{1,2})$/u.exec(symbolPart) : null;
  if (mark && !/^(?:UBTV)?QH$/u.test(mark[1]!) && /-/.test(symbolPart)) {
    symbolPart = symbolPart.slice(0, -mark[2]!.length);
    whole = whole.slice(0, -mark[2]!.length);
  }
  const segs = splitSegs(symbolPart);
  const symbol = segs.join("-");
  let typeCode: string | null = null;
  let issuerCode: string | null = null;
  let unit: string | null = null;
  if (segs.length > 1 && isTypeCode(segs[0]!) && !options.typeless) {
    typeCode = segs[0]!;
    issuerCode = segs[1]!;
    unit = segs.length > 2 ? segs.slice(2).join("-") : null;
    if (year) {
      // Joint normative documents list every issuer: "TTLT-BLĐTBXH-BNV-BTC".
      issuerCode = segs.slice(1).join("-");
      unit = null;
    }
  } else {
    issuerCode = segs[0] ?? null;
    unit = segs.length > 1 ? segs.slice(1).join("-") : null;
  }
  return {
    shape: year ? "normative" : "state",
    number: number ?? null,
    year: year ?? null,
    symbol: year ? `${symbol}` : symbol,
    reference: `${number ?? ""}/${year ? `${year}/` : ""}${symbol}`,
    typeCode,
    issuerCode,
    unit,
    irregularSpacing: /\s/.test(whole.trim()),
    length: whole.length,
  };
}

function splitSegs(s: string): string[] {
  return s
    .split("-")
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Builds a state reference from its parts: `formatReference({number:"03", typeCode:"KH", issuerCode:"UBND"})` -> "03/KH-UBND". */
export function formatReference(parts: {
  number: string | null;
  typeCode?: string | null;
  issuerCode: string;
  unit?: string | null;
  year?: string | null;
  shape?: ReferenceShape;
}): string {
  const num = parts.number ?? "";
  if (parts.shape === "party") {
    const issuer = [parts.issuerCode, parts.unit].filter(Boolean).join("-");
    return `${num}-${parts.typeCode ?? "CV"}/${issuer}`;
  }
  const symbol = [parts.typeCode, parts.issuerCode, parts.unit].filter(Boolean).join("-");
  return `${num}/${parts.year ? `${parts.year}/` : ""}${symbol}`;
}
