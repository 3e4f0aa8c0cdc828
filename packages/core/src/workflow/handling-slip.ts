/**
 * The instruction slip of a received document (Phiếu giải quyết văn bản đến, ND30 Phụ lục IV),
 * laid out as a page like any document (`LayoutModel`), so that the PDF, .docx and HTML
 * backends draw the same slip: the agency's header, the received document (reference, date,
 * issuer, subject, register number and day of arrival), the leaders' instructions (bút phê:
 * text, lead, cooperating and informed units, deadline, who and when, on paper or not, for whom),
 * the unit heads' assignments, the handling notes, and the result. Pure: the caller gives times
 * already as the agency's days and hours (`dayTime`).
 */
import { viDate } from "../model/dates.ts";
import {
  SECRECY_NAMES,
  URGENCY_NAMES,
  type HandlerRole,
  type HandlerStatus,
  type Secrecy,
  type Urgency,
} from "../model/vocabulary.ts";
import { ND30, keepNameWords } from "../layout/layout-document.ts";
import type { LayoutModel, Paragraph, StyledLine, TextStyle } from "../layout/layout-model.ts";
import type { HandlingProgress } from "./handling-figures.ts";

/** The text closed by a full stop, unless the writer closed it already ("... công văn." once). */
const sentence = (text: string): string =>
  /[.!?…:;]$/u.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;

export interface SlipInstruction {
  text: string;
  dueOn: string | null;
  /** The leader whose instruction it is, with their title. */
  givenBy: string;
  givenByTitle: string | null;
  /** Who typed it (the leader, or the clerk for one written on paper). */
  enteredBy: string;
  onPaper: boolean;
  /** The leader away for whom it was given (delegation). */
  onBehalfOf: string | null;
  /** An instant (ISO). */
  at: string;
  /** Units or people named: chủ trì, phối hợp, để biết. */
  lead: string[];
  cooperate: string[];
  inform: string[];
}

export interface SlipAssignment {
  /** Who passed it on (a unit head), null when not recorded. */
  by: string | null;
  /** The person or unit it was passed to. */
  to: string;
  role: HandlerRole;
  at: string;
  dueOn: string | null;
  status: HandlerStatus;
  doneAt: string | null;
  result: string | null;
}

export interface SlipNote {
  author: string;
  text: string;
  fileName: string | null;
  at: string;
}

export interface SlipResult {
  who: string;
  result: string | null;
  doneAt: string | null;
}

export interface HandlingSlipSource {
  agency: { name: string; parentLine: string | null };
  document: {
    reference: string | null;
    typeName: string | null;
    date: string | null;
    issuer: string | null;
    subject: string | null;
    urgency: Urgency | null;
    secrecy: Secrecy | null;
    incomingNumber: number | null;
    arrivedOn: string | null;
    dueOn: string | null;
  };
  instructions: SlipInstruction[];
  assignments: SlipAssignment[];
  notes: SlipNote[];
  results: SlipResult[];
  progress: HandlingProgress;
  doneOn: string | null;
}

/** An instant as the agency reads it: "09:15 ngày 03/12/2026". */
export type DayTime = (iso: string) => { day: string; time: string };

export const PROGRESS_NAMES: Record<HandlingProgress, string> = {
  "on-time": "Đã giải quyết, đúng hạn",
  late: "Đã giải quyết, quá hạn",
  overdue: "Quá hạn, chưa giải quyết xong",
  open: "Đang giải quyết, trong hạn",
};

const ROLE_NAMES: Record<HandlerRole, string> = {
  lead: "chủ trì",
  cooperate: "phối hợp",
  inform: "để biết",
};

const STATUS_NAMES: Record<HandlerStatus, string> = {
  waiting: "chưa bắt đầu",
  "in-progress": "đang giải quyết",
  done: "đã xong",
};

const SIZE = 13;
const S = (bold = false, italic = false, align: TextStyle["align"] = "left"): TextStyle => ({
  size: SIZE,
  align,
  bold,
  italic,
});

const upper = (s: string) => s.toLocaleUpperCase("vi");

/** The slip as a page. */
export function layoutHandlingSlip(slip: HandlingSlipSource, dayTime: DayTime): LayoutModel {
  const when = (iso: string) => {
    const { day, time } = dayTime(iso);
    return `${time} ngày ${viDate(day)}`;
  };
  const doc = slip.document;

  const left: StyledLine[] = [];
  if (slip.agency.parentLine)
    left.push({
      text: keepNameWords(upper(slip.agency.parentLine)),
      style: { size: ND30.issuer, align: "center" },
    });
  left.push({
    text: keepNameWords(upper(slip.agency.name)),
    style: { size: ND30.issuer, align: "center", bold: true },
    ruleBelow: 0.4,
  });
  const right: StyledLine[] = [
    {
      text: `Số đến: ${doc.incomingNumber ?? "....."}`,
      style: { size: ND30.number, align: "center" },
    },
    {
      text: `Ngày đến: ${doc.arrivedOn ? viDate(doc.arrivedOn) : "....../....../......"}`,
      style: { size: ND30.number, align: "center" },
    },
  ];
  const marks = [
    doc.urgency ? upper(URGENCY_NAMES[doc.urgency]) : null,
    doc.secrecy ? upper(SECRECY_NAMES[doc.secrecy]) : null,
  ].filter((m): m is string => !!m);
  if (marks.length)
    right.push({
      text: marks.join(" - "),
      style: { size: ND30.number, align: "center", bold: true },
      spaceBefore: 4,
    });

  const title: StyledLine[] = [
    {
      text: "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN",
      style: { size: ND30.typeName, align: "center", bold: true },
      spaceBefore: 18,
      ruleBelow: 0.35,
      spaceAfter: ND30.titleSpaceAfter,
    },
  ];

  const body: Paragraph[] = [];
  const line = (text: string, style = S(), spaceAfter = 3) =>
    body.push({ text, style, firstLineIndent: 0, spaceAfter, lineHeight: 1.15 });
  const heading = (text: string) =>
    body.push({
      text,
      style: S(true),
      firstLineIndent: 0,
      spaceAfter: 4,
      lineHeight: 1.15,
      keepWithNext: true,
    });
  const gap = () => {
    const last = body.at(-1);
    if (last) last.spaceAfter = 10;
  };

  const what = [doc.typeName ?? "Văn bản"];
  if (doc.reference) what.push(`số ${doc.reference}`);
  if (doc.date) what.push(`ngày ${viDate(doc.date)}`);
  if (doc.issuer) what.push(`của ${doc.issuer}`);
  line(`Văn bản: ${what.join(" ")}.`);
  line(`Trích yếu: ${doc.subject ?? ""}`);
  line(`Hạn giải quyết: ${doc.dueOn ? viDate(doc.dueOn) : "không có"}.`);
  gap();

  heading("1. Ý kiến chỉ đạo của lãnh đạo cơ quan (bút phê)");
  if (!slip.instructions.length) line("Chưa có ý kiến chỉ đạo.", S(false, true));
  slip.instructions.forEach((i, n) => {
    if (n > 0) gap();
    line(i.text, S(false, true));
    if (i.lead.length) line(`Đơn vị, người chủ trì: ${i.lead.join("; ")}.`);
    if (i.cooperate.length) line(`Đơn vị, người phối hợp: ${i.cooperate.join("; ")}.`);
    if (i.inform.length) line(`Để biết: ${i.inform.join("; ")}.`);
    if (i.dueOn) line(`Hạn giải quyết: ${viDate(i.dueOn)}.`);
    let by = `${i.givenByTitle ? `${i.givenByTitle} ` : ""}${i.givenBy}`;
    if (i.givenByTitle && i.givenBy.startsWith(i.givenByTitle)) by = i.givenBy;
    const notes: string[] = [];
    if (i.onBehalfOf) notes.push(`thay ${i.onBehalfOf} theo ủy quyền`);
    if (i.onPaper) notes.push(`bút phê trên giấy, do ${i.enteredBy} nhập`);
    line(`${by}, ${when(i.at)}${notes.length ? ` (${notes.join("; ")})` : ""}.`, S(false, false));
  });
  gap();

  heading("2. Ý kiến phân công của lãnh đạo đơn vị");
  if (!slip.assignments.length) line("Chưa phân công.", S(false, true));
  for (const a of slip.assignments) {
    const parts = [
      `${a.by ? `${a.by} giao ` : "Giao "}${a.to} (${ROLE_NAMES[a.role]}), ${when(a.at)}`,
    ];
    if (a.dueOn) parts.push(`hạn ${viDate(a.dueOn)}`);
    parts.push(STATUS_NAMES[a.status]);
    line(`- ${parts.join("; ")}.`);
  }
  gap();

  heading("3. Quá trình giải quyết");
  if (!slip.notes.length) line("Chưa có ghi chú.", S(false, true));
  for (const note of slip.notes)
    line(
      `- ${when(note.at)}, ${note.author}: ${note.text}${note.fileName ? ` (tệp: ${note.fileName})` : ""}`,
    );
  gap();

  heading("4. Kết quả giải quyết");
  for (const r of slip.results)
    line(
      `- ${r.who}${r.doneAt ? `, ${when(r.doneAt)}` : ""}: ${sentence(r.result ?? "đã giải quyết xong")}`,
    );
  line(`Tình trạng: ${PROGRESS_NAMES[slip.progress]}.`);
  line(`Ngày hoàn thành: ${slip.doneOn ? viDate(slip.doneOn) : "....../....../......"}.`);

  return {
    format: "state",
    page: { width: ND30.page.width, height: ND30.page.height, margin: { ...ND30.page.margin } },
    fontFamily: "Times New Roman",
    header: { left: { width: 0.45, lines: left }, right: { width: 0.55, lines: right } },
    title,
    addressees: [],
    body,
    footer: {
      left: { width: 0.5, lines: [] },
      right: { width: 0.5, lines: [] },
      signatureSpace: 0,
      signerName: null,
    },
    pageNumbers: { fromPage: 2, size: ND30.pageNumber, position: "top-center" },
  };
}
