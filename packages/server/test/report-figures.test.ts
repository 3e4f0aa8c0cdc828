/**
 * Figures are the agencies' own keys: one named like a member of Object.prototype is summed like
 * any other on the dashboard and in the consolidated report (it used to read Object itself).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { startTestApp, type TestApp } from "./helpers.ts";
import { issueDirective, report } from "./followup-fixture.ts";

for (const kind of testDatabaseKinds()) {
  describe(`report figures on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-12-10T09:00:00+07:00");
    });
    after(() => t.close());

    test("a figure named constructor is summed, and the names of methods are refused", async () => {
      const { documentId, issuer, taskIds } = await issueDirective(t);
      await report(t, "baolangson", taskIds.baolangson!["1"]!, { constructor: 2, articles: 1 });
      await report(t, "baolangson", taskIds.baolangson!["2"]!, { constructor: 3 });
      await report(t, "ptth-ls", taskIds["ptth-ls"]!["1"]!, { constructor: 4, valueof: 1 });

      const board = await issuer.get(`/api/documents/${documentId}/dashboard`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      assert.deepEqual(board.body.totals.all, { constructor: 9, articles: 1, valueof: 1 });
      assert.deepEqual(board.body.totals.byItem["1"], { constructor: 6, articles: 1, valueof: 1 });
      assert.deepEqual(board.body.totals.cascade, { constructor: 9, articles: 1, valueof: 1 });

      const bc = await issuer.post(`/api/documents/${documentId}/consolidated-report`);
      assert.equal(bc.status, 201, JSON.stringify(bc.body));
      const draft = await issuer.get(`/api/documents/${bc.body.id}`);
      const text: string = draft.body.text;
      assert.match(text, /trực tuyến: Số tin, bài: 1; constructor: 6; valueof: 1\./);
      assert.match(text, /Báo Lạng Sơn\n[\s\S]*?- Cộng: Số tin, bài: 1; constructor: 5\./);
      assert.doesNotMatch(JSON.stringify(draft.body), /function|native code/);

      // Keys are lower case by the schema; the other members' names never get in.
      const bao = await t.login("baolangson.chuyenvien");
      for (const key of ["toString", "hasOwnProperty", "__proto__"]) {
        const r = await bao.request(
          "POST",
          `/api/tasks/${taskIds.baolangson!["1"]}/reports`,
          `{"period":"2026-Q4","figures":{${JSON.stringify(key)}:1}}`,
          { "content-type": "application/json" },
        );
        assert.equal(r.status, 400, key);
        assert.equal(typeof r.body?.error?.code, "string", `${key}: ${r.raw}`);
      }
    });
  });
}
