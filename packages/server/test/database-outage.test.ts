/**
 * The database connection can come and go (PostgreSQL only): the real server, as a child process
 * under a small load, survives its connections being terminated (idle and mid-query), answers 503
 * DATABASE_UNAVAILABLE while the database is cut off, and recovers by itself when it is back,
 * background jobs included. The cut is made by a TCP proxy this file controls, so the shared
 * PostgreSQL server that other test files use is never stopped.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openTestDatabase, type TestDatabase } from "@vanthu/db";

const BIN = fileURLToPath(new URL("../../cli/bin/vanthu.js", import.meta.url));
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const PROXY_PORT = 4210;
const SERVER_PORT = 4211;
/** The pool's connection timeout (packages/db/src/connect.ts) plus room for a loaded machine. */
const FAIL_FAST_MS = 5_000 + 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!ADMIN_URL)
  test(
    "database outage: skipped, TEST_DATABASE_URL is not set (PostgreSQL only)",
    {
      skip: "set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres",
    },
    () => {},
  );

/** A TCP proxy to the shared PostgreSQL: "cut" destroys every piped socket and refuses new ones. */
class CutProxy {
  private server: Server;
  private sockets = new Set<Socket>();
  private mode: "open" | "refuse" | "hang" = "open";
  constructor(
    private target: { host: string; port: number },
    initial: "open" | "refuse" = "open",
  ) {
    this.mode = initial;
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => {});
      if (this.mode === "refuse") return void socket.destroy();
      if (this.mode === "hang") return; // accepted, never answered: only a timeout ends it
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on("close", () => {
        this.sockets.delete(upstream);
        socket.destroy();
      });
      upstream.on("error", () => {});
      socket.on("close", () => upstream.destroy());
      socket.pipe(upstream).pipe(socket);
    });
  }
  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.server.listen(port, "127.0.0.1", resolve));
  }
  cut(mode: "refuse" | "hang" = "refuse"): void {
    this.mode = mode;
    for (const s of this.sockets) s.destroy();
  }
  restore(): void {
    this.mode = "open";
  }
  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Child {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `vanthu serve` on DATABASE_URL and resolves once it listens. */
function serve(
  databaseUrl: string,
  env: Record<string, string> = {},
  onOutput: (out: string) => void = () => {},
): Promise<Child> {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-outage-"));
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(SERVER_PORT),
      DEMO: "1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      JOBS_EVERY_SECONDS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      onOutput(out);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}:\n${out.slice(-4000)}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "stttt-ls.vanthu", password: "demo" }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

interface Outcome {
  path: string;
  status: number;
  code: string | null;
  retryAfter: string | null;
  ms: number;
  at: number;
}

async function call(url: string, path: string, cookie?: string): Promise<Outcome> {
  const start = Date.now();
  try {
    const res = await fetch(`${url}${path}`, {
      headers: cookie ? { cookie } : {},
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { error?: { code?: string } };
    return {
      path,
      status: res.status,
      code: body.error?.code ?? null,
      retryAfter: res.headers.get("retry-after"),
      ms: Date.now() - start,
      at: start,
    };
  } catch (e) {
    // The process died or hung: the assertion below reports it.
    return {
      path,
      status: 0,
      code: String(e),
      retryAfter: null,
      ms: Date.now() - start,
      at: start,
    };
  }
}

/** A bounded load: `workers` loops of health and a logged-in list until stopped (or 5,000 calls). */
function load(url: string, cookie: string, workers = 3) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const loops = Array.from({ length: workers }, async (_, i) => {
    for (let n = 0; n < 5_000 && !stopped; n++) {
      outcomes.push(await call(url, i % 2 ? "/api/health" : "/api/documents?box=outgoing", cookie));
      await sleep(20);
    }
  });
  return {
    outcomes,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** Every answer is a 200 or the outage's 503 with its code and Retry-After; never a 500 or no answer. */
function assertOnly200Or503(outcomes: Outcome[]): void {
  for (const o of outcomes) {
    if (o.status === 200) continue;
    assert.equal(o.status, 503, `${o.path}: ${o.status} ${o.code}`);
    assert.equal(o.code, "DATABASE_UNAVAILABLE", o.path);
    assert.ok(o.retryAfter, `${o.path}: Retry-After`);
  }
}

async function waitFor200(url: string, path: string, cookie: string, limitMs: number) {
  const start = Date.now();
  for (;;) {
    const o = await call(url, path, cookie);
    if (o.status === 200) return Date.now() - start;
    if (Date.now() - start > limitMs)
      assert.fail(`no 200 within ${limitMs} ms: ${o.status} ${o.code}`);
    await sleep(100);
  }
}

if (ADMIN_URL) {
  let database: TestDatabase;
  let admin: pg.Client;
  const dbName = () => new URL(database.url!).pathname.slice(1);

  before(async () => {
    database = await openTestDatabase("postgres");
    // Migrated; the child seeds the demo world on its first start. Our own pool is closed here
    // so that only the server's connections are in pg_stat_activity (and the drop is ours).
    await database.db.destroy();
    admin = new pg.Client({ connectionString: database.url! });
    await admin.connect();
  });
  after(async () => {
    await admin?.end();
    if (!database) return;
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName()} WITH (FORCE)`);
    await c.end();
  });

  /** Terminates every connection the server holds (not ours); returns how many. */
  const terminateServerConnections = async () => {
    const r = await admin.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [dbName()],
    );
    return r.rows.length;
  };

  test("postgres: terminating the server's connections, idle and mid-query, under load: it stays up and answers", async () => {
    const server = await serve(database.url!);
    let running: ReturnType<typeof load> | undefined;
    try {
      const cookie = await login(server.url);
      running = load(server.url, cookie);
      await sleep(500);
      // Idle connections (and whatever runs at that instant).
      const idle = await terminateServerConnections();
      assert.ok(idle > 0, "the server had connections to terminate");
      await sleep(500);
      // A running query: the list waits on a lock we hold, then its backend is terminated.
      await admin.query("BEGIN");
      await admin.query("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE");
      const blocked = call(server.url, "/api/documents?box=outgoing", cookie);
      for (let i = 0; i < 100; i++) {
        const waiting = await admin.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
          [dbName()],
        );
        // The load's two list loops wait on the lock too: the request under test is the third.
        if (waiting.rows.length >= 3) break;
        await sleep(50);
      }
      await terminateServerConnections();
      await admin.query("ROLLBACK");
      const midQuery = await blocked;
      assert.equal(midQuery.status, 503, `mid-query: ${midQuery.status} ${midQuery.code}`);
      assert.equal(midQuery.code, "DATABASE_UNAVAILABLE");
      await sleep(1_000);
      const outcomes = await running.stop();
      assert.equal(
        server.child.exitCode,
        null,
        `the server died:\n${server.output().slice(-3000)}`,
      );
      assertOnly200Or503(outcomes);
      assert.match(server.output(), /database connection lost/, "the lost connections are logged");
      const failed = outcomes.filter((o) => o.status !== 200).length;
      console.log(
        `  terminate: ${outcomes.length} requests under load, ${failed} answered 503, the rest 200; process alive`,
      );
      assert.ok((await waitFor200(server.url, "/api/documents?box=outgoing", cookie, 5_000)) >= 0);
    } finally {
      await running?.stop();
      await stop(server.child);
    }
  });

  test("postgres: the database cut off and back through a proxy: 503 during, 200 within seconds after, jobs run again", async () => {
    const proxy = new CutProxy({
      host: new URL(ADMIN_URL).hostname,
      port: Number(new URL(ADMIN_URL).port || 5432),
    });
    await proxy.listen(PROXY_PORT);
    const viaProxy = new URL(database.url!);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(PROXY_PORT);
    const server = await serve(viaProxy.toString());
    let running: ReturnType<typeof load> | undefined;
    try {
      const cookie = await login(server.url);
      running = load(server.url, cookie);
      await sleep(500);

      // Cut: connections dropped, new ones refused.
      proxy.cut("refuse");
      const cutAt = Date.now();
      await sleep(2_000);
      const during = await call(server.url, "/api/documents?box=outgoing", cookie);
      assert.equal(during.status, 503);
      assert.equal(during.code, "DATABASE_UNAVAILABLE");
      const health = await fetch(`${server.url}/api/health`);
      assert.equal(health.status, 503);
      assert.equal(((await health.json()) as { status: string }).status, "unavailable");
      assert.ok(health.headers.get("retry-after"));

      // A database that accepts and never answers (a dead host): requests still end, in time.
      proxy.cut("hang");
      const hangAt = Date.now();
      const hung = await call(server.url, "/api/documents?box=outgoing", cookie);
      const hangEnd = Date.now();
      assert.equal(hung.status, 503, `hang: ${hung.status} ${hung.code}`);
      assert.ok(hung.ms < FAIL_FAST_MS, `hang answered in ${hung.ms} ms`);
      proxy.cut("refuse");

      // Restore: the next requests open fresh connections.
      proxy.restore();
      const restoredAt = Date.now();
      const recoveryMs = await waitFor200(
        server.url,
        "/api/documents?box=outgoing",
        cookie,
        10_000,
      );
      const outcomes = await running.stop();
      console.log(
        `  cut off for ${restoredAt - cutAt} ms; first 200 ${recoveryMs} ms after restore`,
      );
      assert.equal(server.child.exitCode, null);
      assertOnly200Or503(outcomes);
      const cutOutcomes = outcomes.filter((o) => o.at > cutAt + 200 && o.at + o.ms < restoredAt);
      assert.ok(cutOutcomes.length > 0, "requests were made during the cut");
      for (const o of cutOutcomes) assert.equal(o.status, 503, `${o.path} during the cut`);
      const slowest = Math.max(...cutOutcomes.map((o) => o.ms));
      const refused = cutOutcomes.filter((o) => o.at + o.ms < hangAt || o.at > hangEnd);
      console.log(
        `  during the cut: ${cutOutcomes.length} requests, all 503, slowest ${slowest} ms; ` +
          `database refusing: slowest ${Math.max(...refused.map((o) => o.ms))} ms; ` +
          `database accepting and silent: ${hung.ms} ms`,
      );
      assert.ok(slowest < FAIL_FAST_MS, `slowest answer during the cut: ${slowest} ms`);
      assert.ok(recoveryMs < 5_000, `recovered in ${recoveryMs} ms`);

      // The job loop lived through it: a job made due now is run within seconds.
      await admin.query(
        `UPDATE jobs SET run_at = now() - interval '1 second' WHERE done_at IS NULL AND kind = 'recurring:reminders'`,
      );
      const since = new Date();
      let ran = false;
      for (let i = 0; i < 100 && !ran; i++) {
        await sleep(100);
        const r = await admin.query(
          `SELECT 1 FROM jobs WHERE kind = 'recurring:reminders' AND done_at >= $1`,
          [new Date(since.getTime() - 2_000)],
        );
        ran = r.rows.length > 0;
      }
      assert.ok(
        ran,
        `the job loop did not run a due job after the outage:\n${server.output().slice(-3000)}`,
      );
      const paused = server.output().split("background jobs paused").length - 1;
      assert.equal(paused, 1, "the job loop logs an outage once, not once per tick");
      assert.match(server.output(), /background jobs resumed/);
    } finally {
      await running?.stop();
      await stop(server.child);
      await proxy.close();
    }
  });

  test("postgres: started while the database is down, the server waits and starts when it is back", async () => {
    const proxy = new CutProxy(
      { host: new URL(ADMIN_URL).hostname, port: Number(new URL(ADMIN_URL).port || 5432) },
      "refuse",
    );
    await proxy.listen(PROXY_PORT);
    const viaProxy = new URL(database.url!);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(PROXY_PORT);
    try {
      // A bounded wait: gives up with a clear message and exit code 1.
      const gaveUp = await serve(viaProxy.toString(), { DATABASE_WAIT_SECONDS: "2" }).then(
        (s) => (stop(s.child), assert.fail("started without a database")),
        (e: Error) => e.message,
      );
      assert.match(gaveUp, /exited with 1/);
      assert.match(gaveUp, /PostgreSQL/);
      // Back 2 s after the server said it waits: it starts.
      let restoring = false;
      const server = await serve(viaProxy.toString(), { DATABASE_WAIT_SECONDS: "60" }, (out) => {
        if (restoring || !/waiting for PostgreSQL/.test(out)) return;
        restoring = true;
        setTimeout(() => proxy.restore(), 2_000);
      });
      try {
        assert.match(server.output(), /waiting for PostgreSQL/);
        const health = await call(server.url, "/api/health");
        assert.equal(health.status, 200);
      } finally {
        await stop(server.child);
      }
    } finally {
      await proxy.close();
    }
  });
}
