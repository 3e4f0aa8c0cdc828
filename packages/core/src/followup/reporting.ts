/**
 * Follow-through: what a directive asks its addressees to do and when to report. The numbered
 * items become tasks; the reporting cycle and deadline are read from the text where stated
 * ("định kỳ hàng quý, 06 tháng, 01 năm" -> quarterly, half-yearly and yearly; "khi có yêu cầu" ->
 * on request; "trước ngày 15/12/2025" -> a deadline). Periods and their due dates are computed
 * from dates given as arguments: core has no clock.
 */
import { foldSameLength } from "../text/vietnamese.ts";

export const CYCLES = [
  "once",
  "on-request",
  "monthly",
  "quarterly",
  "half-yearly",
  "yearly",
] as const;
export type Cycle = (typeof CYCLES)[number];

/** Cycles that stand alone: a report made once, or when asked, is no periodic report. */
const ALONE: readonly Cycle[] = ["once", "on-request"];

/**
 * Whether cycles go together: periodic ones combine ("quarterly" and "yearly"), "once" and
 * "on-request" stand alone.
 */
export function cyclesCombine(cycles: readonly Cycle[]): boolean {
  return cycles.length <= 1 || !cycles.some((c) => ALONE.includes(c));
}

/**
 * The cycles after a person picks `next` from `previous`: the cycle just added wins over those it
 * cannot go with (picking "Một lần" clears "Hằng quý", picking "Hằng quý" clears "Một lần").
 */
export function pickCycles(previous: readonly Cycle[], next: readonly Cycle[]): Cycle[] {
  const added = next.filter((c) => !previous.includes(c));
  if (!added.length || cyclesCombine(next)) return [...next];
  const last = added[added.length - 1]!;
  return ALONE.includes(last) ? [last] : next.filter((c) => !ALONE.includes(c));
}

export interface Reporting {
  cycles: Cycle[];
  /** ISO date of a stated deadline ("trước ngày 15/12/2025"), or null. */
  due: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month (1-12), without a clock or Date. */
const lastDay = (year: number, month: number) =>
  month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The reporting cycles and deadline a text states. */
export function readReporting(text: string): Reporting {
  const f = foldSameLength(text);
  const cycles = new Set<Cycle>();
  // Only where reporting is spoken of: "định kỳ hàng quý, 06 tháng, 01 năm", "báo cáo hằng
  // tháng", "báo cáo quý": "khách hàng quý" is no cycle.
  for (const m of f.matchAll(/\b(?:dinh ky|bao cao)\b[^.;]{0,80}/g)) {
    const s = m[0];
    if (/\b(?:hang|moi|dinh ky) thang\b|\bbao cao thang\b/.test(s)) cycles.add("monthly");
    if (/\b(?:hang|moi|dinh ky) quy\b|\bbao cao quy\b|, quy\b/.test(s)) cycles.add("quarterly");
    if (/\b(?:0?6|sau) thang\b/.test(s)) cycles.add("half-yearly");
    if (/\b(?:0?1|mot) nam\b|\b(?:hang|moi) nam\b|\bbao cao nam\b/.test(s)) cycles.add("yearly");
  }
  if (/\bkhi co yeu cau\b/.test(f)) cycles.add("on-request");
  let due: string | null = null;
  const d =
    /\b(?:truoc|cham nhat|han chot)\s+(?:la\s+)?ngay\s+(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})/.exec(
      f,
    );
  if (d) {
    const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month))
      due = `${year}-${pad(month)}-${pad(day)}`;
  }
  if (due) cycles.add("once");
  return { cycles: CYCLES.filter((c) => cycles.has(c)), due };
}

export interface Period {
  cycle: Cycle;
  /** "2026-11", "2026-Q4", "2026-H2", "2026", "once", "on-request". */
  label: string;
  start: string | null;
  end: string | null;
  /** The report is due by this day (the period's last day, or the stated deadline). */
  due: string | null;
}

const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The period of a cycle that holds a date (YYYY-MM-DD). */
export function periodOf(cycle: Cycle, date: string, due: string | null = null): Period {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const span = (label: string, m1: number, m2: number): Period => ({
    cycle,
    label,
    start: iso(y, m1, 1),
    end: iso(y, m2, lastDay(y, m2)),
    due: iso(y, m2, lastDay(y, m2)),
  });
  switch (cycle) {
    case "monthly":
      return span(`${y}-${pad(m)}`, m, m);
    case "quarterly": {
      const q = Math.ceil(m / 3);
      return span(`${y}-Q${q}`, q * 3 - 2, q * 3);
    }
    case "half-yearly":
      return m <= 6 ? span(`${y}-H1`, 1, 6) : span(`${y}-H2`, 7, 12);
    case "yearly":
      return span(String(y), 1, 12);
    case "once":
      return { cycle, label: "once", start: null, end: null, due };
    case "on-request":
      return { cycle, label: "on-request", start: null, end: null, due: null };
  }
}

/** The periods of a cycle from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(
  cycle: Cycle,
  from: string,
  to: string,
  due: string | null = null,
): Period[] {
  if (cycle === "once" || cycle === "on-request") return [periodOf(cycle, from, due)];
  const out: Period[] = [];
  let p = periodOf(cycle, from);
  for (let guard = 0; guard < 500 && p.start! <= to; guard++) {
    out.push(p);
    const [y, m] = p.end!.split("-").map(Number) as [number, number];
    p = periodOf(cycle, m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1));
  }
  return out;
}

/** Whether a period's report is late at `today` (or was, when submitted on `submitted`). */
export function isLate(period: Period, today: string, submitted: string | null = null): boolean {
  if (!period.due) return false;
  return (submitted ?? today) > period.due;
}

/**
 * Figures summed by key. The keys are the agencies' own, so they are counted in a Map: on a plain
 * object `total["constructor"]` is Object itself and `total["__proto__"]` its prototype, which
 * turned a figure named `constructor` into the text of a function.
 */
export function sumFigures(list: Array<Record<string, number>>): Record<string, number> {
  const total = new Map<string, number>();
  for (const f of list)
    for (const [k, v] of Object.entries(f))
      if (typeof v === "number") total.set(k, (total.get(k) ?? 0) + v);
  // Object.fromEntries defines own properties, "__proto__" included (it never calls the setter).
  return Object.fromEntries(total);
}

export interface TaskItem {
  /** "1", "2"... as numbered in the text. */
  label: string;
  /** The item's heading, without its number. */
  title: string;
}

/** The numbered items of a directive's body: each becomes a task per addressee. */
export function taskItems(paragraphs: string[]): TaskItem[] {
  const items: TaskItem[] = [];
  for (const p of paragraphs) {
    const m = /^(\d{1,2})\.\s+(.+)$/.exec(p.trim());
    if (m && !items.some((i) => i.label === m[1]))
      items.push({ label: m[1]!, title: m[2]!.replace(/[\s.;:]*(?:\/\.)?$/, "").slice(0, 300) });
  }
  return items;
}
