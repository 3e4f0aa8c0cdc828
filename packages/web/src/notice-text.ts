/**
 * A notification as the reader reads it: its code's template in the reader's catalogue
 * (`notice` in `i18n.ts`, `i18n.en.ts`), with its parameters formatted first by what each holds
 * (core's NOTIFICATION_PARAM_KINDS): days as 03/12/2026 and periods through `format.ts`, delivery
 * statuses, reminder kinds and handler roles by their catalogue names. A row written before codes
 * shows its stored sentence.
 */
import {
  NOTIFICATION_PARAM_KINDS,
  NOTIFICATION_PARAMS,
  type NotificationCode,
  type NotificationParamName,
} from "@vanthu/core";
import type { Catalog } from "./i18n.ts";
import { periodLabel, viDate } from "./format.ts";

/** A notification's parameters as a template receives them: formatted, null where missing. */
export type NoticeText<C extends NotificationCode> = {
  [K in NotificationParamName<C>]: string | null;
};

/** `before + value + after`, or nothing when there is no value (a template's optional part). */
export const on = (value: string | null, before: string, after = ""): string =>
  value ? `${before}${value}${after}` : "";

export interface NoticeRow {
  code: NotificationCode | null;
  params: Record<string, string | number | null>;
  message: string | null;
}

/** The parameters of code C formatted for catalogue `t`. */
export function noticeParams<C extends NotificationCode>(
  t: Catalog,
  code: C,
  params: Record<string, string | number | null>,
): NoticeText<C> {
  const out: Record<string, string | null> = {};
  for (const name of NOTIFICATION_PARAMS[code] as readonly NotificationParamName<C>[]) {
    const raw = params[name];
    const v = raw === null || raw === undefined || raw === "" ? null : String(raw);
    const kind = NOTIFICATION_PARAM_KINDS[name];
    out[name] =
      v === null
        ? null
        : kind === "day"
          ? viDate(v) || v
          : kind === "period"
            ? periodLabel(v)
            : kind === "status"
              ? ((t.delivery as Record<string, string>)[v] ?? v)
              : kind === "kind"
                ? (t.noticeWords.reminder[v] ?? v)
                : kind === "role"
                  ? (t.noticeWords.role[v] ?? v)
                  : v;
  }
  return out as NoticeText<C>;
}

/** The sentence a notification reads as in catalogue `t`. */
export function noticeText(t: Catalog, n: NoticeRow): string {
  if (n.message) return n.message;
  const code = n.code;
  if (!code) return t.noticeWords.unknown;
  // Each template takes its own code's parameters, which noticeParams gives it.
  const template = t.notice[code] as (p: Record<string, string | null>) => string;
  return template(noticeParams(t, code, n.params));
}
