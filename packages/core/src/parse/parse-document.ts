import { extractCitations, normalizeRef } from "../citations/extract-citations.ts";
import { typeByCode } from "../model/document-types.ts";
import { toIsoDate } from "../model/dates.ts";
import { issuerByCode, toNameCase } from "../model/issuers.ts";
import {
  WARNING_CODES,
  type DocumentFormat,
  type DocumentTypeRef,
  type Issuer,
  type ParsedDocument,
  type ParseNote,
} from "../model/parsed-document.ts";
import { lazyProperty } from "../lazy-property.ts";
import { makeTextView, type TextView } from "../text/lines.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { findRecipientsLine, readAddressees, readRecipients } from "./blocks.ts";
import {
  BODY_START,
  findDateLine,
  findMarkings,
  findMotto,
  findNumberLine,
  findTypeLine,
  issuerHeaderLines,
  readSubjectAfterType,
  readVvSubject,
} from "./header.ts";
import { extractLinks } from "./links.ts";
import { readParagraphs } from "./paragraphs.ts";
import { rememberView } from "./parsed-view.ts";
import { readSections } from "./sections.ts";
import { readSideSignature, readSignature } from "./signature.ts";
import { splitIssuerLines } from "./issuer-lines.ts";

export interface ParseOptions {
  /** Longest text parsed, in characters; the rest is ignored with a warning. Default 5,000,000. */
  maxLength?: number;
}

const DEFAULT_MAX = 5_000_000;

/**
 * Reads a Vietnamese official document from its text into the parse contract. Never throws:
 * what it cannot read is null or empty and explained in `warnings` / `notes`.
 */
export function parseDocument(input: string, options: ParseOptions = {}): ParsedDocument {
  const notes: ParseNote[] = [];
  let text = typeof input === "string" ? input : String(input ?? "");
  const max = options.maxLength ?? DEFAULT_MAX;
  if (text.length > max) {
    text = text.slice(0, max);
    notes.push(note(WARNING_CODES.INPUT_TRUNCATED, `Only the first ${max} characters were read.`));
  }
  text = normalizeText(text);
  try {
    return parseNormalized(text, notes);
  } catch (error) {
    // A bug must not take the caller down: report it as a warning on an empty result.
    notes.push(
      note(WARNING_CODES.NOT_A_DOCUMENT, `Internal parser error: ${(error as Error).message}`),
    );
    return emptyResult(notes);
  }
}

function note(code: string, message: string, field?: string): ParseNote {
  return field ? { code, message, field } : { code, message };
}

export function emptyResult(notes: ParseNote[] = []): ParsedDocument {
  return {
    format: "state",
    issuer: { name: null, parent: null, code: null },
    type: null,
    number: null,
    symbol: null,
    reference: null,
    place: null,
    date: null,
    dateParts: { day: null, month: null, year: null },
    subject: null,
    addressees: [],
    sections: [],
    recipients: [],
    archive: [],
    signature: { authority: null, authorityTitle: null, signerTitle: null, signerName: null },
    citations: [],
    links: [],
    urgency: null,
    secrecy: null,
    warnings: notes.map((n) => n.message),
    notes,
  };
}

function parseNormalized(text: string, notes: ParseNote[]): ParsedDocument {
  if (!text.trim()) {
    notes.push(note(WARNING_CODES.EMPTY_INPUT, "The text is empty."));
    return emptyResult(notes);
  }
  if (text.includes("\ufffd")) {
    notes.push(
      note(
        WARNING_CODES.REPLACEMENT_CHARACTERS,
        "The text contains unreadable characters (U+FFFD); some words may be damaged.",
      ),
    );
  }
  const view = makeTextView(text);
  const motto = findMotto(view);

  // Công văn: "V/v" right under the number. Known before reading the symbol, so that
  // "5467/CT-CS" (Cục Thuế) is not read as a Chỉ thị.
  const hasVv = hasVvInHeader(view);
  const numberLine = findNumberLine(view, hasVv);
  const ref = numberLine?.reference ?? null;

  let format: DocumentFormat = motto.format;
  if (ref?.shape === "party") format = "party";

  // Header region: up to the body (Kính gửi, Căn cứ, numbered items...).
  const headerEnd = findHeaderEnd(view, numberLine?.lastLine ?? -1);
  const headerEndOffset = view.lines[Math.min(headerEnd, view.lines.length - 1)]!.end;
  const markings = findMarkings(view, headerEnd);
  const date =
    findDateLine(view, 0, headerEndOffset) ??
    findDateLine(view, 0, view.lines[Math.min(view.lines.length - 1, 80)]!.end);

  const afterNumber = Math.max(numberLine?.lastLine ?? -1, -1) + 1;
  const typeLine =
    findTypeLine(view, Math.min(afterNumber, date ? date.line : afterNumber), headerEnd + 1) ??
    findTypeLine(view, 0, headerEnd + 1);

  // Type: the printed name wins, then "V/v" (công văn), then the symbol's abbreviation.
  let type: DocumentTypeRef | null = null;
  let typeSource: ParsedDocument["typeSource"] = null;
  if (typeLine) {
    type = { code: typeLine.code, name: typeLine.name };
    typeSource = "line";
  } else if (hasVv) {
    type = { code: "CV", name: "Công văn" };
    typeSource = "vv";
  } else if (ref?.typeCode) {
    const t = typeByCode(ref.typeCode, format);
    if (t) {
      type = { code: t.code, name: t.name };
      typeSource = "symbol";
    }
  } else if (ref && ref.shape === "state" && ref.issuerCode) {
    type = { code: "CV", name: "Công văn" };
    typeSource = "shape";
  }
  if (type && format === "party" && type.code === "QĐ" && typeLine?.name === "Quy định")
    type = { code: "QĐ", name: "Quy định" };
  if (!type) notes.push(note(WARNING_CODES.NO_TYPE, "Could not tell the document type.", "type"));

  // Subject.
  let subject: string | null = null;
  let subjectFirst = -1;
  let subjectLast = -1;
  const vv = hasVv
    ? readVvSubject(
        view,
        Math.max(0, (numberLine?.line ?? 0) - 2),
        headerEnd + 1,
        numberLine ? { text: numberLine.rest.trim(), line: numberLine.lastLine } : undefined,
        motto.lines,
      )
    : null;
  if (vv) {
    subject = vv.subject;
    subjectFirst = vv.firstLine;
    subjectLast = vv.lastLine;
  } else if (typeLine) {
    const s = readSubjectAfterType(view, typeLine.line, headerEnd + 12);
    if (s) {
      subject = s.subject;
      subjectFirst = s.firstLine;
      subjectLast = s.lastLine;
    }
  }
  if (!subject)
    notes.push(note(WARNING_CODES.NO_SUBJECT, "No subject (trích yếu) found.", "subject"));

  // Addressees, body, recipients, signature.
  const lastHeaderLine = Math.max(
    numberLine?.lastLine ?? -1,
    date?.lastLine ?? -1,
    subjectLast,
    typeLine?.line ?? -1,
  );
  const recipientsLine = findRecipientsLine(view, lastHeaderLine + 1);
  const bodyLimit = recipientsLine === -1 ? view.lines.length : recipientsLine;
  const addressees = readAddressees(
    view,
    Math.max(0, lastHeaderLine - 3),
    Math.min(bodyLimit, lastHeaderLine + 40),
  );
  const bodyStart = Math.max(lastHeaderLine + 1, (addressees?.lastLine ?? -1) + 1);
  const recipients = recipientsLine === -1 ? null : readRecipients(view, recipientsLine);

  const annex = findAnnexStart(view, recipients ? recipients.lastLine + 1 : bodyStart);
  const regions: Array<[number, number]> = [];
  if (recipients) {
    // From the list's first line: some text layers interleave the signature with the list.
    regions.push([recipientsLine + 1, Math.min(annex, recipients.lastLine + 30)]);
    regions.push([Math.max(bodyStart, recipientsLine - 14), recipientsLine]);
  } else {
    const closing = findClosingLine(view, bodyStart, annex);
    regions.push([closing === -1 ? Math.max(bodyStart, annex - 40) : closing + 1, annex]);
  }
  let signature = readSignature(view, regions);
  if (recipients && (!signature.signerName || !signature.levels?.length)) {
    // Text read with its layout prints the signature beside the Nơi nhận list.
    const side = readSideSignature(view, recipientsLine, Math.min(annex, recipients.lastLine + 30));
    if (
      side?.signerName &&
      (!signature.signerName || (side.levels?.length ?? 0) > (signature.levels?.length ?? 0))
    )
      signature = side;
  }
  const bodyEnd = recipients
    ? recipientsLine
    : signature.start !== undefined
      ? lineIndexAt(view, signature.start)
      : annex;
  const sections = readSections(view, bodyStart, bodyEnd);

  // Number and reference.
  let number: string | null = null;
  let symbol: string | null = null;
  let reference: string | null = null;
  if (ref) {
    number = ref.number;
    symbol = ref.symbol;
    reference = ref.reference;
    if (!number)
      notes.push(note(WARNING_CODES.BLANK_NUMBER, "The number is left blank (a draft).", "number"));
  } else {
    notes.push(
      note(WARNING_CODES.NO_REFERENCE, "No number and symbol (số, ký hiệu) found.", "reference"),
    );
  }

  // Date.
  const dateParts = date?.parts ?? { day: null, month: null, year: null };
  const iso = toIsoDate(dateParts);
  if (!date) notes.push(note(WARNING_CODES.NO_DATE, "No place and date line found.", "date"));
  else if (dateParts.day === null || dateParts.month === null || dateParts.year === null)
    notes.push(
      note(
        WARNING_CODES.INCOMPLETE_DATE,
        "The date is incomplete (day, month or year left blank).",
        "date",
      ),
    );
  else if (!iso)
    notes.push(
      note(
        WARNING_CODES.INVALID_DATE,
        `The date ${dateParts.day}/${dateParts.month}/${dateParts.year} does not exist.`,
        "date",
      ),
    );

  // Issuer.
  const stopLine = Math.min(
    numberLine?.line ?? Infinity,
    typeLine?.line ?? Infinity,
    date?.line ?? Infinity,
    headerEnd,
  );
  const issuer = readIssuer(
    view,
    motto,
    stopLine,
    ref,
    date?.place ?? null,
    signature.authorityTitle,
  );
  if (!issuer.name)
    notes.push(note(WARNING_CODES.NO_ISSUER, "Could not tell the issuing body.", "issuer"));
  if (!signature.signerName)
    notes.push(note(WARNING_CODES.NO_SIGNER_NAME, "No signer name found.", "signature"));

  let citations = extractCitations(view, {
    ownReference: ref?.number ? ref.reference : null,
    skip: numberLine ? [[numberLine.start, numberLine.end]] : [],
  });
  // A number written by hand or left blank, and the text citing itself ("theo công văn số 1679/
  // SGD&ĐT-VP ngày 29/5/2017" in its own table): same symbol, same date.
  if (ref && !ref.number && iso) {
    const own = normalizeRef(ref.symbol);
    citations = citations.filter((c) => !(c.date === iso && normalizeRef(c.symbol) === own));
  }

  const spans: NonNullable<ParsedDocument["spans"]> = {};
  if (numberLine) spans.reference = [numberLine.start, numberLine.end];
  if (date) spans.date = [date.start, date.end];
  if (subject && subjectFirst >= 0) {
    const first = view.lines[subjectFirst]!;
    const vvAt = first.text.search(/v\s*\/\s*v/i);
    const start =
      vvAt >= 0 && subjectFirst === numberLine?.lastLine ? first.textStart + vvAt : first.textStart;
    spans.subject = [start, view.lines[subjectLast]!.end];
  }
  if (signature.signerName && signature.end !== undefined) {
    const line = view.lines[lineIndexAt(view, signature.end)];
    const firstWord = signature.signerName.split(" ")[0]!.toLowerCase();
    const at = line ? line.text.toLowerCase().lastIndexOf(firstWord) : -1;
    if (line && at >= 0) spans.signerName = [line.textStart + at, line.end];
  }

  const result: ParsedDocument = {
    format,
    issuer,
    type,
    number,
    symbol,
    reference,
    referenceYear: ref?.year ?? null,
    place: date?.place ?? null,
    date: iso,
    dateParts,
    subject,
    addressees: addressees?.items ?? [],
    sections,
    recipients: recipients?.recipients ?? [],
    archive: recipients?.archive ?? [],
    signature,
    citations,
    links: extractLinks(view),
    urgency: markings.urgency,
    secrecy: markings.secrecy,
    typeSource,
    spans,
    warnings: notes.map((n) => n.message),
    notes,
  };
  // Body paragraphs serve rendering only: read on first use, then kept (JSON output includes them).
  lazyProperty(result, "paragraphs", () => readParagraphs(view, bodyStart, bodyEnd));
  rememberView(result, view);
  return result;
}

/** "V/v" in the header (not a "V/v" quoted in the body's citations). */
function hasVvInHeader(view: TextView): boolean {
  let seen = 0;
  for (const line of view.lines) {
    if (line.blank) continue;
    if (++seen > 40) return false;
    if (seen > 2 && BODY_START.test(line.folded)) return false;
    if (line.text.length < 600 && /(?:^|[\s"“'(])v\s*\/\s*v\b/u.test(line.folded)) return true;
  }
  return false;
}

function findHeaderEnd(view: TextView, afterLine: number): number {
  let seen = 0;
  for (const line of view.lines) {
    if (line.blank) continue;
    seen++;
    if (line.index > afterLine && BODY_START.test(line.folded)) return line.index - 1;
    if (seen > 60) return line.index;
  }
  return view.lines.length - 1;
}

/** First annex line after the signature ("PHỤ LỤC", "DANH MỤC ... (Kèm theo ...)"). */
function findAnnexStart(view: TextView, from: number): number {
  for (let i = Math.max(0, from); i < view.lines.length; i++) {
    const f = view.lines[i]!.folded;
    if (
      /^(?:#\s*)?(?:phu luc\b|danh muc\b|file duoc\b|\(kem theo\b|\(ban hanh kem theo\b|\[\d+\]\s)/.test(
        f,
      ) &&
      i > from
    )
      return i;
  }
  return view.lines.length;
}

/** The closing line of the body ("... ./."). */
function findClosingLine(view: TextView, from: number, to: number): number {
  for (let i = Math.min(to, view.lines.length) - 1; i >= Math.max(0, from); i--) {
    if (/\.\/\.\s*$|\.\/\.\)?\s*$/.test(view.lines[i]!.text)) return i;
  }
  return -1;
}

function lineIndexAt(view: TextView, offset: number): number {
  for (const line of view.lines) if (offset >= line.start && offset <= line.end) return line.index;
  return view.lines.length;
}

function readIssuer(
  view: TextView,
  motto: ReturnType<typeof findMotto>,
  stopLine: number,
  ref: ReturnType<typeof findNumberLine> extends infer N
    ? N extends { reference: infer R }
      ? R
      : null
    : null,
  place: string | null,
  authorityTitle: string | null,
): Issuer {
  const code = ref?.issuerCode ?? null;
  const unit = ref?.unit ?? null;
  const lines = issuerHeaderLines(view, motto, stopLine);
  if (lines.length) {
    const { parent, name } = splitIssuerLines(lines);
    return {
      name: name ? toNameCase(name) : null,
      parent: parent ? toNameCase(parent) : null,
      code,
      unit,
      source: "header",
    };
  }
  // No header lines (text copied from a portal): infer from the symbol, the place and the body.
  const known = issuerByCode(code);
  if (known) {
    const parent = known.provincialDepartment && place ? `UBND tỉnh ${place}` : null;
    const name =
      !known.provincialDepartment && place && /tỉnh$/u.test(known.name)
        ? `${known.name} ${place}`
        : known.name;
    return { name, parent, code, unit, source: "inferred" };
  }
  if (authorityTitle && /^(?:BAN|ỦY BAN|HỘI ĐỒNG)/u.test(authorityTitle)) {
    return { name: toNameCase(authorityTitle), parent: null, code, unit, source: "inferred" };
  }
  return { name: null, parent: null, code, unit, source: null };
}
