import type { ToneStyle } from "./vietnamese.ts";

/**
 * Moves the tone mark of an open syllable ending in oa, oe or uy between its two vowels:
 * "hoà" <-> "hòa", "uỷ" <-> "ủy", "khoẻ" <-> "khỏe". Other words are returned as they are.
 * "new" puts the tone on the second vowel (the 1980 rule), "old" on the first.
 */
export function setToneStyle(word: string, style: ToneStyle): string {
  const w = word.normalize("NFC");
  const m = /^(.*?)([oOuU])([aAeEyY])$/u.exec(
    w.normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323]/g, ""),
  );
  if (!m) return word;
  const tone = /[\u0300\u0301\u0303\u0309\u0323]/u.exec(w.normalize("NFD"))?.[0];
  if (!tone) return word;
  if (/^q/iu.test(w)) return word;
  const [, head, first, second] = m;
  const out =
    style === "new" ? `${head}${first}${second}${tone}` : `${head}${first}${tone}${second}`;
  return out.normalize("NFC");
}
