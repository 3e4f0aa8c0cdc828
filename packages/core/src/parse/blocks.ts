import {
  isRuleLine,
  joinLines,
  nextNonBlank,
  rightColumnAt,
  trimEndChars,
  type Line,
  type TextView,
} from "../text/lines.ts";
import { BODY_START, DIEN_LINE } from "./header.ts";
import { isUpperCaseText } from "../text/vietnamese.ts";

/** Strips list marks, markdown leftovers and the final ";", "," or "." of an item. */
export function tidyItem(s: string): string {
  return trimEndChars(
    s.replace(/^\s*[-–+•]\s*/u, "").replace(/[^\S ]\s*| \s+/g, " "),
    " ;,.",
  ).trim();
}

export interface AddresseeBlock {
  items: string[];
  line: number;
  lastLine: number;
}

const KINH_GUI = /^(?:[-–•]\s*)?kinh gui\s*:?/;

/**
 * "Kính gửi:" with its addressees: inline ("Kính gửi: Bộ Xây dựng."), inline and wrapped
 * ("Kính gửi: Thuế" / "tỉnh Gia Lai."), or as a list of "- ..." lines with wrapped items.
 */
export function readAddressees(
  view: TextView,
  fromLine: number,
  toLine: number,
): AddresseeBlock | null {
  let at = -1;
  for (let i = fromLine; i < Math.min(toLine, view.lines.length); i++) {
    if (addressHead(view.lines[i]!.folded, view.lines[i]!.text) !== null) {
      at = i;
      break;
    }
  }
  if (at === -1) return null;
  const block = readAddresseesAt(view, at);
  // Several "Kính gửi:" lines, one addressee (or list) each.
  const next = nextNonBlank(view.lines, block.lastLine + 1);
  if (next && next.index <= block.lastLine + 3 && KINH_GUI.test(next.folded)) {
    const more = readAddressees(view, next.index, next.index + 1);
    if (more) return { items: [...block.items, ...more.items], line: at, lastLine: more.lastLine };
  }
  return block;
}

/** Length of the address head ("Kính gửi:", "VĂN PHÒNG CHÍNH PHỦ điện:") or null. */
function addressHead(folded: string, text: string): number | null {
  const k = KINH_GUI.exec(folded);
  if (k) return k[0].length;
  const d = DIEN_LINE.exec(text);
  return d ? d[0].length : null;
}

function readAddresseesAt(view: TextView, at: number): AddresseeBlock {
  const first = view.lines[at]!;
  const head = addressHead(first.folded, first.text)!;
  const inline = first.text.slice(head).trim();
  const items: string[] = [];
  let last = at;
  let current: string[] = [];
  const flush = (): void => {
    const t = tidyItem(joinLines(current));
    if (t) items.push(t);
    current = [];
  };
  if (inline && !/^[-–•]/u.test(inline)) {
    // Inline form; continue over wrapped lines until the text closes with "." or ";".
    current.push(inline);
    let text = inline;
    for (let i = at + 1; i < view.lines.length && !/[.;:]\s*$/.test(text); i++) {
      const line = view.lines[i]!;
      if (line.blank || /^[-–•]/u.test(line.text)) break;
      if (!/^\p{Ll}/u.test(line.text) && text.length > 0 && !/[,\-–]\s*$/u.test(text)) break;
      current.push(line.text);
      text = line.text;
      last = i;
    }
    // An inline list separated by ";" is several addressees.
    const joined = joinLines(current);
    current = [];
    for (const part of joined.split(/;\s*/)) {
      const t = tidyItem(part);
      if (t) items.push(t);
    }
    if (items.length > 0 || !/^[-–•]/u.test(inline)) {
      // Further "- " lines right after an inline first item continue the list.
      for (let i = last + 1; i < view.lines.length; i++) {
        const line = view.lines[i]!;
        if (!/^[-–•]\s/u.test(line.text)) break;
        items.push(tidyItem(line.text));
        last = i;
      }
      return { items: items.filter(Boolean), line: at, lastLine: last };
    }
  }
  if (inline) current.push(inline);
  let blankRun = 0;
  for (let i = at + 1; i < view.lines.length; i++) {
    const line = view.lines[i]!;
    if (line.blank) {
      blankRun++;
      continue;
    }
    if (isRuleLine(line.text)) break;
    const isItem =
      /^[-–•+]\s*/u.test(line.text) && !/^[-–]\s*(?:can cu|thuc hien)\b/.test(line.folded);
    if (isItem) {
      flush();
      current.push(line.text);
    } else if (
      current.length &&
      blankRun === 0 &&
      !BODY_START.test(line.folded) &&
      !/[.;]\s*$/.test(current[current.length - 1]!)
    ) {
      current.push(line.text); // wrapped item
    } else if (
      !items.length &&
      !current.length &&
      blankRun <= 1 &&
      line.text.length < 120 &&
      !BODY_START.test(line.folded)
    ) {
      current.push(line.text); // "Kính gửi:" then the addressee alone on the next line
    } else {
      break;
    }
    blankRun = 0;
    last = i;
  }
  flush();
  return { items, line: at, lastLine: last };
}

export interface RecipientBlock {
  recipients: string[];
  archive: string[];
  line: number;
  lastLine: number;
}

const NOI_NHAN = /^(?:[-–]\s*)?noi nhan\s*:?/;

/** Finds the "Nơi nhận:" line after `fromLine`. */
export function findRecipientsLine(view: TextView, fromLine: number): number {
  for (let i = Math.max(0, fromLine); i < view.lines.length; i++) {
    if (NOI_NHAN.test(view.lines[i]!.folded)) return i;
  }
  return -1;
}

/**
 * A line of the Nơi nhận column without the signature printed beside it ("- Như trên;      KT.
 * GIÁM ĐỐC") or a side note ("- Cổng TTĐT;      Để đăng dự thảo"): the right part opens with a
 * capital after a run of spaces.
 */
function leftOfColumns(line: Line): string {
  if (rightColumnAt(line, Infinity) <= 0) return line.text;
  const gaps = /\S( {3,}|\t+)(?=\p{Lu})/gu;
  const m = gaps.exec(line.text);
  return m ? line.text.slice(0, m.index + 1) : line.text;
}

/** The "Nơi nhận:" list and its "Lưu:" line. */
export function readRecipients(view: TextView, at: number): RecipientBlock {
  const first = view.lines[at]!;
  const head = NOI_NHAN.exec(first.folded)![0];
  const inline = leftOfColumns(first).slice(head.length).trim();
  const raw: string[] = [];
  let last = at;
  if (inline) {
    // Flattened: "Nơi nhận: - Như trên; - Bộ X; - Lưu: VT, KGVX (3)." on one line.
    for (const part of inline.split(/(?:^|[;.]\s*)[-–]\s+(?=\S)/u)) if (part.trim()) raw.push(part);
  } else {
    let current: string[] = [];
    let sawArchive = false;
    for (let i = at + 1; i < view.lines.length; i++) {
      const line = view.lines[i]!;
      if (line.blank) {
        // Items are sometimes separated by blank lines; a blank then a non-item ends the list.
        const next = nextNonBlank(view.lines, i + 1);
        if (!next || !/^[-–+•]/u.test(next.text) || sawArchive) break;
        continue;
      }
      // Only the signature's column on this line (deeply indented): not part of the list.
      if (rightColumnAt(line) === 0) continue;
      const text = leftOfColumns(line);
      // The signature's lines interleaved with the list, as some text layers order them
      // ("Nơi nhận:" / "KT. GIÁM ĐỐC" / "- Như trên;" / "PHÓ GIÁM ĐỐC" / "- Giám đốc;").
      if (
        !sawArchive &&
        !/^[-–+•]/u.test(text) &&
        (looksLikeSignatureStart(text) ||
          (isUpperCaseText(text) &&
            text.length <= 60 &&
            SIGNER_TITLE.test(line.folded) &&
            (!current.length || /[;.:]$/.test(current[current.length - 1]!))))
      ) {
        const next = nextNonBlank(view.lines, i + 1);
        if (next && /^[-–+•]/u.test(next.text)) continue;
      }
      const isItem = /^[-–+•]/u.test(text);
      if (isItem) {
        if (current.length) raw.push(joinLines(current));
        current = [text];
        if (/^[-–+•]\s*luu\b/.test(line.folded)) sawArchive = true;
      } else if (current.length && !looksLikeSignatureStart(text) && !sawArchive) {
        current.push(text);
      } else if (current.length && sawArchive && /^[,\p{Ll}]/u.test(text)) {
        current.push(text);
      } else {
        break;
      }
      last = i;
    }
    if (current.length) raw.push(joinLines(current));
  }
  const recipients: string[] = [];
  let archive: string[] = [];
  for (const item of raw) {
    const sub = /^\s*\+/.test(item);
    const t = tidyItem(item);
    if (!t) continue;
    const luu = /^lưu\s*:?\s*/iu.exec(t);
    if (luu) {
      archive = t
        .slice(luu[0].length)
        .replace(/\s*\([^)]*\)\s*/g, " ")
        .split(/\s*,\s*/)
        .map((x) => trimEndChars(x, " .;").trim())
        .filter(Boolean);
      continue;
    }
    if (sub && recipients.length) recipients[recipients.length - 1] += ` ${t}`;
    else recipients.push(t);
  }
  return { recipients, archive, line: at, lastLine: last };
}

/** A signer's title in capitals ("PHÓ GIÁM ĐỐC", "THỨ TRƯỞNG"), folded. */
const SIGNER_TITLE =
  /^(?:pho|thu truong|cuc truong|vu truong|tong cuc truong|chanh|giam doc|tong giam doc|chu tich|bo truong|thu tuong|chu nhiem|bi thu|vien truong|hieu truong|truong phong|truong ban)\b/;

const AUTHORITY_PREFIX = /^(?:KT|TM|TL|TUQ|Q|K\/T|T\/M|T\/L|T\.M|K\.T)(?:\s*[./]\s*|\s+)\p{Lu}/u;

export function looksLikeSignatureStart(text: string): boolean {
  return AUTHORITY_PREFIX.test(text.trim());
}
