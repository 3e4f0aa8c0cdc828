import { test } from "node:test";
import assert from "node:assert/strict";
import { progressColor, reportProgress } from "../src/progress.ts";

test('bug: a green "ĐÃ BÁO CÁO: 0/5" badge: reported 0 of 5 is no success', () => {
  assert.notEqual(progressColor({ done: 0, total: 5, overdue: 0 }), "green");
  assert.notEqual(progressColor({ done: 0, total: 5, overdue: 2 }), "green");
});

test("the reporting badge is coloured by how far the recipients have come", () => {
  const cases: Array<[done: number, total: number, overdue: number, state: string, color: string]> =
    [
      // Nobody yet: grey while it is not due, red once someone is late.
      [0, 5, 0, "none", "gray"],
      [0, 5, 1, "late", "red"],
      [0, 5, 5, "late", "red"],
      // Some: yellow, orange when the others are late.
      [1, 5, 0, "partial", "yellow"],
      [4, 5, 0, "partial", "yellow"],
      [2, 5, 3, "partialLate", "orange"],
      // Everyone: green, even if some reported after the deadline.
      [5, 5, 0, "complete", "green"],
      [1, 1, 0, "complete", "green"],
      // No recipient has the item: nothing to report, nothing done.
      [0, 0, 0, "none", "gray"],
    ];
  for (const [done, total, overdue, state, color] of cases) {
    const name = `${done}/${total}, ${overdue} late`;
    assert.equal(reportProgress({ done, total, overdue }), state, name);
    assert.equal(progressColor({ done, total, overdue }), color, name);
  }
});
