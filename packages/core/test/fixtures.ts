/** Small documents written for the core tests, each case changing one part of them. */
import {
  lintDocument,
  normalizeText,
  parseDocument,
  type LayoutSource,
  type LintContext,
} from "@vanthu/core";

export type CongVanPart =
  "so" | "date" | "vv" | "kinhGui" | "body" | "noiNhan" | "signature" | "annex" | "header";

/** A small công văn of a Sở Y tế as text; `annex` goes after the signature. */
export function congVan(parts: Partial<Record<CongVanPart, string>> = {}): string {
  return [
    parts.header ??
      "UBND TỈNH CAO NGUYÊN\nSỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    parts.so ?? "Số: 15/SYT-VP",
    parts.vv ?? "V/v báo cáo công tác y tế năm 2026",
    parts.date ?? "Cao Nguyên, ngày 03 tháng 6 năm 2026",
    parts.kinhGui ?? "Kính gửi: Trung tâm Y tế các huyện.",
    parts.body ??
      "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/5/2026 của UBND tỉnh, Sở Y tế đề nghị báo cáo./.",
    parts.noiNhan ?? "Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.",
    parts.signature ?? "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An",
    ...(parts.annex ? [parts.annex] : []),
  ].join("\n\n");
}

/** The linter's findings on a text, parsed as the server parses it. */
export function lintText(text: string, context: Partial<LintContext> = {}) {
  const t = normalizeText(text);
  return lintDocument(parseDocument(t), { text: t, ...context });
}

/** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" and the deputy's name (null: left for the signer). */
export function deputySignature(signerName: string | null): LayoutSource["signature"] {
  return {
    authority: "KT",
    authorityTitle: "GIÁM ĐỐC",
    signerTitle: "PHÓ GIÁM ĐỐC",
    signerName,
    levels: [{ authority: "KT", title: "GIÁM ĐỐC" }],
  };
}

/** The same công văn as the compose form sends it: number and day left for issuing. */
export function composedDraft(
  change: Partial<LayoutSource> = {},
): LayoutSource & { paragraphs: string[] } {
  return {
    format: "state",
    issuer: { name: "Sở Y tế", parent: "UBND tỉnh Cao Nguyên", code: "SYT", unit: null },
    type: { code: "CV", name: "Công văn" },
    number: null,
    symbol: "SYT-VP",
    place: "Cao Nguyên",
    dateParts: { day: null, month: null, year: null },
    subject: "báo cáo công tác y tế năm 2026",
    addressees: ["Trung tâm Y tế các huyện"],
    paragraphs: ["Sở Y tế đề nghị các đơn vị báo cáo kết quả./."],
    recipients: ["Như trên"],
    archive: ["VT", "VP"],
    signature: deputySignature("Nguyễn Văn An"),
    ...change,
  };
}
