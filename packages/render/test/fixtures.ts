/**
 * What the render tests share: our examples (parsed), the ones each output is read back from,
 * and the long Kế hoạch they lay out over several pages.
 */
import { readFileSync } from "node:fs";
import { parseDocument, type LayoutSource } from "@vanthu/core";

/** One of the repository's examples, parsed. */
export const example = (name: string) =>
  parseDocument(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8"));

/** The examples each output is rendered from, read back and parsed again to the same fields. */
export const ROUND_TRIP_EXAMPLES = [
  "01-cong-van-so-tttt-du-thao.txt",
  "02-ke-hoach-tinh-uy.txt",
  "03-quyet-dinh-ubnd.txt",
  "04-cong-van-cuc-thue.txt",
];

/**
 * Kế hoạch số 7 of 5 January 2026, a state or a Party one, of 26 numbered items (`item(n)` is
 * the n-th): each test adds its issuer, Nơi nhận and signature.
 */
export function longPlan(format: "state" | "party", item: (n: number) => string) {
  return {
    format,
    type: { code: "KH", name: "Kế hoạch" },
    number: "7",
    symbol: format === "party" ? "KH/TU" : "KH-SYT",
    place: "Cao Nguyên",
    dateParts: { day: 5, month: 1, year: 2026 },
    subject: "Tuyên truyền pháp luật năm 2026",
    addressees: [],
    paragraphs: Array.from({ length: 26 }, (_, i) => item(i + 1)),
  } satisfies Partial<LayoutSource>;
}
