import { test } from "node:test";
import assert from "node:assert/strict";
import { deputySignature } from "./fixtures.ts";
import {
  composeFollowOn,
  referenceKey,
  composeReference,
  composeSymbol,
  composeText,
  formatSequence,
  parseDocument,
  registerKey,
  type LayoutSource,
} from "@vanthu/core";

test("registerKey: state bodies by year, Party bodies per type within a term", () => {
  const cases: Array<[string, Parameters<typeof registerKey>, ReturnType<typeof registerKey>]> = [
    [
      "state, any type",
      [{ numbering: "yearly", term: null }, "2026-03-21", "KH"],
      { period: "2026", typeCode: "" },
    ],
    [
      "state, 1 January starts anew",
      [{ numbering: "yearly", term: null }, "2027-01-01", "CV"],
      { period: "2027", typeCode: "" },
    ],
    [
      "party, plan",
      [{ numbering: "term-per-type", term: "2025-2030" }, "2026-03-21", "KH"],
      { period: "term:2025-2030", typeCode: "KH" },
    ],
    [
      "party, letter",
      [{ numbering: "term-per-type", term: "2025-2030" }, "2026-03-21", null],
      { period: "term:2025-2030", typeCode: "CV" },
    ],
  ];
  for (const [name, args, want] of cases) assert.deepEqual(registerKey(...args), want, name);
  assert.throws(() => registerKey({ numbering: "yearly", term: null }, "21/3/2026", null), {
    code: "INVALID_DATE",
  });
  assert.throws(() => registerKey({ numbering: "term-per-type", term: null }, "2026-03-21", "KH"), {
    code: "NO_TERM",
  });
});

test("formatSequence, composeSymbol, composeReference", () => {
  assert.deepEqual([1, 9, 10, 200].map(formatSequence), ["01", "09", "10", "200"]);
  assert.throws(() => formatSequence(0));
  const cases: Array<[Parameters<typeof composeSymbol>[0], string, string]> = [
    [{ format: "state", typeCode: "KH", issuer: "UBND" }, "KH-UBND", "05/KH-UBND"],
    [
      { format: "state", typeCode: "CV", issuer: "STTTT", unit: "TTBCXB" },
      "STTTT-TTBCXB",
      "05/STTTT-TTBCXB",
    ],
    [{ format: "state", typeCode: "CV", issuer: "UBND" }, "UBND", "05/UBND"],
    [{ format: "party", typeCode: "KH", issuer: "TU" }, "KH/TU", "05-KH/TU"],
  ];
  for (const [input, symbol, reference] of cases) {
    assert.equal(composeSymbol(input), symbol);
    assert.equal(composeReference(input.format, "05", symbol), reference);
  }
});

const letter: LayoutSource = {
  format: "state",
  issuer: { name: "Sở Thông tin và Truyền thông", parent: "UBND tỉnh Lạng Sơn", code: "STTTT" },
  type: { code: "CV", name: "Công văn" },
  number: "07",
  symbol: "STTTT-TTBCXB",
  place: "Lạng Sơn",
  dateParts: { day: 5, month: 2, year: 2026 },
  subject: "tuyên truyền phòng, chống lừa đảo trực tuyến",
  addressees: ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"],
  paragraphs: [
    "Thực hiện Kế hoạch số 45-KH/TU ngày 12/3/2025 của Tỉnh ủy, Sở Thông tin và Truyền thông đề nghị các cơ quan:",
    "1. Đưa tin, bài về các thủ đoạn lừa đảo mới.",
    "2. Báo cáo kết quả về Sở trước ngày 15/12/2026./.",
  ],
  recipients: ["Như trên", "Lãnh đạo Sở"],
  archive: ["VT", "TTBCXB"],
  signature: deputySignature("Nguyễn Văn An"),
};

test("composeText: the parser reads back what was composed", () => {
  const sources: Array<[string, LayoutSource]> = [
    ["state công văn", letter],
    [
      "state plan, one addressee, no number yet",
      {
        ...letter,
        type: { code: "KH", name: "Kế hoạch" },
        number: null,
        symbol: "KH-STTTT",
        addressees: ["Ủy ban nhân dân tỉnh"],
        dateParts: { day: null, month: 3, year: 2026 },
      },
    ],
    [
      "Party plan",
      {
        ...letter,
        format: "party",
        issuer: { name: "Tỉnh ủy Lạng Sơn", parent: null, code: "TU" },
        type: { code: "KH", name: "Kế hoạch" },
        symbol: "KH/TU",
        addressees: [],
        signature: {
          authority: "TM",
          authorityTitle: "BAN THƯỜNG VỤ",
          signerTitle: "PHÓ BÍ THƯ",
          signerName: "Hoàng Văn Nam",
          levels: [{ authority: "TM", title: "BAN THƯỜNG VỤ" }],
        },
      },
    ],
  ];
  for (const [name, src] of sources) {
    const back = parseDocument(composeText(src));
    assert.equal(back.format, src.format, name);
    assert.equal(back.type?.code, src.type?.code, name);
    assert.equal(back.number, src.number, name);
    assert.equal(back.symbol, src.symbol, name);
    assert.deepEqual(back.dateParts, src.dateParts, name);
    assert.equal(back.subject, src.subject, name);
    assert.deepEqual(back.addressees, src.addressees, name);
    assert.deepEqual(back.paragraphs, src.paragraphs, name);
    assert.deepEqual(back.recipients, src.recipients, name);
    assert.deepEqual(back.archive, src.archive, name);
    assert.equal(back.signature.authority, src.signature.authority, name);
    assert.equal(back.signature.signerTitle, src.signature.signerTitle, name);
    assert.equal(back.signature.signerName, src.signature.signerName, name);
    assert.equal(back.citations[0]?.reference, "45-KH/TU", name);
  }
});

test("composeFollowOn: the preamble cites the parent; its numbered items carried over", () => {
  const parent = {
    typeName: "Công văn",
    reference: "642/STTTT-TTBCXB",
    dateParts: { day: 3, month: 6, year: 2025 },
    issuer: "Sở Thông tin và Truyền thông",
    subject: "tuyên truyền các nhiệm vụ chính trị",
    paragraphs: [
      "Thực hiện Công văn số 1890/BTTTT-TTCS ngày 20/5/2025 của Bộ, Sở đề nghị:",
      "1. Tuyên truyền về an toàn thông tin mạng.",
      "- Đăng tin trên trang thông tin điện tử.",
      "2. Phổ biến quy định về bảo vệ dữ liệu cá nhân.",
      "Các đơn vị báo cáo kết quả trước ngày 15/12/2025./.",
    ],
  };
  const f = composeFollowOn(parent, "Sở Công Thương");
  assert.equal(
    f.paragraphs[0],
    "Thực hiện Công văn số 642/STTTT-TTBCXB ngày 3/6/2025 của Sở Thông tin và Truyền thông về việc tuyên truyền các nhiệm vụ chính trị, Sở Công Thương đề nghị các đơn vị thực hiện một số nội dung sau:",
  );
  assert.deepEqual(f.paragraphs.slice(1), parent.paragraphs.slice(1, 4));
  assert.equal(f.subject, parent.subject);
  // The preamble parses back as a citation of the parent.
  const cited = parseDocument(`Số: /SCT-VP\n\n${f.paragraphs[0]}\n`).citations[0];
  assert.equal(cited?.reference, "642/STTTT-TTBCXB");
  assert.equal(cited?.date, "2025-06-03");
  const plan = composeFollowOn(
    { ...parent, typeName: "Kế hoạch", reference: "45-KH/TU", paragraphs: [] },
    "Sở Y tế",
  );
  assert.match(
    plan.paragraphs[0]!,
    /^Thực hiện Kế hoạch số 45-KH\/TU ngày 3\/6\/2025 của .* về tuyên truyền/,
  );
  assert.equal(plan.paragraphs.length, 1);
});

test("referenceKey: spacing, case and leading zeros do not matter", () => {
  assert.equal(referenceKey("01/STTTT-TTBCXB"), referenceKey("1 / STTTT - TTBCXB"));
  assert.equal(referenceKey("05-KH/TU"), "5-KH/TU");
  assert.notEqual(referenceKey("10/UBND"), referenceKey("1/UBND"));
});
