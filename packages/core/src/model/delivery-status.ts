/**
 * The statuses of a delivered document at its recipient (ND30's exchange states, as QCVN
 * 102:2016 codes them) and the steps between them. The one place the state machine lives: the
 * server checks every change here inside the transaction that locks the delivery, and the web
 * asks it which steps to offer.
 *
 *   00 sent (to another system: no answer yet) -> any of 01..06, as its status packages come
 *   01 arrived -> 02 returned (misaddressed, before registering)
 *   01 arrived -> 03 registered -> 04 assigned -> 05 in progress -> 06 done
 *
 * After registering, a step may be skipped (03 -> 06: done at once) but never taken back.
 */
export const DELIVERY_STATUSES = ["00", "01", "02", "03", "04", "05", "06"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The steps the recipient takes by hand after registering. */
export const PROGRESS_STATUSES = ["04", "05", "06"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const NEXT: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  "00": ["01", "02", "03", "04", "05", "06"],
  "01": ["02", "03"],
  "02": [],
  "03": ["04", "05", "06"],
  "04": ["05", "06"],
  "05": ["06"],
  "06": [],
};

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === "string" && (DELIVERY_STATUSES as readonly string[]).includes(value);
}

/** True when a delivery in `from` may move to `to`. */
export function canMoveDelivery(from: string, to: string): boolean {
  return isDeliveryStatus(from) && isDeliveryStatus(to) && NEXT[from].includes(to);
}

/** The progress steps a recipient may take from `from` (none before registering). */
export function progressStepsFrom(from: string): ProgressStatus[] {
  return PROGRESS_STATUSES.filter((s) => canMoveDelivery(from, s));
}
