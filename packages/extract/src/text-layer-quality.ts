/**
 * Does a page's text read as Vietnamese as printed? A scan often carries a text layer that a
 * scanner's OCR wrote: with the diacritics lost ("Can Tho, ngay 30 thang 5"), with glyphs read as
 * digits and symbols ("S6: 5Gi/TB-DHTD", "thdng"), or no more than the words of a copy stamp or
 * an e-signature stamp over an image-only page. Such a layer is not the document: the page is
 * read from its image instead (ocr-pdf.ts).
 *
 * The measure is per word: the share of words that are well-formed Vietnamese syllables (onset,
 * vowel cluster, final consonant and a tone that fits the final: "thdng" and "chric" are not),
 * and the share of syllables that carry a diacritic (Vietnamese prose has them on well over half
 * its syllables; a layer that lost them has almost none). Numbers, symbols ("UBND-VX"), words in
 * capitals of three letters or fewer and foreign words are not syllables and are not counted
 * either way, beyond their share of all words.
 */

const TONES: Record<string, number> = {
  "\u0300": 1, // huyền
  "\u0301": 2, // sắc
  "\u0303": 3, // ngã
  "\u0309": 4, // hỏi
  "\u0323": 5, // nặng
};

const ONSET = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?(.*)$/u;
const CODA = /^(.*?)(ch|ng|nh|c|m|n|p|t)?$/u;

/** Vowel clusters, with what may follow: "c" a final consonant, "" nothing. */
const NUCLEI: Record<string, string> = {
  a: "c",
  ă: "c",
  â: "c",
  e: "c",
  ê: "c",
  i: "c",
  o: "c",
  ô: "c",
  ơ: "c",
  u: "c",
  ư: "c",
  y: "c",
  ai: "",
  ao: "",
  au: "",
  ay: "",
  âu: "",
  ây: "",
  eo: "",
  êu: "",
  ia: "",
  iê: "c",
  iu: "",
  oa: "c",
  oă: "c",
  oe: "c",
  oi: "",
  ôi: "",
  ơi: "",
  oo: "c",
  ua: "",
  uâ: "c",
  uê: "c",
  ui: "",
  uô: "c",
  uơ: "",
  uy: "c",
  ưa: "",
  ưi: "",
  ươ: "c",
  ưu: "",
  yê: "c",
  iêu: "",
  yêu: "",
  oai: "",
  oay: "",
  oeo: "",
  uây: "",
  uôi: "",
  ươi: "",
  ươu: "",
  uya: "",
  uyê: "c",
  uyu: "",
  // After "qu" and "gi" the u and i belong to the onset: "qua" = qu + a, "gia" = gi + a.
};

export interface SyllableCheck {
  /** A well-formed Vietnamese syllable. */
  valid: boolean;
  /** It carries a tone mark, a vowel mark (â ê ô ơ ư ă) or đ. */
  marked: boolean;
}

/** Checks one word (letters only, any case, NFC or NFD). */
export function checkSyllable(word: string): SyllableCheck {
  const nfd = word.normalize("NFD").toLowerCase();
  let tone = 0;
  let bare = "";
  for (const ch of nfd) {
    const t = TONES[ch];
    if (t !== undefined) {
      if (tone) return { valid: false, marked: true }; // two tones
      tone = t;
    } else bare += ch;
  }
  const base = bare.normalize("NFC");
  const marked = tone !== 0 || /[ăâêôơưđ]/u.test(base);
  if (!/^[a-zăâêôơưđ]+$/u.test(base) || /[fjwz]/.test(base)) return { valid: false, marked };
  const [, onset = "", rest0 = ""] = ONSET.exec(base)!;
  let rest = rest0;
  // "gi" + consonant ("gìn", "giữ" read as gi + ư): the i is the vowel when nothing else is.
  if (onset === "gi" && (!rest || /^[^aăâeêioôơuưy]/u.test(rest))) rest = `i${rest}`;
  const [, vowels = "", coda = ""] = CODA.exec(rest)!;
  const allowed = NUCLEI[vowels];
  if (!vowels || allowed === undefined) return { valid: false, marked };
  if (coda && allowed !== "c") return { valid: false, marked };
  // Spelling rules: k, gh, ngh only before e ê i y; c, g, ng not before them.
  const front = /^[eêiy]/u.test(vowels);
  if ((onset === "k" || onset === "gh" || onset === "ngh") && !front)
    return { valid: false, marked };
  if ((onset === "c" || onset === "ng") && front) return { valid: false, marked };
  if (onset === "q") return { valid: false, marked };
  // A stopped final (c ch p t) takes sắc or nặng only.
  if (/^(c|ch|p|t)$/.test(coda) && tone !== 0 && tone !== 2 && tone !== 5)
    return { valid: false, marked };
  return { valid: true, marked };
}

export interface TextQuality {
  /** Word-like tokens (runs of letters, with or without digits mixed in). */
  words: number;
  /** Tokens made of letters only that read as Vietnamese syllables. */
  syllables: number;
  /** Share of word-like tokens that are valid syllables. */
  validShare: number;
  /** Share of valid syllables that carry a diacritic. */
  markedShare: number;
  /** Tokens that mix letters with digits or symbols inside ("S6:", "5Gi", "V1}"). */
  mixed: number;
}

/** Short capital abbreviations (UBND, VT, CNTT) and numbers are neither good nor bad. */
const NEUTRAL = /^(?:\p{Lu}{1,6}|[\p{Lu}\d]*\d[\p{Lu}\d]*)$/u;

export function measureText(text: string): TextQuality {
  let words = 0;
  let syllables = 0;
  let marked = 0;
  let mixed = 0;
  for (const raw of text.normalize("NFC").split(/[\s/\-–—,;.:()"“”'‘’!?…]+/u)) {
    const token = raw.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, "");
    if (!token || !/\p{L}/u.test(token)) continue;
    if (NEUTRAL.test(token) && !/[\u00c0-\u1ef9]/u.test(token)) continue;
    words++;
    if (!/^\p{L}+$/u.test(token)) {
      mixed++;
      continue;
    }
    const c = checkSyllable(token);
    if (c.valid) {
      syllables++;
      if (c.marked) marked++;
    }
  }
  return {
    words,
    syllables,
    validShare: words ? syllables / words : 0,
    markedShare: syllables ? marked / syllables : 0,
    mixed,
  };
}

export type TextLayerVerdict = "good" | "empty" | "sparse" | "garbled";

/**
 * What a page's text layer is worth. "garbled": enough words to judge and they do not read as
 * Vietnamese (too few valid syllables, or syllables without their diacritics); "sparse": a few
 * words only (a stamp, a page number), which stands for the page only when the page shows nothing
 * else (the caller looks at the image); "empty": no words.
 */
export function judgeTextLayer(text: string): { verdict: TextLayerVerdict; quality: TextQuality } {
  const quality = measureText(text);
  if (quality.words === 0) return { verdict: "empty", quality };
  if (quality.words >= 12 && (quality.validShare < 0.6 || quality.markedShare < 0.3))
    return { verdict: "garbled", quality };
  if (quality.words < SPARSE_WORDS) return { verdict: "sparse", quality };
  return { verdict: "good", quality };
}

/** Under this many words a page's text layer may be a stamp's or a caption's, not the page's. */
export const SPARSE_WORDS = 60;
