import { test } from "node:test";
import assert from "node:assert/strict";
import { extractCitations, makeTextView, parseDocument, splitDocuments } from "@vanthu/core";

// The parser must return on any input, in time proportional to its length. Cases that would
// backtrack badly (long runs of one pattern) are here; the suite's timeout catches a hang, and
// bench/parse prints the scaling.

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "Số: Kính gửi: Nơi nhận: Lưu: VT, KT. TM. TL. TUQ. Q. T/M K/T GIÁM ĐỐC PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ĐẢNG CỘNG SẢN V/v ngày tháng năm 2026 Kế hoạch số 103-KH/TU 313/UBND-KGVX 27/2022/NĐ-CP của Tỉnh ủy về việc tuyên truyền 1. 2. I. Điều 1. - + ; , . ./. ( ) “ ” Lê Hải Yến http://a.gov.vn 217, 218 và 222/CĐ-TTg \n \n\n ** #".split(
    " ",
  );

test("random bytes decoded as text: returns a result", () => {
  const next = rng(1);
  for (let i = 0; i < 200; i++) {
    const bytes = new Uint8Array(Math.floor(next() * 4000));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(next() * 256);
    const d = parseDocument(new TextDecoder().decode(bytes));
    assert.ok(Array.isArray(d.citations));
  }
});

test("random Vietnamese document vocabulary: returns a result, spans inside the text", () => {
  const next = rng(2);
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(next() * 600);
    let text = "";
    for (let j = 0; j < n; j++)
      text += `${WORDS[Math.floor(next() * WORDS.length)]}${next() < 0.2 ? "\n" : " "}`;
    const d = parseDocument(text);
    for (const c of d.citations)
      assert.ok(c.start >= 0 && c.end <= text.normalize("NFC").length && c.start < c.end);
  }
});

test("1 MB of one repeated line returns (no catastrophic backtracking)", () => {
  const lines = [
    "Kế hoạch số 103-KH/TU ngày 21/3/2023 của Tỉnh ủy thực hiện Chỉ thị số 20-CT/TW, ",
    "- Như trên;",
    "KT. GIÁM ĐỐC",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "1. Tuyên truyền",
    "a".repeat(200),
    " ".repeat(200),
    "Số: ",
    "217, 218, 219, 220, 221, ",
    "của Ban Chỉ đạo Quốc gia phòng, chống dịch COVID-19 tỉnh huyện xã phường ",
  ];
  for (const line of lines) {
    const text = line.repeat(Math.ceil(1_000_000 / line.length));
    const d = parseDocument(text);
    assert.ok(d);
  }
});

test("no newline at all, or only newlines", () => {
  assert.ok(parseDocument("x".repeat(1_000_000)));
  assert.ok(parseDocument("\n".repeat(1_000_000)));
  assert.ok(extractCitations(makeTextView("1/".repeat(300_000))));
});

test("not a string: coerced, never thrown", () => {
  for (const bad of [undefined, null, 42, {}, []]) {
    assert.ok(parseDocument(bad as unknown as string));
  }
});

test("splitDocuments: random vocabulary and repeated headers return ranges that cover the text", () => {
  const next = rng(3);
  const texts: string[] = [];
  for (let i = 0; i < 100; i++) {
    let text = "";
    const n = Math.floor(next() * 800);
    for (let j = 0; j < n; j++)
      text += `${WORDS[Math.floor(next() * WORDS.length)]}${next() < 0.3 ? "\n" : " "}`;
    texts.push(text);
  }
  // Headers with no end between them, and capitals everywhere: the walks back stay bounded.
  const header = "BỘ VĂN HÓA\nSỐ: 12/BVH-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGUYỄN VĂN AN\n";
  texts.push(header.repeat(20_000), "Nơi nhận:\n".concat(header).repeat(10_000));
  for (const text of texts) {
    const parts = splitDocuments(text);
    assert.equal(parts[0]![0], 0);
    assert.equal(parts[parts.length - 1]![1], text.length);
    for (let i = 1; i < parts.length; i++) assert.equal(parts[i]![0], parts[i - 1]![1]);
  }
});

test("columns: long lines of gaps and side-by-side blocks return", () => {
  const side = "Nơi nhận:" + " ".repeat(40) + "KT. GIÁM ĐỐC\n" + "- Như trên;   ".repeat(50) + "\n";
  assert.ok(parseDocument(side.repeat(2_000)));
  assert.ok(parseDocument(`V/v a${"   b".repeat(100_000)}`));
});
