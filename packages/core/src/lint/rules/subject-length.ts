import type { Rule } from "../diagnostic.ts";

/**
 * Above this many characters a trích yếu is reported. Real ones rarely pass 250: on the 61
 * issued documents of ../shared/corpus/dev the median is 160 characters, 9 in 10 are under 250,
 * and the longest is 308 (a quyết định công bố thủ tục hành chính, whose title names every
 * field and level). The threshold is that longest real one with a third more, rounded to the
 * hundred: 400, so that no real document is reported and a paragraph typed into the field is.
 */
export const SUBJECT_MAX_CHARS = 400;

/**
 * A trích yếu is "một câu ngắn gọn hoặc một cụm từ phản ánh khái quát nội dung chủ yếu của văn
 * bản" (Decree 30/2020/NĐ-CP Phụ lục I): a paragraph in its place is a warning.
 */
export const subjectLength: Rule = ({ doc, view, context, report }) => {
  // Composed from the form, the field is measured (a line too long for the parser to read as
  // a trích yếu is still the one typed); otherwise the trích yếu the parser read.
  const field = context.fields?.find((f) => f.field === "subject");
  const span = field ? ([field.valueStart, field.valueEnd] as const) : doc.spans?.subject;
  if (!span) return;
  const length = field
    ? view.text.slice(span[0], span[1]).trim().length
    : (doc.subject ?? "").length;
  if (length <= SUBJECT_MAX_CHARS) return;
  report({
    code: "subject-length",
    severity: "warning",
    start: span[0],
    end: span[1],
    params: { length: String(length), limit: String(SUBJECT_MAX_CHARS) },
  });
};
