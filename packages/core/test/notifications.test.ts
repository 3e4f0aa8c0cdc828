import { test } from "node:test";
import assert from "node:assert/strict";
import {
  NOTIFICATION_CODES,
  NOTIFICATION_PARAM_KINDS,
  NOTIFICATION_PARAMS,
  notificationParams,
} from "../src/index.ts";

test("every code has its parameters, each of a known kind", () => {
  assert.deepEqual(Object.keys(NOTIFICATION_PARAMS).sort(), [...NOTIFICATION_CODES].sort());
  for (const code of NOTIFICATION_CODES) {
    const names = NOTIFICATION_PARAMS[code] as readonly string[];
    assert.ok(names.length > 0, code);
    assert.equal(new Set(names).size, names.length, `${code}: a name twice`);
    for (const n of names) assert.ok(n in NOTIFICATION_PARAM_KINDS, `${code}: ${n} has no kind`);
  }
});

const cases: Array<[string, Parameters<typeof notificationParams>[1], Record<string, unknown>]> = [
  [
    "every name, null where missing",
    { reference: "5/UBND" },
    { reference: "5/UBND", subject: null, recipient: null, agency: null, status: null },
  ],
  [
    "extra keys dropped, numbers kept, objects refused",
    { reference: 7, recipient: { x: 1 }, status: "04", extra: "x" },
    { reference: 7, subject: null, recipient: null, agency: null, status: "04" },
  ],
  [
    "nothing stored",
    null,
    { reference: null, subject: null, recipient: null, agency: null, status: null },
  ],
];
for (const [name, stored, expected] of cases)
  test(`stored parameters read back: ${name}`, () => {
    assert.deepEqual(notificationParams("delivery.progress", stored), expected);
  });
