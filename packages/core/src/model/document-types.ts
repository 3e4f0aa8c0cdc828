import { foldKey } from "../text/vietnamese.ts";

/**
 * Document types and their abbreviations.
 *
 * Administrative documents: Decree 30/2020/NĐ-CP, Phụ lục III ("Bảng chữ viết tắt tên loại văn
 * bản"). Công văn has no abbreviation in the decree; the parse contract uses "CV". Party documents
 * (Hướng dẫn 36-HD/VPTW, Quy định 66-QĐ/TW) use their own list, which adds Kết luận, Thông tri and
 * writes Quy định as "QĐ". Normative (legal) documents of Law 80/2015/QH13 carry the year in the
 * number ("27/2022/NĐ-CP") and add Luật, Nghị định, Thông tư, Pháp lệnh. See docs/sources.md.
 */
export interface DocumentType {
  /** Abbreviation as written in a symbol ("QĐ", "KH", "TTr"); "CV" for công văn. */
  code: string;
  /** Name as written in running text ("Quyết định"). */
  name: string;
  /** Where the type is defined. */
  family: "nd30" | "party" | "normative" | "other";
}

const T = (code: string, name: string, family: DocumentType["family"]): DocumentType => ({
  code,
  name,
  family,
});

/** Decree 30/2020/NĐ-CP, Phụ lục III, in the decree's order, plus Công văn. */
export const ND30_TYPES: readonly DocumentType[] = [
  T("NQ", "Nghị quyết", "nd30"),
  T("QĐ", "Quyết định", "nd30"),
  T("CT", "Chỉ thị", "nd30"),
  T("QC", "Quy chế", "nd30"),
  T("QYĐ", "Quy định", "nd30"),
  T("TC", "Thông cáo", "nd30"),
  T("TB", "Thông báo", "nd30"),
  T("HD", "Hướng dẫn", "nd30"),
  T("CTr", "Chương trình", "nd30"),
  T("KH", "Kế hoạch", "nd30"),
  T("PA", "Phương án", "nd30"),
  T("ĐA", "Đề án", "nd30"),
  T("DA", "Dự án", "nd30"),
  T("BC", "Báo cáo", "nd30"),
  T("BB", "Biên bản", "nd30"),
  T("TTr", "Tờ trình", "nd30"),
  T("HĐ", "Hợp đồng", "nd30"),
  T("CĐ", "Công điện", "nd30"),
  T("GN", "Bản ghi nhớ", "nd30"),
  T("TTh", "Bản thỏa thuận", "nd30"),
  T("GUQ", "Giấy ủy quyền", "nd30"),
  T("GM", "Giấy mời", "nd30"),
  T("GGT", "Giấy giới thiệu", "nd30"),
  T("GNP", "Giấy nghỉ phép", "nd30"),
  T("PG", "Phiếu gửi", "nd30"),
  T("PC", "Phiếu chuyển", "nd30"),
  T("PB", "Phiếu báo", "nd30"),
  T("BSY", "Bản sao y", "nd30"),
  T("BTS", "Bản trích sao", "nd30"),
  T("BSL", "Bản sao lục", "nd30"),
  T("CV", "Công văn", "nd30"),
];

/** Types that only Party bodies issue, or that Party bodies abbreviate differently. */
export const PARTY_TYPES: readonly DocumentType[] = [
  T("KL", "Kết luận", "party"),
  T("TT", "Thông tri", "party"),
  T("QĐ", "Quy định", "party"),
  T("CV", "Công văn", "party"),
];

/** Normative documents (Law 80/2015/QH13 and its successor) and consolidated texts. */
export const NORMATIVE_TYPES: readonly DocumentType[] = [
  T("L", "Luật", "normative"),
  T("BL", "Bộ luật", "normative"),
  T("PL", "Pháp lệnh", "normative"),
  T("NĐ", "Nghị định", "normative"),
  T("TT", "Thông tư", "normative"),
  T("TTLT", "Thông tư liên tịch", "normative"),
  T("NQLT", "Nghị quyết liên tịch", "normative"),
  T("VBHN", "Văn bản hợp nhất", "normative"),
  T("HP", "Hiến pháp", "normative"),
  T("L", "Lệnh", "normative"),
];

/** Names seen in running text that are not in the tables, with the type they stand for. */
const NAME_ALIASES: Record<string, string> = {
  "thong bao ket luan": "TB",
  dien: "CĐ",
  "cong dien khan": "CĐ",
  "quyet dinh ca biet": "QĐ",
  "nghi quyet ca biet": "NQ",
  "ban thoa thuan": "TTh",
  "giay uy quyen": "GUQ",
};

const byCode = new Map<string, DocumentType>();
for (const t of [...ND30_TYPES, ...NORMATIVE_TYPES]) if (!byCode.has(t.code)) byCode.set(t.code, t);
const partyByCode = new Map<string, DocumentType>();
for (const t of [...PARTY_TYPES, ...ND30_TYPES])
  if (!partyByCode.has(t.code)) partyByCode.set(t.code, t);
// Party "Quy định" is "QĐ"; a Party "QĐ" is as often a Quyết định: the symbol alone says Quyết định.
partyByCode.set("QĐ", ND30_TYPES[1]!);
partyByCode.set("TT", PARTY_TYPES[1]!);

const byName = new Map<string, DocumentType>();
for (const t of [...ND30_TYPES, ...PARTY_TYPES, ...NORMATIVE_TYPES]) {
  const key = foldKey(t.name);
  if (!byName.has(key)) byName.set(key, t);
}
for (const [alias, code] of Object.entries(NAME_ALIASES)) {
  const t = byCode.get(code);
  if (t) byName.set(alias, t);
}
// Common spellings of names with old/new tone placement fold to the same key already.

/** Every type name, longest first (for matching in running text). */
export const TYPE_NAMES_LONGEST_FIRST: readonly string[] = [...byName.keys()].sort(
  (a, b) => b.length - a.length,
);

/**
 * The type an abbreviation stands for, or null. Case-sensitive first ("TTr" vs "TT"), then
 * case-insensitive. `format` chooses the Party reading of the shared abbreviations.
 */
export function typeByCode(code: string, format: "state" | "party" = "state"): DocumentType | null {
  const table = format === "party" ? partyByCode : byCode;
  const exact = table.get(code);
  if (exact) return exact;
  const upper = code.toUpperCase();
  for (const [k, v] of table) if (k.toUpperCase() === upper) return v;
  return null;
}

/** The type named by a phrase ("Quyết định", "QUYẾT ĐỊNH", "quyet dinh"), or null. */
export function typeByName(name: string): DocumentType | null {
  return byName.get(foldKey(name)) ?? null;
}

/** True when `code` is a type abbreviation (so a symbol segment is a type, not an issuer). */
export function isTypeCode(code: string): boolean {
  return typeByCode(code) !== null || typeByCode(code, "party") !== null;
}

/**
 * The types a clerk can give a document of this format, one per abbreviation, each as
 * `typeByCode(code, format)` reads it (what the server stores): công văn first, then the
 * decree's order (Party types first for a Party document), then the normative ones.
 */
export function documentTypeChoices(format: "state" | "party" = "state"): DocumentType[] {
  const order =
    format === "party" ? [...PARTY_TYPES, ...ND30_TYPES] : [...ND30_TYPES, ...NORMATIVE_TYPES];
  const codes = ["CV", ...order.map((t) => t.code)];
  const out: DocumentType[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const type = typeByCode(code, format);
    if (type) out.push(type);
  }
  return out;
}
