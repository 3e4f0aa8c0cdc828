/**
 * What a template leaves behind: its placeholders ("[Tên cơ quan]", "…………", "ngày ... tháng ...
 * năm"), the signer's name never filled in, a trích yếu that runs on. Each case changes one part
 * of a small công văn; the quiet cases are shapes real issued documents use (footnote marks,
 * formulas, a list's "...", a quoted law's "…", the blanks of a form annexed after the signature).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { composedDraft, congVan as shared, lintText } from "./fixtures.ts";
import {
  composeDocument,
  lintDocument,
  normalizeText,
  parseDocument,
  type LintContext,
} from "@vanthu/core";

/** The fixtures' công văn, with a body that cites nothing. */
const congVan = (parts: Parameters<typeof shared>[0] = {}) =>
  shared({
    body: "Sở Y tế đề nghị các đơn vị báo cáo kết quả trước ngày 30 tháng 6 năm 2026./.",
    ...parts,
  });

/** A draft as the compose form sends it. */
const DRAFT = composedDraft();

const lint = lintText;

/** `severity:variant «the text it points at»` of the findings of `code`. */
const found = (text: string, code: string, context: Partial<LintContext> = {}) => {
  const t = normalizeText(text);
  return lint(text, context)
    .filter((d) => d.code === code)
    .map((d) => `${d.severity}:${d.params?.variant ?? "default"} «${t.slice(d.start, d.end)}»`);
};

type Case = [name: string, text: string, expected: string[], context?: Partial<LintContext>];

const ISSUED = { status: "issued" } as const;

const PLACEHOLDERS: Case[] = [
  [
    "the công văn template's trích yếu",
    congVan({ vv: "V/v [trích yếu nội dung công văn]" }),
    ["error:bracket «[trích yếu nội dung công văn]»"],
  ],
  [
    "an addressee in brackets",
    congVan({ kinhGui: "Kính gửi: [Tên cơ quan]." }),
    ["error:bracket «[Tên cơ quan]»"],
  ],
  [
    "brackets inside a paragraph, issued",
    congVan({ body: "Thực hiện [văn bản cấp trên], Sở Y tế đề nghị các đơn vị báo cáo./." }),
    ["error:bracket «[văn bản cấp trên]»"],
    ISSUED,
  ],
  [
    "a bracketed blank",
    congVan({ body: "Sở Y tế đề nghị [...] báo cáo./." }),
    ["error:bracket «[...]»"],
  ],
  [
    "a run of ellipses where the addressee belongs",
    congVan({ kinhGui: "Kính gửi: …………" }),
    ["error:dots «…………»"],
  ],
  [
    "a short run after a label",
    congVan({ body: "Địa điểm: ...\nSở Y tế đề nghị các đơn vị báo cáo./." }),
    ["error:dots «...»"],
  ],
  [
    "a long run of dots in a sentence",
    congVan({ body: "Sở Y tế đề nghị ông (bà) .............. báo cáo./." }),
    ["error:dots «..............»"],
  ],
  [
    "a recipient left as dots",
    congVan({ noiNhan: "Nơi nhận:\n- Như trên;\n- ...;\n- Lưu: VT, VP." }),
    ["error:dots «...»"],
  ],
  [
    "ngày ... tháng ... năm in the body",
    congVan({ body: "Hội nghị tổ chức vào ngày ... tháng ... năm 2026 tại Sở Y tế./." }),
    ["error:date «ngày ... tháng ... năm»"],
  ],
  [
    "ngày …… tháng …… năm …… in the body",
    congVan({ body: "Các đơn vị báo cáo trước ngày …… tháng …… năm …… về Sở Y tế./." }),
    ["error:date «ngày …… tháng …… năm ……»"],
  ],
  [
    "a cited document's number left blank",
    congVan({ body: "Thực hiện Quyết định số ..../QĐ-UBND của UBND tỉnh, Sở Y tế đề nghị./." }),
    ["error:number «....»"],
  ],
  // Quiet: the number and the day a draft leaves for issuing, and real documents' shapes.
  ["a draft's number and day left as dots", congVan({ so: "Số: .../SYT-VP" }), []],
  [
    "a draft's number line all dots and the day as dots",
    congVan({ so: "Số: .../...", date: "Cao Nguyên, ngày ... tháng ... năm 2026" }),
    [],
  ],
  ["a footnote mark", congVan({ body: "Còn 03 bộ, cơ quan[1] chưa gửi báo cáo[2]./." }), []],
  [
    "a formula in brackets",
    congVan({
      body: "Mức hưởng = 2.500.000 đồng + [(số năm tính hưởng - 2 năm) x 800.000 đồng/năm]./.",
    }),
    [],
  ],
  [
    "the mark a web page leaves for a hidden e-mail address",
    congVan({ body: "Gửi về hộp thư (email: [email protected])./." }),
    [],
  ],
  [
    "a markdown link",
    congVan({ body: "Xem tại [Cổng thông tin điện tử](https://syt.caonguyen.gov.vn)./." }),
    [],
  ],
  [
    "the ellipsis closing a list",
    congVan({
      body: "Tuyên truyền trên mạng xã hội (Facebook, Zalo...), tờ rơi, tờ gấp,…; các hình thức khác.... Sở Y tế đề nghị./.",
    }),
    [],
  ],
  [
    "a quoted law's omitted clauses",
    congVan({
      body: "Sửa đổi Điều 5 như sau:\n…\nđ) Mua, bán và trao đổi;\n...\nSở Y tế đề nghị./.",
    }),
    [],
  ],
  [
    "the mark of an electronic copy's signature",
    congVan({ signature: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n[Đã ký]\nNguyễn Văn An" }),
    [],
  ],
  [
    "a form annexed after the signature",
    congVan({
      annex:
        "Mẫu số 01\nTỜ KHAI\nKính gửi: …………………\nHọ và tên: ................................\nTham gia ngày......tháng......năm ........ tại [tên đơn vị]\nNgày...... tháng ...... năm .........",
    }),
    [],
  ],
];

test("bug: linter flags a template placeholder left in", () => {
  for (const [name, text, expected, context] of PLACEHOLDERS)
    assert.deepEqual(found(text, "placeholder", context), expected, name);
  // The number line of an issued document is the blank-number rule's: an error, said once.
  const issued = lint(congVan({ so: "Số: .../..." }), ISSUED);
  assert.deepEqual(
    issued.filter((d) => d.severity === "error").map((d) => d.code),
    ["blank-number"],
  );
});

const SIGNERS: Case[] = [
  [
    "a draft whose signer has no name yet",
    congVan({ signature: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" }),
    ["warning:default «KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC»"],
  ],
  [
    "an issued document without the signer's name",
    congVan({ signature: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" }),
    ["error:issued «KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC»"],
    ISSUED,
  ],
  [
    "two levels without a name",
    congVan({ signature: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" }),
    ["error:issued «TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH»"],
    ISSUED,
  ],
  ["a signed document", congVan(), [], ISSUED],
  // A text copied from a portal often stops before the signature: no block, nothing to say.
  ["a text without a signature block", congVan({ signature: "" }), [], ISSUED],
];

test("bug: linter flags an empty signer", () => {
  for (const [name, text, expected, context] of SIGNERS)
    assert.deepEqual(found(text, "blank-signer", context), expected, name);
});

const words = (n: number) =>
  "phê duyệt danh mục thủ tục hành chính và quy trình nội bộ giải quyết thủ tục hành chính "
    .repeat(20)
    .slice(0, n)
    .trim();

/** A trích yếu of `n` characters, wrapped as the header column wraps it (about 60 a line). */
const vv = (n: number) => `V/v ${words(n)}`.replace(/(.{50,60}) /g, "$1\n");

const SUBJECTS: Case[] = [
  ["600 characters", congVan({ vv: vv(600) }), ["warning:default"]],
  ["401 characters", congVan({ vv: vv(401) }), ["warning:default"]],
  ["400 characters", congVan({ vv: vv(400) }), []],
  // The longest real trích yếu of ../shared/corpus/dev: 308 characters (a quyết định's).
  ["as long as the longest real one", congVan({ vv: vv(308) }), []],
];

test("bug: linter flags a 600-character trích yếu", () => {
  for (const [name, text, expected] of SUBJECTS)
    assert.deepEqual(
      found(text, "subject-length").map((f) => f.split(" «")[0]),
      expected,
      name,
    );
  const [d] = lint(congVan({ vv: vv(600) })).filter((x) => x.code === "subject-length");
  assert.deepEqual(d?.params, { length: "600", limit: "400" });
  assert.match(d?.message ?? "", /^Trích yếu dài 600 ký tự/);
  // Typed into the compose form's field, on one line: the field is what is measured.
  const long = { ...DRAFT, subject: words(600) };
  const { text, fields } = composeDocument(long);
  const [f] = lintDocument(parseDocument(text), { text, fields }).filter(
    (x) => x.code === "subject-length",
  );
  assert.equal(f?.severity, "warning");
  assert.equal(f?.field, "subject");
  assert.deepEqual(f?.params, { length: "600", limit: "400" });
  const short = composeDocument({ ...DRAFT, subject: words(308) });
  assert.deepEqual(
    lintDocument(parseDocument(short.text), { ...short }).filter(
      (x) => x.code === "subject-length",
    ),
    [],
  );
});
