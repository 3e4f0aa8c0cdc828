import type { DateParts } from "./parsed-document.ts";

/** Days in a month of a given year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the parts form a real calendar date in a plausible range for official documents. */
export function isValidDate(day: number, month: number, year: number): boolean {
  return (
    year >= 1900 &&
    year <= 2199 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** "2018-03-26" when day, month and year are all present and valid, else null. */
export function toIsoDate(parts: DateParts): string | null {
  const { day, month, year } = parts;
  if (day === null || month === null || year === null) return null;
  if (!isValidDate(day, month, year)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A calendar day written "YYYY-MM-DD" that exists. */
export function isIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return !!m && isValidDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/**
 * What is wrong with the day a received document is said to have arrived (ngày đến, the first
 * column of the incoming register, ND30 Phụ lục IV): not a day, a day still to come (`today` is
 * the day in Vietnam), or a day before the document was dated; null when it can be registered.
 */
export function arrivalDateProblem(
  arrived: string,
  on: { today: string; documentDate: string | null },
): "INVALID_DATE" | "ARRIVAL_IN_FUTURE" | "ARRIVAL_BEFORE_DOCUMENT" | null {
  if (!isIsoDate(arrived)) return "INVALID_DATE";
  if (arrived > on.today) return "ARRIVAL_IN_FUTURE";
  if (on.documentDate && arrived < on.documentDate) return "ARRIVAL_BEFORE_DOCUMENT";
  return null;
}

/** "2026-12-03" (or an ISO instant's date part) as people write it: "03/12/2026". */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = iso.slice(0, 10);
  // Anything but an ISO day is shown as it is: "20/11/2026" read as ISO came out "26//2/20/1".
  if (!/^\d{4}-\d\d-\d\d$/.test(d)) return iso;
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/**
 * A reporting period as people say it: "2026-Q4" -> "Quý IV/2026", "2026-H2" -> "6 tháng cuối
 * năm 2026", "2026-11" -> "Tháng 11/2026", "2026" -> "Năm 2026".
 */
export function periodLabel(p: string): string {
  const roman = ["I", "II", "III", "IV"];
  let m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) return `Quý ${roman[Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(p);
  if (m) return `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `Tháng ${Number(m[2])}/${m[1]}`;
  if (/^\d{4}$/.test(p)) return `Năm ${p}`;
  if (p === "once") return "Một lần";
  if (p === "on-request") return "Khi có yêu cầu";
  return p;
}

/** Digits possibly split by one space, as OCR and flattened tables print them ("0 6"). */
function readNumber(s: string | undefined): number | null {
  if (s === undefined) return null;
  const digits = s.replace(/\s/g, "");
  return digits ? Number(digits) : null;
}

/**
 * The written date of a header: "ngày 26 tháng 3 năm 2018", "ngày   tháng 01 năm 2022" and
 * "ngày ..... tháng ..... năm 2026" (drafts),
 * "ngày 26\ntháng 11", "tháng12", "tháng 0 6". Matched at the start of `text`.
 */
export const WRITTEN_DATE = String.raw`ngày[ \t\n.…_]*(\d(?: ?\d)?)?[ \t\n.…_]*(?:\/[ \t]*)?tháng[ \t\n.…_]*(\d(?: ?\d)?)?[ \t\n.…_]*(?:\/[ \t]*)?năm[ \t\n]*(\d{4})?`;
const WRITTEN_DATE_RE = new RegExp(`^${WRITTEN_DATE}`, "iu");
/** "ngày 05/3/2024" in a header: not the decree's form, but seen. */
const NUMERIC_HEADER_DATE_RE =
  /^ngày[ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4})/iu;

/** A numeric date: "21/3/2023", "21/03/2023", "21-3-2023", "21.3.2023". */
export const NUMERIC_DATE = String.raw`(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})`;

export function parseWrittenDate(text: string): (DateParts & { length: number }) | null {
  const n = NUMERIC_HEADER_DATE_RE.exec(text);
  if (n) return { day: Number(n[1]), month: Number(n[2]), year: Number(n[3]), length: n[0].length };
  const m = WRITTEN_DATE_RE.exec(text);
  if (!m) return null;
  return {
    day: readNumber(m[1]),
    month: readNumber(m[2]),
    year: readNumber(m[3]),
    length: m[0].length,
  };
}
