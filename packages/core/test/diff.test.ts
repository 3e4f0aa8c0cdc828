/** The word-level difference between two versions of a draft. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffText, type DiffPart } from "@vanthu/core";

/** "=same", "-gone", "+new" for each part. */
const show = (parts: DiffPart[]) =>
  parts.map((p) => `${p.op === "equal" ? "=" : p.op === "insert" ? "+" : "-"}${p.text}`);

test("word by word, each change a deletion then an insertion", () => {
  const cases: Array<[string, string, string, string[], number, number]> = [
    ["the same text", "Kính gửi: Sở Y tế", "Kính gửi: Sở Y tế", ["=Kính gửi: Sở Y tế"], 0, 0],
    ["both empty", "", "", [], 0, 0],
    ["all new", "", "Báo cáo", ["+Báo cáo"], 2, 0],
    ["all gone", "Báo cáo quý", "", ["-Báo cáo quý"], 0, 3],
    [
      "one word replaced",
      "báo cáo trước ngày 15",
      "báo cáo trước ngày 20",
      ["=báo cáo trước ngày ", "-15", "+20"],
      1,
      1,
    ],
    [
      "words inserted in a line",
      "Đề nghị các cơ quan thực hiện.",
      "Đề nghị các cơ quan báo chí thực hiện.",
      ["=Đề nghị các cơ quan ", "+báo chí ", "=thực hiện."],
      2,
      0,
    ],
    [
      "one word for two: the space between belongs to the change",
      "a b c",
      "a x y c",
      ["=a ", "-b", "+x y", "= c"],
      2,
      1,
    ],
    ["diacritics count", "Sở Tài chính", "Sở Tài chinh", ["=Sở Tài ", "-chính", "+chinh"], 1, 1],
    [
      "a line added between unchanged lines",
      "1. Đưa tin.\n2. Báo cáo.\n",
      "1. Đưa tin.\n2. Tổng hợp.\n3. Báo cáo.\n",
      ["=1. Đưa tin.\n2. ", "+Tổng hợp.\n3. ", "=Báo cáo.\n"],
      3,
      0,
    ],
    ["punctuation alone", "thực hiện;", "thực hiện.", ["=thực hiện", "-;", "+."], 0, 0],
  ];
  for (const [name, a, b, parts, inserted, deleted] of cases) {
    const d = diffText(a, b);
    assert.deepEqual(show(d.parts), parts, name);
    assert.equal(d.inserted, inserted, `${name}: inserted`);
    assert.equal(d.deleted, deleted, `${name}: deleted`);
    assert.equal(d.coarse, false, `${name}: coarse`);
  }
});

test("the parts give both texts back", () => {
  const pairs: Array<[string, string]> = [
    ["Kính gửi:\n- Báo Lạng Sơn;\n- Đài PT-TH.\n", "Kính gửi:\n- Báo Lạng Sơn.\n"],
    ["x y z\n\n\nw", "z y x\nw\n"],
    ["một hai ba bốn năm", "năm bốn ba hai một"],
  ];
  for (const [a, b] of pairs) {
    const d = diffText(a, b);
    const old = d.parts
      .filter((p) => p.op !== "insert")
      .map((p) => p.text)
      .join("");
    const now = d.parts
      .filter((p) => p.op !== "delete")
      .map((p) => p.text)
      .join("");
    assert.equal(old, a);
    assert.equal(now, b);
  }
});

test("bounded: a text replaced by another is shown replaced, quickly", () => {
  const a = Array.from({ length: 4000 }, (_, i) => `Dòng ${i} của bản cũ`).join("\n");
  const b = Array.from({ length: 4000 }, (_, i) => `Mục ${i * 7} khác hẳn`).join("\n");
  const started = performance.now();
  const d = diffText(a, b, { maxEdits: 200 });
  assert.ok(performance.now() - started < 2000, "under 2 s");
  assert.equal(d.coarse, true);
  assert.equal(
    d.parts
      .filter((p) => p.op !== "insert")
      .map((p) => p.text)
      .join(""),
    a,
  );
  assert.equal(
    d.parts
      .filter((p) => p.op !== "delete")
      .map((p) => p.text)
      .join(""),
    b,
  );
  // A small change in a long text stays word by word.
  const small = diffText(a, a.replace("Dòng 2000 ", "Dòng hai nghìn "));
  assert.equal(small.coarse, false);
  assert.deepEqual(
    small.parts.filter((p) => p.op !== "equal").map((p) => p.text),
    ["2000", "hai nghìn"],
  );
});
