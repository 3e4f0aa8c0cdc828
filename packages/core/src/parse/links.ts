import type { TextView } from "../text/lines.ts";

const URL = /^https?:\/\/[^\s<>"'()[\]{}]{1,500}/iu;
/** A bare portal address ("stttt.langson.gov.vn", "www.chinhphu.vn/van-ban"), whole token. */
const BARE =
  /^(?:www\.)?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9][a-z0-9-]{0,62})*\.(?:gov\.vn|org\.vn|com\.vn|edu\.vn|vn|com|org|net)(?:\/[^\s<>"'()[\]{}]{0,300})?$/iu;
const TOKEN_CHAR = /[^\s<>"'()[\]{}“”]/u;
const CANDIDATE = /https?:\/\/|\.(?:vn|com|org|net)(?![a-z])/g;

/**
 * Web addresses in the text, in order, without duplicates or trailing punctuation. Candidates
 * are found with indexOf ("http", ".vn", ".com"...), so text without addresses costs little.
 */
export function extractLinks(view: TextView): string[] {
  const text = view.clean;
  const lower =
    text.includes("HTTP") || /\.(?:VN|COM|ORG|NET)/.test(text) ? text.toLowerCase() : text;
  const starts = new Set<number>();
  const found: Array<[number, string]> = [];
  const consider = (at: number): void => {
    let start = at;
    while (start > 0 && TOKEN_CHAR.test(text[start - 1]!)) start--;
    if (starts.has(start)) return;
    let end = at;
    while (end < text.length && TOKEN_CHAR.test(text[end]!)) end++;
    starts.add(start);
    const token = trimUrl(text.slice(start, end));
    const http = token.search(/https?:\/\//i);
    if (http >= 0) {
      const m = URL.exec(token.slice(http));
      if (m) found.push([start + http, trimUrl(m[0])]);
      return;
    }
    if (token.includes("@")) return; // an e-mail address
    if (BARE.test(token)) found.push([start, token]);
  };
  // One pass over the text for every kind of candidate (indexOf per needle is slow on two-byte text).
  for (const m of lower.matchAll(CANDIDATE)) consider(m.index);
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, u]) => u))];
}

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && ".,;:!?".includes(url[end - 1]!)) end--;
  return url.slice(0, end);
}
