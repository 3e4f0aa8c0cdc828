/**
 * Where one file holds several documents (one PDF with three letters of an agency, a scanned
 * batch), the ranges of each. A document begins with its header: the national motto (or the
 * Party's or the Youth Union's heading) with the issuer and "Số:" beside it. A new one begins at a
 * header that comes after the previous document has ended, that is after its "Nơi nhận" or its
 * signature. Where page starts are known the split falls on the page where the new header is;
 * otherwise before the header lines printed above or beside the heading (issuer, "Số:", "V/v").
 */
import { foldKey } from "../text/vietnamese.ts";

const HEADING =
  /^(?:cong hoa xa hoi chu nghia viet nam|dang cong san viet nam|doan tncs ho chi minh)$/;
const END_OF_DOCUMENT = /^(?:-\s*)?(?:noi nhan|luu\s*[:.])/;

export function splitDocuments(text: string, pageStarts: number[] = []): Array<[number, number]> {
  const headings: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const key = foldKey(line)
      .replace(/[^a-z ]/g, "")
      .trim();
    if (HEADING.test(key)) headings.push(at);
    const raw = foldKey(line);
    if (END_OF_DOCUMENT.test(raw)) ends.push(at);
    at += line.length + 1;
  }
  const starts = [0];
  let previousHeading = headings[0] ?? 0;
  for (const h of headings.slice(1)) {
    const docStart = starts[starts.length - 1]!;
    const ended = ends.some((e) => e > previousHeading && e < h && e >= docStart);
    previousHeading = h;
    if (!ended) continue;
    const endOfPrevious = Math.max(...ends.filter((e) => e < h));
    const page = pageStarts.filter((p) => p > endOfPrevious && p <= h).pop();
    const split = page ?? headerStart(text, h, endOfPrevious);
    if (split > docStart && text.slice(docStart, split).trim()) starts.push(split);
  }
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! : text.length]);
}

/** Back from the heading over the header lines above it: blank, capitals, "Số:", "V/v". */
function headerStart(text: string, heading: number, floor: number): number {
  let start = heading;
  for (let n = 0; n < 12; n++) {
    const end = start - 1;
    if (end <= floor) break;
    const begin = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(begin, end).trim();
    const header =
      line === "" ||
      /^(?:số|so)\s*[:.]/i.test(line) ||
      /^v\/v\b/i.test(line) ||
      (line === line.toLocaleUpperCase("vi") && /\p{Lu}/u.test(line));
    if (!header) break;
    start = begin;
  }
  return start;
}
