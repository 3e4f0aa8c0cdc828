/**
 * Imports as background work, on PGlite and PostgreSQL: an upload of many files answers at once
 * with every file queued (refused ones failed with their code); the app's worker reads them and
 * makes one incoming draft per document (a file with two letters makes two); progress per batch;
 * the access rule. Then restarts in the middle: an app closed mid-batch and a new one on the same
 * database, and a process that dies while reading (its leases run out): every file imported
 * exactly once. And the item's idempotence when two takings race, passing troubles retried, a
 * file that never finishes given up.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { testDatabaseKinds } from "@vanthu/db";
import { fail } from "../src/errors.ts";
import { claimItems, processItem, MAX_ATTEMPTS } from "../src/imports/items.ts";
import { readImportFile } from "../src/documents/import-file.ts";
import type { ImportWorkerOptions } from "@vanthu/server";
import { startTestApp, type Client, type TestApp } from "./helpers.ts";
import { documentCopies } from "./fixtures/document-copies.ts";
import { letter, twoLetters, utf8 } from "./fixtures/import-letters.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the batch until every file has an outcome. */
async function finished(client: Client, id: string, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const r = await client.get(`/api/imports/${id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    if (r.body.finished) return r.body;
    if (Date.now() > until) throw new Error(`batch not finished: ${JSON.stringify(r.body.counts)}`);
    await sleep(50);
  }
}

for (const kind of testDatabaseKinds()) {
  describe(`import batches on ${kind}`, () => {
    let t: TestApp;
    let clerk: Client;
    before(async () => {
      t = await startTestApp(kind, undefined, {}, { imports: { pollMs: 50 } });
      clerk = await t.login("stttt-ls.vanthu");
    });
    after(() => t.close());

    test("many files: 202 at once, read in the background, one record per document", async () => {
      const a = letter(1);
      const pair = twoLetters(2, 3);
      const files = [
        { name: "412-SYT.txt", bytes: utf8(a.text) },
        { name: "hai-van-ban.txt", bytes: utf8(pair.text) },
        { name: "Công văn/tháng 11/ban-sao.txt", bytes: utf8(a.text) },
        { name: "anh-chup.pdf", bytes: utf8("not a pdf at all") },
        { name: "trong.txt", bytes: new Uint8Array(0) },
        { name: "chuong-trinh.exe", bytes: utf8("MZ") },
      ];
      const r = await clerk.uploadMany("/api/imports", files, { label: "Văn bản đến tháng 11" });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      assert.equal(r.body.label, "Văn bản đến tháng 11");
      assert.equal(r.body.counts.total, 6);
      // Refused before being stored, with the stable code and the catalogue's message.
      const refused = Object.fromEntries(
        r.body.items
          .filter((i: { status: string }) => i.status === "failed")
          .map((i: { name: string; error: { code: string } }) => [i.name, i.error.code]),
      );
      assert.deepEqual(refused, {
        "anh-chup.pdf": "CORRUPT_FILE",
        "trong.txt": "EMPTY_FILE",
        "chuong-trinh.exe": "UNSUPPORTED_FILE_TYPE",
      });
      assert.match(r.body.items[4].error.message, /Tệp trống/);

      const done = await finished(clerk, r.body.id);
      assert.deepEqual(
        {
          done: done.counts.done,
          failed: done.counts.failed,
          created: done.counts.documentsCreated,
          duplicates: done.counts.duplicates,
        },
        { done: 3, failed: 3, created: 3, duplicates: 1 },
      );
      const byName = new Map(done.items.map((i: { name: string }) => [i.name, i]));
      const two = byName.get("hai-van-ban.txt") as { documents: Array<{ reference: string }> };
      assert.deepEqual(
        two.documents.map((d) => d.reference),
        pair.references,
        "a file with two letters makes two records",
      );
      const copy = byName.get("ban-sao.txt") as {
        path: string;
        duplicate: boolean;
        documents: Array<{ id: string }>;
      };
      assert.equal(copy.path, "Công văn/tháng 11/ban-sao.txt", "the folder's path is kept");
      assert.equal(copy.duplicate, true);
      const first = byName.get("412-SYT.txt") as {
        documents: Array<{ id: string; reference: string; status: string; subject: string }>;
      };
      assert.equal(copy.documents[0]!.id, first.documents[0]!.id, "the same file: the same record");
      assert.equal(first.documents[0]!.reference, a.reference);
      assert.equal(first.documents[0]!.subject, a.subject);
      assert.equal(first.documents[0]!.status, "draft");

      // Each waits for the clerk: confirmed or corrected, then registered.
      const second = two.documents[1] as unknown as { id: string };
      const reg = await clerk.post(`/api/documents/${second.id}/register`, {
        subject: "phối hợp tuyên truyền (đã sửa)",
      });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      const doc = await clerk.get(`/api/documents/${second.id}`);
      assert.equal(doc.body.status, "registered");
      assert.deepEqual(
        doc.body.files.map((f: { name: string }) => f.name),
        ["hai-van-ban.txt"],
      );
      const again = await clerk.get(`/api/imports/${r.body.id}`);
      const updated = again.body.items.find((i: { name: string }) => i.name === "hai-van-ban.txt");
      assert.equal(updated.documents[1].status, "registered");

      const list = await clerk.get("/api/imports");
      assert.equal(list.status, 200);
      const mine = list.body.items.find((b: { id: string }) => b.id === r.body.id);
      assert.deepEqual(mine.counts, done.counts);
      assert.equal(mine.finished, true);
    });

    test("the same files again: done at once, nothing new; the single-file route splits too", async () => {
      const pair = twoLetters(2, 3);
      const r = await clerk.uploadMany("/api/imports", [
        { name: "lan-hai.txt", bytes: utf8(pair.text) },
      ]);
      assert.equal(r.status, 202);
      assert.equal(r.body.items[0].status, "done", "found imported before any reading");
      assert.equal(r.body.counts.documentsCreated, 0);
      assert.equal(r.body.items[0].documents.length, 2);
      const other = await t.login("baolangson.vanthu");
      const single = await other.upload("/api/documents/import", "hai.txt", utf8(pair.text));
      assert.equal(single.status, 201, JSON.stringify(single.body));
      assert.deepEqual(
        single.body.documents.map((d: { reference: string }) => d.reference),
        pair.references,
      );
      assert.equal(single.body.document.id, single.body.documents[0].id);
    });

    test("more files into a batch; others' batches are not found; importing is the clerk's", async () => {
      const r = await clerk.uploadMany("/api/imports", [
        { name: "a.txt", bytes: utf8(letter(7).text) },
      ]);
      const more = await clerk.uploadMany(`/api/imports/${r.body.id}/files`, [
        { name: "b.txt", bytes: utf8(letter(8).text) },
      ]);
      assert.equal(more.status, 202, JSON.stringify(more.body));
      assert.deepEqual(
        more.body.items.map((i: { name: string; position: number }) => [i.position, i.name]),
        [
          [0, "a.txt"],
          [1, "b.txt"],
        ],
      );
      const outsider = await t.login("baolangson.vanthu");
      for (const res of [
        await outsider.get(`/api/imports/${r.body.id}`),
        await outsider.uploadMany(`/api/imports/${r.body.id}/files`, [
          { name: "c.txt", bytes: utf8(letter(9).text) },
        ]),
        await clerk.get("/api/imports/khong-phai-id"),
      ]) {
        assert.equal(res.status, 404);
        assert.equal(res.body.error.code, "IMPORT_BATCH_NOT_FOUND");
        assert.equal(res.body.error.message, "Không tìm thấy đợt nhập văn bản.");
      }
      // A specialist of the agency sees only the batches they made (the file names tell what the
      // documents are): none, since importing is the clerk's.
      const specialist = await t.login("stttt-ls.chuyenvien");
      const hidden = await specialist.get(`/api/imports/${r.body.id}`);
      assert.equal(hidden.status, 404);
      assert.equal(hidden.body.error.code, "IMPORT_BATCH_NOT_FOUND");
      assert.deepEqual((await specialist.get("/api/imports")).body.items, []);
      assert.equal(
        (await (await t.login("stttt-ls.lanhdao")).get(`/api/imports/${r.body.id}`)).status,
        200,
      );
      const refused = await specialist.uploadMany("/api/imports", [
        { name: "d.txt", bytes: utf8(letter(10).text) },
      ]);
      assert.equal(refused.status, 403);
      assert.equal((await t.anonymous().get("/api/imports")).status, 401);
      const none = await clerk.uploadMany("/api/imports", []);
      assert.equal(none.status, 400);
      const json = await clerk.post("/api/imports", { file: "x" });
      assert.equal(json.status, 415);
      await finished(clerk, r.body.id);
    });

    test("a passing trouble (the reader full) is tried again later; a file that never ends is given up", async () => {
      // This test takes the items itself.
      await t.imports!.stop();
      const r = await clerk.uploadMany("/api/imports", [
        { name: "ban.txt", bytes: utf8(letter(11).text) },
      ]);
      const [item] = await claimItems(t.ctx, "test", 1, { batchId: r.body.id });
      const busy = await processItem(t.ctx, item!, async () => {
        throw fail("READER_BUSY", "full");
      });
      assert.equal(busy, "retry");
      const queued = await clerk.get(`/api/imports/${r.body.id}`);
      assert.equal(queued.body.items[0].status, "queued");
      assert.equal(queued.body.items[0].error.code, "READER_BUSY");
      assert.deepEqual(await claimItems(t.ctx, "test", 1, { batchId: r.body.id }), [], "later");
      t.clock.advance(10 * 60_000);
      const [again] = await claimItems(t.ctx, "test", 1, { batchId: r.body.id });
      assert.equal(await processItem(t.ctx, again!), "done");

      // A file whose every taking died (its lease ran out MAX_ATTEMPTS times).
      const s = await clerk.uploadMany("/api/imports", [
        { name: "nang.txt", bytes: utf8(letter(12).text) },
      ]);
      await t.ctx.db
        .updateTable("import_items")
        .set({ status: "reading", attempts: MAX_ATTEMPTS, lease_until: t.clock.now })
        .where("batch_id", "=", s.body.id)
        .execute();
      t.clock.advance(1000);
      assert.deepEqual(await claimItems(t.ctx, "test", 5, { batchId: s.body.id }), []);
      const given = await clerk.get(`/api/imports/${s.body.id}`);
      assert.equal(given.body.items[0].status, "failed");
      assert.equal(given.body.items[0].error.code, "IMPORT_INTERRUPTED");
      assert.match(given.body.items[0].error.message, /đọc lại nhiều lần/);
    });
  });

  describe(`restarts in the middle of a batch on ${kind}`, () => {
    const files = Array.from({ length: 8 }, (_, i) => ({
      name: `den-${i + 1}.txt`,
      bytes: utf8(i === 3 ? twoLetters(40 + i, 60 + i).text : letter(20 + i).text),
    }));
    const hashes = files.map((f) => sha(f.bytes));
    const expected = files.length + 1; // one file holds two letters

    async function assertOnce(t: TestApp, batch: { items: Array<{ status: string }> }) {
      assert.deepEqual(
        batch.items.map((i) => i.status),
        files.map(() => "done"),
      );
      const copies = await documentCopies(t.ctx.db, hashes);
      assert.equal(copies.size, expected, "every document of every file");
      assert.deepEqual([...new Set(copies.values())], [1], "none twice");
      const n = await t.ctx.db
        .selectFrom("document_files")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("sha256", "in", hashes)
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), expected);
    }

    /**
     * The files sent as one batch to a first app whose worker imports with these options, and
     * `restart` to start a second on its database, files and clock, as after a restart; both
     * closed and the files removed after.
     */
    async function withRestart(
      imports: Partial<ImportWorkerOptions>,
      work: (
        first: TestApp,
        batchId: string,
        restart: (imports: Partial<ImportWorkerOptions>) => Promise<TestApp>,
      ) => Promise<void>,
    ) {
      const first = await startTestApp(kind, undefined, {}, { imports });
      const restarted: TestApp[] = [];
      const restart = async (more: Partial<ImportWorkerOptions>) => {
        const second = await startTestApp(
          kind,
          undefined,
          {},
          { db: first.db, dataDir: first.dataDir, clock: first.clock, imports: more },
        );
        restarted.push(second);
        return second;
      };
      try {
        const r = await (await first.login("stttt-ls.vanthu")).uploadMany("/api/imports", files);
        assert.equal(r.status, 202, JSON.stringify(r.body));
        await work(first, r.body.id, restart);
      } finally {
        for (const second of restarted) await second.close();
        await first.app.close();
        await first.db.close();
        rmSync(first.dataDir, { recursive: true, force: true });
      }
    }

    test("the app closed mid-batch, a new one on the same database: every file once", async () => {
      let read = 0;
      const slow: typeof readImportFile = async (ctx, bytes, name) => {
        read++;
        await sleep(150);
        return readImportFile(ctx, bytes, name);
      };
      await withRestart(
        { pollMs: 50, concurrency: 1, read: slow, graceMs: 0 },
        async (first, batchId, restart) => {
          while (read < 3) await sleep(20);
          await first.app.close(); // in the middle: some done, one being read, the rest queued
          const mid = await first.ctx.db
            .selectFrom("import_items")
            .select(["status", "locked_by"])
            .where("batch_id", "=", batchId)
            .execute();
          const statuses = mid.map((m) => m.status);
          assert.ok(statuses.includes("done") && statuses.includes("queued"), statuses.join());
          assert.ok(!statuses.includes("reading"), "the one being read was given back");

          const second = await restart({ pollMs: 50 });
          const batch = await finished(await second.login("stttt-ls.vanthu"), batchId);
          await assertOnce(second, batch);
        },
      );
    });

    test("a process that dies while reading: its leases run out, another takes them; every file once", async () => {
      let read = 0;
      // The first process reads two files, then hangs in every reading and is never stopped
      // cleanly: its items stay "reading" under leases, as after a kill.
      const hang: typeof readImportFile = async (ctx, bytes, name) => {
        if (++read > 2) return new Promise(() => {});
        return readImportFile(ctx, bytes, name);
      };
      await withRestart(
        { pollMs: 50, concurrency: 2, read: hang, leaseMs: 30_000 },
        async (first, batchId, restart) => {
          while (read < 4) await sleep(20);
          await first.imports!.stop({ release: false, graceMs: 0 });
          const held = await first.ctx.db
            .selectFrom("import_items")
            .select("id")
            .where("batch_id", "=", batchId)
            .where("status", "=", "reading")
            .execute();
          assert.equal(held.length, 2, "two items died with the process");

          const second = await restart({ pollMs: 50, leaseMs: 30_000 });
          const clerk2 = await second.login("stttt-ls.vanthu");
          // The rest are read; the two held ones wait for their leases.
          for (let i = 0; i < 400; i++) {
            const b = (await clerk2.get(`/api/imports/${batchId}`)).body;
            if (b.counts.done === files.length - 2) break;
            await sleep(25);
          }
          const waiting = (await clerk2.get(`/api/imports/${batchId}`)).body;
          assert.equal(waiting.counts.reading, 2, JSON.stringify(waiting.counts));
          second.clock.advance(31_000);
          second.imports!.wake();
          const batch = await finished(clerk2, batchId);
          await assertOnce(second, batch);
          const attempts = await second.ctx.db
            .selectFrom("import_items")
            .select("attempts")
            .where(
              "id",
              "in",
              held.map((h) => h.id),
            )
            .execute();
          assert.deepEqual(
            attempts.map((a) => a.attempts),
            [2, 2],
          );
        },
      );
    });

    test("two takings of one item (a lease ran out under a slow reader): one import", async () => {
      const t = await startTestApp(kind);
      try {
        const clerk = await t.login("stttt-ls.vanthu");
        const pair = twoLetters(80, 81);
        const r = await clerk.uploadMany("/api/imports", [
          { name: "cham.txt", bytes: utf8(pair.text) },
        ]);
        const [slowTaking] = await claimItems(t.ctx, "cham", 1, { leaseMs: 1000 });
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const slow = processItem(t.ctx, slowTaking!, async (ctx, bytes, name) => {
          const file = await readImportFile(ctx, bytes, name);
          await gate;
          return file;
        });
        t.clock.advance(2000);
        const [fastTaking] = await claimItems(t.ctx, "nhanh", 1, { leaseMs: 1000 });
        assert.equal(fastTaking?.id, slowTaking!.id, "taken again once the lease ran out");
        assert.equal(await processItem(t.ctx, fastTaking!), "done");
        release();
        assert.equal(await slow, "lost", "the late one finds it done and writes nothing");
        const copies = await documentCopies(t.ctx.db, [sha(utf8(pair.text))]);
        assert.deepEqual([...copies.values()], [1, 1]);
        const view = await clerk.get(`/api/imports/${r.body.id}`);
        assert.equal(view.body.counts.documentsCreated, 2);
      } finally {
        await t.close();
      }
    });
  });
}
