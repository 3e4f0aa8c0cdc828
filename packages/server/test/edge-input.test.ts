/**
 * The bomb suite's second half: NUL bytes and repeated parameters on every route the running
 * application has (collected through Fastify's onRoute, so a new route is covered without anyone
 * remembering), anonymously and as a signed-in clerk, while a health check is timed alongside.
 * Every answer is a 4xx with a stable code, never a 500. On PGlite and PostgreSQL.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { DatabaseKind } from "@vanthu/db";
import { startTestApp, type Client, type Response, type TestApp } from "./helpers.ts";

const kinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

const SAMPLE: Record<string, string> = {
  id: "7d7a9f0e-2f4b-4c55-9a43-0c1f1e6a8b11",
  code: "stttt-ls",
  name: "a.pdf",
  "*": "index.html",
};

/** A route's URL with its parameters filled, one of them (or none) replaced by `nul`. */
function fill(url: string, nulParam?: string): string {
  return url.replace(/:(\w+)|\*/g, (m, name: string | undefined) => {
    const key = name ?? "*";
    return key === nulParam ? "a%00b" : (SAMPLE[key] ?? "x");
  });
}
const paramsOf = (url: string): string[] => [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? "*");

const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface Probe {
  what: string;
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** The code the edge check gives; null: any stable 4xx code. */
  code: string | null;
}

function probes(route: { method: string; url: string }): Probe[] {
  const { method } = route;
  const base = fill(route.url);
  const sep = base.includes("?") ? "&" : "?";
  const out: Probe[] = [
    {
      what: "NUL in a query value",
      method,
      url: `${base}${sep}q=a%00b`,
      code: "INVALID_CHARACTERS",
    },
    { what: "NUL in a query name", method, url: `${base}${sep}a%00=1`, code: "INVALID_CHARACTERS" },
    { what: "repeated parameter", method, url: `${base}${sep}q=a&q=b`, code: "REPEATED_PARAMETER" },
    {
      what: "repeated page",
      method,
      url: `${base}${sep}page=1&page=2&trang=1&trang=2`,
      code: "REPEATED_PARAMETER",
    },
  ];
  for (const p of paramsOf(route.url))
    out.push({ what: `NUL in :${p}`, method, url: fill(route.url, p), code: "INVALID_CHARACTERS" });
  if (WRITE.has(method)) {
    out.push(
      {
        what: "NUL in a JSON string",
        method,
        url: base,
        payload: { subject: "a\u0000b", username: "a\u0000", password: "x" },
        code: "INVALID_CHARACTERS",
      },
      {
        what: "NUL in a nested JSON string",
        method,
        url: base,
        payload: { paragraphs: ["ok", "a\u0000b"], signature: { signerName: "\u0000" } },
        code: "INVALID_CHARACTERS",
      },
      {
        what: "NUL in a JSON key",
        method,
        url: base,
        payload: { "a\u0000": 1 },
        code: "INVALID_CHARACTERS",
      },
    );
  }
  return out;
}

/** A multipart body with NUL bytes in the file name and in a field before the file. */
function multipartWithNul(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----vanthuedge";
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\na\u0000b\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function send(client: Client, p: Probe): Promise<Response> {
  // Back to the event loop between probes, as separate connections would be: a refusal at the
  // edge completes in microtasks alone, and back-to-back injects starved the health check's
  // timer (three samples in 1.5 s, one "1 s" wait that was the test's own loop, not the server).
  await new Promise((r) => setImmediate(r));
  current = `${p.method} ${p.url}`;
  sent++;
  return client.request(p.method, p.url, p.payload, p.headers ?? {});
}

function check(res: Response, p: Probe, who: string): string | null {
  const where = `${who} ${p.method} ${p.url} (${p.what}): ${res.status} ${JSON.stringify(res.body)}`;
  if (res.status >= 500) return where;
  if (res.status < 400) return where;
  const code = res.body?.error?.code;
  if (typeof code !== "string" || !/^[A-Z_]+$/.test(code)) return where;
  if (p.code && code !== p.code) return where;
  if (typeof res.body.error.message !== "string" || !res.body.error.message) return where;
  return null;
}

/** What the suite is sending now, named in a slow health check's message. */
let current = "";
let sent = 0;

/** Health-check latencies measured every 20 ms while `work` runs, with what was being sent. */
async function timedHealth(
  t: TestApp,
  work: () => Promise<void>,
): Promise<Array<[number, string]>> {
  const times: Array<[number, string]> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      const during = current;
      const res = await t.app.inject({ method: "GET", url: "/api/health" });
      assert.equal(res.statusCode, 200);
      times.push([performance.now() - start, `${during} .. ${current}`]);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await loop;
  }
  return times;
}

function assertFast(times: Array<[number, string]>): string {
  // The work may be quick (refusals at the edge take microseconds): one check during it suffices.
  assert.ok(times.length >= 1, `${times.length} health checks`);
  const worst = times.reduce((a, b) => (b[0] > a[0] ? b : a));
  assert.ok(worst[0] < 200, `health check ${worst[0].toFixed(0)} ms during ${worst[1]}`);
  return `${sent} requests so far; ${times.length} health checks, slowest ${worst[0].toFixed(0)} ms`;
}

for (const kind of kinds) {
  describe(`edge input on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("the routes are collected from the running app", () => {
      const urls = new Set(t.app.routeList.map((r) => r.url));
      for (const u of ["/", "/van-ban/:id", "/feed.atom", "/api/auth/login", "/api/search"])
        assert.ok(urls.has(u), u);
      assert.ok(t.app.routeList.length > 40, String(t.app.routeList.length));
    });

    test("every anonymous route: NUL bytes and repeated parameters give 400 with a code", async (c) => {
      const anon = t.anonymous();
      const anonymous: Array<{ method: string; url: string }> = [];
      for (const route of t.app.routeList) {
        if (route.method === "HEAD" || route.method === "OPTIONS") continue;
        const res = await anon.request(route.method, fill(route.url));
        if (res.status !== 401) anonymous.push(route);
      }
      // The portal, the feeds, login, health, the web app: at least these answer anonymously.
      for (const u of ["/", "/co-quan/:code", "/feed.atom", "/van-ban/:id", "/api/auth/login"])
        assert.ok(
          anonymous.some((r) => r.url === u),
          `${u} among ${anonymous.map((r) => r.url).join(", ")}`,
        );
      c.diagnostic(`${anonymous.length} anonymous routes of ${t.app.routeList.length}`);
      const failures: string[] = [];
      const times = await timedHealth(t, async () => {
        for (const route of anonymous)
          for (const p of probes(route)) {
            const bad = check(await send(anon, p), p, "anonymous");
            if (bad) failures.push(bad);
          }
      });
      assert.deepEqual(failures, []);
      c.diagnostic(assertFast(times));
    });

    test("every route signed in: the same, refused before the handler", async (c) => {
      const clerk = await t.login("stttt-ls.vanthu");
      const failures: string[] = [];
      const times = await timedHealth(t, async () => {
        for (const route of t.app.routeList) {
          if (route.method === "HEAD" || route.method === "OPTIONS") continue;
          if (route.url === "/api/auth/logout") continue; // would end the session under test
          for (const p of probes(route)) {
            const bad = check(await send(clerk, p), p, "clerk");
            if (bad) failures.push(bad);
          }
        }
      });
      assert.deepEqual(failures, []);
      c.diagnostic(assertFast(times));
      // Still signed in: nothing above reached a handler that changes state.
      assert.equal((await clerk.get("/api/auth/me")).status, 200);
    });

    test("a NUL byte in a multipart field or file name: never a 500, refused by an upload", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const { payload, headers } = multipartWithNul();
      const before = await t.ctx.db
        .selectFrom("files")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const failures: string[] = [];
      for (const route of t.app.routeList.filter((r) => r.method === "POST")) {
        if (route.url === "/api/auth/logout") continue;
        const p: Probe = {
          what: "NUL in multipart",
          method: "POST",
          url: fill(route.url),
          payload,
          headers,
          code: null,
        };
        // Routes that take no body ignore it (notifications/read answers 200); none may fail.
        const res = await send(clerk, p);
        if (res.status >= 500) failures.push(`${p.url}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      assert.deepEqual(failures, []);
      const res = await clerk.request("POST", "/api/documents/import", payload, headers);
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, "INVALID_CHARACTERS");
      const afterCount = await t.ctx.db
        .selectFrom("files")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n));
    });

    test("the reproduced cases: portal search with NUL, /?q=a&q=b, login with NUL", async () => {
      const anon = t.anonymous();
      const cases: Array<[string, string, unknown, string]> = [
        ["GET", "/?q=a%00", undefined, "INVALID_CHARACTERS"],
        ["GET", "/?q=a&q=b", undefined, "REPEATED_PARAMETER"],
        ["GET", "/co-quan/stttt-ls?q=%00", undefined, "INVALID_CHARACTERS"],
        ["GET", "/api/search?q=%00", undefined, "INVALID_CHARACTERS"],
        ["POST", "/api/auth/login", { username: "a\u0000", password: "x" }, "INVALID_CHARACTERS"],
      ];
      for (const [method, url, payload, code] of cases) {
        const res = await anon.request(method, url, payload);
        assert.equal(res.status, 400, `${method} ${url}`);
        assert.equal(res.body.error.code, code, `${method} ${url}`);
        assert.match(res.body.error.message, /[ạ-ỹ]/u, "a Vietnamese message");
      }
      // Deep in a body (jsonb columns refuse \u0000 at any depth): every node is searched.
      const depth = 5000;
      const deep = `{"username":"x","password":"y","deep":${"[".repeat(depth)}"a\\u0000"${"]".repeat(depth)}}`;
      const res = await anon.request("POST", "/api/auth/login", deep, {
        "content-type": "application/json",
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, "INVALID_CHARACTERS");
    });
  });
}
