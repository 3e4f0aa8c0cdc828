/** Vietnamese conventions: dd/mm/yyyy, 24-hour times, sorting by the Vietnamese alphabet. */
export const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** "2026-11-20" -> "20/11/2026". */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = iso.slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
export const viDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : "";

export const viNumber = (n: number): string => n.toLocaleString("vi-VN");

/** "2026-Q4" -> "Quý IV/2026", "2026-H2" -> "6 tháng cuối năm 2026", "2026-11" -> "Tháng 11/2026". */
export function periodLabel(p: string): string {
  const roman = ["I", "II", "III", "IV"];
  let m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) return `Quý ${roman[Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(p);
  if (m) return `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `Tháng ${Number(m[2])}/${m[1]}`;
  if (/^\d{4}$/.test(p)) return `Năm ${p}`;
  if (p === "once") return "Một lần";
  if (p === "on-request") return "Khi có yêu cầu";
  return p;
}

const dayInVietnam = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
/** The calendar day in Vietnam of an instant, dd/mm/yyyy. */
export const viDay = (iso: string | null | undefined): string =>
  iso ? dayInVietnam.format(new Date(iso)) : "";
