/**
 * How far the recipients of an item have come with their reports, and the colour its badge
 * takes ("Đã báo cáo: 2/5"): green only when everyone has reported.
 */
export type ReportProgress = "none" | "late" | "partial" | "partialLate" | "complete";

/** `done` of `total` recipients reported; `overdue` of them are past the deadline without. */
export interface ReportCount {
  done: number;
  total: number;
  overdue: number;
}

export function reportProgress({ done, total, overdue }: ReportCount): ReportProgress {
  if (total > 0 && done >= total) return "complete";
  if (done > 0) return overdue > 0 ? "partialLate" : "partial";
  return overdue > 0 ? "late" : "none";
}

/** Mantine colours, kept at AA contrast by the theme (main.tsx). */
const COLOR: Record<ReportProgress, string> = {
  none: "gray",
  late: "red",
  partial: "yellow",
  partialLate: "orange",
  complete: "green",
};

export function progressColor(count: ReportCount): string {
  return COLOR[reportProgress(count)];
}
