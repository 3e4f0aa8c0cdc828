import type { Authority, Signature, SignatureLevel } from "../model/parsed-document.ts";
import {
  isRuleLine,
  lineTextStart,
  makeTextView,
  rightColumnAt,
  type TextView,
} from "../text/lines.ts";
import { MAX_HEADER_LINE } from "./header.ts";
import { isUpperCaseText } from "../text/vietnamese.ts";

/** "KT.", "TM.", "TL.", "TUQ.", "Q." and the Party spellings "K/T", "T/M", "T/L". */
// "KT.CHỦ TỊCH" (no space after the dot) as older texts print it.
const AUTHORITY =
  /^(KT|TM|TL|TUQ|Q|K\/T|T\/M|T\/L|K\.T|T\.M|T\.L)(?:\s*[.:]\s*(?=\p{Lu}|$)|\s+|$)/u;

function authorityOf(token: string): Authority {
  const t = token.replace(/[./]/g, "").toUpperCase();
  return (["KT", "TM", "TL", "TUQ", "Q"].includes(t) ? t : "KT") as Authority;
}

/** Words a title line starts with (folded). A line starting so is a new title, not a wrapped one. */
const TITLE_START =
  /^(?:pho|thu truong|cuc truong|vu truong|tong cuc truong|chanh|giam doc|tong giam doc|truong|chu tich|bo truong|thu tuong|chu nhiem|bi thu|vien truong|hieu truong|tong bien tap|uy vien|thu ky|ke toan|dai dien|can bo|chuyen vien|nguoi|thay mat)\b/;
const DEPUTY = /\b(?:pho\b|thu truong\b)/;

/** Titles and collective bodies that stand after an authority prefix, longest first (folded). */
const AUTHORITY_TITLES = [
  "bo truong, chu nhiem",
  "uy ban nhan dan",
  "hoi dong nhan dan",
  "ban thuong vu",
  "ban thuong truc",
  "ban chap hanh",
  "ban bi thu",
  "bo chinh tri",
  "tong cuc truong",
  "tong giam doc",
  "chanh van phong",
  "chinh phu",
  "bo truong",
  "thu tuong",
  "chu tich",
  "giam doc",
  "cuc truong",
  "truong ban",
  "vien truong",
  "hieu truong",
  "chu nhiem",
  "tinh uy",
  "thanh uy",
  "huyen uy",
  "dang uy",
];

const NOT_SIGNATURE =
  /^(?:phu luc|danh muc|bieu mau|mau so|file duoc|van ban|noi nhan|luu\b|ghi chu|tm\.?\s*$)/;

/**
 * Family names, with their tone marks: a name in capitals is told from a unit in capitals by its
 * first word ("VŨ VĂN AN" is a name, "VỤ TỔ CHỨC PHI CHÍNH PHỦ" a department of a ministry).
 */
const SURNAMES = new Set(
  (
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lí mai đào trịnh đinh " +
    "lâm lương hà quách cao kiều tạ đoàn thái tống chu la khuất lữ lưu mạc âu cù triệu giang " +
    "nông ông tăng tôn vương thạch trương phùng vi lục đàm khổng lã thân ninh diệp tiêu quan giáp " +
    "hầu lò nghiêm từ hứa châu đồng bế tô mã vừ thào giàng sùng lầu"
  )
    .split(" ")
    .filter(Boolean)
    .map((w) => w.normalize("NFC")),
);

/** Words of units and bodies, never of a person's name ("VĂN PHÒNG", "ĐOÀN ... TỈNH"). */
const NOT_IN_NAMES = new Set([
  "PHÒNG",
  "TỈNH",
  "HUYỆN",
  "SỞ",
  "CỤC",
  "BỘ",
  "ỦY",
  "UỶ",
  "BAN",
  "VIỆN",
  "PHỦ",
]);

/** Tone marks placed the old way ("hoà") and the new way ("hòa") compare equal. */
function surnameKey(word: string): string {
  return word
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/òa/g, "oà")
    .replace(/óa/g, "oá")
    .replace(/ỏa/g, "oả")
    .replace(/õa/g, "oã")
    .replace(/ọa/g, "oạ")
    .replace(/ùy/g, "uỳ")
    .replace(/úy/g, "uý")
    .replace(/ủy/g, "uỷ")
    .replace(/ũy/g, "uỹ")
    .replace(/ụy/g, "uỵ");
}
const SURNAME_KEYS = new Set([...SURNAMES].map(surnameKey));

/**
 * A rank or degree printed before the name: "Thượng tướng Nguyễn Văn Long" (the name is
 * "Nguyễn Văn Long"), "Đại tá ...", "PGS.TS. ...", "TS. ...", "ThS ...".
 */
const HONORIFIC =
  /^(?:(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý)|chuẩn\s+đô\s+đốc|phó\s+đô\s+đốc|đô\s+đốc|(?:(?:gs|pgs|tskh|ts|ths|bsckii|bscki|bs|kts|ks|ds|ls|ngưt|ngnd)(?:\s*\.\s*|\s+)){1,3}(?=\p{Lu}))\s*/iu;

/** The first word of a rank whose second word a scan lost ("Thượng [tướng] Nguyễn Văn Long"). */
const RANK_HEAD = /^(?:đại|thượng|trung|thiếu)\s+/iu;

/** The name without a rank or degree before it. */
function withoutHonorific(text: string): string {
  const t = text.trim();
  const m = HONORIFIC.exec(t);
  if (m && m[0].length < t.length) return t.slice(m[0].length);
  const head = RANK_HEAD.exec(t);
  if (head) {
    const rest = t.slice(head[0].length).split(/\s+/);
    if (rest.length >= 2 && SURNAME_KEYS.has(surnameKey(rest[0]!))) return rest.join(" ");
  }
  return t;
}

/** A drafter or a role signing without a leader's title: "Người lập kế hoạch", "Người lập biểu". */
const ROLE_LINE =
  /^Người\s+(?:lập|viết|báo cáo|đề nghị|tổng hợp|soạn thảo|ký|kiểm tra|duyệt|giao|nhận|đại diện)\b[\p{Ll}\s]{0,40}$/u;

/** A footnote mark or page number standing alone between the title and the name. */
const STRAY_NUMBER = /^\d{1,3}$/;

/**
 * A name as printed, with OCR splits inside a syllable mended ("Đặ ng Văn Minh" -> "Đặng Văn
 * Minh": in a person's name every word starts with a capital) and "(Đã ký)" dropped.
 */
export function tidyPersonName(text: string): string {
  const out = mendSyllables(withoutHonorific(text));
  // A name printed in capitals is given in name case ("NGUYỄN VĂN AN" -> "Nguyễn Văn An").
  const upper = out.every((w) => w === w.toUpperCase());
  return out
    .map((w) => (upper ? w[0]! + w.slice(1).toLowerCase() : w))
    .join(" ")
    .normalize("NFC");
}

function mendSyllables(text: string): string[] {
  const words = text
    .replace(/\(?\s*đã\s+ký\s*\)?\s*$/iu, "")
    .trim()
    .split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    if (out.length && /^\p{Ll}/u.test(w)) out[out.length - 1] += w;
    else out.push(w);
  }
  return out;
}

/** A person's name: 2 to 6 words in name case ("Lê Hải Yến", "Mai Sơn"). */
export function isPersonName(text: string): boolean {
  const words = mendSyllables(withoutHonorific(text));
  if (words.length < 2 || words.length > 6) return false;
  // Name case; names of ethnic minorities add apostrophes and hyphens ("H'Yim Kđoh", "Y-Bih").
  const titleCase = words.every((w) =>
    /^\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]{0,9}(?:-\p{Lu}?\p{Ll}{0,9})?$/u.test(w),
  );
  if (titleCase) return true;
  if (isUpperCaseText(words.join(" ")) && words.every((w) => /^\p{Lu}{1,8}$/u.test(w))) {
    return SURNAME_KEYS.has(surnameKey(words[0]!)) && !words.some((w) => NOT_IN_NAMES.has(w));
  }
  return false;
}

const IGNORABLE =
  /^(?:\(?\s*(?:đã ký|ký|ký tên[^)]*|đã ký và đóng dấu|ký, ghi rõ họ tên[^)]*|ký, đóng dấu[^)]*)\s*\)?|\[.*\]|\*+)$/iu;
/** A side note in lower case between the title and the name ("(để t/h)"). */
const SIDE_NOTE = /^\([\p{Ll}\s/.,]+\)$/u;

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

interface Block {
  levels: SignatureLevel[];
  signerTitle: string | null;
  signerName: string | null;
  start: number;
  end: number;
}

/** Reads a signature block starting at `startLine`; null when the lines there are not one. */
function readBlock(view: TextView, startLine: number, maxLine: number): Block | null {
  const levels: SignatureLevel[] = [];
  const titles: string[] = [];
  let signerName: string | null = null;
  let start = -1;
  let end = -1;
  let blanks = 0;
  let strays = 0;
  for (let i = startLine; i < Math.min(maxLine, view.lines.length); i++) {
    const line = view.lines[i]!;
    if (line.blank) {
      // The space left for the signature: word processors print it as many empty paragraphs.
      if (++blanks > (levels.length || titles.length ? 16 : 6)) break;
      continue;
    }
    blanks = 0;
    if (line.text.length > MAX_HEADER_LINE) break;
    const text = line.text.replace(/[^\S ]\s*| \s+/g, " ").trim();
    if (isRuleLine(text) || IGNORABLE.test(text) || SIDE_NOTE.test(text)) continue;
    if (STRAY_NUMBER.test(text) && (levels.length || titles.length)) continue;
    // Marks with no word in them ("2 Ầ", "9 24 á": a seal or a signature read as letters): no
    // title or name is made of such.
    if (!/\p{L}{2}/u.test(text) && (levels.length || titles.length) && ++strays <= 4) continue;
    // Items of the Nơi nhận list interleaved with the block by the text layer.
    if (/^[-–+•]\s/u.test(text) && (levels.length || titles.length) && !signerName) continue;
    if (start === -1) start = lineTextStart(line);
    if (ROLE_LINE.test(text) && !levels.length && !titles.length) {
      titles.push(text);
      end = line.end;
      continue;
    }
    // A name at the end of a flattened line: "... PHÓ CHỦ NHIỆM Nguyễn Khắc Định".
    const inline = splitTrailingName(text);
    let upperPart = inline ? inline.titles : text;
    // "XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG ...": what stands before the authority is a caption.
    const inner = /\s(?:KT|TM|TL|TUQ|K\/T|T\/M|T\/L)\s*[./]\s*\p{Lu}/u.exec(upperPart);
    if (
      inner &&
      !levels.length &&
      !titles.length &&
      isUpperCaseText(upperPart.slice(0, inner.index))
    ) {
      upperPart = upperPart.slice(inner.index + 1);
    }
    // A name in capitals is taken only where a title cannot be ("KT. BỘ TRƯỞNG," / "CHỦ NHIỆM").
    const upperName = isUpperCaseText(text);
    const lastLevel = levels[levels.length - 1];
    const nameAllowed =
      !upperName ||
      (!TITLE_START.test(fold(text)) &&
        !(lastLevel && /,$/.test(lastLevel.title)) &&
        !AUTHORITY.test(text));
    if (!signerName && (levels.length || titles.length) && nameAllowed && isPersonName(text)) {
      // "Trung fướng Hoàng Văn Sơn": a word in lower case before a family name is a rank misread,
      // not a syllable of the name.
      const rank = /^\S+\s+\p{Ll}/u.test(text) ? surnameTail(text) : null;
      signerName = tidyPersonName(rank ?? text);
      end = line.end;
      // A name wrapped over two lines ("Lê Tấn" / "Cận").
      const next = view.lines[i + 1];
      if (next && !next.blank && /^\p{Lu}\p{Ll}{0,7}(?:\s\p{Lu}\p{Ll}{0,7})?$/u.test(next.text)) {
        const joined = `${text} ${next.text}`;
        if (joined.split(/\s+/).length <= 5 && isPersonName(joined)) {
          signerName = tidyPersonName(joined);
          end = next.end;
        }
      }
      break;
    }
    const prose = !isUpperCaseText(upperPart.replace(/[./,]/g, "")) || upperPart.length > 120;
    if (!signerName && (levels.length || titles.length) && (prose || strays)) {
      // A name after a word or two that are not a rank as printed ("Thượng fưởng Nguyễn Văn
      // Long" from a scan): the name is the part from a family name on.
      const tail = surnameTail(text);
      if (tail) {
        signerName = tidyPersonName(tail);
        end = line.end;
        break;
      }
      // What a scan's seal, signature or a QR code's caption beside the block reads as ("-", "[a]",
      // "Mã QR đính kèm"): a few short lines are passed over on the way to the name, and after
      // them only a name is taken.
      if (prose && text.length <= 40 && ++strays <= 4) continue;
    }
    if (prose || strays) break;
    if (NOT_SIGNATURE.test(fold(upperPart))) break;
    readTitles(upperPart, levels, titles, !!inline);
    end = line.end;
    if (inline) {
      signerName = tidyPersonName(inline.name);
      break;
    }
  }
  if (!levels.length && !titles.length) return null;
  if (!signerName && !levels.length) return null; // a lone capitals line is not a signature
  return {
    levels,
    signerTitle: titles.length
      ? titles
          .join(" ")
          .replace(/[^\S ]\s*| \s+/g, " ")
          .replace(/,$/, "")
          .trim()
      : null,
    signerName,
    start,
    end,
  };
}

/**
 * The name at the end of a line that starts with one or two other words: from a family name on,
 * two to four words in name case ("Thượng fưởng Nguyễn Văn Long" gives "Nguyễn Văn Long").
 */
function surnameTail(text: string): string | null {
  const words = text.trim().split(/\s+/);
  if (words.length < 3 || words.length > 6) return null;
  for (let k = 1; k <= 2 && words.length - k >= 2; k++) {
    const rest = words.slice(k);
    if (rest.length > 4 || !SURNAME_KEYS.has(surnameKey(rest[0]!))) continue;
    const name = rest.join(" ");
    if (/^\p{Lu}\p{Ll}*$/u.test(rest[0]!) && isPersonName(name)) return name;
  }
  return null;
}

/** Splits "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Khắc Định" into titles and name. */
function splitTrailingName(text: string): { titles: string; name: string } | null {
  if (text.length > 200 || !/^\p{Lu}{2}/u.test(text)) return null;
  const bare = text.replace(/\s*\(?\s*đã\s+ký\s*\)?\s*$/iu, "");
  const m =
    /^(.*\p{Lu}[\p{Lu}\s,./]*?)\s+(\p{Lu}\p{Ll}{0,7}(?:\s+\p{Ll}{1,4})?(?:\s+\p{Lu}\p{Ll}{0,7}){1,5})$/u.exec(
      bare,
    );
  if (!m || !isUpperCaseText(m[1]!) || !isPersonName(m[2]!)) return null;
  return { titles: m[1]!.trim(), name: m[2]! };
}

/**
 * Adds one capitals line to the block: an authority prefix opens a level; a line that starts a
 * title (PHÓ..., CHỦ TỊCH...) after a level is the signer's title; anything else continues the
 * title before it (wrapped lines: "TM. ỦY BAN" / "NHÂN DÂN").
 */
function readTitles(
  line: string,
  levels: SignatureLevel[],
  titles: string[],
  flattened: boolean,
): void {
  let rest = line.trim();
  while (rest) {
    const a = AUTHORITY.exec(rest);
    if (a) {
      rest = rest.slice(a[0].length);
      const next = rest.search(/\s(?:KT|TM|TL|TUQ|K\/T|T\/M|T\/L)\s*[./]\s*/u);
      let title = next === -1 ? rest : rest.slice(0, next);
      rest = next === -1 ? "" : rest.slice(next + 1);
      // A flattened line may hold the signer's title after the authority's.
      const split =
        flattened && !rest
          ? splitSignerTitle(title, authorityOf(a[1]!))
          : { authorityTitle: title, signerTitle: null };
      title = split.authorityTitle;
      levels.push({ authority: authorityOf(a[1]!), title: title.trim() });
      if (split.signerTitle) titles.push(split.signerTitle);
      continue;
    }
    const f = fold(rest);
    const last = levels[levels.length - 1];
    if (flattened && !last && !titles.length) {
      // "THỦ TƯỚNG Nguyễn Tấn Dũng": the whole capitals part is the signer's title.
      titles.push(rest);
    } else if (titles.length) {
      // After the signer's title only wrapped continuations follow.
      titles[titles.length - 1] += ` ${rest}`;
    } else if (last && (last.title === "" || /,$/.test(last.title) || !TITLE_START.test(f))) {
      last.title = `${last.title} ${rest}`.trim();
    } else {
      titles.push(rest);
    }
    rest = "";
  }
}

function splitSignerTitle(
  title: string,
  authority: Authority,
): { authorityTitle: string; signerTitle: string | null } {
  const words = title.trim().split(/\s+/);
  if (words.length < 3) return { authorityTitle: title.trim(), signerTitle: null };
  const f = fold(title);
  if (authority === "KT") {
    const m = DEPUTY.exec(f);
    if (m && m.index > 0) {
      return {
        authorityTitle: title.slice(0, m.index).trim().replace(/,$/, ""),
        signerTitle: title.slice(m.index).trim(),
      };
    }
    return { authorityTitle: title.trim(), signerTitle: null };
  }
  // TL., TUQ., TM.: a known authority title first ("BỘ TRƯỞNG", "CHÍNH PHỦ"), then the signer's.
  for (const known of AUTHORITY_TITLES) {
    if (f.startsWith(`${known} `) && TITLE_START.test(f.slice(known.length + 1))) {
      const cut = title.trim().split(/\s+/).slice(0, known.split(" ").length).join(" ");
      return { authorityTitle: cut, signerTitle: title.trim().slice(cut.length).trim() };
    }
  }
  // Otherwise the signer's title starts at the next title word not glued by a comma.
  const re = TITLE_AFTER_SPACE;
  re.lastIndex = 0;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const before = title.slice(0, m.index).trim();
    if (before && !/,$/.test(before))
      return { authorityTitle: before, signerTitle: title.slice(m.index).trim() };
  }
  return { authorityTitle: title.trim(), signerTitle: null };
}

/** TITLE_START after a space, anywhere: where a signer's title may start inside a line. */
const TITLE_AFTER_SPACE = new RegExp(TITLE_START.source.replace("^", "\\s"), "g");

/** Lines where a signature block may start: authority prefixes, then capitals lines. */
function blockStarts(view: TextView, from: number, to: number): number[] {
  const prefixed: number[] = [];
  const plain: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, view.lines.length); i++) {
    const line = view.lines[i]!;
    if (line.blank || line.text.length > MAX_HEADER_LINE) continue;
    if (AUTHORITY.test(line.text) && /\p{Lu}/u.test(line.text.slice(0, 12))) prefixed.push(i);
    else if (ROLE_LINE.test(line.text)) plain.push(i);
    else if (isUpperCaseText(line.text) && line.text.length <= 80 && TITLE_START.test(line.folded))
      plain.push(i);
    else if (splitTrailingName(line.text) && line.text.length <= 160) plain.push(i);
    else if (
      /\s(?:KT|TM|TL|TUQ|K\/T|T\/M|T\/L)\s*[./]\s*\p{Lu}/u.test(line.text) &&
      isUpperCaseText(line.text.split(/\s(?=\p{Lu}\p{Ll})/u)[0]!)
    )
      prefixed.push(i);
  }
  return [...prefixed, ...plain];
}

/**
 * The signature block. Searched where ND30 puts it: after the "Nơi nhận" list (flattened tables
 * print it after), else before it, else after the body's closing "./.". Annexes after the
 * signature are left out.
 */
export function readSignature(view: TextView, regions: Array<[number, number]>): Signature {
  for (const [from, to] of regions) {
    for (const start of blockStarts(view, from, to)) {
      const block = readBlock(view, start, Math.min(to + 12, view.lines.length));
      if (block && (block.signerName || block.levels.length)) {
        const outer = block.levels[0];
        return {
          authority: outer?.authority ?? null,
          authorityTitle: outer ? outer.title.replace(/,$/, "") || null : null,
          signerTitle: block.signerTitle,
          signerName: block.signerName,
          levels: block.levels.map((l) => ({
            authority: l.authority,
            title: l.title.replace(/,$/, ""),
          })),
          start: block.start,
          end: block.end,
        };
      }
    }
  }
  // Only a name marked as signed ("Nguyễn Văn A (Đã ký)"), as portals print some texts.
  for (const [from, to] of regions) {
    for (let i = Math.max(0, from); i < Math.min(to, view.lines.length); i++) {
      const line = view.lines[i]!;
      if (/\(\s*đã\s+ký\s*\)\s*$/iu.test(line.text) && isPersonName(line.text)) {
        return {
          authority: null,
          authorityTitle: null,
          signerTitle: null,
          signerName: tidyPersonName(line.text),
          levels: [],
          start: lineTextStart(line),
          end: line.end,
        };
      }
    }
  }
  return { authority: null, authorityTitle: null, signerTitle: null, signerName: null, levels: [] };
}

/**
 * The signature printed beside the Nơi nhận list, as text read with its layout gives it
 * ("Nơi nhận:            KT. GIÁM ĐỐC" / "- Như trên;           PHÓ GIÁM ĐỐC" / ... / the name alone,
 * indented): read on the right-hand column of lines `from` to `to`, offsets in the text.
 */
export function readSideSignature(view: TextView, from: number, to: number): Signature | null {
  const parts: string[] = [];
  const offsets: number[] = [];
  let any = false;
  for (let i = Math.max(0, from); i < Math.min(to, view.lines.length); i++) {
    const line = view.lines[i]!;
    const at = rightColumnAt(line, 24, true);
    parts.push(at >= 0 ? line.text.slice(at) : "");
    offsets.push(at >= 0 ? line.textStart + at : line.start);
    if (at > 0) any = true;
  }
  if (!any) return null;
  const side = makeTextView(parts.join("\n"));
  const found = readSignature(side, [[0, side.lines.length]]);
  if (!found.signerName && !found.levels?.length) return null;
  const back = (offset: number | undefined): number | undefined => {
    if (offset === undefined) return undefined;
    const k = side.lines.findIndex((l) => offset >= l.start && offset <= l.end);
    return k === -1 ? undefined : offsets[k]! + (offset - side.lines[k]!.start);
  };
  return { ...found, start: back(found.start), end: back(found.end) };
}
