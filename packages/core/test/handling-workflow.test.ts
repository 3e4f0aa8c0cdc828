import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addCalendarDays,
  addWorkingDays,
  dayNumber,
  dayOfNumber,
  daysOverdue,
  defaultDeadline,
  deliveryStatusOf,
  handlingProblem,
  isOverdue,
  isWorkingDay,
  printedDeadline,
  ruleFor,
  stepAfter,
  weekday,
  workingDaysLate,
  type DeadlineInput,
  type DeadlineRule,
  type HandlingEvent,
  type HandlingState,
  type HandlingStep,
} from "@vanthu/core";

// Days off of the tests: Tết Dương lịch 2027 and a made-up day in December 2026.
const HOLIDAYS = ["2027-01-01", "2026-12-24"];

test("calendar arithmetic: day numbers, weekdays, calendar days", () => {
  assert.equal(dayNumber("1970-01-01"), 0);
  assert.equal(dayOfNumber(0), "1970-01-01");
  for (const d of ["2024-02-29", "2026-12-31", "2027-01-01", "2000-03-01", "1999-12-31"])
    assert.equal(dayOfNumber(dayNumber(d)), d, d);
  const weekdays: Array<[string, number]> = [
    ["2026-12-04", 5], // Friday
    ["2026-12-05", 6],
    ["2026-12-06", 0],
    ["2026-12-07", 1],
    ["2024-02-29", 4],
  ];
  for (const [d, w] of weekdays) assert.equal(weekday(d), w, d);
  assert.equal(addCalendarDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addCalendarDays("2024-03-01", -1), "2024-02-29");
});

test("working days: weekends and the agency's days off skipped", () => {
  const cases: Array<[string, number, string]> = [
    ["2026-12-03", 1, "2026-12-04"], // Thursday -> Friday
    ["2026-12-04", 1, "2026-12-07"], // Friday -> Monday
    ["2026-12-05", 1, "2026-12-07"], // arrived on a Saturday
    ["2026-12-04", 5, "2026-12-11"],
    ["2026-12-04", 10, "2026-12-18"],
    ["2026-12-22", 2, "2026-12-25"], // the 24th is off
    ["2026-12-30", 2, "2027-01-04"], // the 1st is off, then the weekend
    ["2026-12-04", 0, "2026-12-04"],
  ];
  for (const [from, days, want] of cases)
    assert.equal(addWorkingDays(from, days, HOLIDAYS), want, `${from} + ${days}`);
  assert.equal(isWorkingDay("2026-12-24", HOLIDAYS), false);
  assert.equal(isWorkingDay("2026-12-24"), true);
  assert.equal(isWorkingDay("2026-12-26", new Set(HOLIDAYS)), false);
  assert.throws(() => addWorkingDays("2026-02-30", 1));
});

test("working days late: counted after the due day, weekends and days off not counted", () => {
  const cases: Array<[string, string, number]> = [
    ["2026-12-04", "2026-12-04", 0],
    ["2026-12-04", "2026-12-03", 0],
    ["2026-12-04", "2026-12-05", 0], // Saturday
    ["2026-12-04", "2026-12-07", 1], // Monday
    ["2026-12-04", "2026-12-11", 5],
    ["2026-12-23", "2026-12-25", 1], // the 24th is off
    ["2026-12-31", "2027-01-04", 1],
  ];
  for (const [due, day, want] of cases)
    assert.equal(workingDaysLate(due, day, HOLIDAYS), want, `${due} -> ${day}`);
  assert.equal(isOverdue("2026-12-04", "2026-12-05", false), true);
  assert.equal(isOverdue("2026-12-04", "2026-12-05", true), false);
  assert.equal(isOverdue(null, "2026-12-05", false), false);
  assert.equal(isOverdue("2026-12-04", "2026-12-04", false), false);
  assert.equal(daysOverdue("2026-12-04", "2026-12-08", false, HOLIDAYS), 2);
  assert.equal(daysOverdue("2026-12-04", "2026-12-08", true, HOLIDAYS), 0);
});

test("the rule of a type and urgency: the most specific wins, the shorter among equals", () => {
  const rules: DeadlineRule[] = [
    { typeCode: "", urgency: "", workingDays: 10 },
    { typeCode: "CV", urgency: "", workingDays: 7 },
    { typeCode: "", urgency: "hoa-toc", workingDays: 1 },
    { typeCode: "", urgency: "khan", workingDays: 5 },
    { typeCode: "KH", urgency: "khan", workingDays: 4 },
    { typeCode: "KH", urgency: "", workingDays: 15 },
  ];
  const cases: Array<[string | null, string | null, number | null]> = [
    [null, null, 10],
    ["QĐ", null, 10],
    ["CV", null, 7],
    ["CV", "hoa-toc", 1], // type and urgency equally specific: the shorter
    ["CV", "khan", 5],
    ["KH", "khan", 4], // both named
    ["KH", null, 15],
    ["KH", "thuong-khan", 15],
    ["TB", "hoa-toc", 1],
  ];
  for (const [type, urgency, want] of cases)
    assert.equal(ruleFor(rules, type, urgency)?.workingDays ?? null, want, `${type} ${urgency}`);
  assert.equal(ruleFor([{ typeCode: "CV", urgency: "", workingDays: 3 }], "KH", null), null);
  assert.equal(ruleFor([], "CV", null), null);
});

test("a deadline printed in the text, as offices write it", () => {
  const cases: Array<[string, string | null]> = [
    ["Đề nghị các đơn vị báo cáo kết quả trước ngày 15/12/2026./.", "2026-12-15"],
    ["Báo cáo tình hình thực hiện về Sở trước ngày 05/01/2027.", "2027-01-05"],
    ["Gửi về Sở chậm nhất ngày 20-12-2026.", "2026-12-20"],
    ["Hoàn thành trước ngày 15 tháng 12 năm 2026.", "2026-12-15"],
    ["Gửi văn bản về Văn phòng chậm nhất là ngày 3 tháng 1 năm 2027.", "2027-01-03"],
    ["Thực hiện Kế hoạch số 215-KH/TU ngày 02/10/2026 của Tỉnh ủy.", null],
    ["Báo cáo trước ngày 31/02/2026.", null],
    ["Hoàn thành trước ngày 30 tháng 2 năm 2027.", null],
    ["", null],
  ];
  for (const [text, want] of cases) assert.equal(printedDeadline(text), want, text);
});

test("the default deadline: printed first, else the rule from the day of arrival", () => {
  const rules: DeadlineRule[] = [
    { typeCode: "", urgency: "", workingDays: 10 },
    { typeCode: "", urgency: "hoa-toc", workingDays: 1 },
  ];
  const base: DeadlineInput = {
    arrivedOn: "2026-12-04",
    typeCode: "CV",
    urgency: null,
    text: "",
    rules,
    holidays: HOLIDAYS,
  };
  const cases: Array<[string, Partial<DeadlineInput>, unknown]> = [
    ["the rule for any", {}, { due: "2026-12-18", source: "rule", workingDays: 10 }],
    ["hỏa tốc", { urgency: "hoa-toc" }, { due: "2026-12-07", source: "rule", workingDays: 1 }],
    [
      "printed",
      { text: "Đề nghị báo cáo trước ngày 10/12/2026." },
      { due: "2026-12-10", source: "printed", workingDays: null },
    ],
    [
      "printed before it arrived: the rule",
      { text: "Đề nghị báo cáo trước ngày 01/12/2026." },
      { due: "2026-12-18", source: "rule", workingDays: 10 },
    ],
    ["no rule, nothing printed", { rules: [] }, null],
  ];
  for (const [name, input, want] of cases)
    assert.deepEqual(defaultDeadline({ ...base, ...input }), want, name);
});

test("the handling state machine: which step from which state, with the problem's code", () => {
  const registered: HandlingState = {
    direction: "incoming",
    status: "registered",
    attached: false,
    step: null,
  };
  const steps: Array<HandlingStep | null> = [
    null,
    "presented",
    "instructed",
    "assigned",
    "in-progress",
    "done",
  ];
  // Each event, from each step: null when allowed, else the problem.
  const table: Record<HandlingEvent, Array<string | null>> = {
    present: [
      null,
      null,
      "ALREADY_INSTRUCTED",
      "ALREADY_INSTRUCTED",
      "ALREADY_INSTRUCTED",
      "HANDLING_DONE",
    ],
    instruct: [
      null,
      null,
      "ALREADY_INSTRUCTED",
      "ALREADY_INSTRUCTED",
      "ALREADY_INSTRUCTED",
      "HANDLING_DONE",
    ],
    assign: ["NOT_INSTRUCTED", "NOT_INSTRUCTED", null, null, null, "HANDLING_DONE"],
    start: ["NOT_ASSIGNED", "NOT_ASSIGNED", "NOT_ASSIGNED", null, null, "HANDLING_DONE"],
    note: ["NOT_INSTRUCTED", "NOT_INSTRUCTED", null, null, null, "HANDLING_DONE"],
    done: ["NOT_ASSIGNED", "NOT_ASSIGNED", "NOT_ASSIGNED", null, null, "HANDLING_DONE"],
    remind: ["NOT_INSTRUCTED", "NOT_INSTRUCTED", null, null, null, "HANDLING_DONE"],
    forward: [null, null, null, null, null, null],
  };
  for (const [event, row] of Object.entries(table) as Array<[HandlingEvent, string[]]>)
    steps.forEach((step, i) =>
      assert.equal(
        handlingProblem({ ...registered, step }, event),
        row[i],
        `${event} from ${step}`,
      ),
    );
  // Not a registered record: every event refused, with why.
  const others: Array<[Partial<HandlingState>, string]> = [
    [{ status: "returned" }, "DOCUMENT_RETURNED"],
    [{ status: "draft" }, "NOT_REGISTERED"],
    [{ attached: true }, "NOT_REGISTERED"],
    [{ direction: "outgoing", status: "issued" }, "NOT_REGISTERED"],
  ];
  for (const [state, want] of others)
    for (const event of Object.keys(table) as HandlingEvent[])
      assert.equal(handlingProblem({ ...registered, ...state }, event), want, `${event} ${want}`);
});

test("the step after an event never goes back; the status it sends to the sender", () => {
  const cases: Array<[HandlingStep | null, HandlingEvent, boolean, HandlingStep | null]> = [
    [null, "present", true, "presented"],
    ["presented", "instruct", true, "instructed"],
    [null, "instruct", true, "instructed"],
    ["instructed", "assign", true, "assigned"],
    ["in-progress", "assign", true, "in-progress"],
    ["assigned", "start", true, "in-progress"],
    ["assigned", "note", true, "assigned"],
    ["in-progress", "done", true, "done"],
    ["assigned", "done", false, "in-progress"],
    ["in-progress", "done", false, "in-progress"],
    ["done", "forward", true, "done"],
  ];
  for (const [from, event, lead, want] of cases)
    assert.equal(stepAfter(from, event, lead), want, `${from} ${event}`);
  assert.deepEqual(
    ([null, "presented", "instructed", "assigned", "in-progress", "done"] as const).map(
      deliveryStatusOf,
    ),
    [null, null, null, "04", "05", "06"],
  );
});
