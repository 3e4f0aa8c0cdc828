import assert from "node:assert/strict";
import { test } from "node:test";
import { canMoveDelivery, progressStepsFrom } from "../src/index.ts";

test("delivery statuses move forward only, returning only before registering", () => {
  const cases: Array<[string, string, boolean]> = [
    ["01", "02", true],
    ["01", "03", true],
    ["01", "04", false],
    ["02", "03", false],
    ["02", "01", false],
    ["03", "02", false],
    ["03", "04", true],
    ["03", "06", true],
    ["04", "05", true],
    ["04", "04", false],
    ["05", "04", false],
    ["05", "06", true],
    ["06", "05", false],
    ["06", "06", false],
    ["07", "06", false],
    ["03", "", false],
  ];
  for (const [from, to, ok] of cases)
    assert.equal(canMoveDelivery(from, to), ok, `${from} -> ${to}`);
});

test("the progress steps a recipient is offered", () => {
  const cases: Array<[string, string[]]> = [
    ["01", []],
    ["02", []],
    ["03", ["04", "05", "06"]],
    ["04", ["05", "06"]],
    ["05", ["06"]],
    ["06", []],
  ];
  for (const [from, steps] of cases) assert.deepEqual(progressStepsFrom(from), steps, from);
});
