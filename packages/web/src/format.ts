/** Vietnamese conventions: dd/mm/yyyy, 24-hour times, sorting by the Vietnamese alphabet. */
export const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

import { toIsoDate } from "@vanthu/core";

export { periodLabel, viDate } from "@vanthu/core";

/**
 * The installation's time zone (TIME_ZONE on the server, Asia/Ho_Chi_Minh unless configured): set
 * from the signed-in session (session.ts), so that a day is the agency's day, not the browser's.
 */
let zone = "Asia/Ho_Chi_Minh";
let formats = makeFormats(zone);

function makeFormats(timeZone: string) {
  const day = { day: "2-digit", month: "2-digit", year: "numeric" } as const;
  return {
    dateTime: new Intl.DateTimeFormat("vi-VN", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      ...day,
    }),
    day: new Intl.DateTimeFormat("vi-VN", { timeZone, ...day }),
    // en-CA writes a day as yyyy-mm-dd.
    isoDay: new Intl.DateTimeFormat("en-CA", { timeZone, ...day }),
  };
}

/** Use another time zone for every date shown (an IANA name; an unknown one is ignored). */
export function setTimeZone(timeZone: string): void {
  if (timeZone === zone) return;
  try {
    formats = makeFormats(timeZone);
    zone = timeZone;
  } catch {
    // An unknown zone keeps the one in use.
  }
}

export const viDateTime = (iso: string | null | undefined): string =>
  iso ? formats.dateTime.format(new Date(iso)) : "";

export const viNumber = (n: number): string => n.toLocaleString("vi-VN");

/** The calendar day of an instant in the agency's time zone, dd/mm/yyyy. */
export const viDay = (iso: string | null | undefined): string =>
  iso ? formats.day.format(new Date(iso)) : "";

/**
 * The calendar day of an instant in the agency's time zone as "2026-12-02", for grouping and
 * sorting: a report sent at 01:10 on 02/12 in Vietnam is of 02/12, not of 01/12 as its UTC date says.
 */
export const localIsoDay = (iso: string): string => formats.isoDay.format(new Date(iso));

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
