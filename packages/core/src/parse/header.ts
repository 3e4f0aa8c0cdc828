import { typeByName } from "../model/document-types.ts";
import { parseWrittenDate } from "../model/dates.ts";
import { parseReference, type ParsedReference } from "../model/reference.ts";
import type { DateParts, DocumentFormat } from "../model/parsed-document.ts";
import type { Secrecy, Urgency } from "../model/vocabulary.ts";
import { isRuleLine, joinLines, trimEndChars, type Line, type TextView } from "../text/lines.ts";
import { isUpperCaseText } from "../text/vietnamese.ts";

/** Header lines are short; longer lines are body text and skipped by the header readers. */
export const MAX_HEADER_LINE = 400;

/** How far into a document the header may reach (non-blank lines). */
const HEADER_LINES = 60;

const MOTTO_STATE = "cong hoa xa hoi chu nghia viet nam";
const MOTTO_STATE_2 = "doc lap - tu do - hanh phuc";
const MOTTO_PARTY = "dang cong san viet nam";

/** Lines that open the body: the header and the subject end before them. */
export const BODY_START =
  /^(?:[-–+•]\s*)?(?:kinh gui|can cu|thuc hien|xet de nghi|xet de xuat|theo de nghi|theo de xuat|tai cong van|tai van ban|dieu\s+1\b|phan\s+(?:i|1|thu nhat)\b|chuong\s+(?:i|1)\b|(?:i|1)\s*[.\-–)]\s|hoi nghi\b|ngay\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/)/;

/** The motto and Party title, joined across the lines a flattened table breaks them into. */
export interface Motto {
  format: DocumentFormat;
  /** Indices of the lines that belong to the motto or the Party title. */
  lines: Set<number>;
}

/** A line longer than a fragment is looked at only if it holds a word of the motto or title. */
const MOTTO_WORDS =
  /cong hoa|chu nghia|viet nam|doc lap|tu do|hanh phuc|dang cong|cong san|hoa xa|xa hoi/;

function flat(s: string): string {
  return s.replace(/[^a-z0-9]+/g, "");
}

/** Finds the national motto and the Party title among the first lines. */
export function findMotto(view: TextView): Motto {
  const lines = new Set<number>();
  let party = false;
  const targets = [MOTTO_STATE, MOTTO_STATE_2, MOTTO_PARTY].map(flat);
  let seen = 0;
  let prev: { index: number; f: string } | null = null;
  const matchesStart = (f: string): string | null => {
    for (const target of targets) {
      const at = f.indexOf(target.slice(0, 8));
      if (at === -1) continue;
      const tail = f.slice(at);
      if (target.startsWith(tail) || tail.startsWith(target)) return target;
    }
    return null;
  };
  for (const line of view.lines) {
    if (line.blank) continue;
    if (++seen > HEADER_LINES) break;
    if (
      line.text.length > MAX_HEADER_LINE ||
      (line.folded.length > 14 && !MOTTO_WORDS.test(line.folded))
    ) {
      prev = null;
      continue;
    }
    const f = flat(line.folded.replace(/-{3,}.*$/, ""));
    if (!f) {
      prev = null;
      continue;
    }
    // A motto line, possibly with the issuer before it on a flattened line, or a motto broken
    // after its first word ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
    let target = matchesStart(f);
    if (!target && prev && !lines.has(prev.index)) {
      target = matchesStart(prev.f + f);
      if (target && target.startsWith(prev.f)) lines.add(prev.index);
      else target = null;
    }
    if (target) {
      lines.add(line.index);
      if (target === targets[2]) party = true;
    } else if (
      prev &&
      lines.has(prev.index) &&
      f.length >= 4 &&
      targets.some((t) => t.includes(f))
    ) {
      // Continuation fragments ("HỘI CHỦ NGHĨA VIỆT NAM", "VIỆT NAM") right after a motto line.
      lines.add(line.index);
    }
    prev = { index: line.index, f };
  }
  return { format: party ? "party" : "state", lines };
}

function nextNonBlank(view: TextView, index: number): Line | undefined {
  for (let i = index + 1; i < view.lines.length; i++)
    if (!view.lines[i]!.blank) return view.lines[i];
  return undefined;
}

export interface NumberLine {
  line: number;
  /** Last line the reference used (the number may sit on the next line). */
  lastLine: number;
  reference: (ParsedReference & { length: number }) | null;
  /** Offset where the reference starts in the text. */
  start: number;
  end: number;
  /** Text after the reference on the same line ("V/v ..." on flattened headers). */
  rest: string;
  restStart: number;
}

/** "Số:", "SỐ:", Party "Số 45-KH/TU"; not "Sở ..." (which folds to the same letters). */
// A capital S: a line of a wrapped subject may begin with "số 20-CT/TW, ...".
const SO_LINE = /^(?:SỐ|Số|So(?=\s*[:\d/]))\s*:?(?=\s|$|\d|\/)/u;
/**
 * Laws, ordinances and the National Assembly's resolutions print their type before "số", with
 * the colon: "Luật số: 80/2015/QH13", "Pháp lệnh số: 02/2022/UBTVQH15", "Lệnh số: 05/2015/L-CTN".
 */
const TYPED_SO_LINE =
  /^(?:Bộ luật|BỘ LUẬT|Luật|LUẬT|Pháp lệnh|PHÁP LỆNH|Lệnh|LỆNH|Nghị quyết|NGHỊ QUYẾT)\s+(?:số|SỐ)\s*:\s*(?=\d|\/)/u;
/** A text layer that split "Số" after its first letter: "S" / "ố : /BNV-CCHC". */
const SO_TAIL = /^(?:ố|Ố)\s*:?(?=\s|$|\d|\/)/u;

/** The "Số" prefix of a number line, or null: plain, typed ("Luật số:") or split ("S" / "ố :"). */
function numberPrefix(view: TextView, line: Line): { line: Line; length: number } | null {
  const m = SO_LINE.exec(line.text) ?? TYPED_SO_LINE.exec(line.text);
  if (m) return { line, length: m[0].length };
  if (line.text === "S") {
    const next = nextNonBlank(view, line.index);
    const tail = next ? SO_TAIL.exec(next.text) : null;
    if (next && tail) return { line: next, length: tail[0].length };
  }
  return null;
}

/** True when a line opens with a number prefix ("Số:", "Luật số:"): it ends a subject. */
export function isNumberPrefixLine(text: string): boolean {
  return SO_LINE.test(text) || TYPED_SO_LINE.test(text);
}

/** The "Số:" line (Party documents omit the colon) and the reference on it or the next line. */
export function findNumberLine(view: TextView, typeless: boolean): NumberLine | null {
  let seen = 0;
  for (let line of view.lines) {
    if (line.blank) continue;
    if (++seen > HEADER_LINES) break;
    if (BODY_START.test(line.folded) && seen > 3) break;
    const prefix = numberPrefix(view, line);
    if (!prefix) continue;
    const afterSo = prefix.line.textStart + prefix.length;
    const soLine = line;
    line = prefix.line;
    let text = view.clean.slice(afterSo, line.end);
    let refStart = afterSo + (text.length - text.trimStart().length);
    let lastLine = line.index;
    let candidate = view.clean.slice(refStart, Math.min(view.clean.length, refStart + 200));
    if (!text.trim()) {
      // "Số:" alone, the number on the next line.
      const next = nextNonBlank(view, line.index);
      if (!next) return null;
      refStart = next.textStart;
      candidate = view.clean.slice(refStart, Math.min(view.clean.length, refStart + 200));
      lastLine = next.index;
      text = next.text;
    }
    // A Công báo page header ("CÔNG BÁO/Số 123 + 124/Ngày 15-02-2016"): the gazette's issue.
    if (/^\d{1,5}(?:\s*\+\s*\d{1,5})*\s*\/\s*(?:Ngày|NGÀY)\b/u.test(candidate)) continue;
    // Drafts print dots or underscores where the number goes: "Số: ....../STC-QLNS".
    const filler = /^[.…_]+[ \t]*(?=[/-])/.exec(candidate)?.[0] ?? "";
    if (filler) {
      refStart += filler.length;
      candidate = candidate.slice(filler.length);
    }
    // E-office systems print the number they insert with spaces before the slash or hyphen
    // ("8977 /BNV-TCPCP", "85   /GM-UBND", "156 -CV/TĐTN"): the spaces are not part of it.
    const gap = /^(\d{1,6})([ \t]{2,12})(?=[/-])/.exec(candidate);
    const removed = gap ? gap[2]!.length : 0;
    if (gap) candidate = gap[1]! + candidate.slice(gap[0].length);
    let reference = parseReference(candidate, { typeless });
    let symbolLine: Line | null = null;
    const own = view.clean.slice(afterSo, prefix.line.end).trim();
    if (!reference && /^\d{0,6}$/.test(own)) {
      // The number alone or nothing, the symbol a few lines down (a right column printed
      // between them: "Số: 85" / "CỘNG HÒA ..." / "/GM-UBND").
      for (let k = prefix.line.index + 1, seen2 = 0; k < view.lines.length && seen2 < 4; k++) {
        const next = view.lines[k]!;
        if (next.blank) continue;
        seen2++;
        if (
          !/^[-/]\s*\p{Lu}/u.test(next.text) &&
          !(own === "" && /^\d{1,6}\s*[-/]/.test(next.text))
        )
          continue;
        const joined = parseReference(`${own}${next.text}`, { typeless });
        if (joined) {
          reference = { ...joined, length: joined.length - own.length };
          symbolLine = next;
        }
        break;
      }
    }
    if (symbolLine && reference) {
      // The number's own offset was found above; with none, the reference starts at the symbol.
      if (!own) refStart = symbolLine.textStart;
      const end = symbolLine.textStart + reference.length;
      return {
        line: soLine.index,
        lastLine: symbolLine.index,
        reference: { ...reference, length: end - refStart },
        start: refStart,
        end,
        rest: view.clean.slice(end, symbolLine.end),
        restStart: end,
      };
    }
    if (!reference && !/^\s*[\d/]/.test(candidate)) {
      // "Số lượng..." and the like: not a number line.
      if (!text.trim()) continue;
    }
    const end = reference ? refStart + reference.length + removed : refStart;
    const endLine = lineAt(view, end);
    if (endLine) lastLine = Math.max(lastLine, endLine.index);
    const restEnd = endLine ? endLine.end : line.end;
    return {
      line: soLine.index,
      lastLine,
      reference,
      start: refStart,
      end,
      rest: view.clean.slice(end, restEnd),
      restStart: end,
    };
  }
  return null;
}

export function lineAt(view: TextView, offset: number): Line | undefined {
  let lo = 0;
  let hi = view.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = view.lines[mid]!;
    if (offset < l.start) hi = mid - 1;
    else if (offset > l.end) lo = mid + 1;
    else return l;
  }
  return undefined;
}

export interface DateLine {
  line: number;
  lastLine: number;
  place: string | null;
  parts: DateParts;
  start: number;
  end: number;
}

/**
 * The place and date line: "Lạng Sơn, ngày 26 tháng 3 năm 2018", also broken over lines, with
 * blank or dotted day and month, without the comma ("Cao Nguyên ngày ..."), or without a place
 * ("Ngày 03 tháng 8 năm 2026"). The comma form is preferred anywhere in the range; the others
 * are accepted only on a line that holds nothing else.
 */
export function findDateLine(
  view: TextView,
  fromOffset: number,
  toOffset: number,
): DateLine | null {
  let loose: DateLine | null = null;
  for (const line of view.lines) {
    if (line.end < fromOffset || line.blank) continue;
    if (line.start > toOffset) break;
    if (line.text.length > MAX_HEADER_LINE) continue;
    const at = line.folded.search(/(?:^|[\s,])ngay\b/);
    if (at === -1) continue;
    const ngay = at + (line.folded[at] === "n" ? 0 : 1);
    const dateStart = line.textStart + ngay;
    const parsed = parseWrittenDate(view.clean.slice(dateStart, dateStart + 80));
    if (!parsed) continue;
    // The place stands after the left column when the header is laid out side by side
    // ("V/v trả lời đề nghị của       Hà Nội, ngày ...").
    const before = afterNumberPrefix(line.text.slice(0, ngay))
      .split(/ {3,}|\t+/)
      .pop()!
      .trim();
    const comma = before.endsWith(",");
    let place = before.replace(/,$/, "").trim();
    // What stands before "ngày" must read as a place ("Lạng Sơn", "TP. Hồ Chí Minh"), not as a
    // citation in a V/v line ("... Chỉ thị số 20-CT/TW, ngày 12/12/2022").
    if (
      place &&
      (/[\d/:;]/.test(place) || place.split(/\s+/).length > 7 || !/^\p{Lu}/u.test(place))
    )
      continue;
    const end = dateStart + parsed.length;
    const rest = view.clean.slice(end, lineAt(view, end)?.end ?? end).trim();
    if (!comma) {
      // Without the comma, only a line made of a place (or nothing) and the date.
      if (loose || /[^\s*.]/.test(rest)) continue;
      if (
        place &&
        (!/^\p{Lu}/u.test(place) || /[\d:;]/.test(place) || place.split(/\s+/).length > 6)
      )
        continue;
    }
    // A place wrapped over two lines ("Thành phố Hồ" / "Chí Minh, ngày ...").
    const prev = view.lines[line.index - 1];
    if (place && prev && !prev.blank && isPlaceFragment(prev.text)) place = `${prev.text} ${place}`;
    place = place
      .replace(/\s+/g, " ")
      .replace(/^[-–*\s]+/, "")
      .trim();
    const found: DateLine = {
      line: line.index,
      lastLine: lineAt(view, end)?.index ?? line.index,
      place: place || null,
      parts: { day: parsed.day, month: parsed.month, year: parsed.year },
      start: line.textStart,
      end,
    };
    if (comma) return found;
    loose = found;
  }
  return loose;
}

/**
 * What follows the number on a line that holds both the number and the place and date, as a
 * flattened header prints them ("Số: 2601/SVHTTDL-QLTDTT Lâm Đồng, ngày ..." gives "Lâm Đồng, ");
 * any other text is returned as it is.
 */
function afterNumberPrefix(text: string): string {
  const m = SO_LINE.exec(text.trimStart());
  if (!m) return text;
  const rest = text.trimStart().slice(m[0].length);
  // The number (digits, dots of a blank, spaces), then the token that holds the slash.
  const ref = /^[\s\d.…_]*-?\s*[^\s/]*\/\S*\s*/u.exec(rest);
  return ref ? rest.slice(ref[0].length) : text;
}

/** A line that reads as "Place, ngày ... tháng ... năm ...": it ends a V/v subject. */
function isPlaceDateLine(line: Line, previous?: string): boolean {
  // The rest of a reference wrapped in the subject ("... Công văn số 3183/SNV-" / "TCBC ngày
  // 26/11/2025 của Sở Nội vụ") is not a place.
  if (previous && /\d[^\s]*[-/]$/u.test(previous)) return false;
  const at = line.folded.search(/(?:^|[\s,])ngay\b/);
  if (at === -1) return false;
  const ngay = at + (line.folded[at] === "n" ? 0 : 1);
  const before = line.text.slice(0, ngay).trim();
  const place = before.replace(/,$/, "").trim();
  if (place && (/[\d/:;]/.test(place) || place.split(/\s+/).length > 7 || !/^\p{Lu}/u.test(place)))
    return false;
  const after = line.folded.slice(ngay);
  if (/thang/.test(after) || !line.folded.slice(ngay + 4).trim()) return true;
  // "Hà Nội, ngày 26/11/2025": a numeric date after a place needs the comma, or nothing after it.
  const numeric = /^ngay\s*\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/.exec(after);
  return !!numeric && (!place || before.endsWith(",") || !after.slice(numeric[0].length).trim());
}

function isPlaceFragment(text: string): boolean {
  return (
    text.length <= 25 &&
    !/[:\d/]/.test(text) &&
    !isRuleLine(text) &&
    !isUpperCaseText(text) &&
    text.split(/\s+/).length <= 3 &&
    /^\p{Lu}/u.test(text)
  );
}

export interface TypeLine {
  line: number;
  code: string;
  name: string;
}

/** The type name printed on its own line in capitals ("QUYẾT ĐỊNH", "K ÉT LUẬN" from OCR). */
export function findTypeLine(view: TextView, fromLine: number, toLine: number): TypeLine | null {
  for (let i = Math.max(0, fromLine); i < Math.min(toLine, view.lines.length); i++) {
    const line = view.lines[i]!;
    if (line.blank || line.text.length > 40) continue;
    if (!isUpperCaseText(line.text)) continue;
    const key = line.folded.replace(/[^a-z]/g, "");
    const type = TYPE_NAME_BY_FLAT.get(key);
    if (type) return { line: i, code: type.code, name: type.name };
  }
  return null;
}

const TYPE_NAME_BY_FLAT = new Map<string, { code: string; name: string }>();
for (const name of [
  "Nghị quyết",
  "Quyết định",
  "Chỉ thị",
  "Quy chế",
  "Quy định",
  "Thông cáo",
  "Thông báo",
  "Hướng dẫn",
  "Chương trình",
  "Kế hoạch",
  "Phương án",
  "Đề án",
  "Dự án",
  "Báo cáo",
  "Biên bản",
  "Tờ trình",
  "Hợp đồng",
  "Công điện",
  "Bản ghi nhớ",
  "Bản thỏa thuận",
  "Giấy ủy quyền",
  "Giấy mời",
  "Giấy giới thiệu",
  "Giấy nghỉ phép",
  "Phiếu gửi",
  "Phiếu chuyển",
  "Phiếu báo",
  "Kết luận",
  "Thông tri",
  "Luật",
  "Bộ luật",
  "Pháp lệnh",
  "Nghị định",
  "Thông tư",
  "Thông tư liên tịch",
  "Nghị quyết liên tịch",
  "Văn bản hợp nhất",
  "Thông báo kết luận",
  "Công văn",
]) {
  const t = typeByName(name);
  if (t) {
    const flatName = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
    TYPE_NAME_BY_FLAT.set(flatName, { code: t.code, name: name === "Quy định" ? name : t.name });
  }
}

/**
 * The left column of a header line laid out side by side, when the right holds the place and
 * date or the motto ("V/v trả lời đề nghị của       Hà Nội, ngày 06 tháng 10 năm 2025").
 */
function leftOfHeaderColumns(text: string): string {
  const gap = / {3,}|\t+/.exec(text);
  if (!gap || gap.index === 0) return text;
  const right = text.slice(gap.index + gap[0].length);
  const f = right
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
  return /(?:^|[\s,])ngay\b|cong hoa|doc lap|dang cong san|doan tncs/.test(f)
    ? text.slice(0, gap.index)
    : text;
}

/** "V/v" opening a line, also inside an opening quote or bracket ("“V/v ...”"). */
const VV_START = /^["“'([]?\s*v\s*\/\s*v\b/i;

/**
 * Subject of a công văn: "V/v ..." over as many lines as the header column wraps it, up to a
 * blank line, a rule, the place and date, "Kính gửi", the motto (left column printed before the
 * right one), or a line of the body (much longer than the column's lines).
 */
export function readVvSubject(
  view: TextView,
  fromLine: number,
  toLine: number,
  inlineRest?: { text: string; line: number },
  stopLines?: ReadonlySet<number>,
): { subject: string; firstLine: number; lastLine: number } | null {
  let first: { text: string; line: number } | null = null;
  if (inlineRest && VV_START.test(inlineRest.text.trim())) first = inlineRest;
  if (!first) {
    for (let i = fromLine; i < Math.min(toLine, view.lines.length); i++) {
      const line = view.lines[i]!;
      if (VV_START.test(line.folded)) {
        first = { text: line.text, line: i };
        break;
      }
    }
  }
  if (!first) return null;
  const parts = [leftOfHeaderColumns(first.text).trim()];
  let last = first.line;
  let widest = first.text.length;
  for (let i = first.line + 1; i < view.lines.length && parts.length < 14; i++) {
    const line = view.lines[i]!;
    // A quoted subject goes on over a blank line until its quote closes.
    if (line.blank && /^["“]/u.test(parts[0]!) && !/[”"]/u.test(parts.join(" ").slice(1))) {
      const next = nextNonBlank(view, i);
      if (next && next.index <= i + 2 && !BODY_START.test(next.folded)) continue;
    }
    if (line.blank || isRuleLine(line.text)) break;
    if (stopLines?.has(i)) break;
    if (isPlaceDateLine(line, parts[parts.length - 1])) break;
    if (BODY_START.test(line.folded) || isNumberPrefixLine(line.text)) break;
    if (readMarkingLine(line.text)) break;
    if (/[”"]\s*$/u.test(parts[parts.length - 1]!) && /^["“]/u.test(parts[0]!)) break;
    const text = leftOfHeaderColumns(line.text);
    // The column wraps at about half the page; a line twice as wide is the body's.
    if (parts.length >= 2 && widest <= 60 && text.length > Math.max(70, widest * 1.6)) break;
    parts.push(text);
    widest = Math.max(widest, text.length);
    last = i;
  }
  return { subject: tidySubject(joinLines(parts)), firstLine: first.line, lastLine: last };
}

/** Lines that follow a type line and end the subject: the issuing authority in capitals. */
const AUTHORITY_LINE =
  /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|chu tich|pho chu tich|bo truong|thu tuong|chinh phu|ban chap hanh|ban thuong vu|ban bi thu|bo chinh tri|giam doc|cuc truong|tong cuc truong|chanh van phong|truong ban|vien truong|hieu truong|tong giam doc|thu truong|ban thuong truc|ban chi dao|quoc hoi|uy ban thuong vu|chu nhiem|chanh an|vien truong|tong kiem toan|truong phong|thu truong co quan|ban giam hieu|hoi dong quan tri|hoi dong thanh vien)\b/;

/** A Công điện's address line, in place of "Kính gửi": "VĂN PHÒNG CHÍNH PHỦ điện:". */
export const DIEN_LINE = /^[\p{Lu}\d][\p{Lu}\d\s,.&–-]*\s(?:xin\s+)?điện\s*:/u;

/** A capitalised word that opens a sentence of the body, never a wrapped line of a subject. */
const PARAGRAPH_OPENER =
  /^(?:Nhằm|Để|Thực hiện|Căn cứ|Theo|Trên cơ sở|Sau khi|Qua|Xét|Tiếp theo|Triển khai|Hưởng ứng|Vừa qua|Hiện nay|Ngày \d|Trân trọng|Kính mời|Kính gửi)(?=[\s,])/u;

/** An invitation's body ("... trân trọng kính mời ...", "Thành phần mời"): never its subject. */
const INVITATION = /(?:^|\s)(?:tran trong kinh moi|kinh moi|thanh phan moi|thanh phan tham du)\b/;

/**
 * A subject may open with a word that also opens the body ("Thực hiện Nghị quyết số 05-NQ/TU",
 * "Triển khai ..."); a sentence of the body ends with "." or ":" or says "như sau".
 */
function readsAsBodySentence(text: string): boolean {
  const t = text.trim();
  return (/[.:;,]$/.test(t) && !/\.\/\.$/.test(t)) || /\bnhư sau\b/iu.test(t);
}

/** A line longer than this is a paragraph, never one line of a subject. */
const LONG_PARAGRAPH = 150;

/** Subject of other types: the lines after the type name, up to the body or the authority line. */
export function readSubjectAfterType(
  view: TextView,
  typeLine: number,
  toLine: number,
): { subject: string; firstLine: number; lastLine: number } | null {
  const parts: string[] = [];
  let firstLine = -1;
  let last = typeLine;
  let chars = 0;
  let bodyLike = false;
  let blankBefore = false;
  for (let i = typeLine + 1; i < Math.min(view.lines.length, toLine + 1); i++) {
    const line = view.lines[i]!;
    if (line.blank) {
      blankBefore = true;
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    // A paragraph on one line, as Word files give them: a subject's lines are short, a body
    // paragraph after a blank line is not ("CHỈ THỊ" / "Về việc ..." / "" / "Trong thời gian ...").
    if (afterBlank && line.text.length > LONG_PARAGRAPH) {
      if (parts.length) break;
      // A type with no subject, its body opening at once ("GIẤY MỜI" / "" / "Ủy ban ... tổ chức
      // buổi làm việc ... trực tuyến."): one long sentence ended by a period.
      if (/[^./]\.$/.test(line.text.trim())) return null;
    }
    // A rule, also one glued to the body's first line ("--------Thực hiện ...").
    if (isRuleLine(line.text) || (parts.length && /^[-–—_=*]{4,}\s*\S/u.test(line.text))) {
      if (parts.length) break;
      continue;
    }
    if (DIEN_LINE.test(line.text) || INVITATION.test(line.folded)) break;
    if (/^\((?:ban hanh )?kem theo\b/.test(line.folded)) break;
    if (parts.length > 0) {
      if (BODY_START.test(line.folded)) break;
      if (AUTHORITY_LINE.test(line.folded) && isUpperCaseText(line.text)) break;
      if (/^(?:-\s*)?(?:can cu|xet|theo)\b/.test(line.folded)) break;
      if (PARAGRAPH_OPENER.test(line.text)) break;
      // A sentence ended ("... năm 2026.") and a new one starts: the subject was before it.
      // Not after an abbreviation ("... của UBND TP." / "Hồ Chí Minh").
      if (/[\p{Ll}\d]{2}\.$/u.test(parts[parts.length - 1]!) && /^\p{Lu}/u.test(line.text)) break;
      // A capitals subject followed by a sentence-case paragraph: the paragraph is the body.
      if (
        isUpperCaseText(parts[0]!) &&
        !isUpperCaseText(line.text) &&
        !/^(?:ve|v\/v)\b/.test(line.folded) &&
        line.text.length > 60
      )
        break;
    } else if (/^(?:-\s*)?(?:can cu|xet de nghi|theo de nghi)\b/.test(line.folded)) {
      break;
    } else if (BODY_START.test(line.folded)) {
      // "Thực hiện ..." may be a plan's subject or the first sentence of the body: decided below.
      bodyLike = true;
    }
    parts.push(line.text);
    if (firstLine === -1) firstLine = i;
    last = i;
    chars += line.text.length;
    if (parts.length >= 8 || chars > 600) break;
  }
  if (!parts.length) return null;
  const joined = joinLines(parts);
  if (bodyLike && readsAsBodySentence(joined)) return null;
  // A long sentence in sentence case ended by a period, wrapped over lines as a scan reads it:
  // the body opening at once ("GIẤY MỜI" / "Ủy ban nhân dân tỉnh tổ chức buổi làm việc ... ."),
  // not a subject, which is a title and ends without one.
  if (
    parts.length > 1 &&
    joined.length > LONG_PARAGRAPH &&
    /[^./]\.$/.test(joined.trim()) &&
    !isUpperCaseText(parts[0]!)
  )
    return null;
  return { subject: tidySubject(joined), firstLine, lastLine: last };
}

/** Drops a leading "V/v", quotes around the whole, a final "." or ";" and wrapping spaces. */
export function tidySubject(s: string): string {
  let t = s.trim();
  // “V/v giới thiệu ...” : the quotes wrap the whole line, "V/v" included.
  const quoted = /^["“](.*)["”][.;]?$/su.exec(t);
  if (quoted && !/["“”]/u.test(quoted[1]!)) t = quoted[1]!;
  return trimEndChars(
    t.replace(/^\s*v\s*\/\s*v\s*[:.]?\s*/i, "").replace(/[^\S ]\s*| \s+/g, " "),
    " .;:",
  ).trim();
}

/** Lines of the issuer block: capitals before the number line, motto and rules left out. */
export function issuerHeaderLines(view: TextView, motto: Motto, stopLine: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(stopLine, view.lines.length); i++) {
    const line = view.lines[i]!;
    if (line.blank || motto.lines.has(i)) {
      // A flattened line may hold the issuer and then the motto: keep what precedes the motto.
      if (motto.lines.has(i)) {
        const cut = line.text.search(/CỘNG\s*HÒA|CỘNG\s*HOÀ|ĐẢNG\s+CỘNG\s+SẢN/u);
        if (cut > 0) out.push(trimEndChars(line.text.slice(0, cut), " -–_*").trim());
      }
      continue;
    }
    if (line.text.length > MAX_HEADER_LINE) continue;
    const text = line.text.replace(/[-–_]{3,}.*$/u, "").trim();
    if (!text || isRuleLine(line.text)) continue;
    if (!isUpperCaseText(text)) continue;
    if (SO_LINE.test(line.text)) break;
    // "KHẨN", "MẬT" stamped above the header: no part of the issuer's name.
    if (readMarkingLine(line.text)) continue;
    out.push(text);
  }
  return out.filter(Boolean);
}

/**
 * Độ khẩn and độ mật as printed (ND30 Phụ lục I: the marks under the number and symbol, in
 * capitals; some systems print them above the header or label them "Độ khẩn: Hỏa tốc"). A line
 * holds nothing else than one or two of them (boxes, stars and dashes around are ignored).
 */
const URGENCY_WORDS: ReadonlyArray<[RegExp, Urgency]> = [
  [/^thượng khẩn$/u, "thuong-khan"],
  [/^(?:hỏa|hoả) tốc(?: hẹn giờ)?$/u, "hoa-toc"],
  [/^khẩn$/u, "khan"],
];
const SECRECY_WORDS: ReadonlyArray<[RegExp, Secrecy]> = [
  [/^tuyệt mật$/u, "tuyet-mat"],
  [/^tối mật$/u, "toi-mat"],
  [/^mật$/u, "mat"],
];
const MARK = /(?:thượng khẩn|(?:hỏa|hoả) tốc(?: hẹn giờ)?|khẩn|tuyệt mật|tối mật|mật)/u;
const MARKS_LINE = new RegExp(
  `^(?:độ khẩn\\s*:\\s*|độ mật\\s*:\\s*)?(${MARK.source})(?:\\s*[-–,;/|]?\\s*(?:độ khẩn\\s*:\\s*|độ mật\\s*:\\s*)?(${MARK.source}))?$`,
  "u",
);

export interface Markings {
  urgency: Urgency | null;
  secrecy: Secrecy | null;
}

/** The marks a line holds, or null when it is anything else. */
export function readMarkingLine(raw: string): Markings | null {
  if (raw.length > 60) return null;
  const text = raw
    .replace(/^[\s*_#|[\](){}"“”'<>=~-]+/u, "")
    .replace(/[\s*_#|[\](){}"“”'<>=~.:-]+$/u, "")
    .replace(/\s+/gu, " ");
  if (!text) return null;
  const labelled = /^độ (?:khẩn|mật)\s*:/iu.test(text);
  // A bare mark is printed in capitals; "khẩn" in a sentence of the body is not one.
  if (!labelled && !isUpperCaseText(text)) return null;
  const m = MARKS_LINE.exec(text.toLocaleLowerCase("vi"));
  if (!m) return null;
  const found: Markings = { urgency: null, secrecy: null };
  for (const word of [m[1], m[2]]) {
    if (!word) continue;
    const u = URGENCY_WORDS.find(([re]) => re.test(word));
    const s = SECRECY_WORDS.find(([re]) => re.test(word));
    if (u && !found.urgency) found.urgency = u[1];
    else if (s && !found.secrecy) found.secrecy = s[1];
    else return null;
  }
  return found;
}

/**
 * Urgency and secrecy printed in the header area: lines 0 to `toLine` (the header's end), the
 * first mark of each kind. Null where none is printed.
 */
export function findMarkings(view: TextView, toLine: number): Markings {
  const found: Markings = { urgency: null, secrecy: null };
  let seen = 0;
  for (const line of view.lines) {
    if (line.index > toLine) break;
    if (line.blank) continue;
    if (++seen > HEADER_LINES) break;
    if (line.text.length > 60) continue;
    const m = readMarkingLine(line.text);
    if (!m) continue;
    found.urgency ??= m.urgency;
    found.secrecy ??= m.secrecy;
    if (found.urgency && found.secrecy) break;
  }
  return found;
}
