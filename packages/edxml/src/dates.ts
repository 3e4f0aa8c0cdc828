/**
 * Dates as edXML writes them: `yyyy/MM/dd`, sometimes with a time (`yyyy/MM/dd HH:mm:ss`), in
 * Vietnamese time. What arrives is kept as written; the ISO form is given only for a real date
 * (2014/02/30 stays as written and has no ISO form).
 */

export type EdxmlDateReading =
  | { kind: "empty" }
  | { kind: "date"; iso: string }
  | { kind: "impossible" }
  | { kind: "unreadable" };

const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * The ISO form of an edXML date: "2018-09-28" for a date, "2018-09-28T17:25:11+07:00" for one with
 * a time (edXML times are Vietnamese local time).
 */
export function readEdxmlDate(text: string | null): EdxmlDateReading {
  const t = text?.trim() ?? "";
  if (!t) return { kind: "empty" };
  const m = DATE.exec(t);
  if (!m) return { kind: "unreadable" };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!realDay(y, mo, d)) return { kind: "impossible" };
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (m[4] === undefined) return { kind: "date", iso: day };
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return { kind: "impossible" };
  return { kind: "date", iso: `${day}T${pad(h)}:${pad(mi)}:${pad(s)}+07:00` };
}

/** "2026-12-03" (or a full ISO time) as edXML writes a date: "2026/12/03". */
export function edxmlDate(iso: string): string {
  return iso.slice(0, 10).replaceAll("-", "/");
}

/** A moment as edXML writes a timestamp, in Vietnamese time: "2026/12/03 14:05:09". */
export function edxmlTimestamp(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${pad(local.getUTCFullYear(), 4)}/${pad(local.getUTCMonth() + 1)}/${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
}
