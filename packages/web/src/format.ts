/** Vietnamese conventions: dd/mm/yyyy, 24-hour times, sorting by the Vietnamese alphabet. */
export const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

import { toIsoDate } from "@vanthu/core";

export { periodLabel, viDate } from "@vanthu/core";

const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
export const viDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : "";

export const viNumber = (n: number): string => n.toLocaleString("vi-VN");

const dayInVietnam = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
/** The calendar day in Vietnam of an instant, dd/mm/yyyy. */
export const viDay = (iso: string | null | undefined): string =>
  iso ? dayInVietnam.format(new Date(iso)) : "";

const isoDayInVietnam = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
/**
 * The calendar day in Vietnam of an instant as "2026-12-02", for grouping and sorting: a report
 * sent at 01:10 on 02/12 is of 02/12, not of 01/12 as its UTC date says.
 */
export const vietnamIsoDay = (iso: string): string => isoDayInVietnam.format(new Date(iso));

/**
 * A date as people type it, day first: "3/12/2026", "03-12-2026", "3.12.26" -> "2026-12-03";
 * null when it is no date (31/02/2026 included).
 */
export function parseTypedDate(input: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})\s*$/.exec(input);
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return toIsoDate({ day: Number(m[1]), month: Number(m[2]), year });
}
