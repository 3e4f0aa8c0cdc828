/**
 * The report form's figure names are the consolidated report's: the Vietnamese catalogue takes
 * them from core's vocabulary, the English one names every code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { FIGURES, figuresFor } from "@vanthu/core";
import { vi } from "../src/i18n.ts";
import { en } from "../src/i18n.en.ts";

test("bug: consolidated report uses the report form's figure names", () => {
  for (const f of FIGURES) {
    assert.equal(vi.tasks.figures[f.code], f.label, f.code);
    assert.ok(en.tasks.figures[f.code], `${f.code} in English`);
  }
  assert.deepEqual(
    Object.keys(vi.tasks.figures),
    FIGURES.map((f) => f.code),
  );
  assert.deepEqual(Object.keys(en.tasks.figures).sort(), FIGURES.map((f) => f.code).sort());
  // The form of a newspaper's clerk, as Tasks.tsx lists it.
  const paper = figuresFor({ kind: "press", name: "Báo Lạng Sơn" }).map(
    (f) => vi.tasks.figures[f.code],
  );
  assert.ok(paper.includes("Số tin, bài"));
  assert.ok(!paper.includes("Số chương trình phát sóng"));
});
