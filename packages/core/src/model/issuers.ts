import { capitalize, foldKey, foldSameLength } from "../text/vietnamese.ts";

/**
 * Common issuer abbreviations used in symbols, with the name they stand for in running text.
 * Used to infer an issuer when the header lines are missing (text copied from a portal) and
 * when a citation gives no "của ...". Agencies registered in the database take precedence
 * over this table (issues 3 and 5); this is what any reader of official documents knows.
 */
export interface IssuerAbbreviation {
  code: string;
  name: string;
  /** A body of a province: the parent is the provincial People's Committee. */
  provincialDepartment?: boolean;
}

const A = (code: string, name: string, provincialDepartment = false): IssuerAbbreviation => ({
  code,
  name,
  provincialDepartment,
});

export const ISSUER_ABBREVIATIONS: readonly IssuerAbbreviation[] = [
  A("CP", "Chính phủ"),
  A("TTg", "Thủ tướng Chính phủ"),
  A("VPCP", "Văn phòng Chính phủ"),
  A("QH", "Quốc hội"),
  A("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
  A("TW", "Ban Chấp hành Trung ương Đảng"),
  A("TƯ", "Ban Chấp hành Trung ương Đảng"),
  A("VPTW", "Văn phòng Trung ương Đảng"),
  A("BTGTW", "Ban Tuyên giáo Trung ương"),
  A("TU", "Tỉnh ủy"),
  A("ThU", "Thành ủy"),
  A("HU", "Huyện ủy"),
  A("ĐUK", "Đảng ủy Khối"),
  A("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
  A("BTCTU", "Ban Tổ chức Tỉnh ủy"),
  A("BDVTU", "Ban Dân vận Tỉnh ủy"),
  A("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
  A("UBND", "UBND tỉnh"),
  A("HĐND", "HĐND tỉnh"),
  A("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
  A("LĐLĐ", "Liên đoàn Lao động tỉnh"),
  A("TLĐ", "Tổng Liên đoàn Lao động Việt Nam"),
  A("BCĐ", "Ban Chỉ đạo"),
  A("BTTTT", "Bộ Thông tin và Truyền thông"),
  A("BTC", "Bộ Tài chính"),
  A("BCT", "Bộ Công Thương"),
  A("BYT", "Bộ Y tế"),
  A("BXD", "Bộ Xây dựng"),
  A("BTP", "Bộ Tư pháp"),
  A("BNV", "Bộ Nội vụ"),
  A("BCA", "Bộ Công an"),
  A("BQP", "Bộ Quốc phòng"),
  A("BNG", "Bộ Ngoại giao"),
  A("BGDĐT", "Bộ Giáo dục và Đào tạo"),
  A("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
  A("LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
  A("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
  A("BKHCN", "Bộ Khoa học và Công nghệ"),
  A("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
  A("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
  A("BNNMT", "Bộ Nông nghiệp và Môi trường"),
  A("BTNMT", "Bộ Tài nguyên và Môi trường"),
  A("BGTVT", "Bộ Giao thông vận tải"),
  A("NHNN", "Ngân hàng Nhà nước Việt Nam"),
  A("TTCS", "Cục Thông tin cơ sở"),
  A("CHQ", "Cục Hải quan"),
  A("TBTT", "Tiểu ban Truyền thông"),
  A("STTTT", "Sở Thông tin và Truyền thông", true),
  A("SCT", "Sở Công Thương", true),
  A("SYT", "Sở Y tế", true),
  A("STC", "Sở Tài chính", true),
  A("SNV", "Sở Nội vụ", true),
  A("STP", "Sở Tư pháp", true),
  A("SXD", "Sở Xây dựng", true),
  A("SGDĐT", "Sở Giáo dục và Đào tạo", true),
  A("SKHĐT", "Sở Kế hoạch và Đầu tư", true),
  A("SKHCN", "Sở Khoa học và Công nghệ", true),
  A("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", true),
  A("SVHTT", "Sở Văn hóa và Thể thao", true),
  A("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội", true),
  A("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", true),
  A("SNNMT", "Sở Nông nghiệp và Môi trường", true),
  A("STNMT", "Sở Tài nguyên và Môi trường", true),
  A("SGTVT", "Sở Giao thông vận tải", true),
  A("SDTTG", "Sở Dân tộc và Tôn giáo", true),
];

const byCode = new Map<string, IssuerAbbreviation>();
for (const a of ISSUER_ABBREVIATIONS) byCode.set(a.code, a);

/** The abbreviation entry for a symbol's issuer code; "QH13" reads as "QH". */
export function issuerByCode(code: string | null | undefined): IssuerAbbreviation | null {
  if (!code) return null;
  return byCode.get(code) ?? byCode.get(code.replace(/\d+$/, "")) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Name case: header lines are printed in capitals; names are stored as written in running text.

/** Multi-word terms with a fixed spelling inside agency names. */
const FIXED_TERMS: ReadonlyArray<[string, string]> = [
  ["uy ban nhan dan", "Ủy ban nhân dân"],
  ["hoi dong nhan dan", "Hội đồng nhân dân"],
  ["mat tran to quoc", "Mặt trận Tổ quốc"],
  ["ban chap hanh", "Ban Chấp hành"],
  ["ban thuong vu", "Ban Thường vụ"],
  ["ban bi thu", "Ban Bí thư"],
  ["bo chinh tri", "Bộ Chính trị"],
  ["thu tuong", "Thủ tướng"],
  ["chinh phu", "Chính phủ"],
  ["quoc hoi", "Quốc hội"],
  ["trung uong", "Trung ương"],
  ["viet nam", "Việt Nam"],
  ["cong thuong", "Công Thương"],
  ["nha nuoc", "Nhà nước"],
  ["tinh uy", "Tỉnh ủy"],
  ["thanh uy", "Thành ủy"],
  ["huyen uy", "Huyện ủy"],
  ["dang uy", "Đảng ủy"],
  ["dang bo", "Đảng bộ"],
  ["dang", "Đảng"],
];

const FIXED_TERMS_SIZED: ReadonlyArray<[string, string, number]> = FIXED_TERMS.map(([k, v]) => [
  k,
  v,
  k.split(" ").length,
]);

/** Words that open an agency name; the word after them starts the field and is capitalised. */
const HEADS = new Set([
  "bo",
  "so",
  "cuc",
  "tong cuc",
  "chi cuc",
  "vu",
  "ban",
  "van phong",
  "trung tam",
  "phong",
  "vien",
  "hoc vien",
  "cong doan",
  "lien doan",
  "hoi",
  "dai",
  "truong",
  "thanh tra",
  "kho bac",
  "uy ban",
  "tieu ban",
  "doan",
  "chi bo",
]);

/** Place qualifiers: written in lower case, the place name after them in capitals of each word. */
const PLACE_WORDS = new Set([
  "tinh",
  "thanh pho",
  "huyen",
  "quan",
  "thi xa",
  "xa",
  "phuong",
  "thi tran",
  "dac khu",
]);

/** Abbreviations kept in capitals inside names. */
const KEEP_UPPER = /^(?:UBND|HĐND|MTTQ|TP|TX|TW|TƯ|BCH|LĐLĐ|PT-TH|TT&TT|KT-XH|CNTT|TNHH|VNPT)$/u;

/** Place qualifiers written abbreviated ("TP. LẠNG SƠN", "TX. SƠN TÂY"): a place name follows. */
const PLACE_ABBREVIATIONS = /^(?:TP|TX)\.?$/u;

/**
 * "TƯ" is Trung ương's abbreviation, but also a syllable of common words: "TƯ PHÁP", "ĐẦU TƯ",
 * "TƯ VẤN" ("BỘ TƯ PHÁP" is "Bộ Tư pháp", not "Bộ TƯ pháp").
 */
function tuInAWord(keys: string[], i: number): boolean {
  if (keys[i]?.toLowerCase() !== "tu") return false;
  return (
    keys[i - 1]?.toLowerCase() === "dau" ||
    /^(?:phap|van|nhan|lieu|duy|cach|thuc|ban)$/i.test(keys[i + 1] ?? "")
  );
}

/**
 * "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" -> "Ủy ban nhân dân tỉnh Bắc Ninh",
 * "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" -> "Sở Thông tin và Truyền thông". Text that is not all in
 * capitals is returned unchanged.
 */
export function toNameCase(upper: string): string {
  const src = upper.replace(/[^\S ]\s*| \s+/g, " ").trim();
  if (!src || /\p{Ll}/u.test(src)) return src;
  const words = src.split(" ");
  // Folded words without trailing punctuation, computed once.
  const keys = words.map((w) => foldSameLength(w.replace(/[,;.]$/, "")));
  const keyOf = (i: number, n: number): string => keys.slice(i, i + n).join(" ");
  const out: string[] = [];
  let capitalizeNext = true; // start of a name or of a field
  let properName = false; // inside a place name
  let afterPartyCommittee = false; // just after "Đảng ủy": a place ("xã X") or a bloc ("Khối")
  for (let i = 0; i < words.length;) {
    const partyCommittee = afterPartyCommittee;
    afterPartyCommittee = false;
    const raw = words[i]!;
    if (KEEP_UPPER.test(raw.replace(/[,;.]$/, "")) && !tuInAWord(keys, i)) {
      out.push(raw);
      i++;
      capitalizeNext = false;
      if (PLACE_ABBREVIATIONS.test(raw)) properName = true;
      continue;
    }
    // Fixed terms, longest first (they are few).
    let matched = false;
    for (const [key, spelled, n] of FIXED_TERMS_SIZED) {
      if (keys[i] !== key.slice(0, keys[i]!.length) || keyOf(i, n) !== key) continue;
      const slice = words.slice(i, i + n).join(" ");
      const trail = /[,;.]$/.exec(slice)?.[0] ?? "";
      {
        out.push(...(spelled + trail).split(" "));
        i += n;
        matched = true;
        // After "Ủy ban nhân dân" comes a place ("tỉnh Bắc Ninh"); after "Văn phòng" a field.
        // After "Đảng ủy" the bloc's own word ("Khối"), not a place.
        capitalizeNext =
          (HEADS.has(key) && key !== "uy ban nhan dan" && key !== "hoi dong nhan dan") ||
          key === "dang uy";
        properName = key.endsWith(" uy") && key !== "dang uy";
        afterPartyCommittee = key === "dang uy";
        break;
      }
    }
    if (matched) continue;
    const lower = raw.toLowerCase();
    const key = keys[i]!;
    const two = keyOf(i, 2);
    if ((!capitalizeNext || partyCommittee) && (PLACE_WORDS.has(two) || PLACE_WORDS.has(key))) {
      const n = PLACE_WORDS.has(two) ? 2 : 1;
      out.push(...words.slice(i, i + n).map((w) => w.toLowerCase()));
      i += n;
      properName = true;
      continue;
    }
    const word = capitalizeNext || properName ? capitalize(lower) : lower;
    out.push(word);
    i++;
    const isHead = HEADS.has(key) || HEADS.has(two);
    if (HEADS.has(two) && !HEADS.has(key)) {
      out.push(words[i]!.toLowerCase());
      i++;
    }
    capitalizeNext = isHead || key === "va" || lower.endsWith(",") || lower === "-";
    if (/[,;]$/.test(lower)) properName = false;
  }
  return out.join(" ");
}

/**
 * Whether an issuer code belongs to a Party body (symbols `103-KH/TU`) or a state body (symbols
 * `09/KH-UBND`); null when unknown. Unions and the Fatherland Front write state-shaped symbols.
 */
export function issuerKind(code: string | null | undefined): "party" | "state" | null {
  if (!code) return null;
  if (/^(?:TW|TƯ|VPTW|TU|TƯ|ThU|HU|QU|ĐU|ĐUK|ĐU[A-ZĐ]*)$/u.test(code)) return "party";
  if (/^(?:BTG|BTC|BDV|UBKT|VP|BTGDV|BNC|BKT)[A-ZĐ]*(?:TU|TW|ThU|HU)$/u.test(code)) return "party";
  if (/^(?:UBND|HĐND|CP|TTg|VPCP|QH\d*|UBTVQH\d*|MTTQ|LĐLĐ|TLĐ)$/u.test(code)) return "state";
  const known = issuerByCode(code);
  if (known && /^(?:Bộ|Sở|Cục|Tổng cục|Văn phòng Chính phủ|Ngân hàng)/u.test(known.name))
    return "state";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Full names: the issuer line of a header names a unit of the body above it ("UBND TỈNH LẠNG
// SƠN" / "VĂN PHÒNG"); a register, a list or a feed shows the name on its own.

/** Place words as written in names (lower case): "tỉnh Lạng Sơn", "xã Mai Pha", "TP. Hà Nội". */
const PLACE_WORD = "tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|TP\\.?";
/** A place named in a name: the place word, then a capital or a number ("phường 5"). */
const NAMED_PLACE = new RegExp(`(?:^|\\s)(?:${PLACE_WORD})\\s+[\\p{Lu}\\d]`, "u");
/** The place at the end of a body's name: "UBND tỉnh Lạng Sơn" -> tỉnh, Lạng Sơn. */
const TRAILING_PLACE = new RegExp(`(?:^|\\s)(${PLACE_WORD})\\s+([\\p{Lu}\\d][^,;()]*)$`, "u");
/** A name ending in a bare place word: "Đảng ủy Khối các cơ quan tỉnh". */
const BARE_PLACE_END = new RegExp(`\\s(${PLACE_WORD})$`, "u");
/** A Party committee with its place: "Tỉnh ủy Lạng Sơn", "Huyện ủy Văn Lãng". */
const COMMITTEE = /^(Tỉnh|Thành|Huyện|Quận|Thị) (?:ủy|uỷ)\s+([\p{Lu}\d].*)$/u;
const COMMITTEE_PLACE: Record<string, string> = {
  Tỉnh: "tỉnh",
  Thành: "thành phố",
  Huyện: "huyện",
  Quận: "quận",
  Thị: "thị xã",
};
/** Bodies of the whole country, whose names stand alone. */
const NATIONAL = /^bo (?!chi huy)|\b(?:chinh phu|quoc hoi|trung uong|viet nam|nha nuoc)\b/;

/** The place a body is of, from the end of its name ("UBND tỉnh Lạng Sơn", "Tỉnh ủy Lạng Sơn"). */
function placeOf(body: string): { word: string; proper: string } | null {
  const committee = COMMITTEE.exec(body);
  if (committee) return { word: COMMITTEE_PLACE[committee[1]!]!, proper: committee[2]!.trim() };
  const m = TRAILING_PLACE.exec(body);
  return m ? { word: m[1]!, proper: m[2]!.trim() } : null;
}

/**
 * The issuing body's name standing alone, from the issuer line of the header and the line above
 * it (`Issuer.name`, `Issuer.parent`): a unit takes its parent's name ("Văn phòng" under "UBND
 * tỉnh Lạng Sơn" is "Văn phòng UBND tỉnh Lạng Sơn", "Ban Thường vụ" under "Tỉnh ủy Lạng Sơn" is
 * "Ban Thường vụ Tỉnh ủy Lạng Sơn"); an agency of a People's Committee its place ("Sở Y tế tỉnh
 * Lạng Sơn"); a Party organisation's committee the organisation's place ("Tỉnh ủy" under "Đảng
 * bộ tỉnh Lạng Sơn" is "Tỉnh ủy Lạng Sơn"). A name that says its place, holds its parent's name
 * or names a body of the whole country is kept as it is.
 */
export function issuerFullName(issuer: {
  name: string | null;
  parent: string | null;
}): string | null {
  const name = issuer.name?.replace(/\s+/g, " ").trim() || null;
  const parent = issuer.parent?.replace(/\s+/g, " ").trim() || null;
  if (!name || !parent) return name;
  const n = foldKey(name);
  const p = foldKey(parent);
  // A branch is its parent's: "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Lạng Sơn".
  if (/^chi nhanh\b/.test(n))
    return `${parent} ${name.charAt(0).toLocaleLowerCase("vi")}${name.slice(1)}`;
  if (n.includes(p) || NATIONAL.test(n) || NAMED_PLACE.test(name) || COMMITTEE.test(name))
    return name;
  const place = placeOf(parent);
  if (place) {
    // "Báo Lạng Sơn" under "Tỉnh ủy Lạng Sơn" says its place by the place's name alone.
    if (n.includes(foldKey(place.proper))) return name;
    const bare = BARE_PLACE_END.exec(name);
    if (bare && foldKey(bare[1]!) === foldKey(place.word)) return `${name} ${place.proper}`;
    if (/^dang bo\b/.test(p) && /^(?:tinh|thanh|huyen|quan|thi) uy$/.test(n))
      return `${name} ${place.proper}`;
    if (/^dang bo\b/.test(p) && n === "dang uy") return `${name} ${place.word} ${place.proper}`;
    // The agencies of a People's Committee are the place's; its office is the committee's.
    if (/^(?:ubnd|uy ban nhan dan)\b/.test(p) && n !== "van phong")
      return `${name} ${place.word} ${place.proper}`;
  }
  return `${name} ${parent}`;
}

/** An agency as a list shows it. */
export interface NamedAgency {
  id: string;
  name: string;
  parentLine: string | null;
  place: string | null;
  code?: string | null;
}

/**
 * Each agency's name, told apart from the others of the same name in the list (names compared
 * folded, as the directory compares them): "Văn phòng (UBND tỉnh Lạng Sơn)" beside "Văn phòng
 * (UBND tỉnh Hải Dương)". The qualifier is the first that differs within the group: the parent
 * line, else the place, else both, else the agency's code as well.
 */
export function distinctAgencyNames(agencies: readonly NamedAgency[]): Map<string, string> {
  const groups = new Map<string, NamedAgency[]>();
  for (const a of agencies) {
    const key = foldKey(a.name);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const both = (a: NamedAgency) => [a.parentLine, a.place].filter(Boolean).join(", ") || null;
  const tries: Array<(a: NamedAgency) => string | null> = [
    (a) => a.parentLine ?? a.place,
    (a) => a.place ?? a.parentLine,
    both,
    (a) => [both(a), a.code].filter(Boolean).join(", ") || null,
  ];
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      labels.set(group[0]!.id, group[0]!.name);
      continue;
    }
    const qualify =
      tries.find((q) => {
        const values = group.map((a) => q(a));
        return (
          values.every((v) => v !== null) &&
          new Set(values.map((v) => foldKey(v!))).size === values.length
        );
      }) ?? tries[tries.length - 1]!;
    for (const a of group) {
      const q = qualify(a);
      labels.set(a.id, q ? `${a.name} (${q})` : a.name);
    }
  }
  return labels;
}
