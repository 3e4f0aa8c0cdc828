import { isRuleLine, joinLines, trimEndChars, type TextView } from "../text/lines.ts";
import { BODY_START } from "./header.ts";

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
    if (KINH_GUI.test(view.lines[i]!.folded)) {
      at = i;
      break;
    }
  }
  if (at === -1) return null;
  const first = view.lines[at]!;
  const head = KINH_GUI.exec(first.folded)![0];
  const inline = first.text.slice(head.length).trim();
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

/** The "Nơi nhận:" list and its "Lưu:" line. */
export function readRecipients(view: TextView, at: number): RecipientBlock {
  const first = view.lines[at]!;
  const head = NOI_NHAN.exec(first.folded)![0];
  const inline = first.text.slice(head.length).trim();
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
        const next = view.lines.slice(i + 1).find((l) => !l.blank);
        if (!next || !/^[-–+•]/u.test(next.text) || sawArchive) break;
        continue;
      }
      const isItem = /^[-–+•]/u.test(line.text);
      if (isItem) {
        if (current.length) raw.push(joinLines(current));
        current = [line.text];
        if (/^[-–+•]\s*luu\b/.test(line.folded)) sawArchive = true;
      } else if (current.length && !looksLikeSignatureStart(line.text) && !sawArchive) {
        current.push(line.text);
      } else if (current.length && sawArchive && /^[,\p{Ll}]/u.test(line.text)) {
        current.push(line.text);
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

const AUTHORITY_PREFIX = /^(?:KT|TM|TL|TUQ|Q|K\/T|T\/M|T\/L|T\.M|K\.T)\s*[./]?\s+\p{Lu}/u;

export function looksLikeSignatureStart(text: string): boolean {
  return AUTHORITY_PREFIX.test(text.trim());
}
