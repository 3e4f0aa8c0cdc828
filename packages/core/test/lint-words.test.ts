import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  foldSameLength,
  lintReport,
  normalizeText,
  parseDocument,
  toneKey,
  type Diagnostic,
} from "@vanthu/core";
import { isCompound, isReduplicated } from "../src/lint/compounds.ts";
import { makeRuleInput, type Rule } from "../src/lint/diagnostic.ts";
import { repeatedWord } from "../src/lint/rules/repeated-word.ts";
import { splitWords } from "../src/text/words.ts";
import { congVan } from "./fixtures.ts";

const byRegex = (text: string) => [...text.matchAll(/\p{L}+/gu)].map((m) => [m.index, m[0].length]);
const bySplit = (text: string) => {
  const w = splitWords(text);
  return Array.from({ length: w.count }, (_, i) => [w.start[i]!, w.end[i]! - w.start[i]!]);
};

test("splitWords finds the runs of letters /\\p{L}+/gu finds", () => {
  const samples = [
    "",
    "a",
    " ",
    "Sở Sở  truyền\ttruyền\u00a0hoà**hòa**",
    "ĐẢNG CỘNG SẢN VIỆT NAM\n\n1184/STTTT-VP ngày 03/5/2026",
    // Letters outside the BMP (𝒜, 𠀀), a non-letter one (😀), lone surrogates, marks, digits.
    "x𝒜y 𠀀𠀁 😀z \ud800a \udc00b a\ud800 e\u0301 ٣ 一二三 Ωμέγα ǅ ʰ",
  ];
  for (const text of samples) assert.deepEqual(bySplit(text), byRegex(text), JSON.stringify(text));
  // Every BMP unit, one by one, between letters and not.
  let all = "";
  for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c) + (c % 3 ? "a" : " ");
  assert.deepEqual(bySplit(all), byRegex(all));
  // Random text of letters, marks, spaces and surrogates.
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pool = "aăâđêôơưAĐ ̀́\n\t.,-/0123456789\ud835\udc9c\ud83d\ude00\ud800\udc00";
  for (let round = 0; round < 200; round++) {
    let text = "";
    for (let i = 0; i < 200; i++) text += pool[Math.floor(rand() * pool.length)];
    assert.deepEqual(bySplit(text), byRegex(text));
  }
});

test("the linter's findings are the same with the parser's view and without it", () => {
  const dir = join(import.meta.dirname, "../../../examples");
  const texts = [
    congVan(),
    normalizeText(
      "SỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 15/SYT-VP\nV/v hoà hòa báo cáo\n\nGửi các các cơ quan về việc hoà giải, hòa giải và thủy lợi.\n\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn An",
    ),
    ...readdirSync(dir)
      .filter((n) => /\.(txt|md)$/.test(n))
      .map((n) => normalizeText(readFileSync(join(dir, n), "utf8"))),
  ];
  let findings = 0;
  for (const text of texts) {
    const parsed = parseDocument(text);
    // Read back from JSON: no view of the parser's, the linter makes its own.
    const copy = JSON.parse(JSON.stringify(parsed)) as typeof parsed;
    for (const status of ["draft", "issued"] as const) {
      const a = lintReport(parsed, { text, status });
      assert.deepEqual(a, lintReport(copy, { text, status }));
      findings += a.total;
    }
    // A text other than the one parsed: the parser's view is not used.
    const other = `${text}\nthêm thêm dòng`;
    assert.deepEqual(lintReport(parsed, { text: other }), lintReport(copy, { text: other }));
    assert.ok(
      lintReport(parsed, { text: other }).diagnostics.some((d) => d.params?.word === "thêm"),
    );
  }
  assert.ok(findings > 0);
});

/** repeatedWord as it was before the words were shared: one match array per word. */
const repeatedWordOnMatches: Rule = ({ view, report }) => {
  const text = view.clean;
  const words = [...text.matchAll(/\p{L}+/gu)];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (a[0].length !== b[0].length || a[0].length === 1) continue;
    const aEnd = a.index + a[0].length;
    const gap = b.index - aEnd === 1 && text[aEnd] === " " ? " " : text.slice(aEnd, b.index);
    if (gap !== " " && (!/^\s+$/u.test(gap) || gap.includes("\n\n\n"))) continue;
    const wa = a[0].toLowerCase();
    const wb = b[0].toLowerCase();
    if (wa !== wb && (foldSameLength(wa) !== foldSameLength(wb) || toneKey(wa) !== toneKey(wb)))
      continue;
    if (gap.includes("\n") && (/^\p{Lu}/u.test(a[0]) || /^\p{Lu}/u.test(b[0]))) continue;
    if (isReduplicated(wa)) continue;
    const prev = words[i - 2];
    const next = words[i + 1];
    const prevJoined = prev && /^\s+$/u.test(text.slice(prev.index + prev[0].length, a.index));
    const nextJoined = next && /^\s+$/u.test(text.slice(b.index + b[0].length, next.index));
    if (
      prevJoined &&
      nextJoined &&
      isCompound(prev[0].toLowerCase(), wa, toneKey) &&
      isCompound(wb, next[0].toLowerCase(), toneKey)
    )
      continue;
    report({
      code: "repeated-word",
      severity: "warning",
      start: a.index,
      end: b.index + b[0].length,
    });
  }
};

test("repeated-word on the shared words finds what it found on match arrays", () => {
  const pool = [
    "các",
    "Các",
    "CÁC",
    "cac",
    "hoà",
    "hòa",
    "HOÀ",
    "song",
    "dần",
    "hành",
    "vi",
    "phạm",
    "Sở",
    "SỞ",
    "sở",
    "İl",
    "il",
    "ΣΑ",
    "σα",
    "ΑΣ",
    "ας",
    "\u212Aa",
    "ka",
    "Ka",
    "x𝒜",
    "x𝒜",
    "đi",
    "di",
    "Đi",
    "truyền",
    "truyen",
    "ab",
    "aB",
  ];
  const gaps = [" ", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", ", ", "-", "\u00a0", " **"];
  let seed = 11;
  const rand = (n: number) =>
    Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
  let found = 0;
  for (let round = 0; round < 300; round++) {
    let text = "";
    for (let i = 0; i < 60; i++) text += pool[rand(pool.length)]! + gaps[rand(gaps.length)]!;
    text = normalizeText(text);
    const doc = parseDocument(text);
    const run = (rule: Rule) => {
      const out: Diagnostic[] = [];
      rule(makeRuleInput(doc, { text }, out));
      return out.map((d) => [d.start, d.end]);
    };
    const expected = run(repeatedWordOnMatches);
    assert.deepEqual(run(repeatedWord), expected, text);
    found += expected.length;
  }
  assert.ok(found > 100);
});
