/**
 * The parse contract (DESIGN.md section 3). Field names are public: tests, the API and other tools
 * read them. Add fields freely; never rename or remove these.
 *
 * Components follow Decree 30/2020/NĐ-CP Điều 8 and Phụ lục I (state format) and Hướng dẫn
 * 36-HD/VPTW (Party format): quốc hiệu (national motto) / tiêu đề Đảng, tên cơ quan ban hành
 * (issuer), số và ký hiệu (number and symbol), địa danh và thời gian (place and date), tên loại
 * và trích yếu (type and subject), kính gửi (addressees), nội dung (sections), chữ ký (signature),
 * nơi nhận (recipients) and lưu (archive).
 */
import type { Secrecy, Urgency } from "./vocabulary.ts";

/** "state": Decree 30/2020/NĐ-CP; "party": Hướng dẫn 36-HD/VPTW (ĐẢNG CỘNG SẢN VIỆT NAM). */
export const DOCUMENT_FORMATS = ["state", "party"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Signing authority prefix (thể thức đề ký): thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
export const AUTHORITIES = ["KT", "TM", "TL", "TUQ", "Q"] as const;
export type Authority = (typeof AUTHORITIES)[number];

export interface Issuer {
  /** Issuing body as written in the header, in name case ("Sở Thông tin và Truyền thông"). */
  name: string | null;
  /** The body above it, when the header has two lines ("UBND tỉnh Lạng Sơn"). */
  parent: string | null;
  /** The issuer's abbreviation in the symbol ("STTTT", "UBND", "TU"). */
  code: string | null;
  /** Unit of the issuer that drafted it, from the symbol ("TTBCXB" in "STTTT-TTBCXB"). */
  unit?: string | null;
  /** Where the name came from: the header lines, or inferred from the symbol and the body. */
  source?: "header" | "inferred" | null;
}

export interface DocumentTypeRef {
  /** Phụ lục III abbreviation; "CV" for công văn. */
  code: string;
  name: string;
}

export interface DateParts {
  day: number | null;
  month: number | null;
  year: number | null;
}

export interface Section {
  /** The item's label as printed, without the trailing dot ("1", "II", "Điều 3"). */
  label: string;
  /** The heading on the label's line, when it reads as a heading; null for a running paragraph. */
  title: string | null;
  /** The item's text, lines joined, without its label. */
  text: string;
  start: number;
  end: number;
}

export interface SignatureLevel {
  authority: Authority;
  title: string;
}

export interface Signature {
  /** The outermost authority prefix ("TM" in "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"), or null. */
  authority: Authority | null;
  /** The title after that prefix ("GIÁM ĐỐC" in "KT. GIÁM ĐỐC"). */
  authorityTitle: string | null;
  /** The signer's own title ("PHÓ GIÁM ĐỐC"); null when the block has none (Party "T/M BAN BÍ THƯ"). */
  signerTitle: string | null;
  signerName: string | null;
  /** Every level of the block, outermost first ("TL. CỤC TRƯỞNG / KT. TRƯỞNG BAN"). */
  levels?: SignatureLevel[];
  start?: number;
  end?: number;
}

export interface Citation {
  /** The first mention as written, white space collapsed. */
  text: string;
  /** Type abbreviation ("KH"), from the type name when written, else from the symbol. */
  type: string | null;
  typeName: string | null;
  number: string;
  symbol: string;
  reference: string;
  /** ISO date when day, month and year are all given. */
  date: string | null;
  /** The issuer after "của", as written; inferred from the symbol when the text gives none. */
  issuer: string | null;
  /** True when `issuer` was inferred from the symbol, not read after "của". */
  issuerInferred?: boolean;
  /** Offsets of the first mention in the parsed text (UTF-16 code units of the NFC text). */
  start: number;
  end: number;
  /** How many times the text mentions this document. */
  mentions?: number;
}

/** A problem the parser met, with a stable code (see WARNING_CODES) and an English message. */
export interface ParseNote {
  code: string;
  message: string;
  field?: string;
  start?: number;
  end?: number;
}

export interface ParsedDocument {
  format: DocumentFormat;
  issuer: Issuer;
  type: DocumentTypeRef | null;
  /** As printed, leading zeros kept; null when left blank (a draft). */
  number: string | null;
  /** Ký hiệu without the number ("STTTT-TTBCXB", "KH/TU", "NĐ-CP"). */
  symbol: string | null;
  /** Number and symbol, spacing removed ("374/STTTT-TTBCXB", "/STTTT-TTBCXB" for a draft). */
  reference: string | null;
  /** Year inside a normative reference ("2022" in "27/2022/NĐ-CP"). */
  referenceYear?: string | null;
  place: string | null;
  /** ISO date; null unless day, month and year are all given and form a real date. */
  date: string | null;
  dateParts: DateParts;
  /** Trích yếu: without "V/v" and without the final "."; line breaks joined. */
  subject: string | null;
  addressees: string[];
  sections: Section[];
  /** The body (after Kính gửi, before Nơi nhận) as paragraphs, wrapped lines joined. */
  paragraphs?: string[];
  /** Nơi nhận without the "Lưu" line. */
  recipients: string[];
  /** From "Lưu: VT, TTBCXB." -> ["VT", "TTBCXB"]. */
  archive: string[];
  signature: Signature;
  citations: Citation[];
  links: string[];
  /**
   * Độ khẩn as printed in the header area ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"); null when none is.
   * Always set by parseDocument (optional only for objects made elsewhere).
   */
  urgency?: Urgency | null;
  /** Độ mật as printed ("MẬT", "TỐI MẬT", "TUYỆT MẬT"); null when none is. */
  secrecy?: Secrecy | null;
  /** Where the type came from: the printed type line, "V/v", the symbol's abbreviation, or its shape. */
  typeSource?: "line" | "vv" | "symbol" | "shape" | null;
  /** Offsets [start, end) of header components in the text, for editors and the linter. */
  spans?: {
    reference?: [number, number];
    date?: [number, number];
    subject?: [number, number];
    signerName?: [number, number];
  };
  /** What the parser could not read, in words. */
  warnings: string[];
  /** The same problems with stable codes, for programs and for translated messages. */
  notes: ParseNote[];
}

/** Stable codes of parser notes. The CLI and the web app translate them. */
export const WARNING_CODES = {
  EMPTY_INPUT: "EMPTY_INPUT",
  NOT_A_DOCUMENT: "NOT_A_DOCUMENT",
  NO_REFERENCE: "NO_REFERENCE",
  BLANK_NUMBER: "BLANK_NUMBER",
  NO_DATE: "NO_DATE",
  INCOMPLETE_DATE: "INCOMPLETE_DATE",
  INVALID_DATE: "INVALID_DATE",
  NO_TYPE: "NO_TYPE",
  NO_SUBJECT: "NO_SUBJECT",
  NO_SIGNATURE: "NO_SIGNATURE",
  NO_SIGNER_NAME: "NO_SIGNER_NAME",
  NO_ISSUER: "NO_ISSUER",
  REPLACEMENT_CHARACTERS: "REPLACEMENT_CHARACTERS",
  INPUT_TRUNCATED: "INPUT_TRUNCATED",
} as const;
