/**
 * A received document's processing deadline (hạn xử lý). Printed in the text ("đề nghị báo cáo
 * trước ngày 15/12/2026", "chậm nhất ngày 15 tháng 12 năm 2026"): that day, read as the
 * follow-through reads a report's deadline (followup/reporting.ts). Otherwise the agency's table:
 * so many working days from the day it arrived, per document type and urgency ('' in a rule
 * matches any), the most specific rule winning; between two rules as specific (one names the
 * type, the other the urgency) the shorter deadline wins, since the document must meet both.
 */
import { readReporting } from "../followup/reporting.ts";
import { isIsoDate } from "../model/dates.ts";
import { foldSameLength } from "../text/vietnamese.ts";
import { addWorkingDays, workingDaysLate, type Holidays } from "./working-days.ts";

export interface DeadlineRule {
  /** A type code of core's vocabulary ("CV", "KH"), or '' for any type. */
  typeCode: string;
  /** An urgency ("khan", "thuong-khan", "hoa-toc"), or '' for any. */
  urgency: string;
  workingDays: number;
}

/** The rule that applies to a document of this type and urgency, or null when none does. */
export function ruleFor(
  rules: readonly DeadlineRule[],
  typeCode: string | null,
  urgency: string | null,
): DeadlineRule | null {
  const type = typeCode ?? "";
  const urgent = urgency ?? "";
  let best: { rule: DeadlineRule; score: number } | null = null;
  for (const rule of rules) {
    if (rule.typeCode && rule.typeCode !== type) continue;
    if (rule.urgency && rule.urgency !== urgent) continue;
    const score = (rule.typeCode ? 1 : 0) + (rule.urgency ? 1 : 0);
    if (
      !best ||
      score > best.score ||
      (score === best.score && rule.workingDays < best.rule.workingDays)
    )
      best = { rule, score };
  }
  return best?.rule ?? null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A deadline printed in the text: "trước ngày 15/12/2026" (as reporting.ts reads it), or with
 * the month in words, "trước ngày 15 tháng 12 năm 2026", "chậm nhất ngày ...", "hạn chót ...".
 */
export function printedDeadline(text: string): string | null {
  const stated = readReporting(text).due;
  if (stated) return stated;
  const f = foldSameLength(text);
  const m =
    /\b(?:truoc|cham nhat(?: la)?|han chot(?: la)?|han xu ly(?: la)?:?)\s+ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(
      f,
    );
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return isIsoDate(iso) ? iso : null;
}

export type DeadlineSource = "printed" | "rule";

export interface Deadline {
  due: string;
  source: DeadlineSource;
  /** For a rule: its working days. */
  workingDays: number | null;
}

export interface DeadlineInput {
  /** The day the document arrived (ngày đến): a rule's days count from the day after. */
  arrivedOn: string;
  typeCode: string | null;
  urgency: string | null;
  /** The document's text, where a deadline may be printed. */
  text: string;
  rules: readonly DeadlineRule[];
  holidays: Holidays;
}

/**
 * The default deadline: the one printed in the text when there is one (and it is not before the
 * day of arrival), else the agency's rule counted in working days; null when neither says.
 */
export function defaultDeadline(input: DeadlineInput): Deadline | null {
  const printed = printedDeadline(input.text);
  if (printed && printed >= input.arrivedOn)
    return { due: printed, source: "printed", workingDays: null };
  const rule = ruleFor(input.rules, input.typeCode, input.urgency);
  if (!rule) return null;
  return {
    due: addWorkingDays(input.arrivedOn, rule.workingDays, input.holidays),
    source: "rule",
    workingDays: rule.workingDays,
  };
}

/** Whether work due on `due` and not done is overdue on `today`: past its day. */
export function isOverdue(due: string | null, today: string, done: boolean): boolean {
  return !done && !!due && today > due;
}

/** Overdue by so many working days (0 when not overdue). */
export function daysOverdue(
  due: string | null,
  today: string,
  done: boolean,
  holidays: Holidays = [],
): number {
  return isOverdue(due, today, done) ? workingDaysLate(due!, today, holidays) : 0;
}
