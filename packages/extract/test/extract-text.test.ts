import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
} from "docx";
import { parseDocument } from "@vanthu/core";
import { detectFormat, extractText } from "@vanthu/extract";

const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};
const p = (
  text: string,
  bold = false,
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): Paragraph =>
  new Paragraph({
    alignment: align,
    children: [new TextRun({ text, bold, font: "Times New Roman" })],
  });
const cell = (...paragraphs: Paragraph[]): TableCell =>
  new TableCell({ children: paragraphs, width: { size: 50, type: WidthType.PERCENTAGE } });

/** A công văn laid out as agencies write them in Word: header and signature in borderless tables. */
async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            borders: noBorders,
            rows: [
              new TableRow({
                children: [
                  cell(
                    p("UBND TỈNH CAO NGUYÊN", false, AlignmentType.CENTER),
                    p("SỞ Y TẾ", true, AlignmentType.CENTER),
                    p("Số: 342/SYT-NVY", false, AlignmentType.CENTER),
                    p("V/v tăng cường phòng, chống sốt xuất huyết", false, AlignmentType.CENTER),
                  ),
                  cell(
                    p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, AlignmentType.CENTER),
                    p("Độc lập - Tự do - Hạnh phúc", true, AlignmentType.CENTER),
                    p("Cao Nguyên, ngày 15 tháng 7 năm 2026", false, AlignmentType.CENTER),
                  ),
                ],
              }),
            ],
          }),
          p("Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh.", false, AlignmentType.CENTER),
          p("Thực hiện Công văn số 1150/BYT-DP ngày 02/7/2026 của Bộ Y tế, Sở Y tế đề nghị:"),
          p("1. Giám sát chặt chẽ các ổ dịch trên địa bàn."),
          p("2. Báo cáo kết quả hằng tuần về Sở Y tế./."),
          new Table({
            borders: noBorders,
            rows: [
              new TableRow({
                children: [
                  cell(p("Nơi nhận:", true), p("- Như trên;"), p("- Lưu: VT, NVY.")),
                  cell(
                    p("KT. GIÁM ĐỐC", true, AlignmentType.CENTER),
                    p("PHÓ GIÁM ĐỐC", true, AlignmentType.CENTER),
                    p(""),
                    p("Triệu Văn Long", true, AlignmentType.CENTER),
                  ),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

test(".docx: header and signature tables read and parsed", async () => {
  const bytes = await makeDocx();
  assert.equal(detectFormat(bytes, "x.docx"), "docx");
  assert.equal(detectFormat(bytes, "no-extension"), "docx");
  const r = await extractText(bytes, "cong-van.docx");
  assert.equal(r.format, "docx");
  assert.deepEqual(r.notes, []);
  const d = parseDocument(r.text);
  assert.equal(d.reference, "342/SYT-NVY");
  assert.deepEqual(d.issuer, {
    name: "Sở Y tế",
    parent: "UBND tỉnh Cao Nguyên",
    code: "SYT",
    unit: "NVY",
    source: "header",
  });
  assert.equal(d.date, "2026-07-15");
  assert.equal(d.subject, "tăng cường phòng, chống sốt xuất huyết");
  assert.deepEqual(d.addressees, ["Trung tâm Kiểm soát bệnh tật tỉnh"]);
  assert.deepEqual(
    d.sections.map((s) => s.label),
    ["1", "2"],
  );
  assert.deepEqual(d.archive, ["VT", "NVY"]);
  assert.deepEqual(
    [d.signature.authority, d.signature.signerTitle, d.signature.signerName],
    ["KT", "PHÓ GIÁM ĐỐC", "Triệu Văn Long"],
  );
  assert.deepEqual(
    d.citations.map((c) => [c.reference, c.date, c.issuer]),
    [["1150/BYT-DP", "2026-07-02", "Bộ Y tế"]],
  );
});

test("PDF with a text layer: two columns read as a flattened table, then parsed", async () => {
  const bytes = new Uint8Array(readFileSync(new URL("./fixtures/cong-van.pdf", import.meta.url)));
  const r = await extractText(bytes, "cong-van.pdf");
  assert.equal(r.format, "pdf");
  assert.equal(r.pages, 1);
  assert.deepEqual(r.notes, []);
  const d = parseDocument(r.text);
  assert.equal(d.reference, "215/SVHTT-TTBC");
  assert.deepEqual(
    [d.issuer.name, d.issuer.parent],
    ["Sở Văn hóa và Truyền thông", "UBND tỉnh Cao Nguyên"],
  );
  assert.equal(d.date, "2026-06-02");
  assert.equal(d.subject, "hướng dẫn tuyên truyền kỷ niệm ngày Báo chí cách mạng Việt Nam");
  assert.deepEqual(d.addressees, ["Báo Cao Nguyên"]);
  assert.deepEqual(d.recipients, ["Như trên"]);
  assert.deepEqual(d.archive, ["VT", "TTBC"]);
  assert.equal(d.signature.signerName, "Đinh Thị Thu Hương");
  assert.deepEqual(
    d.citations.map((c) => [c.reference, c.date, c.issuer]),
    [["88-HD/BTGDVTU", "2026-05-20", "Ban Tuyên giáo và Dân vận Tỉnh ủy"]],
  );
});

const bad: Array<[string, Uint8Array, string, string]> = [
  ["empty file", new Uint8Array(), "a.txt", "EMPTY_FILE"],
  [
    "a Word 97-2003 header and nothing else",
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    "a.doc",
    "UNREADABLE_DOC",
  ],
  [
    "zip that is not .docx",
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
    "a.zip",
    "UNSUPPORTED_FORMAT",
  ],
  [
    "broken .docx",
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
    "a.docx",
    "UNREADABLE_DOCX",
  ],
  [
    "broken PDF",
    new TextEncoder().encode("%PDF-1.7\nthis is not a pdf"),
    "a.pdf",
    "UNREADABLE_PDF",
  ],
  ["binary", new Uint8Array([7, 0, 1, 2, 3, 0, 0, 0]), "a.bin", "BINARY_CONTENT"],
  ["only spaces", new TextEncoder().encode("   \n\n  "), "a.txt", "NO_TEXT"],
];
for (const [name, bytes, file, code] of bad) {
  test(`bad input gives a fatal note, never an exception: ${name}`, async () => {
    const r = await extractText(bytes, file);
    assert.equal(r.text, "");
    assert.ok(
      r.notes.some((n) => n.code === code && n.fatal),
      JSON.stringify(r.notes),
    );
  });
}

test("a PDF without a text layer (a scan) is reported", async () => {
  // A valid one-page PDF with no text objects.
  const body = [
    "%PDF-1.4",
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj",
  ];
  let pdf = "";
  const offsets: number[] = [];
  for (const part of body) {
    if (part.includes("obj")) offsets.push(pdf.length);
    pdf += `${part}\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer<</Size 4/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  const r = await extractText(new TextEncoder().encode(pdf), "scan.pdf");
  assert.deepEqual(
    r.notes.map((n) => [n.code, n.fatal]),
    [["PDF_NO_TEXT_LAYER", true]],
  );
});
