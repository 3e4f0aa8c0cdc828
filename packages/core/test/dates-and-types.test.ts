import { test } from "node:test";
import assert from "node:assert/strict";
import {
  arrivalDateProblem,
  documentTypeChoices,
  isValidDate,
  parseWrittenDate,
  toIsoDate,
  typeByCode,
  typeByName,
  ND30_TYPES,
} from "@vanthu/core";

const written: Array<
  [string, string, { day: number | null; month: number | null; year: number | null }]
> = [
  ["plain", "ngày 26 tháng 3 năm 2018", { day: 26, month: 3, year: 2018 }],
  ["leading zeros", "ngày 05 tháng 02 năm 2024", { day: 5, month: 2, year: 2024 }],
  ["blank day (draft)", "ngày   tháng 01 năm 2022", { day: null, month: 1, year: 2022 }],
  ["blank day and month", "ngày  tháng  năm 2026", { day: null, month: null, year: 2026 }],
  ["broken over lines", "ngày 26\ntháng 11 năm 2025", { day: 26, month: 11, year: 2025 }],
  ["no space before the month", "ngày 01 tháng12 năm 2025", { day: 1, month: 12, year: 2025 }],
  ["digits split by OCR", "ngày 26 tháng 0 6 năm 2018", { day: 26, month: 6, year: 2018 }],
  ["capitals", "NGÀY 09 THÁNG 7 NĂM 2021", { day: 9, month: 7, year: 2021 }],
];
for (const [name, input, expected] of written) {
  test(`parseWrittenDate: ${name}`, () => {
    const d = parseWrittenDate(input);
    assert.ok(d);
    assert.deepEqual({ day: d.day, month: d.month, year: d.year }, expected);
  });
}

test("toIsoDate: only real, complete dates", () => {
  assert.equal(toIsoDate({ day: 26, month: 3, year: 2018 }), "2018-03-26");
  assert.equal(toIsoDate({ day: 29, month: 2, year: 2024 }), "2024-02-29");
  assert.equal(toIsoDate({ day: 29, month: 2, year: 2023 }), null);
  assert.equal(toIsoDate({ day: 31, month: 4, year: 2023 }), null);
  assert.equal(toIsoDate({ day: null, month: 3, year: 2023 }), null);
  assert.equal(isValidDate(1, 13, 2020), false);
});

test("document types: ND30 Phụ lục III codes and names", () => {
  const cases: Array<[string, string]> = [
    ["NQ", "Nghị quyết"],
    ["QĐ", "Quyết định"],
    ["CT", "Chỉ thị"],
    ["QYĐ", "Quy định"],
    ["TB", "Thông báo"],
    ["HD", "Hướng dẫn"],
    ["CTr", "Chương trình"],
    ["KH", "Kế hoạch"],
    ["BC", "Báo cáo"],
    ["TTr", "Tờ trình"],
    ["CĐ", "Công điện"],
    ["GM", "Giấy mời"],
    ["CV", "Công văn"],
    ["NĐ", "Nghị định"],
    ["TTLT", "Thông tư liên tịch"],
  ];
  for (const [code, name] of cases) {
    assert.equal(typeByCode(code)?.name, name, code);
    assert.equal(typeByName(name)?.code, code, name);
  }
  assert.equal(typeByName("QUYẾT ĐỊNH")?.code, "QĐ");
  assert.equal(typeByName("ke hoach")?.code, "KH");
  assert.equal(typeByCode("KL", "party")?.name, "Kết luận");
  assert.equal(typeByCode("TT", "party")?.name, "Thông tri");
  assert.equal(typeByCode("TT")?.name, "Thông tư");
  assert.equal(typeByCode("XYZ"), null);
  assert.ok(ND30_TYPES.length >= 30);
});

test("bug: the register dialog could not set the date of arrival: it is checked against today and the document's date", () => {
  const today = "2026-11-20";
  const cases: Array<[arrived: string, documentDate: string | null, problem: string | null]> = [
    ["2026-11-20", "2026-11-18", null],
    ["2026-11-18", "2026-11-18", null], // the day it was signed
    ["2026-11-19", null, null], // a document whose date could not be read
    ["2026-11-21", "2026-11-18", "ARRIVAL_IN_FUTURE"],
    ["2027-01-01", null, "ARRIVAL_IN_FUTURE"],
    ["2026-11-17", "2026-11-18", "ARRIVAL_BEFORE_DOCUMENT"],
    ["2025-12-31", "2026-01-01", "ARRIVAL_BEFORE_DOCUMENT"],
    ["2026-02-30", null, "INVALID_DATE"],
    ["20/11/2026", null, "INVALID_DATE"],
  ];
  for (const [arrived, documentDate, problem] of cases)
    assert.equal(
      arrivalDateProblem(arrived, { today, documentDate }),
      problem,
      `${arrived} (document ${documentDate})`,
    );
});

test("bug: the register dialog could not set the type: the choices are the ones typeByCode reads", () => {
  for (const format of ["state", "party"] as const) {
    const choices = documentTypeChoices(format);
    const codes = choices.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length, `${format}: one choice per code`);
    for (const c of choices) assert.deepEqual(typeByCode(c.code, format), c, `${format} ${c.code}`);
    for (const code of ["CV", "QĐ", "KH", "BC", "TB", "GM"]) assert.ok(codes.includes(code), code);
  }
  const state = documentTypeChoices("state").map((c) => c.name);
  const party = documentTypeChoices("party").map((c) => c.name);
  // A received state document may be a law or a decree; a Party one a conclusion or a circular.
  assert.ok(state.includes("Nghị định") && state.includes("Thông tư"), state.join(", "));
  assert.ok(party.includes("Kết luận") && party.includes("Thông tri"), party.join(", "));
  assert.ok(!party.includes("Thông tư"), "TT is Thông tri in a Party document");
  // The commonest first: công văn heads the list, then the decree's order.
  assert.equal(state[0], "Công văn");
  assert.equal(party[0], "Công văn");
});
