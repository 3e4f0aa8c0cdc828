/**
 * How far the handling of a received document (or one person's or unit's share of it) stands,
 * as the follow-up register (Sổ theo dõi giải quyết văn bản đến, ND30 Phụ lục IV) and the
 * handling report count it. Days are calendar days "YYYY-MM-DD" in the agency's time zone (the
 * caller turns instants into days); the deadline is inclusive: done on the due day is on time.
 * Working days play no part here: the deadline was counted in them when it was set.
 */

/**
 * Done on time (or done, no deadline), done late, overdue (past the deadline, not done), open
 * (not done, within the deadline or without one).
 */
export const HANDLING_PROGRESS = ["on-time", "late", "overdue", "open"] as const;
export type HandlingProgress = (typeof HANDLING_PROGRESS)[number];

export interface HandlingRow {
  /** The processing deadline (hạn giải quyết); null: none set. */
  due: string | null;
  /** The day it was done; null: not done, unless `done` says it is. */
  doneOn: string | null;
  /** Done, when the day is not known (recorded without a time): counted on time. */
  done?: boolean;
}

/** Where one row stands on `today`. */
export function handlingProgress(row: HandlingRow, today: string): HandlingProgress {
  if (row.doneOn !== null) return row.due !== null && row.doneOn > row.due ? "late" : "on-time";
  if (row.done) return "on-time";
  return row.due !== null && today > row.due ? "overdue" : "open";
}

/** The figures of a set of rows: how many, and how many stand where. */
export interface HandlingFigures {
  received: number;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
}

export const emptyHandlingFigures = (): HandlingFigures => ({
  received: 0,
  onTime: 0,
  late: 0,
  overdue: 0,
  open: 0,
});

const FIELD: Record<HandlingProgress, Exclude<keyof HandlingFigures, "received">> = {
  "on-time": "onTime",
  late: "late",
  overdue: "overdue",
  open: "open",
};

/** Adds one row to the figures (in place) and returns where it stands. */
export function addHandlingRow(
  figures: HandlingFigures,
  row: HandlingRow,
  today: string,
): HandlingProgress {
  const progress = handlingProgress(row, today);
  figures.received++;
  figures[FIELD[progress]]++;
  return progress;
}

/** The figures of rows on `today`: received = every row; the four others add up to it. */
export function countHandling(rows: Iterable<HandlingRow>, today: string): HandlingFigures {
  const figures = emptyHandlingFigures();
  for (const row of rows) addHandlingRow(figures, row, today);
  return figures;
}

/** Outgoing work over a period: drafts written, sent up for approval, approved, issued. */
export interface DraftingFigures {
  written: number;
  submitted: number;
  approved: number;
  issued: number;
}

export const emptyDraftingFigures = (): DraftingFigures => ({
  written: 0,
  submitted: 0,
  approved: 0,
  issued: 0,
});

/** The latest of some days (null when there is none). */
export function latestDay(days: Iterable<string | null | undefined>): string | null {
  let latest: string | null = null;
  for (const d of days) if (d && (latest === null || d > latest)) latest = d;
  return latest;
}
