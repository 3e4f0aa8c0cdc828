import type { TextView } from "../text/lines.ts";

const URL = /\bhttps?:\/\/[^\s<>"'()\[\]{}]{1,500}/giu;
/** Bare portal addresses ("stttt.langson.gov.vn", "www.chinhphu.vn/van-ban"). */
const BARE = /(?<![\p{L}\d@./:-])(?:www\.)?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9][a-z0-9-]{0,62})*\.(?:gov\.vn|org\.vn|com\.vn|edu\.vn|vn|com|org|net)(?:\/[^\s<>"'()\[\]{}]{0,300})?(?![\p{L}\d@-])/giu;

/** Web addresses in the text, in order, without duplicates or trailing punctuation. */
export function extractLinks(view: TextView): string[] {
  const found: Array<[number, string]> = [];
  const taken: Array<[number, number]> = [];
  for (const m of view.clean.matchAll(URL)) {
    const url = trimUrl(m[0]);
    found.push([m.index, url]);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of view.clean.matchAll(BARE)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const url = trimUrl(m[0]);
    if (!/[a-z]/i.test(url.split(".")[0] ?? "")) continue;
    found.push([m.index, url]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, u]) => u))];
}

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?]+$/u, "");
}
