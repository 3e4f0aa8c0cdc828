import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DEFAULT_MAX_FINDINGS,
  lintDocument,
  lintReport,
  normalizeText,
  parseDocument,
} from "@vanthu/core";

/** A công văn whose body repeats a word `n` times over: one finding per repetition. */
function repeated(n: number): string {
  const body = Array.from({ length: n }, (_, i) => `Đoạn ${i + 1} gửi các các cơ quan.`).join("\n");
  return normalizeText(
    `SỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 15/SYT-VP\nV/v báo cáo\n\n${body}\n\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn An`,
  );
}

const run = (text: string, limits: Parameters<typeof lintReport>[2]) =>
  lintReport(parseDocument(text), { text }, limits);

test("findings are capped, the first by position kept, the total counted", () => {
  const text = repeated(2000);
  const all = run(text, { maxFindings: Infinity, stopAfter: Infinity });
  assert.ok(all.total >= 2000, String(all.total));
  assert.equal(all.truncated, false);
  const capped = run(text, { maxFindings: 100 });
  assert.equal(capped.diagnostics.length, 100);
  assert.equal(capped.total, all.total);
  assert.equal(capped.truncated, true);
  assert.equal(capped.complete, true);
  assert.deepEqual(capped.diagnostics, all.diagnostics.slice(0, 100));
  assert.deepEqual(capped.counts, all.counts);
});

test("the rules stop after stopAfter findings, and say the total is a lower bound", () => {
  const r = run(repeated(3000), { maxFindings: 50, stopAfter: 1000 });
  assert.equal(r.complete, false);
  assert.equal(r.total, 1000);
  assert.equal(r.diagnostics.length, 50);
  assert.equal(r.truncated, true);
});

test("lintDocument keeps at most the default number of findings", () => {
  const text = repeated(DEFAULT_MAX_FINDINGS + 50);
  assert.equal(lintDocument(parseDocument(text), { text }).length, DEFAULT_MAX_FINDINGS);
});

test("under the cap nothing changes: not truncated, complete", () => {
  const text = repeated(3);
  const r = run(text, {});
  assert.equal(r.truncated, false);
  assert.equal(r.complete, true);
  assert.equal(r.total, r.diagnostics.length);
});
