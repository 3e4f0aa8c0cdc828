/**
 * The parameters of each notification code, in one place: the server writes exactly these (its
 * `notify` is typed by this map), the web catalogues render them (`i18n.ts`, `i18n.en.ts`
 * `notice`, typed by it too), and a test renders every code with sample parameters.
 *
 * A parameter's name says what it holds, whichever code it is in (`NOTIFICATION_PARAM_KINDS`):
 * a day is "YYYY-MM-DD" (shown 03/12/2026), a period a report period label ("2026-Q4"), a status
 * a delivery status ("03".."06"), a kind a reminder kind, a role a handler role; the rest is
 * text as written (a reference, a subject, a person's or an agency's name). Any value may be
 * null (a draft has no reference yet; a handling deadline has no period).
 */
import type { NotificationCode } from "./vocabulary.ts";

export const NOTIFICATION_PARAMS = {
  /** To the receiving agency's clerks. */
  "document.arrived": ["reference", "subject", "issuer", "from", "note", "forwarded"],
  /** To the issuer agency: its recipient returned the document (02). */
  "document.returned": ["reference", "subject", "recipient", "agency", "reason"],
  "document.presented": ["reference", "subject", "issuer", "by", "note"],
  "document.instructed": ["reference", "subject", "issuer", "by", "role", "due"],
  "document.assigned": ["reference", "subject", "issuer", "by", "unit", "due"],
  "draft.submitted": ["subject", "by", "from", "version", "note"],
  "draft.approved": ["subject", "by", "version", "note"],
  "draft.sent-back": ["subject", "by", "version", "note"],
  "comment.added": ["reference", "subject", "by"],
  "draft.consulted": ["subject", "by", "due"],
  /** To the issuer agency: a recipient reported on a task. */
  "report.received": ["reference", "item", "period", "recipient"],
  /** A report's deadline (item and period set) or a handling deadline (both null). */
  "deadline.near": ["reference", "subject", "issuer", "item", "period", "due", "once"],
  "deadline.overdue": ["reference", "subject", "issuer", "item", "period", "due", "once"],
  "reminder.sent": ["reference", "subject", "kind", "by", "note"],
  /** To the issuer agency: its recipient moved the delivered document to 03, 04, 05 or 06. */
  "delivery.progress": ["reference", "subject", "recipient", "agency", "status"],
  /** To the recipient's clerks: the issuer recalled the document, with its reason. */
  "document.recalled": ["reference", "subject", "issuer", "reason"],
  /** To the issuer: a recipient accepted (status 15) or refused (16) the recall. */
  "recall.answered": ["reference", "subject", "recipient", "answer", "reason"],
} as const satisfies Record<NotificationCode, readonly string[]>;

/** The names of a code's parameters. */
export type NotificationParamName<C extends NotificationCode> =
  (typeof NOTIFICATION_PARAMS)[C][number];
/** Every parameter name any code uses. */
export type AnyNotificationParam = NotificationParamName<NotificationCode>;

/** What a parameter holds, by its name (see the header). */
export type NotificationParamKind = "text" | "day" | "period" | "status" | "kind" | "role";
export const NOTIFICATION_PARAM_KINDS: Record<AnyNotificationParam, NotificationParamKind> = {
  reference: "text",
  subject: "text",
  issuer: "text",
  recipient: "text",
  reason: "text",
  /** A recall's answer: "accepted" (15) or "refused" (16). */
  answer: "text",
  by: "text",
  note: "text",
  item: "text",
  role: "role",
  due: "day",
  period: "period",
  status: "status",
  kind: "kind",
  from: "text",
  forwarded: "text",
  agency: "text",
  unit: "text",
  version: "text",
  once: "text",
};

/** The parameters a notification of code C is written with (every name present; null allowed). */
/** A code's parameters: only its own names; any may be left out (rendered as unknown). */
export type NotificationParamsOf<C extends NotificationCode> = {
  [K in NotificationParamName<C>]?: string | number | null;
};

/**
 * Stored parameters read back for code C: each name the code has, null where the row lacks it
 * (an older row, a parameter added later). Extra keys are dropped.
 */
export function notificationParams<C extends NotificationCode>(
  code: C,
  stored: Record<string, unknown> | null | undefined,
): NotificationParamsOf<C> {
  const out: Record<string, string | number | null> = {};
  for (const name of NOTIFICATION_PARAMS[code] as readonly string[]) {
    const v = stored?.[name];
    out[name] = typeof v === "string" || typeof v === "number" ? v : null;
  }
  return out as NotificationParamsOf<C>;
}
