import { test } from "node:test";
import assert from "node:assert/strict";
import { NOTIFICATION_CODES, NOTIFICATION_PARAMS } from "@vanthu/core";
import { vi } from "../src/i18n.ts";
import { en } from "../src/i18n.en.ts";
import { noticeText } from "../src/notice-text.ts";

/** One value for every parameter name any code has. */
const SAMPLE: Record<string, string> = {
  reference: "12/STTTT-TTBCXB",
  subject: "tuyên truyền Ngày Pháp luật",
  issuer: "Sở Thông tin và Truyền thông",
  recipient: "Báo Lạng Sơn",
  reason: "gửi nhầm cơ quan",
  by: "Hoàng Thị Lan",
  note: "đề nghị xem xét",
  item: "2",
  role: "lead",
  due: "2026-12-03",
  period: "2026-Q4",
  status: "04",
  kind: "phe-binh",
};
const LEFTOVER = /[{}]|\$|undefined|null|NaN|\[object/;

for (const [name, catalog] of [
  ["vi", vi],
  ["en", en],
] as const) {
  test(`${name}: every notification code has a template`, () => {
    for (const code of NOTIFICATION_CODES)
      assert.equal(typeof catalog.notice[code], "function", `${name} ${code}`);
    assert.deepEqual(Object.keys(catalog.notice).sort(), [...NOTIFICATION_CODES].sort());
  });

  test(`${name}: each code renders its sample parameters, no placeholder left`, () => {
    for (const code of NOTIFICATION_CODES) {
      const names = NOTIFICATION_PARAMS[code] as readonly string[];
      const params = Object.fromEntries(names.map((n) => [n, SAMPLE[n]!]));
      const text = noticeText(catalog, { code, params, message: null });
      assert.doesNotMatch(text, LEFTOVER, `${name} ${code}: ${text}`);
      assert.equal(text, text.normalize("NFC"));
      if (names.includes("due")) assert.match(text, /03\/12\/2026/, `${name} ${code}: ${text}`);
      if (names.includes("period")) assert.match(text, /Quý IV\/2026/, `${name} ${code}`);
      if (names.includes("reference")) assert.ok(text.includes(SAMPLE.reference!), code);
      assert.doesNotMatch(text, /2026-12-03|2026-Q4|phe-binh/, `${name} ${code}`);
      if (names.includes("role"))
        assert.ok(text.includes(catalog.noticeWords.role.lead!), `${name} ${code}`);
      // With nothing known (an older row, a draft without a reference): still a sentence.
      const bare = noticeText(catalog, {
        code,
        params: Object.fromEntries(names.map((n) => [n, null])),
        message: null,
      });
      assert.doesNotMatch(bare, LEFTOVER, `${name} ${code} bare: ${bare}`);
      assert.ok(bare.length > 5);
    }
  });
}

test("statuses, reminder kinds and roles read by name", () => {
  const p = { reference: "5/UBND", recipient: "Báo Lạng Sơn", status: "06" };
  assert.equal(
    noticeText(vi, { code: "delivery.progress", params: p, message: null }),
    "Báo Lạng Sơn – văn bản số 5/UBND: Hoàn thành",
  );
  assert.match(
    noticeText(vi, {
      code: "reminder.sent",
      params: { reference: "5/UBND", subject: null, kind: "phe-binh", by: "Lan" },
      message: null,
    }),
    /^Lan phê bình về văn bản số 5\/UBND$/,
  );
  assert.match(
    noticeText(vi, {
      code: "deadline.near",
      params: { reference: "5/UBND", subject: "x", item: null, period: null, due: "2026-12-03" },
      message: null,
    }),
    /^Sắp đến hạn xử lý văn bản số 5\/UBND \(hạn 03\/12\/2026\): x$/,
  );
});

test("a row written before codes shows its sentence; an unknown one a plain word", () => {
  const message = "Quá hạn báo cáo kỳ Quý IV/2026 (hạn 31/12/2026) nhiệm vụ 1 của văn bản 5/UBND.";
  assert.equal(noticeText(en, { code: "deadline.overdue", params: {}, message }), message);
  assert.equal(noticeText(vi, { code: null, params: {}, message: null }), "Thông báo");
});
