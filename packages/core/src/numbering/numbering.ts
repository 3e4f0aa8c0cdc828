/**
 * Numbering rules of the registers (sổ văn bản). State bodies: numbers start at 01 on 1 January
 * in one register for all types (Decree 30/2020/NĐ-CP, Điều 15 and Phụ lục I). Party bodies:
 * per type within a term (Hướng dẫn 36-HD/VPTW), or yearly when an agency chooses so.
 * Pure: the date comes in as an argument.
 */
import { DomainError } from "../errors.ts";

export type Numbering = "yearly" | "term-per-type";
export type DocumentFormat = "state" | "party";

export interface RegisterKey {
  /** "2026", or "term:2020-2025". */
  period: string;
  /** "" when one register holds every type. */
  typeCode: string;
}

/** Which register numbers a document issued on `date` (YYYY-MM-DD). */
export function registerKey(
  rule: { numbering: Numbering; term: string | null },
  date: string,
  typeCode: string | null,
): RegisterKey {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(date)?.[1];
  if (!year) throw new DomainError("INVALID_DATE", `not a date: ${date}`, { date });
  if (rule.numbering === "term-per-type") {
    if (!rule.term) throw new DomainError("NO_TERM", "a term-numbered agency has no current term");
    return { period: `term:${rule.term}`, typeCode: typeCode ?? "CV" };
  }
  return { period: year, typeCode: "" };
}

/** A register number as printed: 01 to 09 with a leading zero (ND30 Phụ lục I). */
export function formatSequence(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a register number: ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The symbol (ký hiệu) of a new document. State: "KH-UBND" for a typed document, "STTTT-TTBCXB"
 * for a công văn (issuer and drafting unit). Party: "KH/TU", "CV/TU".
 */
export function composeSymbol(input: {
  format: DocumentFormat;
  typeCode: string;
  issuer: string;
  unit?: string | null;
}): string {
  const { format, typeCode, issuer, unit } = input;
  if (format === "party") return `${typeCode}/${issuer}`;
  if (typeCode === "CV") return unit ? `${issuer}-${unit}` : issuer;
  return `${typeCode}-${issuer}`;
}

/** Number and symbol: "05/KH-UBND" (state), "05-KH/TU" (Party). */
export function composeReference(format: DocumentFormat, number: string, symbol: string): string {
  return format === "party" ? `${number}-${symbol}` : `${number}/${symbol}`;
}
