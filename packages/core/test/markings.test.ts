/**
 * Urgency (độ khẩn) and secrecy (độ mật) read from where ND30 Phụ lục I prints them, and written
 * back by composeText and the layout where a draft sets them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  composeText,
  layoutDocument,
  parseDocument,
  type Secrecy,
  type Urgency,
} from "@vanthu/core";
import { composedDraft, congVan } from "./fixtures.ts";

const HEADER =
  "UBND TỈNH CAO NGUYÊN\nSỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc";

test("urgency and secrecy as printed in the header area", () => {
  const cases: Array<[string, string, Urgency | null, Secrecy | null]> = [
    ["nothing printed", congVan(), null, null],
    ["KHẨN under V/v", congVan({ vv: "V/v báo cáo công tác y tế năm 2026\nKHẨN" }), "khan", null],
    [
      "THƯỢNG KHẨN under the number",
      congVan({ so: "Số: 15/SYT-VP\nTHƯỢNG KHẨN" }),
      "thuong-khan",
      null,
    ],
    ["HỎA TỐC, old tone placement", congVan({ vv: "V/v báo cáo\nHOẢ TỐC" }), "hoa-toc", null],
    ["HỎA TỐC HẸN GIỜ", congVan({ vv: "V/v báo cáo\nHỎA TỐC HẸN GIỜ" }), "hoa-toc", null],
    ["MẬT", congVan({ vv: "V/v báo cáo\nMẬT" }), null, "mat"],
    ["TỐI MẬT in a box", congVan({ vv: "V/v báo cáo\n| TỐI MẬT |" }), null, "toi-mat"],
    ["TUYỆT MẬT in bold", congVan({ vv: "V/v báo cáo\n**TUYỆT MẬT**" }), null, "tuyet-mat"],
    ["both, on two lines", congVan({ vv: "V/v báo cáo\nMẬT\nHỎA TỐC" }), "hoa-toc", "mat"],
    ["both on one line", congVan({ vv: "V/v báo cáo\nTỐI MẬT - KHẨN" }), "khan", "toi-mat"],
    ["stamped above the header", congVan({ header: `HỎA TỐC\n${HEADER}` }), "hoa-toc", null],
    [
      "labelled, as some systems print them",
      congVan({ vv: "V/v báo cáo\nĐộ khẩn: Thượng khẩn\nĐộ mật: Mật" }),
      "thuong-khan",
      "mat",
    ],
    // Not marks: the word inside a sentence, a wrapped line of the body, lower case alone.
    [
      "khẩn in the body",
      congVan({ body: "Đề nghị các đơn vị khẩn\ntrương báo cáo./.\n\nKHẨN" }),
      null,
      null,
    ],
    ["lower-case line in the subject", congVan({ vv: "V/v triển khai\nkhẩn" }), null, null],
    ["a longer capitals line", congVan({ vv: "V/v báo cáo\nKHẨN TRƯƠNG THỰC HIỆN" }), null, null],
  ];
  for (const [name, text, urgency, secrecy] of cases) {
    const d = parseDocument(text);
    assert.equal(d.urgency, urgency, `${name}: urgency`);
    assert.equal(d.secrecy, secrecy, `${name}: secrecy`);
  }
});

test("a mark is no part of the subject or the issuer", () => {
  const d = parseDocument(congVan({ vv: "V/v báo cáo công tác y tế năm 2026\nHỎA TỐC" }));
  assert.equal(d.subject, "báo cáo công tác y tế năm 2026");
  const top = parseDocument(congVan({ header: `KHẨN\n${HEADER}` }));
  assert.equal(top.issuer.name, "Sở Y tế");
  assert.equal(top.issuer.parent, "UBND tỉnh Cao Nguyên");
  assert.equal(parseDocument("").urgency, null);
});

test("a draft's marks are printed under the number and read back", () => {
  const cases: Array<[Urgency | null, Secrecy | null, string[]]> = [
    [null, null, []],
    ["hoa-toc", null, ["HỎA TỐC"]],
    [null, "toi-mat", ["TỐI MẬT"]],
    ["khan", "mat", ["MẬT", "KHẨN"]],
  ];
  for (const [urgency, secrecy, printed] of cases) {
    for (const type of [
      { code: "CV", name: "Công văn" },
      { code: "KH", name: "Kế hoạch" },
    ]) {
      const draft = composedDraft({ urgency, secrecy, type });
      const text = composeText(draft);
      const parsed = parseDocument(text);
      assert.equal(parsed.urgency, urgency, `${type.code} ${urgency}`);
      assert.equal(parsed.secrecy, secrecy, `${type.code} ${secrecy}`);
      assert.equal(parsed.subject, draft.subject, `${type.code}: the subject stays`);
      const left = layoutDocument(draft).header.left.lines.map((l) => l.text);
      assert.deepEqual(
        left.filter((l) => printed.includes(l)),
        printed,
        `${type.code}: the layout prints ${printed.join(", ")}`,
      );
    }
  }
});
