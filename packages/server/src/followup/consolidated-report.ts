/**
 * The issuer's consolidated report (Báo cáo) on a directive: figures summed per item and per
 * recipient, down the cascade, and who has not reported, as a BC draft to review, sign and send
 * upward.
 */
import { STANDARD_FIGURES, formatWrittenDate } from "@vanthu/core";
import type { AppContext, Actor } from "../context.ts";
import { createDraft } from "../documents/create-draft.ts";
import { dashboard } from "./dashboard.ts";

// A Map: the keys come from the agencies, and LABELS["constructor"] on an object is a function.
const LABELS = new Map<string, string>(STANDARD_FIGURES.map((f) => [f.key, f.label]));
const number = new Intl.NumberFormat("vi-VN");

export function formatFigures(f: Record<string, number>): string {
  const parts = Object.entries(f)
    .filter(([, v]) => v > 0)
    .sort(([a], [b]) => {
      const order = (k: string) => {
        const i = STANDARD_FIGURES.findIndex((s) => s.key === k);
        return i < 0 ? 100 : i;
      };
      return order(a) - order(b) || a.localeCompare(b);
    })
    .map(([k, v]) => `${LABELS.get(k) ?? k}: ${number.format(v)}`);
  return parts.length ? parts.join("; ") : "chưa có số liệu";
}

/** "2026-12-02" as ND30 writes a date: "02 tháng 12 năm 2026" (day under 10, January and February padded). */
const dmy = (iso: string | null) => {
  if (!iso) return null;
  const [year, month, day] = iso.split("-").map(Number);
  return formatWrittenDate(null, { day: day!, month: month!, year: year! }).replace(/^ngày /, "");
};

export async function createConsolidatedReport(ctx: AppContext, actor: Actor, documentId: string) {
  const board = await dashboard(ctx, actor, documentId);
  const doc = board.document;
  const agency = await ctx.db
    .selectFrom("agencies")
    .select(["name", "parent_line"])
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  const type = doc.typeName ?? "Văn bản";
  const cited = `${type} số ${doc.reference}${doc.date ? ` ngày ${dmy(doc.date)}` : ""} của ${agency.name}`;
  const reported = board.recipients.filter(
    (r) => !board.notReported.some((n) => n.agencyId === r.agencyId),
  );
  const assigned = board.recipients.filter((r) => r.kind === "action");
  const paragraphs = [
    `Thực hiện ${cited} về việc ${doc.subject ?? ""}, đến ngày ${dmy(board.today)} có ${reported.filter((r) => r.kind === "action").length}/${assigned.length} cơ quan, đơn vị báo cáo kết quả. ${agency.name} tổng hợp như sau:`,
    "I. KẾT QUẢ THEO NHIỆM VỤ",
    ...board.items.map(
      (i) => `${i.label}. ${i.title}: ${formatFigures(board.totals.byItem[i.label] ?? {})}.`,
    ),
    "II. KẾT QUẢ CỦA CÁC CƠ QUAN, ĐƠN VỊ",
    ...assigned.map(
      (r) => `- ${r.name}: ${formatFigures(board.totals.byRecipient[r.agencyId] ?? {})}.`,
    ),
    ...(board.cascade.length
      ? [
          `Tính cả ${board.cascade.length} văn bản triển khai của các cơ quan, đơn vị nhận: ${formatFigures(board.totals.cascade)}.`,
        ]
      : []),
    "III. CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO",
    ...(board.notReported.length
      ? board.notReported.map((n) => `- ${n.name}.`)
      : ["Các cơ quan, đơn vị đều đã báo cáo."]),
    `Trên đây là kết quả thực hiện ${type} số ${doc.reference}./.`,
  ];
  const { id } = await createDraft(ctx, actor, {
    fields: {
      typeCode: "BC",
      subject: `Kết quả thực hiện ${cited}`,
      addressees: agency.parent_line ? [agency.parent_line] : [],
      paragraphs,
      recipients: agency.parent_line ? ["Như trên", "Lãnh đạo"] : ["Lãnh đạo"],
      archive: ["VT"],
    },
  });
  return { id, notReported: board.notReported, totals: board.totals };
}
