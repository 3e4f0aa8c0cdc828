import { typeByCode, typeByName, TYPE_NAMES_LONGEST_FIRST } from "../model/document-types.ts";
import { toIsoDate } from "../model/dates.ts";
import { issuerByCode } from "../model/issuers.ts";
import type { Citation } from "../model/parsed-document.ts";
import { parseReference, type ParsedReference } from "../model/reference.ts";
import { trimEndChars, type TextView } from "../text/lines.ts";

/**
 * Every cited document that has a number: "Kế hoạch số 103-KH/TU ngày 21/3/2023 của Tỉnh ủy",
 * "Công văn số 313/UBND-KGVX", "Nghị định số 27/2022/NĐ-CP", "Luật Đất đai số 31/2024/QH15",
 * "văn bản số 87/TB-VPCP", lists ("Công điện số 217, 218 và 222/CĐ-TTg", "các văn bản số:
 * 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng Chính phủ").
 *
 * The scan is anchored on reference shapes (a number followed by "/" or "-TYPE/"), then reads a
 * bounded window before (type name, "số", list numbers) and after (date, "của" issuer) each one,
 * so the cost is linear in the text whatever it holds.
 */
export interface ExtractOptions {
  /** The document's own reference: mentions of it (annex captions) are not citations. */
  ownReference?: string | null;
  /** Offsets to skip (the header's number line). */
  skip?: Array<[number, number]>;
}

// The character before the number is checked in code, not by a lookbehind, which the engine
// would try at every position of the text.
// A third shape, a Party reference printed without its hyphen ("Kết luận 174 KL/TW"), is taken
// only after a type name.
const ANCHOR =
  /\d{1,6}(?=[ \t]{0,2}-(?:[ \t]{0,2}|\n[ \t]*)\p{Lu}[\p{L}\d&]*[ \t]?\/|[ \t]?\/(?:[ \t]|\n[ \t]*)?(?:\d{4}[ \t]?\/(?:[ \t]|\n[ \t]*)?)?\p{Lu}| \p{Lu}{1,4}\/\p{Lu})/gu;

/** "174 KL/TW": number, space, a Party type code, slash. */
const SPACED_PARTY = /^\d{1,6} \p{Lu}{1,4}\//u;

/**
 * Words that follow a number and a slash without being a symbol: a Công báo page header
 * ("CÔNG BÁO/Số 123 + 124/Ngày 15-02-2016"), "năm 2025/Năm ...".
 */
const NOT_A_SYMBOL = /^(?:\d{4}\/)?(?:Ngày|Năm|Tháng|Số|Trang|Kỳ|Quý|Giờ|Lần)(?![\p{L}\d])/u;

const BACK_WINDOW = 160;
const FORWARD_WINDOW = 260;

const TYPE_ALT = [...TYPE_NAMES_LONGEST_FIRST, "van ban", "cong van"]
  .map((n) => n.replace(/ /g, "\\s+"))
  .join("|");
/** Type name right before the number: "Kế hoạch số", "Chỉ thị số:", "Nghị quyết 13-NQ/TƯ". */
const TYPE_BEFORE = new RegExp(String.raw`(?:^|[^a-z])(${TYPE_ALT})\s*(?:so\s*:?\s*)?$`);
/** A law named between its type and "số": "Luật Đất đai số", "Pháp lệnh Ưu đãi ... số". */
const NAMED_BEFORE = /(?:^|[^a-z])(bo luat|luat|phap lenh)\s[^;\n()]{1,120}?\sso\s*:?\s*$/;
const SO_BEFORE = /(?:^|[^a-z])so\s*:?\s*$/;
/** Numbers listed before the anchored reference: "217, 218 và ". */
const LIST_BEFORE = /((?:\d{1,6}\s*,\s*)*\d{1,6})\s*(?:,|va|&)\s*$/;

const DATE_AFTER =
  /^[ \t\n]*,?[ \t\n]*(?:ban hành\s+)?(?:ngày|ngay)[ \t\n]+(?:(\d{1,2})[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4})|(\d{1,2})[ \t\n]+tháng[ \t\n]+(\d{1,2})[ \t\n]+năm[ \t\n]+(\d{4}))/iu;
const BARE_DATE_AFTER = /^[ \t]*,?[ \t]*(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/u;
const OF_AFTER = /^[ \t\n]*,?[ \t\n]*(?:của|do)[ \t\n]+/iu;

/** Lower-case words that never continue an issuer name (folded). */
const ISSUER_STOP = new Set(
  "ve|v/v|ngay|theo|tai|nham|de|da|duoc|gui|voi|cho|trong|khi|nhu|la|thi|nay|sau|truoc|tu|den|tren|qua|vi|ma|se|dang|nam".split(
    "|",
  ),
);
/** Two lower-case words that start a verb phrase after an issuer ("của Tỉnh ủy thực hiện ..."). */
const VERB_BIGRAMS = new Set(
  (
    "thuc hien|trien khai|tuyen truyen|ban hanh|quy dinh|huong dan|phe duyet|sua doi|to chuc|bo sung|" +
    "thong bao|truyen thong|dong y|giao nhiem|yeu cau|de nghi|chi dao|ket luan|bao cao|phoi hop|" +
    "tang cuong|day manh|cong bo|chap thuan|kiem tra|xu ly|quan ly|hop nhat|tham gia|van dong|" +
    "trien lam|ve viec|ban hanh|chu tri|dieu chinh|thong nhat|lanh dao|cho phep|phan bo|phat dong"
  ).split("|"),
);
/** After a comma, these start the sentence's subject ("..., Sở X đề nghị") or a person, not more name. */
const PERSON_TITLE =
  /^(?:Phó|Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Giám đốc|Chánh|Đồng chí|Ông|Bà|Sở|Bộ|Ban|Cục|Ủy ban|UBND|Văn phòng|Phòng|Trung tâm|Liên đoàn|Công đoàn|Đảng ủy|Tỉnh ủy|Chi cục|Tổng cục)(?=\s|$)/u;

/** Place words: the capitalised words after them are a place name. */
const PLACE_WORDS = new Set(["tinh", "huyen", "xa", "phuong", "quan", "pho", "tran", "khu"]);
/** A type name right after "và": the start of another citation. */
const TYPE_AFTER_AND = new RegExp(
  `^(?:${TYPE_NAMES_LONGEST_FIRST.map((n) => n.replace(/ /g, "\\s+")).join("|")})\\b`,
);

/** Lower-case words that may stand inside an issuer name after another lower-case word. */
const ISSUER_INNER = new Set([
  "tinh",
  "thanh",
  "pho",
  "huyen",
  "quan",
  "xa",
  "phuong",
  "khoa",
  "nhan",
  "dan",
  "uy",
  "trung",
  "uong",
]);

interface RawMention {
  ref: ParsedReference;
  number: string;
  start: number;
  end: number;
  typeName: string | null;
  date: string | null;
  issuer: string | null;
  /** Members of one list share a trailing issuer and a leading type. */
  group: number;
}

export function extractCitations(view: TextView, options: ExtractOptions = {}): Citation[] {
  const { clean, folded } = view;
  const mentions: RawMention[] = [];
  let group = 0;
  let lastEnd = -1;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(clean); m; m = ANCHOR.exec(clean)) {
    const at = m.index;
    if (at < lastEnd) continue;
    if (at > 0 && /[\p{L}\d/.\-_@]/u.test(clean[at - 1]!)) continue;
    // A decimal figure in a table ("83,1/" over a line break): not a number of a document.
    if (at > 1 && clean[at - 1] === "," && /\d/.test(clean[at - 2]!)) continue;
    if (options.skip?.some(([a, b]) => at >= a && at < b)) continue;
    let window = clean.slice(at, at + 80);
    const spaced = SPACED_PARTY.test(window);
    if (spaced) window = window.replace(" ", "-");
    const ref = parseReference(window);
    if (!ref || !ref.number) continue;
    if (spaced && ref.shape !== "party") continue;
    const printed = window.slice(0, ref.length);
    const afterSlash = printed.slice(printed.indexOf("/") + 1);
    if (NOT_A_SYMBOL.test(afterSlash.trimStart())) continue;
    // A line break right after the slash, then a single word: a table's figures, not a symbol.
    if (/\/[ \t]*\n/.test(printed) && !/[-/]/.test(printed.slice(printed.search(/\/[ \t]*\n/) + 1)))
      continue;
    if (isWordSegment(ref.symbol)) continue;
    let refEnd = at + ref.length;
    // A footnote mark glued to a normative reference ("126/2024/NĐ-CP1 ngày ...") is read past.
    if (ref.year)
      refEnd += /^\d{1,2}(?=[\s,;.)]|$)/.exec(clean.slice(refEnd, refEnd + 3))?.[0].length ?? 0;

    // Look behind: list numbers, "số", the type name. Windows are short and each pattern is
    // tried only when a cheap test says it can match.
    const backStart = Math.max(0, at - BACK_WINDOW);
    let backEnd = at;
    let start = at;
    const listed: string[] = [];
    const near = folded.slice(Math.max(0, at - 6), at);
    if (/(?:,|va|&)\s*$/.test(near)) {
      const back = folded.slice(backStart, at);
      const list = LIST_BEFORE.exec(back);
      if (list && SO_BEFORE.test(back.slice(Math.max(0, list.index - 12), list.index))) {
        for (const n of list[1]!.split(/\s*,\s*/)) listed.push(n);
        backEnd = backStart + list.index;
        start = backEnd;
      }
    }
    let typeName: string | null = null;
    const shortStart = Math.max(0, backEnd - 40);
    const short = folded.slice(shortStart, backEnd);
    const typed = TYPE_BEFORE.exec(short);
    let nameStart = -1;
    let nameLength = 0;
    if (spaced && !typed) continue;
    if (typed) {
      nameStart = shortStart + typed.index + typed[0].indexOf(typed[1]!);
      nameLength = typed[1]!.length;
    } else if (/so\s*:?\s*$/.test(short)) {
      const back = folded.slice(backStart, backEnd);
      const named =
        back.includes("luat") || back.includes("phap lenh") ? NAMED_BEFORE.exec(back) : null;
      if (named) {
        nameStart = backStart + named.index + named[0].indexOf(named[1]!);
        nameLength = named[1]!.length;
      } else {
        const so = SO_BEFORE.exec(short);
        if (so) start = shortStart + so.index + (so[0].length - so[0].trimStart().length);
      }
    }
    if (nameStart >= 0) {
      typeName = clean.slice(nameStart, nameStart + nameLength);
      start = nameStart;
    }

    // Look ahead: date, then "của" issuer (and a date after the issuer).
    let end = refEnd;
    let date: string | null = null;
    let issuer: string | null = null;
    let d = readDateAfter(clean, end);
    if (d) {
      date = d.date;
      end += d.length;
    }
    const of = OF_AFTER.exec(clean.slice(end, end + 20));
    if (of) {
      const read = readIssuer(view, end + of[0].length);
      if (read) {
        issuer = read.name;
        end = read.end;
        if (!date && (d = readDateAfter(clean, end))) {
          date = d.date;
          end += d.length;
        }
      }
    }
    // Consecutive mentions separated only by ", " / "; " / " và " form one list.
    const gap = lastEnd >= 0 ? clean.slice(lastEnd, start) : "";
    if (!(
      lastEnd >= 0 &&
      /^[ \t\n]*(?:,|;|và|và các|,\s*và)?[ \t\n]*(?:số\s*:?\s*)?$/iu.test(gap) &&
      !typeName
    ))
      group++;
    for (const n of listed) {
      mentions.push({ ref, number: n, start, end, typeName, date: null, issuer, group });
    }
    mentions.push({ ref, number: ref.number, start, end, typeName, date, issuer, group });
    lastEnd = end;
    ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, refEnd);
  }

  // Share a list's trailing issuer and leading type name with its members.
  for (let i = 0; i < mentions.length;) {
    let j = i;
    while (j < mentions.length && mentions[j]!.group === mentions[i]!.group) j++;
    const members = mentions.slice(i, j);
    const issuer = [...members].reverse().find((x) => x.issuer)?.issuer ?? null;
    const typeName = members.find((x) => x.typeName)?.typeName ?? null;
    for (const x of members) {
      if (!x.issuer && issuer && members.length > 1) x.issuer = issuer;
      if (!x.typeName && typeName && x.ref.typeCode === members[0]!.ref.typeCode)
        x.typeName = typeName;
    }
    i = j;
  }

  const own = options.ownReference ? normalizeRef(options.ownReference) : null;
  const byRef = new Map<string, Citation>();
  for (const x of mentions) {
    const reference = referenceWith(x.ref, x.number);
    const key = normalizeRef(reference);
    if (own && key === own) continue;
    const existing = byRef.get(key);
    if (existing) {
      existing.mentions = (existing.mentions ?? 1) + 1;
      if (!existing.date && x.date) existing.date = x.date;
      if (existing.issuerInferred && x.issuer) {
        existing.issuer = x.issuer;
        existing.issuerInferred = false;
      }
      continue;
    }
    byRef.set(key, makeCitation(view, x, reference));
  }
  return [...byRef.values()];
}

/**
 * A first segment that reads as a word ("Ngày", "Tháng"): more lower-case letters than capitals.
 * Symbols mix cases only in short codes ("TTg", "TTr", "QĐ").
 */
function isWordSegment(symbol: string): boolean {
  const first = symbol.split(/[-/]/)[0] ?? "";
  const lower = first.replace(/[^\p{Ll}]/gu, "").length;
  const upper = first.replace(/[^\p{Lu}]/gu, "").length;
  return lower >= 2 && lower > upper;
}

/** A date right after a reference or an issuer: "ngày 21/3/2023", ", ngày 21 tháng 3 năm 2023". */
function readDateAfter(clean: string, at: number): { date: string | null; length: number } | null {
  const after = clean.slice(at, at + 60);
  const d = DATE_AFTER.exec(after) ?? BARE_DATE_AFTER.exec(after);
  if (!d) return null;
  const day = Number(d[1] ?? d[4]);
  const month = Number(d[2] ?? d[5]);
  const year = Number(d[3] ?? d[6]);
  return { date: toIsoDate({ day, month, year }), length: d[0].length };
}

function makeCitation(view: TextView, x: RawMention, reference: string): Citation {
  const generic = x.typeName ? /^(?:văn bản|các văn bản)$/iu.test(x.typeName.trim()) : true;
  const named =
    !generic && x.typeName ? typeByName(x.typeName.replace(/[^\S ]\s*| \s+/g, " ")) : null;
  const format = x.ref.shape === "party" ? "party" : "state";
  const fromCode = x.ref.typeCode ? typeByCode(x.ref.typeCode, format) : null;
  const type =
    named ?? fromCode ?? (x.ref.shape === "state" && !x.ref.typeCode ? typeByCode("CV") : null);
  let issuer = x.issuer;
  let inferred = false;
  if (!issuer) {
    const known = issuerByCode(x.ref.issuerCode);
    if (known) {
      issuer = known.name;
      inferred = true;
    }
  }
  const citation: Citation = {
    text: trimEndChars(
      view.text.slice(x.start, x.end).replace(/[^\S ]\s*| \s+/g, " "),
      " ,;",
    ).trim(),
    type: type?.code ?? null,
    typeName: type?.name ?? null,
    number: x.number,
    symbol: x.ref.symbol,
    reference,
    date: x.date,
    issuer,
    start: x.start,
    end: x.end,
  };
  if (inferred) citation.issuerInferred = true;
  return citation;
}

function referenceWith(ref: ParsedReference, number: string): string {
  if (ref.shape === "party") return `${number}-${ref.symbol}`;
  return `${number}/${ref.year ? `${ref.year}/` : ""}${ref.symbol}`;
}

/** Comparison key of a reference: no spaces, upper case. */
export function normalizeRef(ref: string): string {
  return ref.replace(/\s+/g, "").normalize("NFC").toUpperCase();
}

/**
 * The key that finds a document by its reference: no spaces, upper case, no leading zeros
 * ("01/STTTT-TTBCXB" and "1/STTTT-TTBCXB" are one document). The database computes the same
 * key for `documents.reference_key`.
 */
export function referenceKey(ref: string): string {
  return normalizeRef(ref).replace(/^0+(?=\d)/, "");
}

const isLower = (w: string | undefined): boolean =>
  !!w && w.length > 0 && w[0] !== w[0]!.toUpperCase();
const isCap = (w: string | undefined): boolean => {
  if (!w) return false;
  const c = w[0]!;
  return (c >= "0" && c <= "9") || (c !== c.toLowerCase() && c === c.toUpperCase());
};
const HARD_STOP = /[;.()“”"'«»:?!]/u;

interface Token {
  word: string;
  /** Folded, without a trailing comma. */
  f: string;
  index: number;
  cut: boolean;
}

/** Splits the text after "của" into words, up to a hard stop (";", ".", "(" ...). */
function tokenize(window: string, folded: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = window.length;
  const space = (k: number): boolean => {
    const c = window.charCodeAt(k);
    return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
  };
  while (i < n && tokens.length <= 24) {
    while (i < n && space(i)) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !space(j)) j++;
    const raw = window.slice(i, j);
    const stop = raw.search(HARD_STOP);
    if (stop === 0) break;
    const word = stop > 0 ? raw.slice(0, stop) : raw;
    const bare = word.endsWith(",") ? word.length - 1 : word.length;
    tokens.push({ word, f: folded.slice(i, i + bare), index: i, cut: stop > 0 });
    if (stop > 0) break;
    i = j;
  }
  return tokens;
}

/** True when the tokens from `i` start another citation ("Quyết định số 90/QĐ-TTg"). */
function startsCitation(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (/^\d+\s*[-/]/.test(t.word)) return true;
  let soon = false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 6); k++) {
    const f = tokens[k]!.f;
    if (f === "so" || /^\d/.test(f)) {
      soon = true;
      break;
    }
  }
  if (!soon) return false;
  return TYPE_AFTER_AND.test(
    tokens
      .slice(i, i + 4)
      .map((x) => x.f)
      .join(" "),
  );
}

/**
 * Reads an issuer name after "của". Vietnamese names capitalise the first syllable of each part
 * ("Ban Tuyên giáo Tỉnh ủy", "Sở Thông tin và Truyền thông", "Ban Chỉ đạo 138 tỉnh"): a lower-case
 * syllable right after a capitalised one belongs to the name unless it opens a verb phrase; a
 * run of lower-case words continues only towards a capital, a number or the end of the clause.
 */
function readIssuer(view: TextView, from: number): { name: string; end: number } | null {
  const window = view.clean.slice(from, from + FORWARD_WINDOW);
  const tokens = tokenize(window, view.folded.slice(from, from + FORWARD_WINDOW));
  let taken = 0;
  let placeName = false; // inside "tỉnh Cao Nguyên": a lower-case word after it is a verb
  for (let i = 0; i < tokens.length; i++) {
    const { word, cut, f } = tokens[i]!;
    const next = tokens[i + 1]?.word;
    const prev = tokens[i - 1]?.word;
    // The next citation starts here ("..., Quyết định số 90/QĐ-TTg"): the name ended before.
    if (i > 0 && startsCitation(tokens, i)) break;
    if (i === 0) {
      if (!isCap(word) && f !== "cac" && f !== "ubnd") break;
      if (/^\d/.test(word)) break;
    } else if (isLower(word)) {
      const bigram = tokens[i + 1] ? `${f} ${tokens[i + 1]!.f}` : "";
      if (f === "va" || f === "cac") {
        if (!isCap(next)) break;
      } else if (placeName && !ISSUER_INNER.has(f)) {
        break;
      } else if (ISSUER_STOP.has(f)) {
        break;
      } else if (
        VERB_BIGRAMS.has(bigram) &&
        !(bigram === "chi dao" && tokens[i - 1]?.f === "ban")
      ) {
        break;
      } else if (isCap(prev) && !prev!.endsWith(",")) {
        // Second syllable of a capitalised word: "Tuyên giáo", "Chính phủ", "Bí thư".
      } else if (!ISSUER_INNER.has(f)) {
        // Towards a capital, a number, a place word or the end of the clause within four words.
        const ahead = tokens.slice(i + 1, i + 5);
        const stopAt = ahead.findIndex((t) => ISSUER_STOP.has(t.f));
        const reach = stopAt === -1 ? ahead : ahead.slice(0, stopAt);
        const closes = cut || reach.some((t) => t.cut) || (stopAt === -1 && ahead.length < 4);
        if (!reach.some((t) => isCap(t.word) || ISSUER_INNER.has(t.f)) && !closes) break;
      }
    }
    if (isLower(word) && PLACE_WORDS.has(f) && isCap(next)) placeName = true;
    else if (isLower(word) && !ISSUER_INNER.has(f)) placeName = false;
    taken = i + 1;
    if (cut) break;
    // A comma followed by a lower-case word ends the name ("..., chống dịch"), and so does one
    // followed by a person's title or the sentence's subject ("..., Sở X đề nghị").
    if (
      word.endsWith(",") &&
      (isLower(next) ||
        PERSON_TITLE.test(
          tokens
            .slice(i + 1, i + 3)
            .map((t) => t.word)
            .join(" "),
        ))
    )
      break;
  }
  // A name never ends on a joining word ("của Chính phủ và | Thông tư số ...").
  while (taken > 0 && (tokens[taken - 1]!.f === "va" || tokens[taken - 1]!.f === "cac")) taken--;
  if (!taken) return null;
  const last = tokens[taken - 1]!;
  const raw = trimEndChars(window.slice(0, last.index + last.word.length), " ,");
  if (!/\p{Lu}/u.test(raw)) return null;
  return { name: raw.replace(/[^\S ]\s*| \s+/g, " ").trim(), end: from + raw.length };
}
