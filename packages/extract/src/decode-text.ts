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

/** Vietnamese letters outside Latin-1: a real Unicode Vietnamese text is full of them. */
const VIETNAMESE_UNICODE = /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/gu;
/** Latin-1 letters Vietnamese never uses, typical of TCVN3 read as Latin-1. */
const TCVN3_MARKERS = /[µ¸¶·¹¨©ª«¬®»¼½¾ÆÇÈÉËÌÎÏÐÑÒÓÔÖ×ØÜÝÞßåæçëîïñ÷øþ]/gu;
/** Syllables typical of VNI read as Latin-1: a vowel followed by a VNI mark byte. */
const VNI_MARKERS = /[aeiouyAEIOUY][øùûõïöäåëòóôñ]|ñ[aeiou]/gu;

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/** Which legacy encoding a text read as Latin-1 (or mis-saved as UTF-8) is in, if any. */
export function detectLegacyEncoding(text: string): "tcvn3" | "vni" | null {
  const sample = text.slice(0, 20000);
  const unicode = count(sample, VIETNAMESE_UNICODE);
  const letters = count(sample, /\p{L}/gu) || 1;
  if (unicode / letters > 0.02) return null;
  const tcvn = count(sample, TCVN3_MARKERS);
  const vni = count(sample, VNI_MARKERS);
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
  let text: string;
  let encoding: TextEncoding = "utf-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
    encoding = "windows-1252";
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
