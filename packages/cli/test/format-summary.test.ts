import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "@vanthu/core";
import { formatSummary } from "../src/format-summary.ts";

/** A letter of Sở Nội vụ numbered `number` ("" for a draft's blank), then the lines given. */
const letter = (number: string, ...end: string[]) =>
  parseDocument(
    [
      "UBND TỈNH LẠNG SƠN",
      "SỞ NỘI VỤ",
      `Số: ${number}/SNV-VP`,
      "V/v rà soát hồ sơ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lạng Sơn, ngày 20 tháng 11 năm 2026",
      "",
      "Sở Nội vụ đề nghị rà soát./.",
      ...end,
    ].join("\n"),
  );

/** The summary prints the signature's authority as the document does. */
test('bug: the CLI summary printed a Party "T/M" as "TM.": T/M in a Party document, KT. in a state one', () => {
  const party = parseDocument(
    [
      "ĐẢNG BỘ TỈNH LẠNG SƠN",
      "HUYỆN ỦY CAO LỘC",
      "*",
      "Số 42-TB/HU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Cao Lộc, ngày 05 tháng 3 năm 2026",
      "",
      "THÔNG BÁO",
      "kết luận của Ban Thường vụ Huyện ủy về công tác cán bộ",
      "-----",
      "",
      "Tại cuộc họp ngày 02/3/2026, sau khi nghe Ban Tổ chức Huyện ủy báo cáo, Ban Thường vụ Huyện ủy kết luận như sau: giao Ban Tổ chức Huyện ủy hoàn thiện hồ sơ, trình Ban Thường vụ xem xét tại kỳ họp gần nhất./.",
      "",
      "T/M BAN THƯỜNG VỤ",
      "PHÓ BÍ THƯ",
      "",
      "Nông Thị Lan",
    ].join("\n"),
  );
  assert.equal(party.format, "party");
  assert.match(formatSummary("tb.txt", party), /T\/M BAN THƯỜNG VỤ \/ PHÓ BÍ THƯ \/ Nông Thị Lan/);
  const state = letter("77", "", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Hoàng Văn Khải");
  assert.match(formatSummary("cv.txt", state), /KT\. GIÁM ĐỐC \/ PHÓ GIÁM ĐỐC \/ Hoàng Văn Khải/);
});

test("the summary's number: a draft's blank, or a number written by hand to be typed", () => {
  const draft = letter("");
  assert.match(formatSummary("a.txt", draft), /\/SNV-VP \(chưa cấp số\)/);
  const hand = {
    ...draft,
    notes: [
      ...draft.notes,
      { code: "NUMBER_HANDWRITTEN", message: "handwritten", field: "reference" },
    ],
  };
  assert.match(formatSummary("b.pdf", hand), /\/SNV-VP \(số viết tay, cần nhập\)/);
});
