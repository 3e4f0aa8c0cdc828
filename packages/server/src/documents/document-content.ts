/**
 * A document's content as the server stores it (`documents.content`): the fields the layout and
 * the parser share (LayoutSource), complete with paragraphs. Drafts are written from fields or
 * from text; the columns of the row (type, subject, reference...) are derived from the content.
 */
import type { DraftFields } from "@vanthu/contract";
import {
  toIsoDate,
  composeSymbol,
  composeText,
  issuerFullName,
  normalizeText,
  parseDocument,
  typeByCode,
  type LayoutSource,
  type ParsedDocument,
} from "@vanthu/core";
import type { Agency } from "@vanthu/db";
import { fail } from "../errors.ts";
import { storeContent } from "../stored-json.ts";

export type DocumentContent = LayoutSource & { paragraphs: string[] };

// The request schemas (draft fields, draft text) are the contract's: @vanthu/contract.
export type { DraftFields };

/**
 * A Kính gửi or Nơi nhận line as the layout wants it: the layout writes the dash and the ";" or
 * "." itself, so the ones a person typed ("- Như trên;") are taken off.
 */
const listLine = (line: string): string =>
  normalizeText(line)
    .replace(/^\s*[-–+•]\s*/, "")
    .replace(/[\s;,.]+$/, "");

/**
 * Độ khẩn and độ mật on a content: kept only when set, so that a content without them reads as
 * it was written before they existed.
 */
export function withMarkings(
  content: DocumentContent,
  marks: { urgency?: DocumentContent["urgency"]; secrecy?: DocumentContent["secrecy"] },
): DocumentContent {
  const out: DocumentContent = { ...content };
  for (const key of ["urgency", "secrecy"] as const) {
    if (marks[key] === undefined) continue;
    if (marks[key] === null) delete out[key];
    else (out as Record<string, unknown>)[key] = marks[key];
  }
  return out;
}

/** A new draft's content from fields, issued by the agency (number and day left blank). */
export function contentFromFields(
  agency: Agency,
  fields: DraftFields,
): { content: DocumentContent; unknownType: boolean } {
  const format = agency.kind === "party" ? "party" : "state";
  const type = typeByCode(fields.typeCode, format);
  const sig = fields.signature;
  const content: DocumentContent = {
    format,
    issuer: {
      name: agency.name,
      parent: agency.parent_line,
      code: agency.abbreviation,
      unit: fields.unit ?? null,
    },
    type: { code: type?.code ?? fields.typeCode, name: type?.name ?? fields.typeCode },
    number: null,
    // The symbol is known before the number: drafts print "Số: /STTTT-TTBCXB".
    symbol: composeSymbol({
      format,
      typeCode: type?.code ?? fields.typeCode,
      issuer: agency.abbreviation,
      unit: fields.unit ?? null,
    }),
    place: fields.place ?? agency.place,
    dateParts: { day: null, month: null, year: null },
    subject: normalizeText(fields.subject),
    addressees: fields.addressees.map(listLine).filter(Boolean),
    paragraphs: fields.paragraphs.map(normalizeText).filter((p) => p.trim()),
    recipients: fields.recipients.map(listLine).filter(Boolean),
    archive: fields.archive,
    signature: {
      authority: sig?.authority ?? null,
      authorityTitle: sig?.authorityTitle ?? null,
      signerTitle: sig?.signerTitle ?? null,
      signerName: sig?.signerName ?? null,
      levels: sig?.authority ? [{ authority: sig.authority, title: sig.authorityTitle ?? "" }] : [],
    },
  };
  return { content: withMarkings(content, fields), unknownType: !type };
}

/** Content read from a document's text (a draft pasted in, or an imported document). */
export function contentFromParsed(p: ParsedDocument): DocumentContent {
  const content: DocumentContent = {
    format: p.format,
    issuer: p.issuer,
    type: p.type,
    number: p.number,
    symbol: p.symbol,
    place: p.place,
    dateParts: p.dateParts,
    subject: p.subject,
    addressees: p.addressees,
    paragraphs: p.paragraphs ?? [],
    recipients: p.recipients,
    archive: p.archive,
    signature: {
      authority: p.signature.authority,
      authorityTitle: p.signature.authorityTitle,
      signerTitle: p.signature.signerTitle,
      signerName: p.signature.signerName,
      levels: p.signature.levels ?? [],
    },
  };
  return withMarkings(content, { urgency: p.urgency ?? null, secrecy: p.secrecy ?? null });
}

/** A draft written as text: parsed, then issued by this agency (its number assigned later). */
/**
 * A draft written here must carry a date that exists: "ngày 30 tháng 02" pasted into a draft is
 * refused with the date named (a received document keeps its date empty instead, with the
 * parser's note, so the clerk can still register it).
 */
export function assertRealDate(parsed: ParsedDocument): void {
  const { day, month, year } = parsed.dateParts;
  if (!parsed.notes.some((n) => n.code === "INVALID_DATE") || !day || !month || !year) return;
  throw fail("INVALID_DATE", `no such date: ${day}/${month}/${year}`, [
    {
      path: "text",
      message: `Ngày ${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year} không có thật: hãy sửa ngày văn bản.`,
    },
  ]);
}

export function contentFromText(
  agency: Agency,
  text: string,
): { content: DocumentContent; text: string; parsed: ParsedDocument } {
  const clean = normalizeText(text);
  const parsed = parseDocument(clean);
  const content = contentFromParsed(parsed);
  content.format = agency.kind === "party" ? "party" : content.format;
  content.issuer = {
    name: agency.name,
    parent: agency.parent_line,
    code: agency.abbreviation,
    unit: parsed.issuer.unit ?? null,
  };
  content.number = null;
  content.place ??= agency.place;
  return { content, text: clean, parsed };
}

/** The row columns that mirror the content. */
export function columnsOf(content: DocumentContent, body?: string) {
  return {
    format: content.format,
    type_code: content.type?.code ?? null,
    type_name: content.type?.name ?? null,
    number: content.number,
    symbol: content.symbol,
    // The issuing body on its own ("Văn phòng UBND tỉnh Lạng Sơn", not the header's "Văn
    // phòng"): what the registers, the lists, the search and the portal show.
    issuer_name: issuerFullName(content.issuer),
    place: content.place,
    // Core's check: "30 tháng 02" is no date (the column stays empty, the lint says why).
    document_date: toIsoDate(content.dateParts),
    subject: content.subject,
    signer_name: content.signature.signerName,
    content: storeContent(content),
    body: body ?? composeText(content),
    urgency: content.urgency ?? null,
    secrecy: content.secrecy ?? null,
  };
}
