/**
 * Working days (ngày làm việc): Monday to Friday, less the days off an agency lists (Tết, the
 * national holidays and the days given in exchange). A processing deadline of N working days
 * counts from the day after the document arrived. Pure calendar arithmetic on "YYYY-MM-DD" days
 * (core has no clock and no Date).
 */
import { isIsoDate } from "../model/dates.ts";

/** Days since 1970-01-01 of a civil day (proleptic Gregorian; H. Hinnant's algorithm). */
export function dayNumber(iso: string): number {
  const [y0, m, d] = iso.split("-").map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The civil day of a day number (the inverse of dayNumber). */
export function dayOfNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The day `days` calendar days after `iso` (before it when negative). */
export function addCalendarDays(iso: string, days: number): string {
  return dayOfNumber(dayNumber(iso) + days);
}

/** 0 Sunday ... 6 Saturday. */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

/** The agency's days off besides weekends, as a set of "YYYY-MM-DD". */
export type Holidays = ReadonlySet<string> | readonly string[];

const asSet = (h: Holidays): ReadonlySet<string> => (h instanceof Set ? h : new Set(h));

export function isWorkingDay(iso: string, holidays: Holidays = []): boolean {
  const w = weekday(iso);
  return w !== 0 && w !== 6 && !asSet(holidays).has(iso);
}

/**
 * The day that is the `days`-th working day after `from` (which itself does not count): 1
 * working day from a Friday is the Monday after. 0 gives `from` itself.
 */
export function addWorkingDays(from: string, days: number, holidays: Holidays = []): string {
  if (!isIsoDate(from)) throw new RangeError(`not a day: ${from}`);
  const off = asSet(holidays);
  let n = dayNumber(from);
  // Bounded: a year of days off in a row would be a configuration error, not a loop forever.
  for (let left = Math.max(0, Math.floor(days)), guard = 0; left > 0 && guard < 4000; guard++) {
    n++;
    if (isWorkingDay(dayOfNumber(n), off)) left--;
  }
  return dayOfNumber(n);
}

/**
 * How many working days `day` is past `due`: 0 on or before the due day; a document due on a
 * Friday and still open on the Monday is 1 working day late.
 */
export function workingDaysLate(due: string, day: string, holidays: Holidays = []): number {
  const off = asSet(holidays);
  const start = dayNumber(due);
  const end = dayNumber(day);
  let late = 0;
  for (let n = start + 1; n <= end && n - start <= 4000; n++)
    if (isWorkingDay(dayOfNumber(n), off)) late++;
  return late;
}
