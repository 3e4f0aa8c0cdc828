/**
 * The issuer's code in a symbol read by OCR, checked against what the document itself and the
 * common table say the issuer is called. A recogniser misreads one letter of a code it has no
 * dictionary for ("PCA-C04" for "BCA-C04", "TB-ĐPHTĐ" for "TB-ĐHTĐ", "GD&ĐT-VP" with the "S" under a
 * stamp): the same code printed elsewhere in the document (its citations: "Kế hoạch số
 * 663/KH-ĐHTĐ"), the issuer's name ("BỘ CÔNG AN" gives "BCA"), or the table of common codes
 * (`ISSUER_ABBREVIATIONS`) tells which one. The code is replaced only when exactly one known code
 * is one edit away and the code as read is none of them; the note says what was read.
 */
import { editDistance } from "./edit-distance.ts";
import {
  ISSUER_ABBREVIATIONS,
  isTypeCode,
  type ParsedDocument,
  type ParseNote,
} from "@vanthu/core";

/** Letters of a code as the symbol prints them (NFC, upper case kept: "TTg", "ThU"). */
const chars = (s: string): string[] => [...s.normalize("NFC")];

/**
 * Codes the issuer's printed name stands for: the initials ("BỘ CÔNG AN" -> "BCA"), with "và" as
 * "&" or left out ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "SGD&ĐT", "SGDĐT"), and without a leading
 * "TRƯỜNG" ("TRƯỜNG ĐẠI HỌC TÂY ĐÔ" -> "ĐHTĐ").
 */
export function initialsOf(name: string): string[] {
  const words = name
    .normalize("NFC")
    .toLocaleUpperCase("vi")
    .split(/[\s,.-]+/u)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length < 2) return [];
  const out = new Set<string>();
  const make = (ws: string[], and: string) =>
    ws.map((w) => (w === "VÀ" ? and : chars(w)[0]!)).join("");
  for (const ws of [words, words[0] === "TRƯỜNG" ? words.slice(1) : []]) {
    if (ws.length < 2) continue;
    out.add(make(ws, "&"));
    out.add(make(ws, ""));
  }
  return [...out].filter((c) => chars(c).length >= 2);
}

/** Issuer codes printed in the document's own citations ("663/KH-ĐHTĐ" gives "ĐHTĐ"). */
function citedCodes(doc: ParsedDocument): string[] {
  const out = new Set<string>();
  for (const c of doc.citations)
    for (const seg of c.symbol.split("-")) if (seg && !isTypeCode(seg)) out.add(seg);
  return [...out];
}

/**
 * The symbol with its issuer's code set right when it was misread by one letter; null when it
 * stands as read.
 */
export function correctOcrSymbol(
  doc: ParsedDocument,
): { doc: ParsedDocument; note: ParseNote } | null {
  if (!doc.symbol) return null;
  // Which codes the issuer can have, the most telling first: the document's own citations, its
  // printed name, the common table. A code found as read in any of them stands.
  const tiers = [
    citedCodes(doc),
    doc.issuer.name ? initialsOf(doc.issuer.name) : [],
    ISSUER_ABBREVIATIONS.map((a) => a.code),
  ];
  const segments = doc.symbol.split("-");
  for (const [at, read] of segments.entries()) {
    if (chars(read).length < 3 || isTypeCode(read) || tiers.some((t) => t.includes(read))) continue;
    const code = nearest(tiers, read);
    if (!code) continue;
    segments[at] = code;
    const symbol = segments.join("-");
    const reference = doc.reference ? doc.reference.replace(doc.symbol, symbol) : null;
    const issuer = { ...doc.issuer };
    if (issuer.code === read) issuer.code = code;
    if (issuer.unit === read) issuer.unit = code;
    return {
      doc: { ...doc, symbol, reference, issuer },
      note: {
        code: "SYMBOL_CORRECTED",
        message: `The symbol was read by OCR with "${read}"; the document's citations, its issuer's name or the common codes give "${code}": check it.`,
        field: "symbol",
      },
    };
  }
  return null;
}

/** The one known code one edit away from `read`, in the first tier that has any; else null. */
function nearest(tiers: string[][], read: string): string | null {
  for (const tier of tiers) {
    const near = [
      ...new Set(tier.filter((c) => chars(c).length >= 3 && editDistance(c, read) <= 1)),
    ];
    if (near.length) return near.length === 1 ? near[0]! : null;
  }
  return null;
}
