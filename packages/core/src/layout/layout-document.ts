import type { ParsedDocument } from "../model/parsed-document.ts";
import { SECRECY_NAMES, URGENCY_NAMES } from "../model/vocabulary.ts";
import type { Column, LayoutModel, Paragraph, StyledLine, TextStyle } from "./layout-model.ts";

/** A document to lay out: the parse contract, or a draft with the same fields. */
export type LayoutSource = Pick<
  ParsedDocument,
  | "format"
  | "issuer"
  | "type"
  | "number"
  | "symbol"
  | "place"
  | "dateParts"
  | "subject"
  | "addressees"
  | "recipients"
  | "archive"
  | "signature"
> & {
  paragraphs?: string[];
  sections?: ParsedDocument["sections"];
  /** Độ khẩn and độ mật, printed under the number (ND30 Phụ lục I); none when null or absent. */
  urgency?: ParsedDocument["urgency"];
  secrecy?: ParsedDocument["secrecy"];
};

/** The marks printed under the number, in capitals: "MẬT", then "HỎA TỐC". */
export function markingLines(doc: Pick<LayoutSource, "urgency" | "secrecy">): string[] {
  const out: string[] = [];
  if (doc.secrecy) out.push(upper(SECRECY_NAMES[doc.secrecy]));
  if (doc.urgency) out.push(upper(URGENCY_NAMES[doc.urgency]));
  return out;
}

const S = (size: number, align: TextStyle["align"], bold = false, italic = false): TextStyle => ({
  size,
  align,
  bold,
  italic,
});

/** Page and text numbers chosen inside the ranges of Decree 30/2020/NĐ-CP Phụ lục I. */
export const ND30 = {
  page: { width: 210, height: 297, margin: { top: 20, bottom: 20, left: 30, right: 15 } },
  motto: 13,
  mottoSubtitle: 14,
  issuer: 13,
  number: 13,
  placeDate: 14,
  typeName: 14,
  subject: 14,
  vv: 13,
  /** Between the title (the subject's rule) and what follows, in points. */
  titleSpaceAfter: 10,
  body: 14,
  bodyIndent: 12.7,
  bodySpaceAfter: 6,
  bodyLineHeight: 1.2,
  recipientsHeading: 12,
  recipients: 11,
  signature: 14,
  signatureSpace: 28,
  pageNumber: 13,
} as const;

/**
 * The date as written under the motto: day < 10 and months 1 and 2 with a leading zero
 * (Decree 30/2020/NĐ-CP Phụ lục I); blank parts left as spaces for a draft.
 */
export function formatWrittenDate(place: string | null, parts: LayoutSource["dateParts"]): string {
  const day = parts.day === null ? "     " : String(parts.day).padStart(2, "0");
  const month =
    parts.month === null
      ? "     "
      : parts.month <= 2
        ? String(parts.month).padStart(2, "0")
        : String(parts.month);
  const year = parts.year === null ? "     " : String(parts.year);
  return `${place ? `${place}, ` : ""}ngày ${day} tháng ${month} năm ${year}`;
}

/** The number as printed: numbers under 10 with a leading zero (Decree 30/2020/NĐ-CP Phụ lục I). */
export function formatNumberLine(doc: LayoutSource): string {
  const number = doc.number === null ? "" : /^\d$/.test(doc.number) ? `0${doc.number}` : doc.number;
  const symbol = doc.symbol ?? "";
  if (doc.format === "party") return `Số ${number}-${symbol}`;
  return `Số: ${number}/${symbol}`;
}

/** An authority as printed: "KT." in state documents, "K/T" in Party ones (36-HD/VPTW). */
export function authorityPrefix(format: "state" | "party", authority: string): string {
  if (format !== "party") return `${authority}.`;
  return (
    ({ KT: "K/T", TM: "T/M", TL: "T/L", TUQ: "TUQ.", Q: "Q." } as Record<string, string>)[
      authority
    ] ?? authority
  );
}

function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

/**
 * Two-syllable words of agency names, which a line of the header must not split ("SỞ THÔNG TIN
 * VÀ / TRUYỀN THÔNG", never "... TRUYỀN / THÔNG"). Folded, lower case.
 */
const NAME_WORDS = new Set(
  (
    "thông tin,truyền thông,giáo dục,đào tạo,nhân dân,kế hoạch,đầu tư,tài chính,nội vụ,tư pháp," +
    "công thương,xây dựng,giao thông,vận tải,nông nghiệp,phát triển,nông thôn,tài nguyên," +
    "môi trường,lao động,thương binh,xã hội,văn hóa,văn hoá,thể thao,du lịch,khoa học,công nghệ," +
    "y tế,ngoại vụ,thanh tra,dân tộc,tôn giáo,kiểm tra,tuyên giáo,dân vận,tổ chức,mặt trận," +
    "tổ quốc,công đoàn,liên đoàn,thanh niên,phụ nữ,nông dân,chiến binh,ủy ban,uỷ ban,hội đồng," +
    "văn phòng,đại học,cao đẳng,trung tâm,phát thanh,truyền hình,báo chí,xuất bản,công an," +
    "quân sự,biên phòng,hải quan,kho bạc,ngân hàng,bảo hiểm,thống kê,chính trị,quốc gia," +
    "nhà nước,thành phố,thị xã,thị trấn,tỉnh ủy,tỉnh uỷ,huyện ủy,huyện uỷ,thành ủy,thành uỷ," +
    "đảng ủy,đảng uỷ,thường vụ,chấp hành,quản lý,dự án,hành chính,công chức,viên chức,an ninh," +
    "quốc phòng,cộng sản,việt nam,bình đẳng,gia đình,trẻ em,sức khỏe,sức khoẻ,dân số,nội chính"
  ).split(","),
);

/** A name with its two-syllable words bound by no-break spaces, so that lines break between words. */
export function keepNameWords(name: string): string {
  const words = name.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ""}`.toLocaleLowerCase("vi");
    if (i + 1 < words.length && NAME_WORDS.has(pair)) {
      out.push(`${words[i]}\u00a0${words[i + 1]}`);
      i++;
    } else out.push(words[i]!);
  }
  return out.join(" ");
}

/** Lays out a document. Pure: the same document always gives the same model. */
export function layoutDocument(doc: LayoutSource): LayoutModel {
  const party = doc.format === "party";
  const cv = doc.type?.code === "CV";

  // Header, left: parent body, issuer (bold, rule under it), number, and V/v for a công văn.
  const left: StyledLine[] = [];
  if (doc.issuer.parent)
    left.push({ text: keepNameWords(upper(doc.issuer.parent)), style: S(ND30.issuer, "center") });
  left.push({
    text: keepNameWords(upper(doc.issuer.name ?? "")),
    style: S(ND30.issuer, "center", true),
    ruleBelow: party ? undefined : 0.4,
  });
  if (party) left.push({ text: "*", style: S(ND30.issuer, "center") });
  left.push({ text: formatNumberLine(doc), style: S(ND30.number, "center"), spaceBefore: 6 });
  if (cv && doc.subject)
    left.push({ text: `V/v ${doc.subject}`, style: S(ND30.vv, "center"), spaceBefore: 2 });
  // Độ mật and độ khẩn under the number (Phụ lục I, ô 10a and 10b), in bold capitals.
  for (const mark of markingLines(doc))
    left.push({ text: mark, style: S(ND30.number, "center", true), spaceBefore: 6 });

  // Header, right: motto and subtitle (rule under it), or the Party title; place and date.
  const right: StyledLine[] = party
    ? [
        {
          text: "ĐẢNG CỘNG SẢN VIỆT NAM",
          style: S(ND30.mottoSubtitle + 1, "center", true),
          ruleBelow: 1,
        },
      ]
    : [
        { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: S(ND30.motto, "center", true) },
        {
          text: "Độc lập - Tự do - Hạnh phúc",
          style: S(ND30.mottoSubtitle, "center", true),
          ruleBelow: 1,
        },
      ];
  right.push({
    text: formatWrittenDate(doc.place, doc.dateParts),
    style: S(ND30.placeDate, party ? "right" : "center", false, true),
    spaceBefore: 10,
  });

  const header = {
    left: { width: 0.4, lines: left } as Column,
    right: { width: 0.6, lines: right } as Column,
  };

  // Type and subject (not for a công văn).
  const title: StyledLine[] = [];
  if (!cv && doc.type) {
    title.push({
      text: upper(doc.type.name),
      style: S(ND30.typeName, "center", true),
      spaceBefore: 18,
    });
    if (doc.subject)
      title.push({ text: doc.subject, style: S(ND30.subject, "center", true), ruleBelow: 0.35 });
    title[title.length - 1]!.spaceAfter = ND30.titleSpaceAfter;
  }

  // Kính gửi.
  const addressees: StyledLine[] = [];
  if (doc.addressees.length === 1) {
    addressees.push({
      text: `Kính gửi: ${doc.addressees[0]}.`,
      style: S(ND30.body, "center"),
      spaceBefore: 14,
    });
  } else if (doc.addressees.length > 1) {
    addressees.push({ text: "Kính gửi:", style: S(ND30.body, "center"), spaceBefore: 14 });
    doc.addressees.forEach((a, i) =>
      addressees.push({
        text: `- ${a}${i === doc.addressees.length - 1 ? "." : ";"}`,
        style: S(ND30.body, "left"),
      }),
    );
  }

  // Body: paragraphs justified with a first-line indent; lines in capitals centred and bold,
  // except the heading of a part numbered in Roman numerals ("I. KẾT QUẢ THỰC HIỆN"): bold
  // capitals indented like the items under it, as offices write a báo cáo's or kế hoạch's parts.
  const texts = doc.paragraphs?.length
    ? doc.paragraphs
    : (doc.sections ?? []).map((s) => `${s.label}. ${s.title ?? ""} ${s.text}`.trim());
  const body: Paragraph[] = texts.map((text) => {
    const caps = text === upper(text) && text !== text.toLowerCase();
    const heading =
      /^(?:[IVXL]+[.-]|Điều\s+\d+|\d+\.)\s/u.test(text) && text.length < 120 && !/[.;]$/.test(text);
    const centred = caps && !(heading && /^[IVXL]+[.-]\s/u.test(text));
    return {
      text,
      style: S(ND30.body, centred ? "center" : "justify", caps || heading),
      firstLineIndent: centred ? 0 : ND30.bodyIndent,
      spaceAfter: ND30.bodySpaceAfter,
      lineHeight: ND30.bodyLineHeight,
      keepWithNext: caps || heading,
    };
  });

  // Footer: Nơi nhận (left) and the signature block (right).
  const recipients: StyledLine[] = [];
  if (doc.recipients.length || doc.archive.length) {
    recipients.push({ text: "Nơi nhận:", style: S(ND30.recipientsHeading, "left", true, true) });
    for (const r of doc.recipients)
      recipients.push({ text: `- ${r};`, style: S(ND30.recipients, "left") });
    if (doc.archive.length)
      recipients.push({
        text: `- Lưu${party ? "" : ":"} ${doc.archive.join(", ")}.`,
        style: S(ND30.recipients, "left"),
      });
  }
  const sig = doc.signature;
  const signature: StyledLine[] = [];
  const prefix = (a: string): string => authorityPrefix(doc.format, a);
  for (const level of sig.levels?.length
    ? sig.levels
    : sig.authority
      ? [{ authority: sig.authority, title: sig.authorityTitle ?? "" }]
      : []) {
    signature.push({
      text: `${prefix(level.authority)} ${upper(level.title)}`,
      style: S(ND30.signature, "center", true),
    });
  }
  if (sig.signerTitle)
    signature.push({ text: upper(sig.signerTitle), style: S(ND30.signature, "center", true) });
  const footer = {
    left: { width: 0.45, lines: recipients } as Column,
    right: { width: 0.55, lines: signature } as Column,
    signatureSpace: ND30.signatureSpace,
    signerName: sig.signerName
      ? { text: sig.signerName, style: S(ND30.signature, "center", true) }
      : null,
  };

  return {
    format: doc.format,
    page: { width: ND30.page.width, height: ND30.page.height, margin: { ...ND30.page.margin } },
    fontFamily: "Times New Roman",
    header,
    title,
    addressees,
    body,
    footer,
    pageNumbers: { fromPage: 2, size: ND30.pageNumber, position: "top-center" },
  };
}
