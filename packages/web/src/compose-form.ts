/**
 * The compose form as data: filled from a template or a stored draft, turned into the fields the
 * API takes, corrected by a lint finding's fix, and the place of a finding in it (the field, the
 * line or paragraph, the words). Pure, so that it is tested without a browser.
 */
import type { DraftFieldsInput } from "@vanthu/contract";
import type { Authority, Secrecy, Urgency } from "@vanthu/core";
import type { DocumentDetail, Finding } from "./api.ts";
import { templateFor } from "./templates.ts";

export interface FormState {
  typeCode: string;
  subject: string;
  unit: string;
  addressees: string;
  body: string;
  recipients: string;
  archive: string;
  authority: string;
  authorityTitle: string;
  signerTitle: string;
  signerName: string;
  isPublic: boolean;
  /** Độ khẩn and độ mật ("" for none). */
  urgency: Urgency | "";
  secrecy: Secrecy | "";
}

/** The non-empty lines of a textarea, trimmed: one paragraph or one addressee each. */
export const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function fromTemplate(
  code: string,
  agency: { name: string; kind: string },
  unit: string,
): FormState {
  const tpl = templateFor(code, agency);
  return {
    typeCode: tpl.typeCode,
    subject: tpl.subject,
    unit,
    addressees: tpl.addressees.join("\n"),
    body: tpl.paragraphs.join("\n"),
    recipients: tpl.recipients.join("\n"),
    archive: "VT",
    authority: tpl.authority ?? "",
    authorityTitle: tpl.authorityTitle,
    signerTitle: tpl.signerTitle,
    signerName: "",
    isPublic: false,
    urgency: "",
    secrecy: "",
  };
}

export function fromDocument(d: DocumentDetail): FormState {
  const c = d.content;
  return {
    typeCode: c.type?.code ?? d.typeCode ?? "CV",
    subject: c.subject ?? "",
    unit: c.issuer?.unit ?? "",
    addressees: (c.addressees ?? []).join("\n"),
    body: (c.paragraphs ?? []).join("\n"),
    recipients: (c.recipients ?? []).join("\n"),
    archive: (c.archive ?? ["VT"]).join(", "),
    authority: c.signature?.authority ?? "",
    authorityTitle: c.signature?.authorityTitle ?? "",
    signerTitle: c.signature?.signerTitle ?? "",
    signerName: c.signature?.signerName ?? "",
    isPublic: d.isPublic,
    urgency: d.urgency ?? "",
    secrecy: d.secrecy ?? "",
  };
}

/** The form as the draft fields the API takes (POST/PATCH /api/documents, preview). */
export function toFields(f: FormState): DraftFieldsInput {
  return {
    typeCode: f.typeCode,
    subject: f.subject.trim(),
    unit: f.typeCode === "CV" && f.unit.trim() ? f.unit.trim().toUpperCase() : null,
    addressees: lines(f.addressees),
    paragraphs: lines(f.body),
    recipients: lines(f.recipients),
    archive: f.archive
      .split(/[,;]/)
      .map((a) => a.trim())
      .filter(Boolean),
    signature: {
      authority: (f.authority || null) as Authority | null,
      authorityTitle: f.authorityTitle.trim() || null,
      signerTitle: f.signerTitle.trim() || null,
      signerName: f.signerName.trim() || null,
    },
    isPublic: f.isPublic,
    urgency: f.urgency || null,
    secrecy: f.secrecy || null,
  };
}

const FIXABLE: Array<keyof FormState> = ["body", "subject", "addressees", "recipients"];

/**
 * Applies a finding's fix to the field holding the text around it; null if none does. The
 * composed text puts each field on lines of its own, with marks the form does not have ("V/v ",
 * "- ", ";"), so the fix is located by its context on the same line, the longest context that a
 * field holds first.
 */
export function applyFixToForm(form: FormState, text: string, finding: Finding): FormState | null {
  if (!finding.fix) return null;
  const { start, end, text: replacement } = finding.fix;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end);
  const before = text.slice(Math.max(lineStart, start - 24), start);
  const original = text.slice(start, end);
  const after = text.slice(end, Math.min(lineEnd, end + 24));
  const sizes = [24, 12, 6, 3, 0];
  for (const b of sizes)
    for (const a of sizes) {
      const pre = before.slice(Math.max(0, before.length - b));
      const needle = pre + original + after.slice(0, a);
      // Too little to be sure where it is.
      if (needle.trim().length < 3) continue;
      for (const key of FIXABLE) {
        const value = form[key] as string;
        const at = value.indexOf(needle);
        if (at < 0) continue;
        const s = at + pre.length;
        return {
          ...form,
          [key]: value.slice(0, s) + replacement + value.slice(s + original.length),
        };
      }
    }
  return null;
}

/** A field of the form that a finding can be in (core's compose fields are the form's keys). */
export type FindingField = NonNullable<Finding["field"]>;

/** Fields typed one item a line (Kính gửi, Nơi nhận) or one paragraph a line (the body). */
const LIST_FIELDS: ReadonlySet<FindingField> = new Set(["addressees", "body", "recipients"]);

/**
 * An item of a list field as the server keeps it: the dash and the final ";" or "." a person
 * typed are the layout's to write (the server's listLine), so they are not part of the item.
 */
function listItem(field: FindingField, line: string): { at: number; text: string } {
  const trimmed = line.trim();
  const lead = line.indexOf(trimmed);
  if (field === "body") return { at: lead, text: trimmed };
  const dash = /^[-–+•]\s*/.exec(trimmed)?.[0].length ?? 0;
  const text = trimmed.slice(dash).replace(/[\s;,.]+$/, "");
  return { at: lead + dash, text };
}

/**
 * The characters to select in a field's input for an item of it: the line or paragraph `index`
 * (counted as the server counts them: blank lines left out) and, within it, `start`..`end` (the
 * whole item without them). One-line fields have the single item 0.
 */
export function fieldSelection(
  form: FormState,
  field: FindingField,
  item?: { index: number; start?: number; end?: number },
): { start: number; end: number } {
  const value = String(form[field]);
  if (!item || item.index < 0) return { start: 0, end: 0 };
  let base = 0;
  let text = value.trim();
  let lead = value.indexOf(text);
  if (LIST_FIELDS.has(field)) {
    let offset = 0;
    let n = 0;
    let found = false;
    for (const line of value.split("\n")) {
      const it = listItem(field, line);
      if (it.text && n++ === item.index) {
        base = offset;
        lead = it.at;
        text = it.text;
        found = true;
        break;
      }
      offset += line.length + 1;
    }
    if (!found) return { start: 0, end: 0 };
  }
  const clamp = (o: number) => base + lead + Math.min(Math.max(o, 0), text.length);
  return { start: clamp(item.start ?? 0), end: clamp(item.end ?? text.length) };
}

/** How a finding's place is said: the field's label, and the paragraph or line in it. */
export interface PlaceWords {
  fields: Record<FindingField, string>;
  paragraph: (n: number) => string;
  line: (n: number) => string;
}

/** "Nội dung, đoạn 2", "Trích yếu nội dung"; null for a finding in what the system writes. */
export function findingPlace(finding: Finding, words: PlaceWords): string | null {
  if (!finding.field) return null;
  const label = words.fields[finding.field];
  const item = finding.fieldItem;
  if (!item || !LIST_FIELDS.has(finding.field)) return label;
  const n = item.index + 1;
  return `${label}, ${finding.field === "body" ? words.paragraph(n) : words.line(n)}`;
}
