import { test } from "node:test";
import assert from "node:assert/strict";
import {
  countHandling,
  handlingProgress,
  latestDay,
  layoutHandlingSlip,
  type HandlingProgress,
  type HandlingRow,
  type HandlingSlipSource,
} from "@vanthu/core";

const TODAY = "2026-12-10";

test("handlingProgress: on time, late, overdue, open", () => {
  const cases: Array<[string, HandlingRow, HandlingProgress]> = [
    ["done before the deadline", { due: "2026-12-08", doneOn: "2026-12-05" }, "on-time"],
    ["done on the deadline day", { due: "2026-12-08", doneOn: "2026-12-08" }, "on-time"],
    ["done the day after", { due: "2026-12-08", doneOn: "2026-12-09" }, "late"],
    ["done after, before today", { due: "2026-11-30", doneOn: "2026-12-02" }, "late"],
    ["done, no deadline", { due: null, doneOn: "2026-12-09" }, "on-time"],
    ["done without a day", { due: "2026-12-01", doneOn: null, done: true }, "on-time"],
    ["not done, deadline yesterday", { due: "2026-12-09", doneOn: null }, "overdue"],
    ["not done, deadline today", { due: TODAY, doneOn: null }, "open"],
    ["not done, deadline ahead", { due: "2026-12-20", doneOn: null }, "open"],
    ["not done, no deadline", { due: null, doneOn: null }, "open"],
    ["done: false says nothing more", { due: "2026-12-01", doneOn: null, done: false }, "overdue"],
    // A day of doing wins over the flag.
    ["done late, flagged", { due: "2026-12-01", doneOn: "2026-12-03", done: true }, "late"],
    // Years and months compare as days, not as numbers.
    ["a new year", { due: "2026-12-31", doneOn: "2027-01-02" }, "late"],
  ];
  for (const [name, row, expected] of cases)
    assert.equal(handlingProgress(row, TODAY), expected, name);
});

test("countHandling: the four add up to what was received", () => {
  const rows: HandlingRow[] = [
    { due: "2026-12-08", doneOn: "2026-12-05" },
    { due: "2026-12-08", doneOn: "2026-12-09" },
    { due: "2026-12-09", doneOn: null },
    { due: "2026-12-09", doneOn: null },
    { due: null, doneOn: null },
    { due: "2026-12-12", doneOn: null },
  ];
  const figures = countHandling(rows, TODAY);
  assert.deepEqual(figures, { received: 6, onTime: 1, late: 1, overdue: 2, open: 2 });
  assert.equal(figures.onTime + figures.late + figures.overdue + figures.open, figures.received);
  assert.deepEqual(countHandling([], TODAY), {
    received: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    open: 0,
  });
});

test("latestDay", () => {
  assert.equal(latestDay([]), null);
  assert.equal(latestDay([null, undefined]), null);
  assert.equal(latestDay(["2026-12-03", null, "2026-12-09", "2026-11-30"]), "2026-12-09");
});

test("layoutHandlingSlip: the header, the document, the bút phê and the result on one page", () => {
  const slip: HandlingSlipSource = {
    agency: { name: "Báo Lạng Sơn", parentLine: "UBND tỉnh Lạng Sơn" },
    document: {
      reference: "1009/STTTT-TTBCXB",
      typeName: "Công văn",
      date: "2026-12-02",
      issuer: "Sở Thông tin và Truyền thông",
      subject: "tuyên truyền phòng, chống thiên tai",
      urgency: "khan",
      secrecy: null,
      incomingNumber: 12,
      arrivedOn: "2026-12-03",
      dueOn: "2026-12-10",
    },
    instructions: [
      {
        text: "Giao Phòng Thời sự chủ trì, báo cáo trước ngày 10/12.",
        dueOn: "2026-12-10",
        givenBy: "Nguyễn Văn Lãnh",
        givenByTitle: "Tổng Biên tập",
        enteredBy: "Văn thư Báo",
        onPaper: true,
        onBehalfOf: null,
        at: "2026-12-03T02:15:00.000Z",
        lead: ["Phòng Thời sự"],
        cooperate: ["Phòng Điện tử"],
        inform: [],
      },
    ],
    assignments: [
      {
        by: "Trưởng phòng TS",
        to: "Chuyên viên A",
        role: "lead",
        at: "2026-12-04T01:00:00.000Z",
        dueOn: null,
        status: "done",
        doneAt: "2026-12-08T03:00:00.000Z",
        result: "Đã đăng ba tin",
      },
    ],
    notes: [],
    results: [{ who: "Chuyên viên A", result: "Đã đăng ba tin", doneAt: null }],
    progress: "on-time",
    doneOn: "2026-12-08",
  };
  const model = layoutHandlingSlip(slip, (at) => ({
    day: at.slice(0, 10),
    time: at.slice(11, 16),
  }));
  const header = model.header.left.lines.map((l) => l.text).join(" | ");
  assert.match(header, /^UBND TỈNH LẠNG SƠN \| BÁO LẠNG SƠN$/);
  assert.deepEqual(
    model.header.right.lines.map((l) => l.text),
    ["Số đến: 12", "Ngày đến: 03/12/2026", "KHẨN"],
  );
  assert.equal(model.title[0]!.text, "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN");
  const body = model.body.map((p) => p.text);
  assert.ok(
    body.includes(
      "Văn bản: Công văn số 1009/STTTT-TTBCXB ngày 02/12/2026 của Sở Thông tin và Truyền thông.",
    ),
    body.join("\n"),
  );
  assert.ok(body.includes("Giao Phòng Thời sự chủ trì, báo cáo trước ngày 10/12."));
  assert.ok(body.includes("Đơn vị, người chủ trì: Phòng Thời sự."));
  assert.ok(body.includes("Đơn vị, người phối hợp: Phòng Điện tử."));
  assert.ok(
    body.includes(
      "Tổng Biên tập Nguyễn Văn Lãnh, 02:15 ngày 03/12/2026 (bút phê trên giấy, do Văn thư Báo nhập).",
    ),
    body.join("\n"),
  );
  assert.ok(
    body.some((p) => p.startsWith("- Trưởng phòng TS giao Chuyên viên A (chủ trì)")),
    body.join("\n"),
  );
  assert.ok(body.includes("- Chuyên viên A: Đã đăng ba tin."), body.join("\n"));
  assert.ok(body.includes("Tình trạng: Đã giải quyết, đúng hạn."));
  assert.ok(body.includes("Ngày hoàn thành: 08/12/2026."));
  // A title that is already in the name is not written twice.
  const again = layoutHandlingSlip(
    {
      ...slip,
      instructions: [{ ...slip.instructions[0]!, givenBy: "Tổng Biên tập B", onPaper: false }],
    },
    (at) => ({ day: at.slice(0, 10), time: at.slice(11, 16) }),
  );
  assert.ok(again.body.some((p) => p.text === "Tổng Biên tập B, 02:15 ngày 03/12/2026."));
  // A result the handler closed with a full stop keeps one (it printed "công văn..").
  const closed = layoutHandlingSlip(
    { ...slip, results: [{ who: "Chuyên viên A", result: "Đã đăng ba tin.", doneAt: null }] },
    (at) => ({ day: at.slice(0, 10), time: at.slice(11, 16) }),
  );
  assert.ok(closed.body.some((p) => p.text === "- Chuyên viên A: Đã đăng ba tin."));
});
