import assert from "node:assert/strict";
import { test } from "node:test";
import { keepNameWords } from "../src/layout/layout-document.ts";

test('bug: "SỞ THÔNG TIN VÀ TRUYỀN / THÔNG" broke inside a word pair: agency names break between words', () => {
  const cases: Array<[string, string]> = [
    ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "SỞ THÔNG~TIN VÀ TRUYỀN~THÔNG"],
    ["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "ỦY~BAN NHÂN~DÂN TỈNH LẠNG SƠN"],
    ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ GIÁO~DỤC VÀ ĐÀO~TẠO"],
    ["BAN TUYÊN GIÁO TỈNH ỦY", "BAN TUYÊN~GIÁO TỈNH~ỦY"],
    ["BÁO LẠNG SƠN", "BÁO LẠNG SƠN"],
  ];
  for (const [name, want] of cases)
    assert.equal(keepNameWords(name).replaceAll("\u00a0", "~"), want, name);
});
