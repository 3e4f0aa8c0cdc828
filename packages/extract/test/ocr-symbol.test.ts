import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "@vanthu/core";
import { correctOcrSymbol, initialsOf } from "../src/ocr-symbol.ts";

/** A letter of our own in the layout of a ministry's or a university's công văn. */
function letter(issuerLines: string[], symbol: string, body: string): string {
  return [
    ...issuerLines,
    `Số: 12/${symbol}`,
    "V/v phối hợp rà soát số liệu",
    "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 05 tháng 3 năm 2026",
    "",
    "Kính gửi: Các đơn vị trực thuộc",
    "",
    body,
    "",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "",
    "GIÁM ĐỐC",
    "",
    "Phan Văn Kiên",
  ].join("\n");
}

test("initials of an issuer's name", () => {
  const cases: Array<[string, string[]]> = [
    ["BỘ CÔNG AN", ["BCA"]],
    ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", ["SGD&ĐT", "SGDĐT"]],
    ["TRƯỜNG ĐẠI HỌC TÂY BẮC", ["TĐHTB", "ĐHTB"]],
    ["Sở Y tế", ["SYT"]],
    ["CỤC", []],
  ];
  for (const [name, want] of cases) assert.deepEqual(initialsOf(name), want, name);
});

test("the issuer's code in an OCR'd symbol, one letter off, is set right; otherwise it stands", () => {
  type Case = [string, string[], string, string, string | null];
  const cases: Case[] = [
    [
      "a code the document cites itself",
      ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC HÒA BÌNH"],
      "TB-ĐPHHB",
      "Căn cứ Kế hoạch số 41/KH-ĐHHB ngày 02/01/2026 của Nhà trường;",
      "TB-ĐHHB",
    ],
    [
      "the initials of the issuer's name",
      ["BỘ CÔNG AN"],
      "PCA-C06",
      "Thực hiện chỉ đạo của lãnh đạo Bộ.",
      "BCA-C06",
    ],
    [
      "a letter lost under a stamp, the code cited in a table",
      ["UBND THÀNH PHỐ HÀ NỘI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
      "KH&CN-VP",
      "Theo công văn số 55/SKH&CN-VP ngày 02/02/2026 và công văn số 80/SKH&CN-VP ngày 10/02/2026.",
      "SKH&CN-VP",
    ],
    [
      "a code read right stands",
      ["BỘ CÔNG AN"],
      "BCA-C06",
      "Thực hiện chỉ đạo của lãnh đạo Bộ.",
      null,
    ],
    [
      "two known codes one letter away: no guess",
      ["SỞ NỘI VỤ"],
      "SNX-VP",
      "Theo công văn số 5/SNV-VP và số 6/SNX2-VP.",
      null,
    ],
    [
      "nothing near: it stands as read",
      ["BAN QUẢN LÝ DỰ ÁN"],
      "QLDAX-KT",
      "Thực hiện kế hoạch năm.",
      null,
    ],
  ];
  for (const [name, issuer, symbol, body, want] of cases) {
    const doc = parseDocument(letter(issuer, symbol, body));
    assert.equal(doc.symbol, symbol, `${name}: parsed`);
    const fixed = correctOcrSymbol(doc);
    assert.equal(fixed?.doc.symbol ?? null, want, name);
    if (fixed) {
      assert.equal(fixed.doc.reference, `12/${want}`, `${name}: reference`);
      assert.equal(fixed.note.code, "SYMBOL_CORRECTED");
      assert.equal(fixed.note.field, "symbol");
    }
  }
});
