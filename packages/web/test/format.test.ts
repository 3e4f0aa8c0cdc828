import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTypedDate, setTimeZone, viDate, viDay, localIsoDay } from "../src/format.ts";

test("an instant's day is the day in Vietnam, not the UTC one", () => {
  const cases: Array<[string, string, string]> = [
    // 01:10 on 02/12 in Hà Nội is 18:10 on 01/12 UTC.
    ["2026-12-01T18:10:00Z", "2026-12-02", "02/12/2026"],
    ["2026-12-01T16:59:59Z", "2026-12-01", "01/12/2026"],
    ["2026-12-31T17:00:00Z", "2027-01-01", "01/01/2027"],
  ];
  for (const [instant, day, shown] of cases) {
    assert.equal(localIsoDay(instant), day, instant);
    assert.equal(viDay(instant), shown, instant);
    assert.equal(viDate(localIsoDay(instant)), shown, instant);
  }
});

test("bug: days follow the installation's configured time zone", () => {
  try {
    setTimeZone("Asia/Bangkok"); // also UTC+7
    assert.equal(localIsoDay("2026-12-01T18:10:00Z"), "2026-12-02");
    setTimeZone("Europe/Paris"); // an installation abroad (UTC+1 in December)
    assert.equal(localIsoDay("2026-12-01T18:10:00Z"), "2026-12-01");
    assert.equal(viDay("2026-12-01T23:30:00Z"), "02/12/2026");
    setTimeZone("Not/AZone"); // ignored: the zone in use stays
    assert.equal(localIsoDay("2026-12-01T23:30:00Z"), "2026-12-02");
  } finally {
    setTimeZone("Asia/Ho_Chi_Minh");
  }
});

test("bug: dates could not be typed into the date fields: typed day first, checked by the calendar", () => {
  const cases: Array<[string, string | null]> = [
    ["3/12/2026", "2026-12-03"],
    ["03-12-2026", "2026-12-03"],
    ["3.12.26", "2026-12-03"],
    [" 29/02/2028 ", "2028-02-29"],
    ["30/02/2026", null],
    ["2026-12-03", null],
    ["hôm nay", null],
  ];
  for (const [typed, want] of cases) assert.equal(parseTypedDate(typed), want, typed);
});

test("viDate: an ISO day or time as 03/12/2026; anything else as it is, never scrambled", () => {
  for (const [input, shown] of [
    ["2026-12-03", "03/12/2026"],
    ["2026-12-03T09:00:00.000Z", "03/12/2026"],
    ["20/11/2026", "20/11/2026"],
    ["", ""],
  ] as const)
    assert.equal(viDate(input), shown, input);
  assert.equal(viDate(null), "");
});
