import { test } from "node:test";
import assert from "node:assert/strict";
import {
  cyclesCombine,
  isLate,
  pickCycles,
  type Cycle,
  periodOf,
  periodsBetween,
  readReporting,
  sumFigures,
  taskItems,
} from "@vanthu/core";

test("readReporting: cycles and deadlines as offices write them", () => {
  const cases: Array<[string, string[], string | null]> = [
    [
      "Định kỳ hàng quý, 06 tháng, 01 năm các cơ quan báo cáo kết quả về Sở.",
      ["quarterly", "half-yearly", "yearly"],
      null,
    ],
    [
      "Định kỳ hằng quý, 06 tháng, 01 năm hoặc khi có yêu cầu, các đơn vị báo cáo.",
      ["on-request", "quarterly", "half-yearly", "yearly"],
      null,
    ],
    ["Kết quả thực hiện gửi về Sở khi có yêu cầu./.", ["on-request"], null],
    ["Các đơn vị báo cáo kết quả trước ngày 15/12/2025./.", ["once"], "2025-12-15"],
    ["Báo cáo hằng tháng về Văn phòng trước ngày 25 hằng tháng.", ["monthly"], null],
    [
      "Các cấp công đoàn báo cáo kết quả định kỳ 06 tháng, 01 năm về Ban Tuyên giáo.",
      ["half-yearly", "yearly"],
      null,
    ],
    ["Phục vụ khách hàng quý và tổ chức hội nghị khách hàng năm 2026.", [], null],
    ["Báo cáo trước ngày 31/02/2026.", [], null],
  ];
  for (const [text, cycles, due] of cases)
    assert.deepEqual(readReporting(text), { cycles, due }, text);
});

test("periods: labels, bounds and due dates", () => {
  assert.deepEqual(periodOf("quarterly", "2026-11-22"), {
    cycle: "quarterly",
    label: "2026-Q4",
    start: "2026-10-01",
    end: "2026-12-31",
    due: "2026-12-31",
  });
  assert.equal(periodOf("half-yearly", "2026-03-01").label, "2026-H1");
  assert.equal(periodOf("monthly", "2028-02-10").end, "2028-02-29");
  assert.equal(periodOf("yearly", "2026-07-01").due, "2026-12-31");
  assert.deepEqual(
    periodsBetween("quarterly", "2026-11-22", "2027-07-01").map((p) => p.label),
    ["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"],
  );
  assert.deepEqual(
    periodsBetween("once", "2026-11-22", "2027-01-01", "2026-12-15")[0]!.due,
    "2026-12-15",
  );
  const q4 = periodOf("quarterly", "2026-11-22");
  assert.equal(isLate(q4, "2026-12-31"), false);
  assert.equal(isLate(q4, "2027-01-01"), true);
  assert.equal(isLate(q4, "2027-02-01", "2026-12-20"), false, "submitted in time");
  assert.equal(isLate(periodOf("on-request", "2026-11-22"), "2030-01-01"), false);
});

test("taskItems and sumFigures", () => {
  assert.deepEqual(
    taskItems([
      "Thực hiện Kế hoạch số 215-KH/TU, Sở đề nghị:",
      "1. Tuyên truyền chuyển đổi số và dịch vụ công trực tuyến",
      "- Mở chuyên mục.",
      "2. Tuyên truyền phòng, chống cháy rừng mùa hanh khô.",
      "3. Phòng Văn hóa và Thông tin các huyện, thành phố",
    ]),
    [
      { label: "1", title: "Tuyên truyền chuyển đổi số và dịch vụ công trực tuyến" },
      { label: "2", title: "Tuyên truyền phòng, chống cháy rừng mùa hanh khô" },
      { label: "3", title: "Phòng Văn hóa và Thông tin các huyện, thành phố" },
    ],
  );
  assert.deepEqual(
    sumFigures([
      { articles: 3, minutes: 10 },
      { articles: 2, people: 500 },
    ]),
    {
      articles: 5,
      minutes: 10,
      people: 500,
    },
  );
});

test("sumFigures: keys that name Object.prototype's members are figures like any other", () => {
  const cases: Array<[string, string]> = [
    ["constructor", "the Object function"],
    ["__proto__", "the prototype setter"],
    ["toString", "a method"],
    ["hasOwnProperty", "a method"],
    ["valueOf", "a method"],
  ];
  for (const [key, what] of cases) {
    // JSON.parse makes "__proto__" an own key, as the figures read from the database are.
    const report = (n: number) => JSON.parse(`{${JSON.stringify(key)}: ${n}, "articles": 1}`);
    const total = sumFigures([report(2), report(3)]);
    assert.equal(Object.getOwnPropertyDescriptor(total, key)?.value, 5, `${key} (${what})`);
    assert.equal(total.articles, 2, key);
    assert.deepEqual(JSON.parse(JSON.stringify(total)), { ...report(5), articles: 2 }, key);
  }
});

test('bug: "Một lần" and "Hằng quý" could be chosen together: periodic cycles combine, once and on request stand alone', () => {
  const combine: Array<[Cycle[], boolean]> = [
    [[], true],
    [["once"], true],
    [["quarterly", "yearly"], true],
    [["once", "quarterly"], false],
    [["on-request", "monthly"], false],
    [["once", "on-request"], false],
  ];
  for (const [cycles, ok] of combine) assert.equal(cyclesCombine(cycles), ok, cycles.join("+"));
  const picks: Array<[Cycle[], Cycle[], Cycle[]]> = [
    [["quarterly"], ["quarterly", "once"], ["once"]],
    [["once"], ["once", "quarterly"], ["quarterly"]],
    [["quarterly"], ["quarterly", "yearly"], ["quarterly", "yearly"]],
    [["on-request"], ["on-request", "once"], ["once"]],
    [["quarterly", "yearly"], ["yearly"], ["yearly"]],
  ];
  for (const [before, next, want] of picks)
    assert.deepEqual(pickCycles(before, next), want, `${before.join("+")} -> ${next.join("+")}`);
});
