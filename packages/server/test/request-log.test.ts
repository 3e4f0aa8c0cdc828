import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { testDatabaseKinds } from "@vanthu/db";
import { startTestApp, type TestApp } from "./helpers.ts";

/** A log destination that keeps its lines. */
function logLines() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString("utf8").split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

for (const kind of testDatabaseKinds().slice(0, 1)) {
  describe(`request log (${kind})`, () => {
    const info = logLines();
    const debug = logLines();
    let quiet: TestApp;
    let verbose: TestApp;
    before(async () => {
      quiet = await startTestApp(
        kind,
        undefined,
        {},
        { logger: { level: "info", stream: info.stream } },
      );
      verbose = await startTestApp(
        kind,
        undefined,
        {},
        { logger: { level: "debug", stream: debug.stream } },
      );
    });
    after(async () => {
      await quiet.close();
      await verbose.close();
    });

    test("bug: one log line per request buried the start-up banner: requests log at debug", async () => {
      for (const url of ["/api/health", "/", "/api/nope?q=b%C3%A1o+c%C3%A1o+m%E1%BA%ADt"]) {
        await quiet.anonymous().get(url);
        await verbose.anonymous().get(url);
      }
      const requestLines = (lines: Array<Record<string, unknown>>) =>
        lines.filter((l) => "status" in l || /request/.test(String(l.msg)));
      assert.deepEqual(requestLines(info.lines), [], "nothing per request at info");
      const seen = requestLines(debug.lines);
      assert.equal(seen.length, 3, JSON.stringify(seen));
      assert.deepEqual(
        seen.map((l) => String(l.msg).replace(/ \d+ ms$/, "")),
        ["GET /api/health 200", "GET / 200", "GET /api/nope?q=b%C3%A1o+c%C3%A1o+m%E1%BA%ADt 404"],
      );
      assert.ok(seen.every((l) => typeof l.ms === "number" && typeof l.reqId === "string"));
    });
  });
}
