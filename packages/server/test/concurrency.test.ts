/**
 * Two hundred documents issued by twenty clerks at once: the numbers are 01..200, none twice,
 * none skipped. On PostgreSQL the clerks talk to two server processes sharing the database (each
 * request goes to either); on PGlite, which one process owns, to one server over HTTP.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openTestDatabase, testDatabaseKinds } from "@vanthu/db";
import { loadConfig, startServer } from "@vanthu/server";
import { draftFields } from "./helpers.ts";

const CLIENTS = 20;
const PER_CLIENT = 10;
const BIN = fileURLToPath(new URL("../../cli/bin/vanthu.js", import.meta.url));

/** Starts `vanthu serve` and resolves with its URL once it listens. */
function serveProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
    env: { ...process.env, ...env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, username = "stttt-ls.vanthu"): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

async function post(url: string, s: Session, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/**
 * 20 clients: each writes 10 drafts, sent up to the leader who approves them (only an approved
 * draft is issued), then all issue at once, each request to either server.
 */
async function issueFromClients(urls: string[]): Promise<string[]> {
  const sessions = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => login(urls[i % urls.length]!)),
  );
  const leader = await login(urls[0]!, "stttt-ls.lanhdao");
  const drafts = await Promise.all(
    sessions.map(async (s, i) => {
      const ids: string[] = [];
      for (let k = 0; k < PER_CLIENT; k++) {
        const r = await post(urls[(i + k) % urls.length]!, s, "/api/documents", draftFields());
        assert.equal(r.status, 201, JSON.stringify(r.body));
        ids.push(r.body.id!);
      }
      return ids;
    }),
  );
  const reviewers = await fetch(`${urls[0]}/api/documents/${drafts[0]![0]}/reviewers`, {
    headers: { cookie: sessions[0]!.cookie },
  });
  const { items } = (await reviewers.json()) as {
    items: Array<{ id: string; title: string | null }>;
  };
  const leaderId = items.find((p) => p.title === "Lãnh đạo")!.id;
  await Promise.all(
    sessions.map(async (s, i) => {
      for (const [k, id] of drafts[i]!.entries()) {
        const url = urls[(i + k) % urls.length]!;
        const sent = await post(url, s, `/api/documents/${id}/review/submit`, {
          reviewerId: leaderId,
        });
        assert.equal(sent.status, 200, JSON.stringify(sent.body));
        const ok = await post(url, leader, `/api/documents/${id}/review/approve`, {});
        assert.equal(ok.status, 200, JSON.stringify(ok.body));
      }
    }),
  );
  const numbers = await Promise.all(
    sessions.map(async (s, i) => {
      const got: string[] = [];
      for (const [k, id] of drafts[i]!.entries()) {
        const r = await post(urls[(i + k + 1) % urls.length]!, s, `/api/documents/${id}/issue`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        got.push(r.body.number!);
      }
      return got;
    }),
  );
  return numbers.flat();
}

function assertGapless(numbers: string[]): void {
  assert.equal(numbers.length, CLIENTS * PER_CLIENT);
  const sorted = numbers.map(Number).sort((a, b) => a - b);
  assert.deepEqual(
    sorted,
    Array.from({ length: CLIENTS * PER_CLIENT }, (_, i) => i + 1),
  );
  assert.ok(numbers.includes("01") && numbers.includes("09") && numbers.includes("200"));
}

for (const kind of testDatabaseKinds()) {
  const title =
    kind === "postgres"
      ? "postgres: 200 documents from 20 clients on two server processes: 01..200, no duplicate, no gap"
      : "pglite: 200 documents from 20 clients on one server over HTTP: 01..200, no duplicate, no gap";
  test(title, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vanthu-concurrency-"));
    try {
      if (kind === "pglite") {
        const server = await startServer(
          // Numbering under contention, unsigned (signing.test.ts signs at issuing).
          loadConfig({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent", DEMO_SIGNING: "0" }),
          { print: () => {} },
        );
        try {
          assertGapless(await issueFromClients([server.url]));
        } finally {
          await server.close();
        }
        return;
      }
      const db = await openTestDatabase("postgres");
      const children: ChildProcess[] = [];
      try {
        const env = { DATABASE_URL: db.url!, DATA_DIR: dataDir, DEMO_SIGNING: "0" };
        // The first creates the demo world; the second finds it there.
        const a = await serveProcess(env);
        children.push(a.child);
        const b = await serveProcess(env);
        children.push(b.child);
        assertGapless(await issueFromClients([a.url, b.url]));
        const entries = await db.db
          .selectFrom("register_entries")
          .innerJoin("registers", "registers.id", "register_entries.register_id")
          .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("number").as("max")])
          .where("registers.book", "=", "outgoing")
          .executeTakeFirstOrThrow();
        assert.deepEqual([Number(entries.n), Number(entries.max)], [200, 200]);
      } finally {
        await Promise.all(children.map(stop));
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
