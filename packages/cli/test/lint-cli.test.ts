import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "./run-cli.ts";

const DRAFT = [
  "SỞ Y TẾ",
  "",
  "Số: /SYT-VP",
  "V/v báo cáo",
  "",
  "Cao Nguyên, ngày   tháng 6 năm 2026",
  "",
  "Kính gửi: Các phòng.",
  "",
  "Thực hiện Hướng dẫn số 67 - HD/BTGTU ngày 19/01/2026 của Ban Tuyên giáo Tỉnh ủy, đề nghị các các phòng báo cáo./.",
  "",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT.",
  "",
  "KT. GIÁM ĐỐC",
  "PHÓ GIÁM ĐỐC",
  "",
  "Nguyễn Văn Ấn",
].join("\n");

function draftFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-lint-"));
  const file = join(dir, "du-thao.txt");
  writeFileSync(file, DRAFT);
  return file;
}

test("lint --json: one object per file with the diagnostics' fields", async () => {
  const file = draftFile();
  const r = await run(["lint", file, "--json"]);
  assert.equal(r.code, 0, "a draft has no error");
  const obj = JSON.parse(r.out[0]!);
  assert.deepEqual(Object.keys(obj), ["file", "diagnostics", "total", "truncated"]);
  assert.equal(obj.total, obj.diagnostics.length);
  assert.equal(obj.truncated, false);
  assert.equal(obj.file, file);
  const codes = obj.diagnostics.map((d: { code: string }) => d.code);
  assert.deepEqual(codes, ["blank-number", "blank-date", "symbol-format", "repeated-word"]);
  for (const d of obj.diagnostics)
    for (const k of ["code", "severity", "message", "start", "end", "line", "column"])
      assert.ok(k in d, k);
});

test("lint: errors make exit 1 (--issued, --agency); human output names file:line:column", async () => {
  const file = draftFile();
  const dir = mkdtempSync(join(tmpdir(), "vanthu-agency-"));
  const agency = join(dir, "syt.json");
  writeFileSync(agency, JSON.stringify({ signers: [{ name: "Nguyễn Văn An" }] }));
  const r = await run(["lint", file, "--issued", "--agency", agency]);
  assert.equal(r.code, 1);
  const text = r.out.join("\n");
  assert.match(
    text,
    /du-thao\.txt:3:5: lỗi: Văn bản đã ban hành nhưng số văn bản để trống\. \[blank-number\]/,
  );
  assert.match(text, /lỗi: Tên người ký "Nguyễn Văn Ấn" khác tên đã đăng ký "Nguyễn Văn An"/);
  assert.match(text, /3 lỗi, 2 cảnh báo, 0 lưu ý trong 1 tệp\./);
});

test("lint --fix applies the safe fixes and keeps the original", async () => {
  const file = draftFile();
  const r = await run(["lint", file, "--fix"]);
  assert.equal(r.code, 0);
  assert.ok(existsSync(`${file}.orig`));
  assert.equal(readFileSync(`${file}.orig`, "utf8"), DRAFT);
  const fixed = readFileSync(file, "utf8");
  assert.match(fixed, /Hướng dẫn số 67-HD\/BTGTU/);
  assert.match(fixed, /đề nghị các phòng/);
  assert.match(r.err.join("\n"), /đã sửa 2 chỗ/);
});

test("lint: bad agency file and bad --today are usage errors", async () => {
  const file = draftFile();
  assert.equal((await run(["lint", file, "--agency", "/nonexistent.json"])).code, 2);
  assert.equal((await run(["lint", file, "--today", "hôm nay"])).code, 2);
  assert.equal((await run(["lint"])).code, 2);
});

test("lint: a file with thousands of findings prints the first 500, '… và N', exact totals", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-lint-"));
  const file = join(dir, "lap-tu.txt");
  const body = Array.from({ length: 1200 }, (_, i) => `Đoạn ${i + 1} gửi các các phòng.`);
  writeFileSync(
    file,
    DRAFT.replace("Kính gửi: Các phòng.", `Kính gửi: Các phòng.\n\n${body.join("\n")}`),
  );
  const r = await run(["lint", file]);
  const findings = r.out.filter(
    (l) => l.startsWith(`${file}:`) && /: (lỗi|cảnh báo|lưu ý): /.test(l),
  );
  assert.equal(findings.length, 500);
  const more = r.out.find((l) => l.includes("… và"));
  assert.ok(more, r.out.slice(-3).join("\n"));
  const n = Number(/… và (\d+)/.exec(more)![1]);
  // The summary counts every finding, not only the printed ones.
  const summary = r.out.at(-1)!;
  const [errors, warnings, infos] = (summary.match(/\d+/g) ?? []).map(Number);
  assert.equal(errors! + warnings! + infos!, 500 + n);
  assert.ok(warnings! >= 1201, summary);
  const json = JSON.parse((await run(["lint", file, "--json"])).out[0]!);
  assert.equal(json.diagnostics.length, 500);
  assert.equal(json.total, 500 + n);
  assert.equal(json.truncated, true);
});
