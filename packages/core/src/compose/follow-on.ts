/**
 * A follow-on document (văn bản triển khai): an agency that received a directive writes its own,
 * citing the parent ("Thực hiện Công văn số ... ngày ... của ... về việc ..."), carrying its
 * numbered items over for the author to adapt, addressed to its own units.
 */
import type { DateParts } from "../model/parsed-document.ts";

export interface ParentDocument {
  typeName: string | null;
  reference: string | null;
  dateParts: DateParts;
  issuer: string | null;
  subject: string | null;
  paragraphs: string[];
}

const dateText = (d: DateParts): string | null =>
  d.day && d.month && d.year ? `${d.day}/${d.month}/${d.year}` : null;

/** The preamble citing the parent, ending with "<author> đề nghị <whom>:" */
export function followOnPreamble(
  parent: ParentDocument,
  author: string,
  whom = "các đơn vị",
): string {
  const type = parent.typeName ?? "Văn bản";
  const parts = [`Thực hiện ${type} số ${parent.reference ?? "..."}`];
  const date = dateText(parent.dateParts);
  if (date) parts.push(`ngày ${date}`);
  if (parent.issuer) parts.push(`của ${parent.issuer}`);
  let text = parts.join(" ");
  if (parent.subject) {
    const subject = parent.subject.replace(/^(v\/v|về việc)\s+/i, "");
    text += type === "Công văn" ? ` về việc ${subject}` : ` về ${subject}`;
  }
  return `${text}, ${author} đề nghị ${whom} thực hiện một số nội dung sau:`;
}

/** The parent's numbered items ("1. ...", "2. ...") and what follows each, up to the closing line. */
export function numberedItems(paragraphs: string[]): string[] {
  const start = paragraphs.findIndex((p) => /^\d{1,2}\.\s/.test(p));
  if (start < 0) return [];
  const items: string[] = [];
  for (const p of paragraphs.slice(start)) {
    // The closing request ("Định kỳ ... báo cáo ... /.") belongs to the parent's author.
    if (/\.\/\.?\s*$|\/\.\s*$/.test(p) && !/^\d{1,2}\.\s/.test(p)) break;
    // The parent's closing mark ("./.") does not end the follow-on.
    items.push(p.replace(/\s*\.?\/\.\s*$/, "."));
  }
  return items;
}

export function composeFollowOn(
  parent: ParentDocument,
  author: string,
): { subject: string | null; paragraphs: string[] } {
  const items = numberedItems(parent.paragraphs);
  return {
    subject: parent.subject,
    paragraphs: [followOnPreamble(parent, author), ...items],
  };
}

/**
 * The reply (văn bản trả lời) to a received document: a công văn to its issuer, whose subject
 * names what it answers and whose first paragraph cites it ("Phúc đáp Công văn số ... ngày ...
 * của ... về việc ..., <author> trả lời như sau:"); the answer is the author's to write.
 */
export function composeReply(
  parent: ParentDocument,
  author: string,
): { subject: string; addressees: string[]; paragraphs: string[] } {
  const type = parent.typeName ?? "Văn bản";
  const parts = [`Phúc đáp ${type} số ${parent.reference ?? "..."}`];
  const date = dateText(parent.dateParts);
  if (date) parts.push(`ngày ${date}`);
  if (parent.issuer) parts.push(`của ${parent.issuer}`);
  let text = parts.join(" ");
  if (parent.subject) {
    const subject = parent.subject.replace(/^(v\/v|về việc)\s+/i, "");
    text += type === "Công văn" ? ` về việc ${subject}` : ` về ${subject}`;
  }
  const subject = [`trả lời ${type} số ${parent.reference ?? "..."}`];
  if (parent.issuer) subject.push(`của ${parent.issuer}`);
  return {
    subject: subject.join(" "),
    addressees: parent.issuer ? [parent.issuer] : [],
    paragraphs: [`${text}, ${author} trả lời như sau:`],
  };
}
