import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutPage } from "@vanthu/extract";
import { layoutPageText, type PdfTextItem } from "../src/pdf-layout.ts";

/** A run as pdfjs gives it: text, baseline origin, width. */
const run = (str: string, x: number, y: number, w: number, size = 13): PdfTextItem => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: w,
  height: size,
});
/** A run whose width is what our test font gives (half the size a character). */
const text = (str: string, x: number, y: number, size = 13): PdfTextItem =>
  run(str, x, y, (str.length * size) / 2, size);

const cases: Array<[string, PdfTextItem[], string]> = [
  [
    "a number drawn into the blank of 'Số:' joins its line",
    [
      text("Số:", 100, 740),
      run(" ", 119.5, 740, 36),
      text("/UBND-VP", 156, 740),
      text("215", 123, 740.4),
    ],
    "Số: 215 /UBND-VP",
  ],
  [
    "the day and month stamped into 'ngày  tháng  năm'",
    [
      text("Hà Giang, ngày", 300, 700),
      run(" ", 391, 700, 30),
      text("tháng", 421, 700),
      run(" ", 453.5, 700, 24),
      text("năm 2026", 477.5, 700),
      text("07", 395, 700),
      text("5", 458, 700),
    ],
    "Hà Giang, ngày 07 tháng 5 năm 2026",
  ],
  [
    "a blank left blank (a draft) keeps its line whole",
    [text("Số:", 100, 740), run(" ", 119.5, 740, 50), text("/UBND-VP", 170, 740)],
    "Số: /UBND-VP",
  ],
  [
    "a letter said to be of no width (a combining accent) is not split from its word",
    [
      run("S", 97, 732, 7.5),
      run("ố", 104.5, 732, 0),
      run(" ", 104.5, 732, 6.9),
      run(":", 111.4, 732, 3.8),
    ],
    "Số:",
  ],
  [
    "a list item padded with blanks stays one line",
    [
      text("- Sở Tài chính;", 86, 130, 11),
      run(" ", 168.5, 130, 80, 11),
      text("(để b/c)", 249, 130, 11),
    ],
    "- Sở Tài chính; (để b/c)",
  ],
  [
    "header columns joined by blanks across the middle: split when the line below has the gutter",
    [
      text("BAN CHẤP HÀNH", 94, 772),
      run(" ", 188, 772, 102),
      text("ĐOÀN THANH NIÊN", 290, 772),
      text("***", 180, 756),
      text("Số: 12-CV/TĐ", 96, 740),
      text("Hà Giang, ngày 3 tháng 9 năm 2026", 300, 740),
      text("V/v cử cán bộ", 110, 726),
    ],
    "BAN CHẤP HÀNH\n***\nSố: 12-CV/TĐ\nV/v cử cán bộ\n\nĐOÀN THANH NIÊN\nHà Giang, ngày 3 tháng 9 năm 2026",
  ],
  [
    "the same line with no gutter around it (a table's row) stays whole",
    [
      text("BAN CHẤP HÀNH", 94, 772),
      run(" ", 188, 772, 102),
      text("ĐOÀN THANH NIÊN", 290, 772),
      text("Căn cứ Điều lệ Đoàn, Ban Chấp hành Đoàn xã thông báo", 85, 756),
    ],
    "BAN CHẤP HÀNH ĐOÀN THANH NIÊN\nCăn cứ Điều lệ Đoàn, Ban Chấp hành Đoàn xã thông báo",
  ],
];
for (const [name, items, expected] of cases) {
  test(`layout: ${name}`, () => {
    assert.equal(layoutPage(items, 595), expected);
  });
}

test("layout: the signature column goes on below the room left for the signature", () => {
  const items = [
    text("Nơi nhận:", 85, 244, 12),
    text("KT. GIÁM ĐỐC", 377, 244),
    text("- Như trên;", 85, 228, 11),
    text("PHÓ GIÁM ĐỐC", 374, 228),
    text("- Lưu: VT, NV.", 85, 215, 11),
    // Six lines further down, the signer's name; under it a footnote, with its marker.
    text("Hoàng Minh Đức", 380, 143),
    run("1", 99, 118, 3, 7),
    text("Văn bản này thay thế văn bản số 12/SNV-VP.", 104, 116, 10),
  ];
  assert.equal(
    layoutPage(items, 595),
    [
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, NV.",
      "",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "",
      "Hoàng Minh Đức",
      "",
      "1 Văn bản này thay thế văn bản số 12/SNV-VP.",
    ].join("\n"),
  );
});

test("layout: a centred title under the header is not taken into its right column", () => {
  const items = [
    text("UBND TỈNH HÀ GIANG", 93, 773),
    text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 773, 12),
    text("SỞ NỘI VỤ", 137, 758),
    text("Độc lập - Tự do - Hạnh phúc", 320, 758),
    text("TỜ TRÌNH", 270, 697, 14),
    text("Về việc thành lập hội đồng", 220, 680),
  ];
  const out = layoutPage(items, 595).split("\n");
  assert.deepEqual(out.slice(-3), ["", "TỜ TRÌNH", "Về việc thành lập hội đồng"]);
});

test("layout: runs drawn by a later revision are marked in the text", () => {
  const items: PdfTextItem[] = [
    text("Số:", 100, 740),
    run(" ", 119.5, 740, 36),
    text("/UBND-VP", 156, 740),
    { ...text("215", 123, 740), revision: 3 },
    text("Hà Giang, ngày", 300, 740),
    { ...text("07", 395, 740), revision: 4 },
    text("tháng 5 năm 2026", 421, 740),
  ];
  const laid = layoutPageText(items, 595);
  assert.equal(laid.text, "Số: 215 /UBND-VP\nHà Giang, ngày 07 tháng 5 năm 2026");
  assert.deepEqual(
    laid.marks.map((m) => [laid.text.slice(m.start, m.end), m.revision]),
    [
      ["215", 3],
      ["07", 4],
    ],
  );
});
