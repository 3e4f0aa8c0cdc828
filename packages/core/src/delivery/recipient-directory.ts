/**
 * The agencies of one delivery plan, and what a name in a Kính gửi or Nơi nhận line resolves to:
 * an agency (by its name in any of the ways clerks write it, `recipient-names.ts`; by a former
 * name), a group ("Phòng Văn hóa và Thông tin các huyện, thành phố"), or the issuer's own people,
 * units and website ("Lãnh đạo Sở", "Giám đốc, các PGĐ Sở", "Phòng TTBCXB", "Website Sở").
 */
import { foldKey, foldSameLength } from "../text/vietnamese.ts";
import {
  matchEnds,
  nameForms,
  nameWords,
  sameName,
  type NameForm,
  type NameWord,
} from "./recipient-names.ts";

export interface KnownAgency {
  id: string;
  name: string;
  /** The province or city the agency belongs to ("Lạng Sơn"). */
  place: string | null;
  /** Its own abbreviation ("STTTT", "LĐLĐ"): the issuer's is a way to name itself. */
  abbreviation?: string;
  /** Names it had: a line written with one still finds it, when no agency has it now. */
  formerNames?: string[];
}

/** A unit of the issuing agency ("Phòng Thông tin - Báo chí - Xuất bản", "TTBCXB"). */
export interface KnownUnit {
  name: string;
  abbreviation: string;
}

/** Why a line is delivered to no one: the addressees above, the archive, the issuer itself. */
export const INTERNAL_REASONS = ["as-above", "archive", "own"] as const;
export type InternalReason = (typeof INTERNAL_REASONS)[number];

/** What a name resolves to. */
export type Resolution =
  { to: "agencies"; ids: string[]; group: boolean } | { to: "internal"; reason: InternalReason };

const AS_ABOVE = /^nhu (?:tren|kinh gui)(?![\p{L}\d])/u;
const ARCHIVE = /^luu(?![\p{L}\d])/u;

/** The issuer's leaders: "Lãnh đạo Sở" is internal, "Chủ tịch UBND tỉnh" is the UBND's. */
const LEADERS = [
  "lanh dao",
  "ban lanh dao",
  "giam doc",
  "pho giam doc",
  "ban giam doc",
  "bgd",
  "pgd",
  "chu tich",
  "pho chu tich",
  "ct",
  "pct",
  "thuong truc",
  "tt",
  "ban thuong truc",
  "ban thuong vu",
  "btv",
  "thu truong",
  "bo truong",
  "truong ban",
  "pho truong ban",
  "tong bien tap",
  "pho tong bien tap",
  "tbt",
  "cuc truong",
  "pho cuc truong",
  "vien truong",
  "hieu truong",
  "dong chi",
  "d c",
].map((h) => h.split(" "));

/** The issuer's parts: "Văn phòng Sở", "Website Sở"; another's ("Văn phòng Tỉnh ủy") stays open. */
const PARTS = [
  "van phong",
  "phong",
  "phong chuyen mon",
  "phong ban",
  "phong nghiep vu",
  "don vi",
  "don vi truc thuoc",
  "bo phan",
  "website",
  "trang web",
  "trang thong tin dien tu",
  "trang ttdt",
  "trang tin dien tu",
  "trang tin",
  "cong thong tin dien tu",
  "cong thong tin",
  "cong ttdt",
  "dang uy",
  "chi bo",
  "cong doan",
  "doan thanh nien",
  "chi doan",
  "chuyen vien",
  "can bo",
  "truong phong",
  "pho truong phong",
  "chanh van phong",
  "pho chanh van phong",
  "cvp",
  "pcvp",
  "ke toan",
].map((h) => h.split(" "));

const HEADS = [
  ...LEADERS.map((h) => ({ h, leader: true })),
  ...PARTS.map((h) => ({ h, leader: false })),
]
  // Longest first: "pho giam doc" before "giam doc"... before "phong".
  .sort((a, b) => b.h.length - a.h.length);

/** Two-word kinds of agency: "Liên đoàn", "Trung tâm", ... (a name's first word otherwise). */
const TWO_WORD_KINDS = new Set([
  "lien doan",
  "trung tam",
  "chi cuc",
  "tong cuc",
  "uy ban",
  "hoi dong",
  "cong ty",
  "co quan",
  "van phong",
  "hoc vien",
  "thanh tra",
  "kho bac",
  "ban quan ly",
]);

/** "Các <kind of agency> <levels>": "Các Phòng Văn hóa và Thông tin huyện, thành phố". */
const LEADING_GROUP =
  /^(cac\s+)(.+?)\s+((?:tinh|thanh pho|tp|huyen|quan|thi xa|tx|xa|phuong|thi tran|dac khu)(?:(?:\s*[,/]\s*|\s+va\s+)(?:tinh|thanh pho|tp|huyen|quan|thi xa|tx|xa|phuong|thi tran|dac khu))*)$/u;

/** Levels written after "các" in a group: "các huyện, thành phố". */
const LEVEL_WORDS: ReadonlyMap<string, string[]> = new Map([
  ["tinh", ["tinh"]],
  ["thanh pho", ["thanh", "pho"]],
  ["tp", ["thanh", "pho"]],
  ["huyen", ["huyen"]],
  ["quan", ["quan"]],
  ["thi xa", ["thi", "xa"]],
  ["tx", ["thi", "xa"]],
  ["xa", ["xa"]],
  ["phuong", ["phuong"]],
  ["thi tran", ["thi", "tran"]],
  ["dac khu", ["dac", "khu"]],
]);

interface AgencyForms {
  agency: KnownAgency;
  /** The words of its name as registered. */
  words: NameWord[];
  current: NameForm[];
  former: NameForm[];
}

const keysOf = (words: NameWord[]): string[] => words.map((w) => w.key);
const startsWith = (words: NameWord[], keys: string[], at = 0): boolean =>
  keys.every((k, n) => words[at + n]?.key === k);

/** Matches names against the agencies of one plan (forms made once per plan). */
export class Directory {
  /** The agencies by the first letter of their names' forms (current and former). */
  private readonly byInitial = new Map<string, AgencyForms[]>();
  private readonly resolved = new Map<string, Resolution | null>();
  private readonly issuer: NameForm[];
  private readonly issuerAbbreviation: string | null;
  private readonly issuerKinds: string[][];
  private readonly units: NameWord[][];
  private readonly unitAbbreviations: Set<string>;

  constructor(
    agencies: KnownAgency[],
    issuer: KnownAgency | null,
    units: KnownUnit[],
    private readonly place: string | null,
  ) {
    const formsOf = (a: KnownAgency, name: string) =>
      nameForms(name, a.place ?? place).filter(
        (f) => !f.placeImplied || !place || !a.place || foldKey(a.place) === foldKey(place),
      );
    for (const agency of agencies) {
      const forms: AgencyForms = {
        agency,
        words: nameWords(agency.name),
        current: formsOf(agency, agency.name),
        former: (agency.formerNames ?? []).flatMap((n) => formsOf(agency, n)),
      };
      const initials = new Set([...forms.current, ...forms.former].map((f) => initialOf(f.words)));
      for (const i of initials) {
        const list = this.byInitial.get(i);
        if (list) list.push(forms);
        else this.byInitial.set(i, [forms]);
      }
    }
    this.issuer = issuer ? formsOf(issuer, issuer.name) : [];
    // Its abbreviation as written ("STTTT"), not as initials: "BXD" is not "Báo Xây dựng".
    this.issuerAbbreviation = issuer?.abbreviation ? foldKey(issuer.abbreviation) : null;
    const kinds: string[][] = [
      ["co", "quan"],
      ["don", "vi"],
      ["co", "quan", "don", "vi"],
    ];
    if (issuer) {
      const words = keysOf(nameWords(issuer.name));
      const two = words.slice(0, 2).join(" ");
      kinds.push(TWO_WORD_KINDS.has(two) ? words.slice(0, 2) : words.slice(0, 1));
    } else kinds.push(["so"], ["cuc"], ["bo"], ["ban"], ["vien"], ["trung", "tam"]);
    this.issuerKinds = kinds;
    this.units = units.map((u) => nameWords(u.name));
    // A unit's abbreviation as written ("TTBCXB"), not as initials, as the issuer's.
    this.unitAbbreviations = new Set(units.map((u) => foldKey(u.abbreviation)).filter(Boolean));
  }

  /** The agencies a name is the name of (current names first, then former ones). */
  agenciesNamed(words: NameWord[]): string[] {
    if (!words.length) return [];
    // Every way of writing a name begins with the letter its first word begins with.
    const candidates = this.byInitial.get(initialOf(words)) ?? [];
    const named = (pick: (a: AgencyForms) => NameForm[]) =>
      candidates
        .filter((a) => pick(a).some((f) => sameName(words, f.words)))
        .map((a) => a.agency.id);
    const now = named((a) => a.current);
    return now.length ? now : named((a) => a.former);
  }

  /**
   * "<kind of agency> các <units>" ("UBND các huyện, thành phố"), "<kind> cấp <level>" ("UBND
   * cấp xã") or "Các <kind of agency> <units>" ("Các Đài Truyền thanh xã"): every agency of that
   * kind in the province.
   */
  group(name: string): string[] {
    // Found in the folded name (same offsets), so that "cac" typed without diacritics counts.
    const folded = foldSameLength(name);
    const inner = /\s+(cac|cap)\s+/u.exec(folded);
    const leading = LEADING_GROUP.exec(folded);
    let head: NameWord[];
    let levels: string[][] | null;
    if (inner && inner.index > 0) {
      // "Các Phòng VH&TT các huyện": the first "các" is the list's, not the name's.
      head = nameWords(name.slice(0, inner.index));
      if (head[0]?.key === "cac") head = head.slice(1);
      levels = levelsOf(foldKey(name.slice(inner.index + inner[0].length)));
      // "UBND cấp xã", "Đài truyền thanh cấp xã": only before levels.
      if (inner[1] === "cap" && !levels) return [];
    } else if (leading) {
      head = nameWords(name.slice(leading[1]!.length, leading[1]!.length + leading[2]!.length));
      levels = levelsOf(foldKey(leading[3]!));
    } else return [];
    if (!head.length) return [];
    const placeKey = this.place ? foldKey(this.place) : null;
    const members: string[] = [];
    for (const { agency, words: target } of this.byInitial.get(initialOf(head)) ?? []) {
      if (placeKey && agency.place && foldKey(agency.place) !== placeKey) continue;
      const ok = matchEnds(head, target).some((end) => {
        // The head names a kind of agency: two words at least ("Phòng Văn hóa và Thông tin").
        if (end < 2) return false;
        if (!levels) return end < target.length;
        if (end === target.length) return levels.some((l) => l[0] === "tinh" || l[0] === "thanh");
        return levels.some((l) => startsWith(target, l, end));
      });
      if (ok) members.push(agency.id);
    }
    return members;
  }

  /** The words name the issuer itself ("Sở", "Sở TT&TT", "LĐLĐ tỉnh", "cơ quan"). */
  isSelf(words: NameWord[]): boolean {
    if (!words.length) return false;
    const keys = keysOf(words).join(" ");
    if (this.issuerKinds.some((k) => k.join(" ") === keys)) return true;
    if (keys === this.issuerAbbreviation) return true;
    return this.issuer.some((f) => sameName(words, f.words));
  }

  /** A unit of the issuer, alone or with the issuer after it ("Phòng TTBCXB", "Văn phòng Sở"). */
  isOwnUnit(words: NameWord[]): boolean {
    const first = words[0]?.key;
    if (first && this.unitAbbreviations.has(first)) {
      const rest = tailAfterOf(words, 1);
      if (!rest.length || this.isSelf(rest)) return true;
    }
    return this.units.some(
      (unit) =>
        unit.length > 0 &&
        matchEnds(unit, words).some(
          (end) => end === words.length || this.isSelf(tailAfterOf(words, end)),
        ),
    );
  }

  /**
   * "Lãnh đạo Sở", "Giám đốc, các PGĐ Sở", "Thường trực LĐLĐ tỉnh": the issuer's own people and
   * parts. "Chủ tịch UBND tỉnh" names the UBND; "Văn phòng Tỉnh ủy", not the issuer's, is left open.
   */
  headed(words: NameWord[]): Resolution | null {
    const { heads, leader, at } = headsOf(words);
    if (!heads) return null;
    const rest = tailAfterOf(words, at);
    if (!rest.length || this.isSelf(rest) || this.isOwnUnit(rest))
      return { to: "internal", reason: "own" };
    // "Lãnh đạo Văn phòng Sở": a part of the issuer, led.
    const inner = this.headed(rest);
    if (inner?.to === "internal") return inner;
    if (!leader) return null;
    const ids = this.agenciesNamed(rest);
    return ids.length ? { to: "agencies", ids, group: false } : null;
  }

  /** A name as a whole: an agency, a group, or the issuer's own (each name worked out once). */
  resolve(name: string): Resolution | null {
    let r = this.resolved.get(name);
    if (r === undefined) this.resolved.set(name, (r = this.resolveName(name)));
    return r;
  }

  private resolveName(name: string): Resolution | null {
    const words = nameWords(name);
    if (!words.length) return null;
    const key = foldKey(name);
    if (AS_ABOVE.test(key)) return { to: "internal", reason: "as-above" };
    if (ARCHIVE.test(key)) return { to: "internal", reason: "archive" };
    const ids = this.agenciesNamed(words);
    if (ids.length) return { to: "agencies", ids, group: false };
    const members = this.group(name);
    if (members.length) return { to: "agencies", ids: members, group: true };
    if (this.isSelf(words) || this.isOwnUnit(words)) return { to: "internal", reason: "own" };
    return this.headed(words);
  }
}

const initialOf = (words: NameWord[]): string => words[0]?.key[0] ?? "";

/** The heads a name begins with ("Giám đốc, các PGĐ"), whether all are leaders, where they end. */
function headsOf(words: NameWord[]): { heads: number; leader: boolean; at: number } {
  let at = 0;
  let leader = true;
  let heads = 0;
  for (;;) {
    let p = at;
    if (heads && words[p]?.key === "va") p++;
    if (words[p]?.key === "cac") p++;
    const head = HEADS.find(({ h }) => startsWith(words, h, p));
    if (!head) break;
    leader &&= head.leader;
    heads++;
    at = p + head.h.length;
  }
  return { heads, leader, at };
}

/** Only leaders' titles ("Thường trực", "Chủ tịch, các PCT"): whose, the line does not say. */
export function onlyLeaders(name: string): boolean {
  const words = nameWords(name);
  const { heads, leader, at } = headsOf(words);
  return heads > 0 && leader && at === words.length;
}

/** After a head or a unit: "thuộc", "trực thuộc", "của" lead to the issuer. */
function tailAfterOf(words: NameWord[], at: number): NameWord[] {
  let p = at;
  if (startsWith(words, ["truc", "thuoc"], p)) p += 2;
  else if (words[p]?.key === "thuoc" || words[p]?.key === "cua") p += 1;
  return words.slice(p);
}

/** "huyện, thành phố" -> [["huyen"], ["thanh", "pho"]]; null when not only levels. */
function levelsOf(tail: string): string[][] | null {
  const parts = tail
    // "các tỉnh, thành phố trực thuộc Trung ương": the provinces.
    .replace(/\s+(?:truc thuoc|thuoc)\s+(?:tw|trung uong)$/u, "")
    .split(/\s*(?:,|;|\/|\bva\b)\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const levels = parts.map((p) => LEVEL_WORDS.get(p));
  return levels.length && levels.every(Boolean) ? (levels as string[][]) : null;
}
