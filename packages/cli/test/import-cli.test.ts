/**
 * `vanthu import DIR` on PostgreSQL while a server runs on the same database: the command's
 * batch goes through the same queue as the server's uploads (the server's worker takes part),
 * progress goes to stderr, and a run killed in the middle is resumed by running it again: every
 * file imported exactly once (its documents once each), the files imported already skipped
 * without being read. Needs TEST_DATABASE_URL (PGlite belongs to one process: there the server
 * is stopped first, as admin-cli.test.ts does).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, openTestDatabase } from "@vanthu/db";
import { loadConfig, startServer } from "@vanthu/server";
import { documentCopies } from "../../server/test/fixtures/document-copies.ts";
import { letter, twoLetters } from "../../server/test/fixtures/import-letters.ts";
import { runCliText as run } from "./run-cli.ts";

const BIN = fileURLToPath(new URL("../bin/vanthu.js", import.meta.url));
const PORT = "4631";

/** A directory of 24 files: 22 letters (some in a subdirectory), one file of two, one broken. */
function makeInbox(data: string) {
  const inbox = join(data, "den");
  mkdirSync(join(inbox, "thang-11"), { recursive: true });
  const good: string[] = [];
  for (let n = 1; n <= 22; n++) {
    const path = join(inbox, n % 2 ? "thang-11" : "", `cv-${n}.txt`);
    writeFileSync(path, letter(200 + n).text);
    good.push(path);
  }
  writeFileSync(join(inbox, "hai-van-ban.txt"), twoLetters(300, 301).text);
  good.push(join(inbox, "hai-van-ban.txt"));
  writeFileSync(join(inbox, "hong.pdf"), "not a pdf at all");
  const hashes = good.map((p) => createHash("sha256").update(readFileSync(p)).digest("hex"));
  return { inbox, hashes };
}

/** `vanthu import` in its own process, killed (SIGKILL: no cleanup) once 3 files are settled. */
async function importKilled(inbox: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [BIN, "import", inbox, "--as", "stttt-ls.vanthu"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (c: Buffer) => {
      stderr += c.toString();
      const m = [...stderr.matchAll(/(\d+)\/24 \(/g)].pop();
      if (m && Number(m[1]) >= 3 && child.exitCode === null) {
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.on("exit", (code) =>
      code === null ? resolve() : reject(new Error(`finished before the kill: ${stderr}`)),
    );
  });
  await new Promise((r) =>
    child.exitCode === null && child.signalCode === null ? child.once("exit", r) : r(null),
  );
  return stderr;
}

test("import on PostgreSQL beside a running server: killed mid-way, run again, every file once", async (t) => {
  if (!process.env.TEST_DATABASE_URL) {
    t.skip("TEST_DATABASE_URL is not set: the command and a server share a PostgreSQL database");
    return;
  }
  const db = await openTestDatabase("postgres");
  const data = mkdtempSync(join(tmpdir(), "vanthu-import-cli-"));
  const { inbox, hashes } = makeInbox(data);
  const env = {
    DATABASE_URL: db.url!,
    DATA_DIR: data,
    DEMO: "1",
    DEMO_SIGNING: "0",
    LOG_LEVEL: "silent",
    IMPORT_LEASE_SECONDS: "3",
    READER_WORKERS: "1",
  };
  const server = await startServer(loadConfig({ ...env, PORT, HOST: "127.0.0.1" }), {
    print: () => {},
    logger: false,
  });
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  try {
    // First run, in its own process, killed once a few files are done.
    const stderr = await importKilled(inbox, env);
    assert.match(stderr, /\d+\/24 \(\d+%\)/, "progress on stderr");

    // Run again (here): what was imported is skipped, the rest read (by this command and the
    // server); what the killed run was reading is taken again when its lease runs out.
    Object.assign(process.env, { DATABASE_URL: db.url!, DATA_DIR: data });
    const again = await run(["import", inbox, "--as", "stttt-ls.vanthu"]);
    assert.equal(again.code, 1, "one file is broken");
    const m = /Nhập 24 tệp: (\d+) mới, (\d+) đã có từ trước, 1 lỗi\./.exec(again.out);
    assert.ok(m, again.out);
    assert.equal(Number(m[1]) + Number(m[2]), 23);
    assert.ok(Number(m[2]) >= 2, `the killed run's files are skipped: ${again.out}`);
    assert.match(again.err, /hong\.pdf: .*CORRUPT_FILE/);
    assert.match(again.err, /24\/24 \(100%\)/);
    t.diagnostic(`killed: ${stderr.trim().split("\n").pop()}; again: ${again.out}`);

    // Every item of both runs settles (the server takes the killed run's leftovers).
    const until = Date.now() + 60_000;
    for (;;) {
      const open = await db.db
        .selectFrom("import_items")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "in", ["queued", "reading"])
        .executeTakeFirstOrThrow();
      if (Number(open.n) === 0) break;
      assert.ok(Date.now() < until, `${open.n} items still open`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const seen = await documentCopies(db.db, hashes);
    assert.equal(seen.size, 24, "22 letters and a file of two");
    assert.deepEqual([...new Set(seen.values())], [1], "none twice");

    const third = await run(["import", inbox, "--as", "stttt-ls.vanthu"]);
    assert.match(third.out, /Nhập 24 tệp: 0 mới, 23 đã có từ trước, 1 lỗi\./);
  } finally {
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    await server.close();
    await db.close();
    rmSync(data, { recursive: true, force: true });
  }
});

test("import on PGlite killed mid-way: run again, it reads the rest and settles what the killed run left", async (t) => {
  const data = mkdtempSync(join(tmpdir(), "vanthu-import-cli-"));
  const { inbox, hashes } = makeInbox(data);
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  process.env.DATA_DIR = data;
  delete process.env.DATABASE_URL;
  try {
    assert.equal(
      (
        await run([
          "agency",
          "add",
          "stttt-ls",
          "--name",
          "Sở Thông tin và Truyền thông",
          "--abbr",
          "STTTT",
        ])
      ).code,
      0,
    );
    const user = await run([
      "user",
      "add",
      "stttt-ls.vanthu",
      "--agency",
      "stttt-ls",
      "--role",
      "clerk",
    ]);
    assert.equal(user.code, 0, user.err);
    const env: Record<string, string> = {
      DATA_DIR: data,
      IMPORT_LEASE_SECONDS: "3",
      READER_WORKERS: "1",
    };
    const stderr = await importKilled(inbox, { ...env, DATABASE_URL: "" });
    // The killed run's leases (3 s) have run out before the next one.
    await new Promise((r) => setTimeout(r, 3500));
    const again = await run(["import", inbox, "--as", "stttt-ls.vanthu"]);
    const m = /Nhập 24 tệp: (\d+) mới, (\d+) đã có từ trước, 1 lỗi\./.exec(again.out);
    assert.ok(m, again.out + again.err);
    assert.equal(Number(m[1]) + Number(m[2]), 23);
    assert.ok(Number(m[1]) >= 1 && Number(m[2]) >= 2, again.out);
    t.diagnostic(`killed: ${stderr.trim().split("\n").pop()}; again: ${again.out}`);
    const handle = await openDatabase({ dataDir: join(data, "db") });
    try {
      const open = await handle.db
        .selectFrom("import_items")
        .select(["status"])
        .where("status", "in", ["queued", "reading"])
        .execute();
      assert.deepEqual(open, [], "nothing of the killed run is left in the queue");
      const seen = await documentCopies(handle.db, hashes);
      assert.equal(seen.size, 24);
      assert.deepEqual([...new Set(seen.values())], [1], "none twice");
    } finally {
      await handle.close();
    }
  } finally {
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    rmSync(data, { recursive: true, force: true });
  }
});
