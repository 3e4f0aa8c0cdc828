/**
 * How long issuing holds the register's lock, in statements: every statement the issuing
 * transaction sends from the one that takes the number (the upsert of `registers`, whose row lock
 * lasts until COMMIT) to its end, counted at node-postgres's Client.query. The count must not grow
 * with the recipients: their copies, deliveries, notices, tasks and citations go in multi-row
 * statements, and those sent together (db's deferredWrites) are one. Printed as well, so that the
 * figure of a change is seen.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { statements } from "./statements.ts";
import { insertAgency } from "../src/agencies/create-agency.ts";
import { approve, draftFields, startTestApp, type TestApp } from "./helpers.ts";

/**
 * Statements from the register's upsert to COMMIT (the lock): the document's UPDATE and the
 * writes sent together; and in the whole transaction.
 */
export const LOCKED_AT_MOST = 2;

const seen = statements;

/** The statements of the last transaction in `log` that took a number. */
function underLock(log: string[]): { locked: string[]; total: number } {
  const take = log.findLastIndex((s) =>
    /^insert into "registers".*on conflict.*do update/is.test(s),
  );
  assert.ok(take >= 0, "no number taken");
  const begin = log.slice(0, take).findLastIndex((s) => /^begin/i.test(s));
  const end = log.findIndex((s, i) => i > take && /^(commit|rollback)/i.test(s));
  return { locked: log.slice(take + 1, end), total: end - begin - 1 };
}

for (const kind of testDatabaseKinds()) {
  describe(`statements under the register's lock on ${kind}`, () => {
    let t: TestApp;
    const agencies: string[] = [];
    before(async () => {
      t = await startTestApp(kind);
      for (let i = 0; i < 100; i++)
        agencies.push(
          await insertAgency(t.ctx.db, {
            code: `bench-${i}`,
            name: `Phòng thử nghiệm số ${i + 1}`,
            abbreviation: `PTN${i + 1}`,
            kind: "state",
          }),
        );
    });
    after(() => t.close());

    for (const recipients of [1, 2, 100])
      test(`${recipients} recipient(s): at most ${LOCKED_AT_MOST} statements hold the lock`, async () => {
        const clerk = await t.login("stttt-ls.vanthu");
        const d = await clerk.post("/api/documents", draftFields());
        assert.equal(d.status, 201);
        await approve(t, clerk, d.body.id);
        const deliverTo = agencies
          .slice(0, recipients)
          .map((agencyId) => ({ agencyId, kind: "action" }));
        seen.length = 0;
        const issued = await clerk.post(`/api/documents/${d.body.id}/issue`, { deliverTo });
        assert.equal(issued.status, 200, JSON.stringify(issued.body));
        const { locked, total } = underLock(seen);
        console.log(
          `  ${kind}, ${recipients} recipient(s): ${locked.length} statements under the lock, ${total} in the transaction`,
        );
        for (const s of locked) console.log(`    ${s.slice(0, 110).replace(/\s+/g, " ")}`);
        assert.ok(
          locked.length <= LOCKED_AT_MOST,
          `${locked.length} statements under the lock:\n${locked.join("\n")}`,
        );
        const deliveries = await t.ctx.db
          .selectFrom("deliveries")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("document_id", "=", d.body.id)
          .executeTakeFirstOrThrow();
        assert.equal(Number(deliveries.n), recipients);
      });
  });
}
