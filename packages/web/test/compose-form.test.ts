import { test } from "node:test";
import assert from "node:assert/strict";
import {
  applyFixToForm,
  fieldSelection,
  findingPlace,
  fromTemplate,
  lines,
  toFields,
  type FormState,
} from "../src/compose-form.ts";
import { vi } from "../src/i18n.ts";
import type { Finding } from "../src/api.ts";
import { signatureFor } from "../src/templates.ts";

const form = (over: Partial<FormState> = {}): FormState => ({
  ...fromTemplate("CV", { name: "Sở Thông tin và Truyền thông", kind: "state" }, "TTBCXB"),
  ...over,
});

/** A finding whose fix replaces `original` (found after `context`) in `text` with `replacement`. */
function finding(text: string, context: string, original: string, replacement: string): Finding {
  const at = text.indexOf(context + original) + context.length;
  assert.ok(at >= context.length, `${context + original} is in the text`);
  return {
    code: "test",
    severity: "warning",
    message: "",
    start: at,
    end: at + original.length,
    line: 1,
    column: 1,
    fix: { start: at, end: at + original.length, text: replacement },
  };
}

// The text the server composes puts fields in other places and adds the header: fixes are found
// by their context, not by their offsets.
const composed = (f: FormState) =>
  [
    "UBND TỈNH LẠNG SƠN",
    `V/v ${f.subject}`,
    ...lines(f.addressees).map((a) => `- ${a};`),
    ...lines(f.body),
    "Nơi nhận:",
    ...lines(f.recipients).map((r) => `- ${r};`),
  ].join("\n");

const FIX_CASES: Array<{
  name: string;
  form: Partial<FormState>;
  context: string;
  original: string;
  replacement: string;
  field: keyof FormState;
  expected: string;
}> = [
  {
    name: "a doubled word in the body",
    form: { body: "Đề nghị các các cơ quan thực hiện.\n1. Báo cáo kết quả." },
    context: "Đề nghị ",
    original: "các các",
    replacement: "các",
    field: "body",
    expected: "Đề nghị các cơ quan thực hiện.\n1. Báo cáo kết quả.",
  },
  {
    name: "a doubled word in the subject",
    form: { subject: "tăng cường cường công tác tuyên truyền" },
    context: "tăng ",
    original: "cường cường",
    replacement: "cường",
    field: "subject",
    expected: "tăng cường công tác tuyên truyền",
  },
  {
    name: "the same words in two paragraphs: the one with the finding's context",
    form: { body: "Thực hiện tốt.\nĐề nghị các đơn vị thực hiện thực hiện tốt." },
    context: "đơn vị ",
    original: "thực hiện thực hiện",
    replacement: "thực hiện",
    field: "body",
    expected: "Thực hiện tốt.\nĐề nghị các đơn vị thực hiện tốt.",
  },
  {
    name: "a symbol in a Nơi nhận line",
    form: { recipients: "Như trên\nUBND huyện Cao  Lộc" },
    context: "UBND huyện Cao",
    original: "  ",
    replacement: " ",
    field: "recipients",
    expected: "Như trên\nUBND huyện Cao Lộc",
  },
];

for (const c of FIX_CASES)
  test(`applyFixToForm: ${c.name}`, () => {
    const f = form(c.form);
    const text = composed(f);
    const next = applyFixToForm(f, text, finding(text, c.context, c.original, c.replacement));
    assert.ok(next, "a field takes the fix");
    assert.equal(next[c.field], c.expected);
    for (const other of ["subject", "body", "addressees", "recipients"] as const)
      if (other !== c.field) assert.equal(next[other], f[other], `${other} unchanged`);
  });

test("applyFixToForm: no fix, or text no field holds, changes nothing", () => {
  const f = form();
  const text = composed(f);
  const withoutFix = { ...finding(text, "UBND ", "TỈNH", "Tỉnh"), fix: undefined };
  assert.equal(applyFixToForm(f, text, withoutFix), null);
  // The header is not in any field: the fix cannot be applied there.
  assert.equal(applyFixToForm(f, text, finding(text, "UBND ", "TỈNH", "Tỉnh")), null);
});

test("toFields: lines trimmed, blanks dropped; a công văn's unit in capitals; archive split", () => {
  const fields = toFields(
    form({
      subject: "  tuyên truyền  ",
      unit: " ttbcxb ",
      addressees: "Báo Lạng Sơn\n\n  Đài Phát thanh và Truyền hình tỉnh  \n",
      body: "Đoạn một.\n   \nĐoạn hai.",
      archive: "VT, TTBCXB; ",
      authority: "",
    }),
  );
  assert.equal(fields.subject, "tuyên truyền");
  assert.equal(fields.unit, "TTBCXB");
  assert.deepEqual(fields.addressees, ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"]);
  assert.deepEqual(fields.paragraphs, ["Đoạn một.", "Đoạn hai."]);
  assert.deepEqual(fields.archive, ["VT", "TTBCXB"]);
  assert.equal(fields.signature?.authority, null);
  assert.equal(toFields(form({ typeCode: "KH", unit: "TTBCXB" })).unit, null, "only a công văn");
});

test("templates: each of the five fills a complete form of its type", () => {
  for (const code of ["CV", "KH", "HD", "TB", "BC"]) {
    const f = fromTemplate(code, { name: "Sở Y tế", kind: "state" }, "");
    assert.equal(f.typeCode, code);
    assert.ok(f.subject.length > 5);
    assert.ok(lines(f.body).length >= 3, code);
    assert.ok(lines(f.recipients).length >= 1, code);
    assert.equal(f.authority, "KT");
    assert.ok(f.body.normalize("NFC") === f.body, "NFC");
  }
  assert.match(fromTemplate("CV", { name: "Sở Y tế", kind: "state" }, "").body, /Sở Y tế/);
});

test("signatures: the authority and titles each kind of agency uses", () => {
  const cases: Array<[string, string, string | null, string, string]> = [
    ["Sở Y tế", "state", "KT", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    ["Ủy ban nhân dân tỉnh Lạng Sơn", "state", "KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ["Tỉnh ủy Lạng Sơn", "party", "TM", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"],
    ["Liên đoàn Lao động tỉnh Bắc Giang", "union", "TM", "BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH"],
    ["Báo Lạng Sơn", "press", "KT", "TỔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP"],
    ["Đài Truyền thanh xã Mai Pha", "broadcaster", "KT", "TRƯỞNG ĐÀI", "PHÓ TRƯỞNG ĐÀI"],
    [
      "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
      "broadcaster",
      "KT",
      "GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
    ],
  ];
  for (const [name, kind, authority, authorityTitle, signerTitle] of cases)
    assert.deepEqual(
      signatureFor({ name, kind }),
      { authority, authorityTitle, signerTitle },
      name,
    );
});

test("bug: compose findings point at the form field: the label said, the words selected", () => {
  const f = form({
    subject: "  [trích yếu nội dung công văn]",
    body: "Đoạn một.\n\n  Đề nghị các các cơ quan báo cáo.",
    recipients: "Như trên\n-\n- UBND huyện […];",
    signerName: "",
  });
  const at = (field: Finding["field"], index: number, words: string) => {
    const value = String(f[field!]);
    const item = lines(value)[index]!;
    const start = item.replace(/^[-–+•]\s*/, "").indexOf(words);
    return { field, fieldItem: { index, start, end: start + words.length } };
  };
  const cases: Array<[string, Partial<Finding>, string | null, string]> = [
    [
      "the subject",
      at("subject", 0, "[trích yếu nội dung công văn]"),
      "Trích yếu nội dung",
      "[trích yếu nội dung công văn]",
    ],
    [
      "a paragraph, counted without the blank line",
      at("body", 1, "các các"),
      "Nội dung, đoạn 2",
      "các các",
    ],
    // "-" alone is no recipient: the server drops it, so the count does too.
    [
      "a Nơi nhận line after a dash alone",
      { field: "recipients", fieldItem: { index: 1, start: 11, end: 14 } },
      "Nơi nhận, dòng 2",
      "[…]",
    ],
    [
      "an empty signer: the field, nothing to select",
      { field: "signerName" },
      "Họ và tên người ký",
      "",
    ],
    ["the header: no field", {}, null, ""],
  ];
  for (const [name, place, label, selected] of cases) {
    const finding: Finding = {
      code: "placeholder",
      severity: "error",
      message: "",
      start: 0,
      end: 0,
      line: 7,
      column: 5,
      ...place,
    };
    assert.equal(findingPlace(finding, vi.lint), label, name);
    if (!finding.field) continue;
    const { start, end } = fieldSelection(f, finding.field, finding.fieldItem);
    assert.equal(String(f[finding.field]).slice(start, end), selected, name);
  }
});
