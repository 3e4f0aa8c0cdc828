import { test } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "@vanthu/server";
import { localDate } from "../src/context.ts";

test("bug: the calendar day is the agency's, in the configured time zone", () => {
  const cases: Array<[string | undefined, string, string]> = [
    // TIME_ZONE unset: Vietnam. 01:10 on 02/12 in Hà Nội is 18:10 on 01/12 UTC.
    [undefined, "2026-12-01T18:10:00Z", "2026-12-02"],
    [undefined, "2026-12-01T16:59:59Z", "2026-12-01"],
    [undefined, "2026-12-31T17:00:00Z", "2027-01-01"],
    ["Asia/Ho_Chi_Minh", "2026-12-01T17:00:00Z", "2026-12-02"],
    // An installation elsewhere (a mission abroad): its own day.
    ["Europe/Paris", "2026-12-01T18:10:00Z", "2026-12-01"],
    ["Europe/Paris", "2026-12-01T23:10:00Z", "2026-12-02"],
    ["UTC", "2026-12-01T23:59:59Z", "2026-12-01"],
  ];
  for (const [zone, instant, day] of cases) {
    const config = loadConfig(zone ? { TIME_ZONE: zone } : {});
    assert.equal(localDate({ config }, new Date(instant)), day, `${zone} ${instant}`);
  }
});

test("an unknown TIME_ZONE stops the start with the variable named", () => {
  assert.throws(
    () => loadConfig({ TIME_ZONE: "Asia/Hanoi_City" }),
    (e: unknown) => e instanceof ConfigError && /TIME_ZONE/.test(e.message),
  );
});
