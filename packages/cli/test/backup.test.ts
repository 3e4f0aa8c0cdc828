/**
 * `vanthu backup` and `vanthu restore` round trip: a demo world with an imported file, backed
 * up, restored into a fresh DATA_DIR (and a fresh PostgreSQL database), started on, and compared
 * row by row and byte by byte; a backup with one changed byte is refused before anything is
 * written; targets with data are refused without --force.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import {
  createEmptyPostgresDatabase,
  testDatabaseKinds,
  type DatabaseKind,
  type EmptyPostgresDatabase,
} from "@vanthu/db";
import { loadConfig, startServer, type RunningServer } from "@vanthu/server";
import { runCliText as run } from "./run-cli.ts";

const EXAMPLE = readFileSync(
  new URL("../../../examples/04-cong-van-cuc-thue.txt", import.meta.url),
);
const FILE_NAME = "Công văn của Cục Thuế về việc hướng dẫn.txt";

/** Points the CLI at a data directory and, for PostgreSQL, a database. */
function useTarget(dataDir: string, databaseUrl: string | null) {
  process.env.DATA_DIR = dataDir;
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  else delete process.env.DATABASE_URL;
}

async function start(dataDir: string, databaseUrl: string | null): Promise<RunningServer> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DEMO: "1",
  });
  return startServer(config, { print: () => {}, logger: false });
}

async function login(s: RunningServer, username: string) {
  const res = await s.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "demo" },
  });
  assert.equal(res.statusCode, 200, res.body);
  return { cookie: String(res.headers["set-cookie"]).split(";")[0]!, csrf: res.json().csrfToken };
}

async function importFile(s: RunningServer): Promise<string> {
  const { cookie, csrf } = await login(s, "baolangson.vanthu");
  const boundary = "----vanthu" + randomBytes(6).toString("hex");
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${FILE_NAME}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    EXAMPLE,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await s.app.inject({
    method: "POST",
    url: "/api/documents/import",
    headers: {
      cookie,
      "x-csrf-token": csrf,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().document.id;
}

async function download(s: RunningServer, id: string): Promise<Buffer> {
  const { cookie } = await login(s, "baolangson.vanthu");
  const res = await s.app.inject({
    method: "GET",
    url: `/api/documents/${id}/files/${encodeURIComponent(FILE_NAME)}`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.rawPayload;
}

/** What must survive: every document, its files, the accounts, the registers. */
async function snapshot(s: RunningServer) {
  const q = async (query: ReturnType<typeof sql>) => (await query.execute(s.ctx.db)).rows;
  return {
    documents: await q(
      sql`SELECT id, agency_id, reference, subject, body, content, status, content_sha256 FROM documents ORDER BY id`,
    ),
    files: await q(sql`SELECT document_id, name, sha256, role FROM document_files ORDER BY 1, 2`),
    users: await q(sql`SELECT username, password_hash FROM users ORDER BY 1`),
    entries: await q(
      sql`SELECT register_id, number, document_id FROM register_entries ORDER BY 1, 2`,
    ),
  };
}

/** Every stored file's bytes, by path under DATA_DIR/files. */
function storedFiles(dataDir: string): Map<string, Buffer> {
  const root = join(dataDir, "files");
  const out = new Map<string, Buffer>();
  for (const p of readdirSync(root, { recursive: true }) as string[]) {
    const full = join(root, p);
    if (/^[0-9a-f]{64}$/.test(p.split("/").pop()!)) out.set(p, readFileSync(full));
  }
  return out;
}

/** A fresh, empty PostgreSQL database from TEST_DATABASE_URL; dropped after the tests. */
const made: EmptyPostgresDatabase[] = [];
async function emptyDatabase(): Promise<string> {
  const db = await createEmptyPostgresDatabase();
  made.push(db);
  return db.url;
}

after(async () => {
  for (const db of made) await db.drop();
});

for (const kind of testDatabaseKinds() as DatabaseKind[]) {
  describe(`backup and restore on ${kind}`, () => {
    test("round trip, then a corrupted backup and occupied targets are refused", async () => {
      const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
      const work = mkdtempSync(join(tmpdir(), "vanthu-backup-"));
      const [data1, data2, data3, backup] = ["data1", "data2", "data3", "backup"].map((d) =>
        join(work, d),
      ) as [string, string, string, string];
      try {
        const url1 = kind === "postgres" ? await emptyDatabase() : null;
        const url2 = kind === "postgres" ? await emptyDatabase() : null;
        const url3 = kind === "postgres" ? await emptyDatabase() : null;

        // Data: the demo world and an imported file.
        const first = await start(data1, url1);
        const importedId = await importFile(first);
        const before = await snapshot(first);
        assert.ok(before.documents.length > 2, `the demo world: ${before.documents.length}`);
        useTarget(data1, url1);
        await first.close();
        if (kind === "pglite") {
          // A server in another process holds the data directory (this test's parent stands in
          // for it: the lock names a live process other than this one).
          writeFileSync(join(data1, "db.lock"), String(process.ppid));
          const busy = await run(["backup", backup]);
          rmSync(join(data1, "db.lock"));
          assert.equal(busy.code, 1, "the server holds the data directory");
          assert.match(busy.err, /DATA_DIR_LOCKED/);
          assert.equal(existsSync(backup), false, "nothing written");
        }

        const made = await run(["backup", backup]);
        assert.equal(made.code, 0, made.err);
        assert.match(made.out, /manifest\.json/);
        const manifest = JSON.parse(readFileSync(join(backup, "manifest.json"), "utf8"));
        assert.equal(manifest.database, kind);
        assert.equal(manifest.documents, before.documents.length);
        assert.ok(manifest.files.count >= 1);
        if (kind === "postgres") {
          assert.match(made.out, /Đã chạy pg_dump/);
          assert.equal(manifest.databaseDump.path, "database.pgdump");
        }
        const again = await run(["backup", backup]);
        assert.equal(again.code, 1);
        assert.match(again.err, /BACKUP_TARGET_NOT_EMPTY/);

        // Restored into a fresh DATA_DIR (and database), then started on.
        useTarget(data2, url2);
        const restored = await run(["restore", backup]);
        assert.equal(restored.code, 0, restored.err);
        const second = await start(data2, url2);
        try {
          assert.deepEqual(await snapshot(second), before);
          assert.deepEqual(await download(second, importedId), EXAMPLE);
        } finally {
          await second.close();
        }
        assert.deepEqual(storedFiles(data2), storedFiles(data1));

        // An occupied target: refused, then replaced with --force (the old data kept aside).
        const occupied = await run(["restore", backup]);
        assert.equal(occupied.code, 1);
        assert.match(occupied.err, /RESTORE_TARGET_NOT_EMPTY/);
        const forced = await run(["restore", backup, "--force"]);
        assert.equal(forced.code, 0, forced.err);
        assert.match(forced.out, /before-restore/);

        // One changed byte in a stored file: refused with its path, nothing written.
        const broken = join(work, "broken");
        cpSync(backup, broken, { recursive: true });
        const victim = manifest.entries.find((e: { path: string }) => e.path.startsWith("files/"));
        const bytes = readFileSync(join(broken, victim.path));
        bytes[0] = bytes[0]! ^ 0xff;
        writeFileSync(join(broken, victim.path), bytes);
        useTarget(data3, url3);
        const refused = await run(["restore", broken]);
        assert.equal(refused.code, 1);
        assert.match(refused.err, /BACKUP_CORRUPT/);
        assert.ok(refused.err.includes(victim.path), refused.err);
        assert.equal(existsSync(join(data3, "db")) || existsSync(join(data3, "files")), false);
        rmSync(join(broken, "manifest.json"));
        const unfinished = await run(["restore", broken]);
        assert.equal(unfinished.code, 1);
        assert.match(unfinished.err, /BACKUP_NOT_FOUND/);
      } finally {
        if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
        else process.env.DATA_DIR = saved.DATA_DIR;
        if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved.DATABASE_URL;
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}
