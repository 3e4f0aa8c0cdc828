import { foldKey } from "../../text/vietnamese.ts";
import type { Rule } from "../diagnostic.ts";

const DEPUTY = /^(?:pho |thu truong\b)/;
/** Collective bodies a TM. stands for. */
const COLLECTIVE =
  /^(?:uy ban|ban |hoi dong|chinh phu|dang uy|tinh uy|thanh uy|huyen uy|quan uy|chi bo|doan chu tich|tap the|thuong truc|to |nhom |hoi )/;
/** Titles of one person: a TM. before them is wrong. */
const INDIVIDUAL =
  /^(?:giam doc|chu tich|bo truong|thu tuong|cuc truong|tong cuc truong|truong ban|chanh van phong|tong giam doc|vien truong|hieu truong|truong phong|chu nhiem|bi thu)\b/;

/** The head whose deputy signs: "PHÓ GIÁM ĐỐC" -> "GIÁM ĐỐC", "THỨ TRƯỞNG" -> "BỘ TRƯỞNG". */
function headOf(deputyTitle: string): string {
  if (/^THỨ TRƯỞNG/u.test(deputyTitle)) return "BỘ TRƯỞNG";
  return deputyTitle.replace(/^PHÓ\s+/u, "");
}

/** Authority prefixes (Decree 30/2020/NĐ-CP Phụ lục I, point 7): KT., TM., TL., TUQ., Q. */
export const signatureAuthority: Rule = ({ doc, report }) => {
  const s = doc.signature;
  if (s.start === undefined || s.end === undefined) return;
  const at = { start: s.start, end: s.end };
  const levels = s.levels ?? [];
  const signer = s.signerTitle ? foldKey(s.signerTitle) : null;
  const last = levels[levels.length - 1];
  for (const level of levels) {
    const title = foldKey(level.title);
    if (level.authority === "TM" && INDIVIDUAL.test(title) && !COLLECTIVE.test(title)) {
      report({
        code: "signature-authority",
        severity: "error",
        ...at,
        params: { variant: "tm-not-collective", authorityTitle: level.title },
      });
    }
    if (level.authority === "KT" && DEPUTY.test(title)) {
      report({
        code: "signature-authority",
        severity: "error",
        ...at,
        params: { variant: "kt-deputy-head", authorityTitle: level.title },
      });
    }
  }
  if (last?.authority === "KT" && signer && !DEPUTY.test(signer)) {
    report({
      code: "signature-authority",
      severity: "error",
      ...at,
      params: { variant: "kt-not-deputy", signerTitle: s.signerTitle! },
    });
  }
  if (
    last &&
    (last.authority === "TL" || last.authority === "TUQ") &&
    signer &&
    DEPUTY.test(signer) &&
    foldKey(headOf(s.signerTitle!)) === foldKey(last.title)
  ) {
    report({
      code: "signature-authority",
      severity: "warning",
      ...at,
      params: { variant: "tl-deputy", authority: `${last.authority}.` },
    });
  }
  if (!levels.length && signer && DEPUTY.test(signer)) {
    report({
      code: "signature-authority",
      severity: "error",
      ...at,
      params: { variant: "missing-kt", signerTitle: s.signerTitle!, head: headOf(s.signerTitle!) },
    });
  }
};
