import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiError, describeError } from "../src/api.ts";

test('bug: the import error showed "file: document.xml": problems are placed in the form\'s words', () => {
  const refused = new ApiError(415, "UNSUPPORTED_FILE_TYPE", "Không nhận loại tệp này.", [
    { path: "file", message: "document.xml" },
  ]);
  assert.equal(describeError(refused), "Không nhận loại tệp này.\nTệp: document.xml");
  const fields = new ApiError(400, "VALIDATION_FAILED", "Dữ liệu chưa hợp lệ.", [
    { path: "files.2", message: "bao-cao.exe" },
    { path: "cycles", message: "“Một lần” không đi cùng kỳ khác" },
    { path: "subject", message: "Trích yếu quá dài." },
  ]);
  assert.deepEqual(describeError(fields).split("\n").slice(1), [
    "Tệp: bao-cao.exe",
    "Kỳ báo cáo: “Một lần” không đi cùng kỳ khác",
    "Trích yếu: Trích yếu quá dài.",
  ]);
  // A place the catalog does not know is shown as the server gave it, not dropped.
  const other = new ApiError(400, "VALIDATION_FAILED", "Dữ liệu chưa hợp lệ.", [
    { path: "widget", message: "Quá dài." },
  ]);
  assert.match(describeError(other), /\nwidget: Quá dài\.$/);
});
