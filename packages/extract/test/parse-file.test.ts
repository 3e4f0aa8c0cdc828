import { test } from "node:test";
import assert from "node:assert/strict";
import { parseExtracted, type ExtractedText, type TextSource } from "../src/index.ts";

/** Two letters of one agency, as the PDF layout writes them: left column, blank, right column. */
const letter = (number: string, day: string, subject: string, addressee: string, signer: string) =>
  [
    "UBND TỈNH CAO NGUYÊN",
    "SỞ TƯ PHÁP",
    `Số: ${number}/STP-HCTP`,
    `V/v ${subject}`,
    "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    `Cao Nguyên, ngày ${day} tháng 3 năm 2026`,
    "",
    `Kính gửi: ${addressee}.`,
    "",
    "Sở Tư pháp đề nghị quý cơ quan cho ý kiến về nội dung nêu trên trước ngày 30/3/2026./.",
    "",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, HCTP.",
    "",
    "GIÁM ĐỐC",
    signer,
  ].join("\n");

function pdfOf(pages: string[], sourceOf: (page: number) => Partial<TextSource> = () => ({})) {
  const sources: TextSource[] = [];
  let at = 0;
  pages.forEach((p, i) => {
    sources.push({
      start: at,
      end: at + p.length,
      source: "text",
      page: i + 1,
      ...sourceOf(i + 1),
    });
    at += p.length + 2;
  });
  const extracted: ExtractedText = {
    text: pages.join("\n\n"),
    format: "pdf",
    pages: pages.length,
    notes: [],
    sources,
  };
  return extracted;
}

test("one document: the top level is it, and documents holds it alone", () => {
  const file = parseExtracted(
    pdfOf([letter("12", "05", "góp ý dự thảo quy chế", "Sở Nội vụ", "Trần Văn Bình")]),
  );
  assert.equal(file.reference, "12/STP-HCTP");
  assert.equal(file.documents.length, 1);
  assert.deepEqual(file.pages, [1, 1]);
  assert.deepEqual(file.fieldSources.reference, { source: "text", confidence: 1, page: 1 });
});

test("several documents in one PDF: one full result each, split on the page of each header", () => {
  const file = parseExtracted(
    pdfOf([
      letter("12", "05", "góp ý dự thảo quy chế", "Sở Nội vụ", "Trần Văn Bình"),
      letter("", "", "đề nghị cử cán bộ", "Hội Luật gia tỉnh", "Trần Văn Bình"),
      letter("", "", "đề nghị cung cấp số liệu", "Đoàn Luật sư tỉnh", "Trần Văn Bình"),
    ]),
  );
  assert.equal(file.documents.length, 3);
  assert.deepEqual(
    file.documents.map((d) => [d.number, d.subject, d.addressees[0], d.pages]),
    [
      ["12", "góp ý dự thảo quy chế", "Sở Nội vụ", [1, 1]],
      [null, "đề nghị cử cán bộ", "Hội Luật gia tỉnh", [2, 2]],
      [null, "đề nghị cung cấp số liệu", "Đoàn Luật sư tỉnh", [3, 3]],
    ],
  );
  // The top level is the first document, so single-document readers keep working.
  assert.equal(file.reference, file.documents[0]!.reference);
  assert.equal(file.signature.signerName, "Trần Văn Bình");
});

test("fieldSources: OCR gives its confidence and page; a stamped revision wins over the text", () => {
  const ocr = parseExtracted(
    pdfOf([letter("12", "05", "góp ý dự thảo quy chế", "Sở Nội vụ", "Trần Văn Bình")], () => ({
      source: "ocr",
      confidence: 0.875,
    })),
  );
  assert.deepEqual(ocr.fieldSources.subject, { source: "ocr", confidence: 0.875, page: 1 });

  const page = letter("12", "05", "góp ý dự thảo quy chế", "Sở Nội vụ", "Trần Văn Bình");
  const at = page.indexOf("12/STP");
  const stamped: ExtractedText = {
    text: page,
    format: "pdf",
    pages: 1,
    notes: [],
    sources: [
      { start: 0, end: at, source: "text", page: 1 },
      { start: at, end: at + 2, source: "revision", page: 1, revision: 2 },
      { start: at + 2, end: page.length, source: "text", page: 1 },
    ],
  };
  const file = parseExtracted(stamped);
  assert.equal(file.reference, "12/STP-HCTP");
  assert.equal(file.fieldSources.reference?.source, "revision");
  assert.equal(file.fieldSources.subject?.source, "text");
});

test("notes of the extraction come first, each with its field", () => {
  const extracted = pdfOf([letter("", "", "góp ý", "Sở Nội vụ", "Trần Văn Bình")]);
  extracted.notes.push({
    code: "NUMBER_HANDWRITTEN",
    message: "The number is written by hand.",
    fatal: false,
    field: "reference",
    page: 1,
  });
  const file = parseExtracted(extracted);
  assert.deepEqual(file.notes[0], {
    code: "NUMBER_HANDWRITTEN",
    message: "The number is written by hand.",
    field: "reference",
  });
  assert.equal(file.warnings[0], "The number is written by hand.");
});

test("plain text has no pages: every field comes from the text", () => {
  const file = parseExtracted({
    text: letter("7", "02", "góp ý", "Sở Nội vụ", "Trần Văn Bình"),
    format: "text",
    notes: [],
  });
  assert.equal(file.documents.length, 1);
  assert.equal(file.pages, undefined);
  assert.deepEqual(file.fieldSources.date, { source: "text", confidence: 1, page: null });
});
