/**
 * The issuer's consolidated report (Báo cáo tổng hợp) on a directive, written from its
 * recipients' reports: what each recipient reported, task by task (its narrative as written, its
 * figures under the report form's labels, the files it sent), then the totals per task, overall
 * and down the cascade, then who has not reported; signed as the directive was (ND30: authority,
 * title, the space for the signature, the name) and sent up through Nơi nhận. A draft: the
 * leader adds the assessment and edits it like any other.
 */
import { formatWrittenDate } from "../layout/layout-document.ts";
import { periodLabel } from "../model/dates.ts";
import type { Authority } from "../model/parsed-document.ts";
import { foldKey } from "../text/vietnamese.ts";
import { formatFigures } from "./figures.ts";
import { sumFigures, type TaskItem } from "./reporting.ts";

type Figures = Record<string, number>;

export interface ConsolidatedReportEntry {
  /** The task's item label ("1"). */
  item: string;
  /** The period reported ("2026-Q4", "once"). */
  period: string;
  narrative: string;
  figures: Figures;
  /** The names of the files sent with the report. */
  files: string[];
  late: boolean;
}

export interface ConsolidatedSignature {
  authority: Authority | null;
  authorityTitle: string | null;
  signerTitle: string | null;
  signerName: string | null;
}

export interface ConsolidatedReportInput {
  /** The issuing agency, which writes the report ("Sở Thông tin và Truyền thông"). */
  author: string;
  directive: {
    typeName: string | null;
    reference: string | null;
    /** ISO date of the directive. */
    date: string | null;
    subject: string | null;
  };
  /** ISO date the figures are counted to. */
  today: string;
  /** The directive's tasks. */
  items: TaskItem[];
  /** The recipients given tasks, in the order the report lists them. */
  recipients: Array<{
    name: string;
    /** The labels of the items it was given. */
    items: string[];
    /** Its reports, in period order. */
    reports: ConsolidatedReportEntry[];
    /** It returned the directive (status 02), with this reason: it owes no report. */
    returned?: string | null;
  }>;
  /** The recipients' follow-on documents, with the figures reported on them. */
  cascade: Array<{
    agency: string;
    typeName: string | null;
    reference: string | null;
    date: string | null;
    totals: Figures;
  }>;
  signature: ConsolidatedSignature;
  /** The body the report goes up to ("UBND tỉnh Lạng Sơn"), or null at the top. */
  reportTo: string | null;
  /** The agency's own leaders in Nơi nhận ("Lãnh đạo Sở"); "Lãnh đạo cơ quan" when none. */
  leadership: string[];
  /** "Lưu:" (the directive's: "VT", the drafting unit). */
  archive: string[];
}

export interface ConsolidatedReport {
  subject: string;
  /** None: a báo cáo names where it goes in Nơi nhận (ND30 Phụ lục III). */
  addressees: string[];
  paragraphs: string[];
  recipients: string[];
  archive: string[];
  signature: ConsolidatedSignature;
}

/** "2026-12-02" as ND30 writes a date: "02 tháng 12 năm 2026". */
function writtenDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return formatWrittenDate(null, { day: day!, month: month!, year: year! }).replace(/^ngày /, "");
}

/** "Công văn số 01/STTTT-TTBCXB ngày 02 tháng 12 năm 2026 của Sở ..." */
function citation(d: {
  typeName: string | null;
  reference: string | null;
  date: string | null;
  issuer: string;
}): string {
  return [
    d.typeName ?? "Văn bản",
    d.reference ? `số ${d.reference}` : null,
    d.date ? `ngày ${writtenDate(d.date)}` : null,
    `của ${d.issuer}`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** Sub-points as Vietnamese documents letter them: a), b), ... đ), e), g) (no f, j, w, z). */
const LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split(" ");
const letter = (i: number) => `${LETTERS[i] ?? String(i + 1)})`;

/**
 * A narrative as paragraphs of the report: one per line the recipient wrote, spacing tidied, its
 * own closing mark ("./.") taken off (only the report's last paragraph closes it).
 */
function narrativeParagraphs(narrative: string): string[] {
  return narrative
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/[^\S\n]+/g, " ")
        .trim()
        .replace(/\.?\s*\/\.$/, "."),
    )
    .filter(Boolean);
}

const figuresLine = (f: Figures) => formatFigures(f) || "chưa có số liệu";

export function composeConsolidatedReport(input: ConsolidatedReportInput): ConsolidatedReport {
  const { author, directive } = input;
  const cited = citation({ ...directive, issuer: author });
  const type = directive.typeName ?? "Văn bản";
  const subjectOf = directive.subject?.replace(/^(?:v\/v|về việc)\s+/iu, "").trim();
  const about = subjectOf
    ? type === "Công văn"
      ? ` về việc ${subjectOf}`
      : ` về ${subjectOf}`
    : "";
  const itemOf = new Map(input.items.map((i) => [i.label, i]));
  const taskName = (label: string) => {
    const item = itemOf.get(label);
    return item ? `Nhiệm vụ ${label}. ${item.title}` : `Nhiệm vụ ${label}`;
  };
  const returned = input.recipients.filter((r) => typeof r.returned === "string");
  const asked = input.recipients.filter((r) => typeof r.returned !== "string");
  const reported = asked.filter((r) => r.reports.length);
  const notReported = asked.filter((r) => !r.reports.length);
  const allReports = reported.flatMap((r) => r.reports);

  const paragraphs = [
    `Thực hiện ${cited}${about}, đến ngày ${writtenDate(input.today)} có ${reported.length}/${asked.length} cơ quan, đơn vị báo cáo kết quả. ${author} tổng hợp như sau:`,
    "I. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ",
  ];
  if (!reported.length) paragraphs.push("Chưa có cơ quan, đơn vị nào báo cáo.");
  reported.forEach((r, n) => {
    paragraphs.push(`${n + 1}. ${r.name}`);
    const labels = [...new Set([...r.items, ...r.reports.map((e) => e.item)])];
    const ordered = [
      ...input.items.map((i) => i.label).filter((l) => labels.includes(l)),
      ...labels.filter((l) => !itemOf.has(l)),
    ];
    let k = 0;
    for (const label of ordered) {
      const entries = r.reports.filter((e) => e.item === label);
      if (!entries.length) {
        paragraphs.push(`${letter(k++)} ${taskName(label)}: chưa báo cáo.`);
        continue;
      }
      for (const e of entries) {
        const when = [
          e.period === "once" || e.period === "on-request" ? null : periodLabel(e.period),
          e.late ? "báo cáo sau hạn" : null,
        ].filter(Boolean);
        paragraphs.push(
          `${letter(k++)} ${taskName(label)}${when.length ? ` (${when.join(", ")})` : ""}:`,
        );
        const text = narrativeParagraphs(e.narrative);
        const figures = formatFigures(e.figures);
        paragraphs.push(...text);
        if (figures) paragraphs.push(`Số liệu: ${figures}.`);
        if (e.files.length) paragraphs.push(`Tài liệu kèm theo: ${e.files.join(", ")}.`);
        if (!text.length && !figures && !e.files.length)
          paragraphs.push("Báo cáo không kèm nội dung, số liệu.");
      }
    }
    if (r.reports.filter((e) => formatFigures(e.figures)).length > 1)
      paragraphs.push(`- Cộng: ${figuresLine(sumFigures(r.reports.map((e) => e.figures)))}.`);
  });

  paragraphs.push("II. TỔNG HỢP SỐ LIỆU");
  const all = sumFigures(allReports.map((e) => e.figures));
  if (!formatFigures(all) && !input.cascade.length) paragraphs.push("Chưa có số liệu.");
  else {
    for (const item of input.items) {
      const total = sumFigures(
        allReports.filter((e) => e.item === item.label).map((e) => e.figures),
      );
      paragraphs.push(`- ${taskName(item.label)}: ${figuresLine(total)}.`);
    }
    paragraphs.push(`- Tổng cộng: ${figuresLine(all)}.`);
  }
  if (input.cascade.length) {
    paragraphs.push("Kết quả thực hiện các văn bản triển khai của các cơ quan, đơn vị nhận:");
    for (const c of input.cascade)
      paragraphs.push(`- ${citation({ ...c, issuer: c.agency })}: ${figuresLine(c.totals)}.`);
    paragraphs.push(
      `- Tính cả các văn bản triển khai: ${figuresLine(sumFigures([all, ...input.cascade.map((c) => c.totals)]))}.`,
    );
  }

  paragraphs.push("III. CƠ QUAN, ĐƠN VỊ CHƯA BÁO CÁO");
  if (notReported.length) paragraphs.push(...notReported.map((r) => `- ${r.name}.`));
  else paragraphs.push("Các cơ quan, đơn vị đều đã báo cáo.");
  if (returned.length) {
    paragraphs.push("Cơ quan, đơn vị đã trả lại văn bản:");
    paragraphs.push(
      ...returned.map((r) => `- ${r.name}${r.returned ? ` (lý do: ${r.returned.trim()})` : ""}.`),
    );
  }
  const number = directive.reference ? ` số ${directive.reference}` : "";
  paragraphs.push(
    `Trên đây là báo cáo tổng hợp kết quả thực hiện ${type}${number} của ${author}./.`,
  );

  const archive = ["VT", ...input.archive.filter((a) => !/^(?:vt|van thu)$/.test(foldKey(a)))];
  return {
    subject: `Kết quả thực hiện ${cited}`,
    addressees: [],
    paragraphs,
    recipients: [
      ...(input.reportTo ? [`${input.reportTo} (để báo cáo)`] : []),
      ...(input.leadership.length ? input.leadership : ["Lãnh đạo cơ quan"]),
    ],
    archive,
    signature: { ...input.signature },
  };
}

/** Titles that name a role in the application, not the post one signs with. */
const NOT_A_TITLE = /^(?:lanh dao|van thu|chuyen vien|quan tri|can bo)\b/;

/**
 * The ND30 signature block of a leader, from the title people gave them: a deputy signs for the
 * head ("Phó Giám đốc" -> "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Thứ trưởng" -> "KT. BỘ TRƯỞNG"), the
 * head in their own name. A role ("Lãnh đạo") is no title: the name only, the title to fill in.
 */
export function leaderSignature(title: string | null, name: string | null): ConsolidatedSignature {
  const clean = title?.normalize("NFC").replace(/\s+/g, " ").trim() ?? "";
  if (!clean || NOT_A_TITLE.test(foldKey(clean)))
    return { authority: null, authorityTitle: null, signerTitle: null, signerName: name };
  const upper = clean.toLocaleUpperCase("vi");
  const head = /^THỨ TRƯỞNG\b/u.test(upper)
    ? "BỘ TRƯỞNG"
    : /^PHÓ\s/u.test(upper)
      ? upper.replace(/^PHÓ\s+/u, "")
      : null;
  return {
    authority: head ? "KT" : null,
    authorityTitle: head,
    signerTitle: upper,
    signerName: name,
  };
}
