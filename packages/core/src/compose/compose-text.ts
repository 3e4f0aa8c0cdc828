/**
 * A document's plain text in the conventional layout (the one the parser reads, and the one
 * agencies paste): header blocks, number, V/v or type and subject, date, Kính gửi, body,
 * Nơi nhận, signature. Used to search, lint and show drafts written from fields.
 */
import type { LayoutSource } from "../layout/layout-document.ts";
import {
  authorityPrefix,
  formatNumberLine,
  formatWrittenDate,
  markingLines,
} from "../layout/layout-document.ts";
import { normalizeText } from "../text/vietnamese.ts";

const upper = (s: string) => s.toLocaleUpperCase("vi");

/**
 * The fields of the compose form that write a part of the text. The header (issuer, number,
 * date, type name) is written by the system from the agency, the register and the template
 * chosen: no field of the form holds it.
 */
export const COMPOSE_FIELDS = [
  "subject",
  "addressees",
  "body",
  "recipients",
  "archive",
  "authority",
  "authorityTitle",
  "signerTitle",
  "signerName",
] as const;
export type ComposeField = (typeof COMPOSE_FIELDS)[number];

/** Where a field's value was written in the composed text. Offsets in the text (NFC). */
export interface FieldSpan {
  field: ComposeField;
  /**
   * Which item of the field: the line of Kính gửi or Nơi nhận, the paragraph of the body, the
   * level of the signature (0 for a field of one line); -1 for the line that heads a list
   * ("Kính gửi:", "Nơi nhận:").
   */
  index: number;
  /** What was written for it, marks included ("V/v ", "- ", ";", "Kính gửi: "). */
  start: number;
  end: number;
  /** The value itself, as the form holds it (titles in capitals). */
  valueStart: number;
  valueEnd: number;
}

export interface ComposedText {
  text: string;
  /** Sorted by position, never overlapping. */
  fields: FieldSpan[];
}

/** The text alone (see composeDocument). */
export function composeText(doc: LayoutSource): string {
  return composeDocument(doc).text;
}

/**
 * The text and, for each field of the compose form, where its value went: a finding of the
 * linter in that text can then name the field a person types in.
 */
export function composeDocument(doc: LayoutSource): ComposedText {
  const party = doc.format === "party";
  const cv = doc.type?.code === "CV";
  const out: string[] = [];
  const fields: FieldSpan[] = [];
  let at = 0;
  // Each value is made NFC here, so the offsets hold in the text the linter normalises.
  const n = (s: string) => normalizeText(s);
  const push = (...lines: string[]) => {
    for (const l of lines) {
      out.push(l);
      at += l.length + 1;
    }
  };
  /** `before` + value + `after`, written for `field` from offset `start`. */
  const span = (
    field: ComposeField,
    index: number,
    start: number,
    before: string,
    value: string,
    after = "",
  ): FieldSpan => ({
    field,
    index,
    start,
    end: start + before.length + value.length + after.length,
    valueStart: start + before.length,
    valueEnd: start + before.length + value.length,
  });
  /** A line that one field writes. */
  const line = (field: ComposeField, index: number, before: string, value: string, after = "") => {
    fields.push(span(field, index, at, before, value, after));
    push(before + value + after);
  };
  if (party) {
    push("ĐẢNG CỘNG SẢN VIỆT NAM", "");
    if (doc.issuer.parent) push(upper(n(doc.issuer.parent)));
    push(upper(n(doc.issuer.name ?? "")), "*", "");
  } else {
    if (doc.issuer.parent) push(upper(n(doc.issuer.parent)));
    push(upper(n(doc.issuer.name ?? "")), "");
    push("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "");
  }
  push(n(formatNumberLine(doc)));
  const subject = n(doc.subject ?? "");
  if (cv && subject) line("subject", 0, "V/v ", subject);
  // "MẬT", "HỎA TỐC" on lines of their own under the number: the parser reads them back.
  push(...markingLines(doc));
  push("", n(formatWrittenDate(doc.place, doc.dateParts)), "");
  if (!cv && doc.type) {
    push(upper(n(doc.type.name)));
    if (subject) line("subject", 0, "", subject);
    push("");
  }
  const addressees = doc.addressees.map(n);
  if (addressees.length === 1) {
    line("addressees", 0, "Kính gửi: ", addressees[0]!, ".");
    push("");
  } else if (addressees.length > 1) {
    line("addressees", -1, "", "", "Kính gửi:");
    addressees.forEach((a, i) =>
      line("addressees", i, "- ", a, i === addressees.length - 1 ? "." : ";"),
    );
    push("");
  }
  (doc.paragraphs ?? []).forEach((p, i) => {
    line("body", i, "", n(p));
    push("");
  });
  line("recipients", -1, "", "", "Nơi nhận:");
  doc.recipients.forEach((r, i) => line("recipients", i, "- ", n(r), ";"));
  if (doc.archive.length)
    line("archive", 0, `- Lưu${party ? "" : ":"} `, n(doc.archive.join(", ")), ".");
  push("");
  const sig = doc.signature;
  const levels = sig.levels?.length
    ? sig.levels
    : sig.authority
      ? [{ authority: sig.authority, title: sig.authorityTitle ?? "" }]
      : [];
  levels.forEach((l, i) => {
    // "KT. GIÁM ĐỐC": the authority chosen, then the head's title typed.
    const prefix = authorityPrefix(doc.format, l.authority);
    const title = upper(n(l.title));
    fields.push(span("authority", i, at, "", prefix));
    fields.push(span("authorityTitle", i, at + prefix.length + 1, "", title));
    push(`${prefix} ${title}`);
  });
  if (sig.signerTitle) line("signerTitle", 0, "", upper(n(sig.signerTitle)));
  if (sig.signerName) {
    push("", "");
    line("signerName", 0, "", n(sig.signerName));
  }
  return { text: out.join("\n") + "\n", fields };
}
