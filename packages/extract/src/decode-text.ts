import { isUtf8, transcode } from "node:buffer";
import { normalizeText } from "@vanthu/core";

/**
 * Bytes of a text file to Unicode text.
 *
 * Vietnamese files come in UTF-8 (with or without BOM), UTF-16, and still in the 8-bit encodings
 * of the 1990s fonts: TCVN3 (ABC, ".VnTime") and VNI ("VNI-Times"). A legacy file read as Latin-1
 * looks like "Céng hoµ x· héi chñ nghÜa" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI). TCVN3 maps one
 * byte to one letter and is converted here, with a warning; VNI spreads a letter over two bytes
 * with a different meaning per font, so it is reported and not guessed.
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "tcvn3";

export interface DecodeNote {
  code: "LEGACY_ENCODING_TCVN3" | "LEGACY_ENCODING_VNI" | "NOT_UTF8" | "BINARY_CONTENT";
  message: string;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  notes: DecodeNote[];
}

// TCVN 5712:1993 (VN3) byte -> letter. Capitals of the toned letters have no codes of their own
// (the ".VnTimeH" fonts draw these codes as capitals), so they decode to lower case.
const TCVN3: Record<number, string> = {
  0xa1: "Ă",
  0xa2: "Â",
  0xa3: "Ê",
  0xa4: "Ô",
  0xa5: "Ơ",
  0xa6: "Ư",
  0xa7: "Đ",
  0xa8: "ă",
  0xa9: "â",
  0xaa: "ê",
  0xab: "ô",
  0xac: "ơ",
  0xad: "ư",
  0xae: "đ",
  0xb5: "à",
  0xb6: "ả",
  0xb7: "ã",
  0xb8: "á",
  0xb9: "ạ",
  0xbb: "ằ",
  0xbc: "ẳ",
  0xbd: "ẵ",
  0xbe: "ắ",
  0xc6: "ặ",
  0xc7: "ầ",
  0xc8: "ẩ",
  0xc9: "ẫ",
  0xca: "ấ",
  0xcb: "ậ",
  0xcc: "è",
  0xce: "ẻ",
  0xcf: "ẽ",
  0xd0: "é",
  0xd1: "ẹ",
  0xd2: "ề",
  0xd3: "ể",
  0xd4: "ễ",
  0xd5: "ế",
  0xd6: "ệ",
  0xd7: "ì",
  0xd8: "ỉ",
  0xdc: "ĩ",
  0xdd: "í",
  0xde: "ị",
  0xdf: "ò",
  0xe1: "ỏ",
  0xe2: "õ",
  0xe3: "ó",
  0xe4: "ọ",
  0xe5: "ồ",
  0xe6: "ổ",
  0xe7: "ỗ",
  0xe8: "ố",
  0xe9: "ộ",
  0xea: "ờ",
  0xeb: "ở",
  0xec: "ỡ",
  0xed: "ớ",
  0xee: "ợ",
  0xef: "ù",
  0xf1: "ủ",
  0xf2: "ũ",
  0xf3: "ú",
  0xf4: "ụ",
  0xf5: "ừ",
  0xf6: "ử",
  0xf7: "ữ",
  0xf8: "ứ",
  0xf9: "ự",
  0xfa: "ỳ",
  0xfb: "ỷ",
  0xfc: "ỹ",
  0xfd: "ý",
  0xfe: "ỵ",
};

/**
 * The counts legacy detection weighs, over the first SAMPLE characters, in one pass over the
 * character codes (building arrays of matches cost as much as parsing the file):
 * - unicode: the Vietnamese letters [ăâđêôơưĂÂĐÊÔƠƯ] and U+1EA0–U+1EF9, which a real Unicode
 *   Vietnamese text is full of;
 * - letters: characters of Unicode category L (\p{L}), a surrogate pair counting once;
 * - tcvn: Latin-1 characters Vietnamese never uses, typical of TCVN3 read as Latin-1;
 * - vni: syllables typical of VNI read as Latin-1, a vowel followed by a VNI mark byte or "ñ"
 *   followed by a vowel, counted without overlap from left to right.
 */
const SAMPLE = 20000;
/** \p{L} by code for the basic plane, learnt from the regular expression as codes are met. */
const LETTER = /^\p{L}$/u;
const letterCache = new Int8Array(0x10000).fill(-1);
function isLetter(code: number): boolean {
  if (code > 0xffff) return LETTER.test(String.fromCodePoint(code));
  let known = letterCache[code]!;
  if (known < 0) letterCache[code] = known = LETTER.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

/** What each Latin-1 code counts for, as bits. */
const IS_LETTER = 1;
const TCVN3_MARK = 2;
const VIETNAMESE_LETTER = 4;
const VNI_VOWEL = 8;
const VNI_MARK = 16;
const VNI_AFTER_N = 32;
const LATIN1 = new Uint8Array(256);
const mark = (chars: string, bit: number): void => {
  for (const c of chars) LATIN1[c.charCodeAt(0)]! |= bit;
};
for (let code = 0; code < 256; code++) if (isLetter(code)) LATIN1[code]! |= IS_LETTER;
mark("µ¸¶·¹¨©ª«¬®»¼½¾ÆÇÈÉËÌÎÏÐÑÒÓÔÖ×ØÜÝÞßåæçëîïñ÷øþ", TCVN3_MARK);
mark("âêôÂÊÔ", VIETNAMESE_LETTER);
mark("aeiouyAEIOUY", VNI_VOWEL);
mark("øùûõïöäåëòóôñ", VNI_MARK);
mark("aeiou", VNI_AFTER_N);
const N_TILDE = "ñ".charCodeAt(0);
/** The Vietnamese letters past Latin-1 outside U+1EA0–U+1EF9. */
const VIETNAMESE = new Set(Array.from("ăđơưĂĐƠƯ", (c) => c.charCodeAt(0)));
/**
 * What a unit past Latin-1 (not a surrogate) counts for, as bits, learnt as units are met: one
 * table read per unit, where a Set lookup and a call per unit made the detection cost 2% of
 * parsing a file.
 */
const WIDE_LETTER = 1;
const WIDE_VIETNAMESE = 2;
const wideKind = new Int8Array(0x10000).fill(-1);
function kindOf(code: number): number {
  if (!isLetter(code)) return 0;
  return (code >= 0x1ea0 && code <= 0x1ef9) || VIETNAMESE.has(code)
    ? WIDE_LETTER | WIDE_VIETNAMESE
    : WIDE_LETTER;
}

/** The counts, or null as soon as the text is sure to be Unicode Vietnamese. */
function legacyCounts(text: string) {
  const n = Math.min(text.length, SAMPLE);
  let unicode = 0;
  let letters = 0;
  let tcvn = 0;
  let vni = 0;
  let vniFrom = 0; // where the next VNI syllable may start: they do not overlap
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x100) {
      const bits = LATIN1[code]!;
      if (bits & TCVN3_MARK) tcvn++; // some are letters, some not ("¸", "×")
      if (!(bits & IS_LETTER)) continue;
      letters++;
      if (bits & VIETNAMESE_LETTER) unicode++;
      if (bits & (VNI_VOWEL | VNI_MARK) && i >= vniFrom && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        const after = next < 0x100 ? LATIN1[next]! : 0;
        if ((bits & VNI_VOWEL && after & VNI_MARK) || (code === N_TILDE && after & VNI_AFTER_N)) {
          vni++;
          vniFrom = i + 2;
        }
      }
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (isLetter(0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00))) letters++;
        i++;
      }
    } else {
      let kind = wideKind[code]!;
      if (kind < 0) wideKind[code] = kind = kindOf(code);
      if (kind & WIDE_LETTER) {
        letters++;
        if (kind & WIDE_VIETNAMESE) unicode++;
      }
    }
    // Unicode Vietnamese decided already: even were every unit left a letter, and none
    // Vietnamese, the share would stay over 2% (the usual case, known after a few thousand).
    if ((i & 255) === 255 && unicode > 0.02 * (letters + n - 1 - i)) return null;
  }
  return { unicode, letters: letters || 1, tcvn, vni };
}

/** Which legacy encoding a text read as Latin-1 (or mis-saved as UTF-8) is in, if any. */
export function detectLegacyEncoding(text: string): "tcvn3" | "vni" | null {
  const counts = legacyCounts(text);
  if (!counts) return null;
  const { unicode, letters, tcvn, vni } = counts;
  if (unicode / letters > 0.02) return null;
  if (tcvn >= 5 && tcvn / letters > 0.03 && tcvn >= vni) return "tcvn3";
  if (vni >= 5 && vni / letters > 0.02) return "vni";
  return null;
}

/** Converts TCVN3 text (already read byte-per-character) to Unicode. */
export function convertTcvn3(latin1: string): string {
  let out = "";
  for (const ch of latin1) {
    const code = ch.charCodeAt(0);
    out += code <= 0xff ? (TCVN3[code] ?? ch) : ch;
  }
  return out;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Valid UTF-8 as TextDecoder decodes it (a leading BOM dropped), or null: checked by isUtf8 and
 * converted to UTF-16 by ICU, then read as it is. TextDecoder's own UTF-8 decoding of Vietnamese
 * (two and three bytes a letter) took 5 ns a byte, as long as the rest of reading a file; this
 * takes a third of it.
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return transcode(bom ? bytes.subarray(3) : bytes, "utf8", "ucs2").toString("ucs2");
}

/** Decodes a text file. Never throws; what it had to guess is in `notes`. */
export function decodeText(input: Uint8Array | string): DecodedText {
  if (typeof input === "string")
    return { text: normalizeText(input), encoding: "utf-8", notes: [] };
  const bytes = input;
  const notes: DecodeNote[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: normalizeText(new TextDecoder("utf-16le").decode(bytes.subarray(2))),
      encoding: "utf-16le",
      notes,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: normalizeText(new TextDecoder("utf-16be").decode(bytes.subarray(2))),
      encoding: "utf-16be",
      notes,
    };
  }
  if (isBinary(bytes)) {
    notes.push({
      code: "BINARY_CONTENT",
      message: "The file is not text (it contains binary data).",
    });
    return { text: "", encoding: "utf-8", notes };
  }
  let encoding: TextEncoding = "utf-8";
  let text = decodeUtf8(bytes);
  if (text === null) {
    try {
      text = UTF8.decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
      encoding = "windows-1252";
    }
  }
  const legacy = detectLegacyEncoding(text);
  if (legacy === "tcvn3") {
    // Back to one character per byte, then through the TCVN3 table.
    text = convertTcvn3(
      encoding === "utf-8" ? text : Array.from(bytes, (b) => String.fromCharCode(b)).join(""),
    );
    encoding = "tcvn3";
    notes.push({
      code: "LEGACY_ENCODING_TCVN3",
      message:
        "The file is in the TCVN3 (ABC) encoding; it was converted to Unicode. Check capitals and tone marks.",
    });
  } else if (legacy === "vni") {
    notes.push({
      code: "LEGACY_ENCODING_VNI",
      message:
        "The file is in the VNI encoding, which cannot be converted reliably; convert it to Unicode (e.g. with Unikey) and try again.",
    });
  } else if (encoding === "windows-1252") {
    notes.push({
      code: "NOT_UTF8",
      message: "The file is not valid UTF-8; it was read as Windows-1252.",
    });
  }
  return { text: normalizeText(text), encoding, notes };
}
