/**
 * A document's plain text in the conventional layout (the one the parser reads, and the one
 * agencies paste): header blocks, number, V/v or type and subject, date, Kính gửi, body,
 * Nơi nhận, signature. Used to search, lint and show drafts written from fields.
 */
import type { LayoutSource } from "../layout/layout-document.ts";
import { authorityPrefix, formatNumberLine, formatWrittenDate } from "../layout/layout-document.ts";

const upper = (s: string) => s.toLocaleUpperCase("vi");

export function composeText(doc: LayoutSource): string {
  const party = doc.format === "party";
  const cv = doc.type?.code === "CV";
  const out: string[] = [];
  if (party) {
    out.push("ĐẢNG CỘNG SẢN VIỆT NAM", "");
    if (doc.issuer.parent) out.push(upper(doc.issuer.parent));
    out.push(upper(doc.issuer.name ?? ""), "*", "");
  } else {
    if (doc.issuer.parent) out.push(upper(doc.issuer.parent));
    out.push(upper(doc.issuer.name ?? ""), "");
    out.push("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "");
  }
  out.push(formatNumberLine(doc));
  if (cv && doc.subject) out.push(`V/v ${doc.subject}`);
  out.push("", formatWrittenDate(doc.place, doc.dateParts), "");
  if (!cv && doc.type) {
    out.push(upper(doc.type.name));
    if (doc.subject) out.push(doc.subject);
    out.push("");
  }
  if (doc.addressees.length === 1) out.push(`Kính gửi: ${doc.addressees[0]}.`, "");
  else if (doc.addressees.length > 1) {
    out.push("Kính gửi:");
    doc.addressees.forEach((a, i) =>
      out.push(`- ${a}${i === doc.addressees.length - 1 ? "." : ";"}`),
    );
    out.push("");
  }
  for (const p of doc.paragraphs ?? []) out.push(p, "");
  out.push("Nơi nhận:");
  for (const r of doc.recipients) out.push(`- ${r};`);
  if (doc.archive.length) out.push(`- Lưu${party ? "" : ":"} ${doc.archive.join(", ")}.`);
  out.push("");
  const sig = doc.signature;
  const levels = sig.levels?.length
    ? sig.levels
    : sig.authority
      ? [{ authority: sig.authority, title: sig.authorityTitle ?? "" }]
      : [];
  for (const l of levels) out.push(`${authorityPrefix(doc.format, l.authority)} ${upper(l.title)}`);
  if (sig.signerTitle) out.push(upper(sig.signerTitle));
  if (sig.signerName) out.push("", "", sig.signerName);
  return out.join("\n") + "\n";
}
