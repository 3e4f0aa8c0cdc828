import { test } from "node:test";
import assert from "node:assert/strict";
import { congVan, lintText } from "./fixtures.ts";
import {
  applyFixes,
  lintDocument,
  normalizeText,
  parseDocument,
  setToneStyle,
  type LintContext,
} from "@vanthu/core";

const lint = lintText;

const codes = (text: string, code: string, context: Partial<LintContext> = {}) =>
  lint(text, context)
    .filter((d) => d.code === code)
    .map((d) => `${d.severity}:${d.params?.variant ?? "default"}`);

test("a clean document has no finding", () => {
  assert.deepEqual(lint(congVan()), []);
});

const cases: Array<[string, string, string, string[], Partial<LintContext>?]> = [
  // date-before-citation
  [
    "date-before-citation",
    "fires: cited plan issued after the document",
    congVan({ date: "Cao Nguyên, ngày 03 tháng 5 năm 2026" }),
    ["error:default"],
  ],
  [
    "date-before-citation",
    "fires: draft year before the cited year",
    congVan({ date: "Cao Nguyên, ngày   tháng 5 năm 2025", vv: "V/v báo cáo" }),
    ["error:year"],
  ],
  [
    "date-before-citation",
    "fires: subject names a later year",
    congVan({ vv: "V/v báo cáo công tác năm 2027" }),
    ["warning:subject"],
  ],
  [
    "date-before-citation",
    "quiet: a target year",
    congVan({ vv: "V/v kế hoạch phát triển đến năm 2030" }),
    [],
  ],
  [
    "date-before-citation",
    "quiet: next year's plan issued in December",
    congVan({ date: "Cao Nguyên, ngày 20 tháng 12 năm 2026", vv: "V/v kế hoạch năm 2027" }),
    [],
  ],
  [
    "date-before-citation",
    "quiet: cited the same day",
    congVan({ date: "Cao Nguyên, ngày 20 tháng 5 năm 2026" }),
    [],
  ],
  // repeated-word
  [
    "repeated-word",
    "fires: a doubled syllable",
    congVan({ body: "Tăng cường truyền thông, truyền truyền, cảnh báo./." }),
    ["warning:default"],
  ],
  [
    "repeated-word",
    "fires: doubled across a line break",
    congVan({ body: "Đề nghị các\ncác đơn vị báo cáo./." }),
    ["warning:default"],
  ],
  [
    "repeated-word",
    "fires: a doubled agency word",
    congVan({ body: "Gửi Sở Tài chính; Sở Sở Công Thương./." }),
    ["warning:default"],
  ],
  [
    "repeated-word",
    "quiet: reduplication",
    congVan({ body: "Hai việc làm song song và dần dần hoàn thiện./." }),
    [],
  ],
  [
    "repeated-word",
    "quiet: two words meet on one syllable",
    congVan({
      body: "Phát hiện hành vi vi phạm; sử dụng dụng cụ; truyền thông thông qua mạng; phân công công chức./.",
    }),
    [],
  ],
  [
    "repeated-word",
    "quiet: capitals across a line break (header cells)",
    congVan({ header: "BỘ TÀI CHÍNH\nCỤC THUẾ\nTHUẾ TỈNH CAO NGUYÊN" }),
    [],
  ],
  // symbol-format
  [
    "symbol-format",
    "fires: Party shape with a state issuer",
    congVan({ body: "Thực hiện Kế hoạch số 57-KH/UBND ngày 23/10/2025 của UBND tỉnh./." }),
    ["error:party-shape-state-issuer"],
  ],
  [
    "symbol-format",
    "fires: state shape with a Party issuer",
    congVan({
      body: "Thực hiện Nghị quyết số 27/NQ-TW ngày 09/11/2022 của Ban Chấp hành Trung ương./.",
    }),
    ["warning:state-shape-party-issuer"],
  ],
  [
    "symbol-format",
    "fires: stray spaces",
    congVan({
      body: "Thực hiện Hướng dẫn số 67 - HD/BTGTU ngày 19/01/2026 của Ban Tuyên giáo Tỉnh ủy./.",
    }),
    ["warning:spacing"],
  ],
  [
    "symbol-format",
    "fires: a type abbreviation without its diacritic",
    congVan({
      header: "ỦY BAN NHÂN DÂN TỈNH CAO NGUYÊN",
      so: "Số: 15/QD-UBND",
      vv: "QUYẾT ĐỊNH\nVề việc khen thưởng",
    }),
    ["warning:unknown-type"],
  ],
  [
    "symbol-format",
    "fires: type name against the symbol",
    congVan({
      header: "ỦY BAN NHÂN DÂN TỈNH CAO NGUYÊN",
      so: "Số: 15/QĐ-UBND",
      vv: "KẾ HOẠCH\nKiểm tra công tác y tế",
    }),
    ["error:type-mismatch"],
  ],
  [
    "symbol-format",
    "fires: a decision whose symbol has no type abbreviation",
    congVan({
      header: "ỦY BAN NHÂN DÂN TỈNH CAO NGUYÊN",
      so: "Số: 15/UBND",
      vv: "QUYẾT ĐỊNH\nVề việc khen thưởng",
    }),
    ["warning:missing-type"],
  ],
  [
    "symbol-format",
    "fires: a công văn with CV in its symbol",
    congVan({ so: "Số: 15/CV-SYT" }),
    ["warning:cong-van-with-type"],
  ],
  [
    "symbol-format",
    "quiet: Party and state shapes used right",
    congVan({
      body: "Thực hiện Kế hoạch số 103-KH/TU ngày 21/3/2026 của Tỉnh ủy và Công văn số 313/UBND-KGVX ngày 21/3/2026 của UBND tỉnh./.",
    }),
    [],
  ],
  [
    "symbol-format",
    "quiet: a department whose abbreviation looks like a type (Cục Thuế, CT-)",
    congVan({ header: "BỘ TÀI CHÍNH\nCỤC THUẾ", so: "Số: 1208/CT-CS" }),
    [],
  ],
  // blank-number / blank-date
  ["blank-number", "info on a draft", congVan({ so: "Số: /SYT-VP" }), ["info:default"]],
  [
    "blank-number",
    "error once issued",
    congVan({ so: "Số: /SYT-VP" }),
    ["error:issued"],
    { status: "issued" },
  ],
  ["blank-number", "quiet with a number", congVan(), [], { status: "issued" }],
  [
    "blank-date",
    "info on a draft",
    congVan({ date: "Cao Nguyên, ngày    tháng 6 năm 2026" }),
    ["info:default"],
  ],
  [
    "blank-date",
    "error once issued",
    congVan({ date: "Cao Nguyên, ngày ... tháng ... năm 2026" }),
    ["error:issued"],
    { status: "issued" },
  ],
  // signature-authority
  [
    "signature-authority",
    "fires: KT. signed by the head",
    congVan({ signature: "KT. GIÁM ĐỐC\nGIÁM ĐỐC\n\nNguyễn Văn An" }),
    ["error:kt-not-deputy"],
  ],
  [
    "signature-authority",
    "fires: KT. before a deputy title",
    congVan({ signature: "KT. PHÓ GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An" }),
    ["error:kt-deputy-head"],
  ],
  [
    "signature-authority",
    "fires: TM. for one person",
    congVan({ signature: "TM. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An" }),
    ["error:tm-not-collective"],
  ],
  [
    "signature-authority",
    "fires: TL. where the deputy signs for the head",
    congVan({ signature: "TL. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An" }),
    ["warning:tl-deputy"],
  ],
  [
    "signature-authority",
    "fires: a deputy without KT.",
    congVan({ signature: "PHÓ GIÁM ĐỐC\n\nNguyễn Văn An" }),
    ["error:missing-kt"],
  ],
  [
    "signature-authority",
    "quiet: TM. of a collective body, KT. of its head",
    congVan({ signature: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An" }),
    [],
  ],
  [
    "signature-authority",
    "quiet: TL. signed by the head of the office",
    congVan({ signature: "TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn An" }),
    [],
  ],
  [
    "signature-authority",
    "quiet: the head signs alone",
    congVan({ signature: "GIÁM ĐỐC\n\nNguyễn Văn An" }),
    [],
  ],
  // recipients
  [
    "recipients",
    "fires: Như trên without Kính gửi",
    congVan({ kinhGui: "" }),
    ["warning:nhu-tren-without-addressees"],
  ],
  [
    "recipients",
    "fires: no Lưu line",
    congVan({ noiNhan: "Nơi nhận:\n- Như trên;\n- Lãnh đạo Sở." }),
    ["warning:no-archive"],
  ],
  [
    "recipients",
    "fires: Lưu without VT",
    congVan({ noiNhan: "Nơi nhận:\n- Như trên;\n- Lưu: VP." }),
    ["warning:no-vt"],
  ],
  [
    "recipients",
    "fires: addressees neither listed nor Như trên",
    congVan({ noiNhan: "Nơi nhận:\n- Lãnh đạo Sở;\n- Lưu: VT, VP." }),
    ["warning:addressees-missing"],
  ],
  [
    "recipients",
    "quiet: addressees listed by name",
    congVan({ noiNhan: "Nơi nhận:\n- Trung tâm Y tế các huyện;\n- Lưu: VT, VP." }),
    [],
  ],
  [
    "recipients",
    "quiet: Party archive with the Văn phòng",
    congVan({
      noiNhan: "Nơi nhận:\n- Như trên,\n- Lưu Văn phòng Tỉnh ủy.",
      header: "TỈNH ỦY CAO NGUYÊN\n\nĐẢNG CỘNG SẢN VIỆT NAM",
      so: "Số 15-CV/TU",
    }),
    [],
  ],
  // tone-mark-style
  [
    "tone-mark-style",
    "fires: one new-style word among old-style ones",
    congVan({ body: "Phòng Văn hóa, Ủy ban, hòa giải và Tỉnh uỷ./." }),
    ["info:default"],
  ],
  [
    "tone-mark-style",
    "quiet: one style throughout",
    congVan({ body: "Phòng Văn hóa, Ủy ban, hòa giải và Tỉnh ủy./." }),
    [],
  ],
  // citation-format
  [
    "citation-format",
    "fires: no type, no date, no issuer at first mention",
    congVan({ body: "Thực hiện số 12/KH-UBND./." }),
    ["info:no-type", "info:no-date", "info:no-issuer"],
  ],
  [
    "citation-format",
    "fires: one date written two ways",
    congVan({ body: "Họp ngày 05/3/2026 và ngày 5/3/2026./." }),
    ["info:inconsistent-dates"],
  ],
  [
    "citation-format",
    "quiet: the next members of a list",
    congVan({
      body: "Thực hiện các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng Chính phủ./.",
    }),
    [],
  ],
  [
    "citation-format",
    "quiet: a law named without issuer",
    congVan({ body: "Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024./." }),
    [],
  ],
];

for (const [code, name, text, expected, context] of cases) {
  test(`${code}: ${name}`, () => {
    assert.deepEqual(codes(text, code, context), expected);
  });
}

const agency: LintContext["agency"] = {
  portalDomains: ["syt.caonguyen.gov.vn"],
  signers: [{ name: "Nguyễn Văn Ấn" }, { name: "Lê Thị Hà" }],
};

test("link-domain: a host two letters from the registered portal fires, with a fix; others stay quiet", () => {
  const bad = congVan({
    body: "Đăng tải tại http://sty.caonguyen.gov.vn/ và https://chinhphu.vn./.",
  });
  const found = lint(bad, { agency }).filter((d) => d.code === "link-domain");
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, "error");
  assert.equal(found[0]!.fix?.text, "syt.caonguyen.gov.vn");
  assert.deepEqual(
    codes(congVan({ body: "Tại https://syt.caonguyen.gov.vn/./." }), "link-domain", { agency }),
    [],
  );
  assert.deepEqual(
    codes(bad, "link-domain"),
    [],
    "without a registry there is nothing to compare with",
  );
});

test("signer-name: differs from the registered name by diacritics only", () => {
  assert.deepEqual(codes(congVan(), "signer-name", { agency }), ["error:default"]);
  assert.deepEqual(
    codes(congVan({ signature: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Thị Hà" }), "signer-name", {
      agency,
    }),
    [],
  );
  assert.deepEqual(
    codes(congVan({ signature: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Văn Bình" }), "signer-name", {
      agency,
    }),
    [],
  );
});

test("diagnostics carry offsets, 1-based line and column, and a Vietnamese message", () => {
  const text = congVan({ body: "Đề nghị các các đơn vị báo cáo./." });
  const d = lint(text).find((x) => x.code === "repeated-word")!;
  const t = normalizeText(text);
  assert.equal(t.slice(d.start, d.end), "các các");
  const lineStart = t.lastIndexOf("\n", d.start) + 1;
  assert.equal(d.line, t.slice(0, d.start).split("\n").length);
  assert.equal(d.column, d.start - lineStart + 1);
  assert.equal(d.message, 'Từ "các" bị lặp lại.');
});

test("applyFixes applies safe fixes only, right to left, skipping overlaps", () => {
  const text = normalizeText(
    congVan({
      body: "Thực hiện Hướng dẫn số 67 - HD/BTGTU ngày 19/01/2026 của Ban Tuyên giáo Tỉnh ủy; đề nghị các các đơn vị và Tỉnh uỷ, Ủy ban, hòa giải./.",
    }),
  );
  const diagnostics = lintDocument(parseDocument(text), { text });
  const { text: fixed, applied } = applyFixes(text, diagnostics);
  assert.equal(applied, 3);
  assert.ok(fixed.includes("67-HD/BTGTU"));
  assert.ok(fixed.includes("đề nghị các đơn vị"));
  assert.ok(fixed.includes("Tỉnh ủy, Ủy ban"));
  assert.deepEqual(
    lintDocument(parseDocument(fixed), { text: fixed }).filter((d) => d.fix),
    [],
  );
});

test("setToneStyle moves the tone between the vowels of oa, oe, uy", () => {
  const cases: Array<[string, "old" | "new", string]> = [
    ["hòa", "new", "hoà"],
    ["hoà", "old", "hòa"],
    ["Ủy", "new", "Uỷ"],
    ["khỏe", "new", "khoẻ"],
    ["thuý", "old", "thúy"],
    ["quý", "old", "quý"],
    ["hoàn", "new", "hoàn"],
  ];
  for (const [word, style, expected] of cases)
    assert.equal(setToneStyle(word, style), expected, word);
});
