/**
 * The file store under failure: a full or read-only disk refuses the write with a stable code and
 * leaves no file, temporary file or row; the sweep removes temporary files and unreferenced files
 * left by failed writes and keeps every referenced one; names of 200 Vietnamese characters are
 * stored and downloaded; errors before any route runs are in the API's format.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { testDatabaseKinds } from "@vanthu/db";
import { FileStore, nodeFs, type StoreFs } from "../src/files/file-store.ts";
import { sweepFiles } from "../src/files/sweep-files.ts";
import { runDueJobs, scheduleRecurring } from "../src/followup/jobs.ts";
import { count, approve, draftFields, startTestApp, type TestApp } from "./helpers.ts";
import { issueDirective, report } from "./followup-fixture.ts";

const EXAMPLE = readFileSync(
  new URL("../../../examples/04-cong-van-cuc-thue.txt", import.meta.url),
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** A name of exactly `length` characters (NFC), ending in `ext`. */
function vietnameseName(length: number, ext: string): string {
  const words = "Công văn đề nghị báo cáo kết quả tuyên truyền phòng chống thiên tai quý IV ";
  const base = words.repeat(Math.ceil(length / words.length)).normalize("NFC");
  return (
    base
      .slice(0, length - ext.length)
      .trimEnd()
      .padEnd(length - ext.length, "x") + ext
  );
}

/** Every file under the store, relative to it. */
function stored(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

/** A disk that fails with `code` after writing half of the bytes, as a full disk does. */
function failingFs(code: string): StoreFs {
  return {
    ...nodeFs,
    async writeFile(path, bytes) {
      writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error(`${code}: simulated, write '${path}'`), { code });
    },
  };
}

const downloadName = (header: unknown) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(header))![1]!);

for (const kind of testDatabaseKinds()) {
  describe(`file storage on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-12-10T09:00:00+07:00");
    });
    after(() => t.close());

    test("names of 200 Vietnamese characters: stored, listed and downloaded", async () => {
      const clerk = await t.login("baolangson.vanthu");
      const name = vietnameseName(200, ".txt");
      assert.equal(name.length, 200);
      const imported = await clerk.upload("/api/documents/import", name, EXAMPLE);
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      const id = imported.body.document.id;
      const listed = (await clerk.get(`/api/documents/${id}`)).body.files;
      assert.deepEqual(
        listed.map((f: { name: string }) => f.name),
        [name],
      );
      const got = await clerk.get(`/api/documents/${id}/files/${encodeURIComponent(name)}`);
      assert.equal(got.status, 200, String(got.raw).slice(0, 300));
      assert.deepEqual(got.raw, EXAMPLE);
      assert.equal(downloadName(got.headers["content-disposition"]), name);

      const { taskIds } = await issueDirective(t, ["baolangson"]);
      const reportId = await report(t, "baolangson", taskIds.baolangson!["1"]!, { articles: 1 });
      const specialist = await t.login("baolangson.chuyenvien");
      const photo = vietnameseName(200, ".jpg");
      const up = await specialist.upload(`/api/reports/${reportId}/files`, photo, JPEG);
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.name, photo);
      const down = await specialist.get(
        `/api/reports/${reportId}/files/${encodeURIComponent(photo)}`,
      );
      assert.equal(down.status, 200, String(down.raw).slice(0, 300));
      assert.deepEqual(down.raw, JPEG);
      assert.equal(downloadName(down.headers["content-disposition"]), photo);
    });

    test("errors before a route runs are in the API's format", async () => {
      const anon = t.anonymous();
      const cases: Array<[string, string, number, string]> = [
        [
          "a parameter over the router's limit",
          `/api/documents/x/files/${"a".repeat(3000)}`,
          414,
          "URL_TOO_LONG",
        ],
        ["a URL that does not decode", "/api/documents/%E0%A4%A/files/x", 400, "BAD_URL"],
      ];
      for (const [what, url, status, code] of cases) {
        const r = await anon.get(url);
        assert.equal(r.status, status, what);
        assert.equal(r.body?.error?.code, code, `${what}: ${r.raw}`);
        assert.match(r.body.error.message, /Địa chỉ/, what);
      }
    });

    test("a full or read-only disk: a clear error, and no file, temporary file or row", async () => {
      const clerk = await t.login("baolangson.vanthu");
      // The report of the first test.
      const reportRow = await t.ctx.db.selectFrom("reports").select("id").executeTakeFirstOrThrow();
      const specialist = await t.login("baolangson.chuyenvien");
      const real = t.ctx.files;
      const cases: Array<[string, number, string]> = [
        ["ENOSPC", 507, "STORAGE_FULL"],
        ["EDQUOT", 507, "STORAGE_FULL"],
        ["EROFS", 503, "STORAGE_UNAVAILABLE"],
      ];
      try {
        for (const [errno, status, code] of cases) {
          t.ctx.files = new FileStore(real.dir, failingFs(errno));
          const before = stored(real.dir);
          const rows = [await count(t, "documents"), await count(t, "files")];
          const bytes = Buffer.concat([EXAMPLE, Buffer.from(`\n${errno}\n`)]);
          const imported = await clerk.upload("/api/documents/import", `${errno}.txt`, bytes);
          assert.equal(imported.status, status, `${errno}: ${JSON.stringify(imported.body)}`);
          assert.equal(imported.body.error.code, code);
          assert.match(imported.body.error.message, /không có gì được ghi dở/);
          const attached = await specialist.upload(
            `/api/reports/${reportRow.id}/files`,
            `${errno}.jpg`,
            Buffer.concat([JPEG, Buffer.from(errno)]),
          );
          assert.equal(attached.status, status, `${errno}: ${JSON.stringify(attached.body)}`);
          assert.equal(attached.body.error.code, code);
          assert.deepEqual(stored(real.dir), before, `${errno}: nothing left in the store`);
          assert.deepEqual([await count(t, "documents"), await count(t, "files")], rows, errno);
        }

        // Issuing while the disk is full: the issue commits; its PDF is drawn when there is room.
        const so = await t.login("stttt-ls.vanthu");
        const draft = await so.post("/api/documents", draftFields());
        assert.equal(draft.status, 201, JSON.stringify(draft.body));
        t.ctx.files = new FileStore(real.dir, failingFs("ENOSPC"));
        await approve(t, so, draft.body.id);
        const issued = await so.post(`/api/documents/${draft.body.id}/issue`, {
          deliverTo: (await so.get(`/api/documents/${draft.body.id}/delivery-plan`)).body
            .recipients,
        });
        assert.equal(issued.status, 200, JSON.stringify(issued.body));
        const view = await so.get(`/api/documents/${draft.body.id}`);
        assert.equal(view.status, 507, "the PDF cannot be drawn yet");
        assert.equal(view.body.error.code, "STORAGE_FULL");
        t.ctx.files = real;
        const later = await so.get(`/api/documents/${draft.body.id}`);
        assert.equal(later.status, 200);
        assert.ok(later.body.files.some((f: { role: string }) => f.role === "rendered"));
      } finally {
        t.ctx.files = real;
      }
      assert.equal(
        stored(real.dir).filter((p) => p.endsWith(".tmp")).length,
        0,
        "no temporary file anywhere",
      );
    });

    test("the sweep: old temporary and unreferenced files go, referenced and recent ones stay", async () => {
      const dir = t.ctx.files.dir;
      const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
      const age = (path: string, h: number) => utimesSync(path, hoursAgo(h), hoursAgo(h));
      const referenced = stored(dir);
      assert.ok(referenced.length >= 3, "an import, a report file and a rendered PDF");
      for (const p of referenced) age(join(dir, p), 48);

      const orphan = await t.ctx.files.put(Buffer.from("an import whose transaction failed"));
      age(t.ctx.files.path(orphan.sha256), 2);
      const recent = await t.ctx.files.put(Buffer.from("written a moment ago"));
      const deadTmp = `${t.ctx.files.path(orphan.sha256)}.0123456789ab.tmp`;
      writeFileSync(deadTmp, "half");
      age(deadTmp, 1);
      const liveTmp = `${t.ctx.files.path(recent.sha256)}.ba9876543210.tmp`;
      writeFileSync(liveTmp, "being written");
      // An old orphan whose bytes are uploaded again is refreshed, then referenced: it stays.
      const again = Buffer.concat([EXAMPLE, Buffer.from("\nagain\n")]);
      const reused = await t.ctx.files.put(again);
      age(t.ctx.files.path(reused.sha256), 5);
      const clerk = await t.login("baolangson.vanthu");
      assert.equal((await clerk.upload("/api/documents/import", "lai.txt", again)).status, 201);

      const result = await sweepFiles(t.ctx);
      assert.deepEqual([result.orphansRemoved, result.temporaryRemoved], [1, 1]);
      const left = stored(dir);
      for (const p of referenced) assert.ok(left.includes(p), `kept referenced ${p}`);
      const rel = (p: string) => p.slice(dir.length + 1);
      assert.ok(!left.includes(rel(t.ctx.files.path(orphan.sha256))), "orphan removed");
      assert.ok(!left.includes(rel(deadTmp)), "old temporary file removed");
      assert.ok(left.includes(rel(t.ctx.files.path(recent.sha256))), "recent file kept");
      assert.ok(left.includes(rel(liveTmp)), "a write in progress kept");
      assert.ok(left.includes(rel(t.ctx.files.path(reused.sha256))), "reused file kept");
      for (const p of referenced) {
        const sha = p.split("/").pop()!;
        assert.ok(await t.ctx.files.get(sha), `readable ${sha}`);
      }

      // The same sweep runs as a recurring job.
      await scheduleRecurring(t.ctx);
      const lost = await t.ctx.files.put(Buffer.from("another orphan"));
      age(t.ctx.files.path(lost.sha256), 3);
      await runDueJobs(t.ctx, "test");
      assert.equal(await t.ctx.files.get(lost.sha256), null, "swept by the job");
      const job = await t.ctx.db
        .selectFrom("jobs")
        .select(["done_at", "last_error"])
        .where("kind", "=", "recurring:file-sweep")
        .where("done_at", "is not", null)
        .executeTakeFirst();
      assert.ok(job, "the sweep job ran");
    });
  });
}
