/**
 * A draft written in the compose form is linted as the text composeText makes of it, which the
 * person never sees: each finding must name the form field it comes from (and where in it), not
 * only a line and a column of that text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { composedDraft } from "./fixtures.ts";
import {
  composeDocument,
  composeText,
  lintReport,
  parseDocument,
  type LayoutSource,
  type LintContext,
} from "@vanthu/core";

/** A draft as the compose form sends it: number and day left for issuing. */
const draft = composedDraft({
  issuer: { name: "Sở Y tế", parent: "UBND tỉnh Cao Nguyên", code: "SYT", unit: "VP" },
  subject: "[trích yếu nội dung công văn]",
  addressees: ["Trung tâm Y tế các huyện", "[Cơ quan, đơn vị nhận]"],
  paragraphs: [
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/5/2026 của UBND tỉnh, Sở Y tế đề nghị các đơn vị thực hiện:",
    "1. Báo cáo kết quả về về Sở Y tế trước ngày …… tháng …… năm 2026.",
    "Trân trọng./.",
  ],
  recipients: ["Như trên", "…………"],
  signature: { ...composedDraft().signature, signerName: null },
});

function lintComposed(src: LayoutSource, context: Partial<LintContext> = {}) {
  const { text, fields } = composeDocument(src);
  return lintReport(parseDocument(text), { text, fields, ...context }).diagnostics;
}

test("composeDocument: the text of composeText, and where each field's value stands in it", () => {
  const { text, fields } = composeDocument(draft);
  assert.equal(text, composeText(draft));
  const value = (field: string, index = 0) => {
    const f = fields.find((s) => s.field === field && s.index === index);
    assert.ok(f, `${field} ${index}`);
    return text.slice(f.valueStart, f.valueEnd);
  };
  assert.equal(value("subject"), draft.subject);
  assert.equal(value("addressees", 1), "[Cơ quan, đơn vị nhận]");
  assert.equal(value("body", 1), draft.paragraphs[1]);
  assert.equal(value("recipients", 1), "…………");
  assert.equal(value("archive"), "VT, VP");
  assert.equal(value("authority"), "KT.");
  assert.equal(value("authorityTitle"), "GIÁM ĐỐC");
  assert.equal(value("signerTitle"), "PHÓ GIÁM ĐỐC");
  // Spans are sorted, do not overlap and hold their value.
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    assert.ok(f.start <= f.valueStart && f.valueEnd <= f.end, JSON.stringify(f));
    if (i) assert.ok(fields[i - 1]!.end <= f.start, JSON.stringify([fields[i - 1], f]));
  }
});

test("bug: compose findings point at the form field", () => {
  const cases: Array<[code: string, field: string, index: number | null, excerpt: string | null]> =
    [
      ["placeholder", "subject", 0, "[trích yếu nội dung công văn]"],
      ["placeholder", "addressees", 1, "[Cơ quan, đơn vị nhận]"],
      ["repeated-word", "body", 1, "về về"],
      ["placeholder", "body", 1, "ngày …… tháng …… năm"],
      ["placeholder", "recipients", 1, "…………"],
      // No line of its own to point at: the field that is empty.
      ["blank-signer", "signerName", null, null],
    ];
  const diagnostics = lintComposed(draft);
  const fieldValue = (field: string, index: number): string =>
    field === "subject"
      ? draft.subject!
      : field === "addressees"
        ? draft.addressees[index]!
        : field === "body"
          ? draft.paragraphs[index]!
          : draft.recipients[index]!;
  for (const [code, field, index, excerpt] of cases) {
    const d = diagnostics.find(
      (x) =>
        x.code === code &&
        x.field === field &&
        (index === null || x.fieldItem?.index === index) &&
        (excerpt === null ||
          fieldValue(field, index!).slice(x.fieldItem!.start, x.fieldItem!.end) === excerpt),
    );
    assert.ok(
      d,
      `${code} in ${field}: ${JSON.stringify(diagnostics.map((x) => [x.code, x.field, x.fieldItem]))}`,
    );
  }
  // The header is written by the system, not typed: the draft's blank number has no field.
  const number = diagnostics.find((d) => d.code === "blank-number");
  assert.ok(number);
  assert.equal(number.field, undefined);
  assert.ok(number.line > 0 && number.column > 0);
  // The Nơi nhận rules point at the field they are about.
  const noVt = lintComposed({ ...draft, archive: ["VP"] }).find(
    (d) => d.code === "recipients" && d.params?.variant === "no-vt",
  );
  assert.equal(noVt?.field, "archive");
  // A text linted on its own (pasted, imported) has no form: no field at all.
  const text = composeText(draft);
  assert.ok(
    lintReport(parseDocument(text), { text }).diagnostics.every((d) => d.field === undefined),
  );
});

test("a composed draft with an empty signature says which field to fill", () => {
  const unsigned = {
    ...draft,
    signature: { authority: null, authorityTitle: null, signerTitle: null, signerName: null },
  };
  const d = lintComposed(unsigned).filter((x) => x.code === "blank-signer");
  assert.deepEqual(
    d.map((x) => [x.severity, x.field]),
    [["warning", "signerName"]],
  );
  assert.deepEqual(
    lintComposed(unsigned, { status: "issued" })
      .filter((x) => x.code === "blank-signer")
      .map((x) => [x.severity, x.field]),
    [["error", "signerName"]],
  );
});
