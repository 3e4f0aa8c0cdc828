/**
 * Which failures mean "the database cannot be reached right now" (answered with 503 and
 * DATABASE_UNAVAILABLE) and which are ordinary errors (a bad query, a constraint) that must not
 * be disguised as an outage.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildApp, ERRORS } from "@vanthu/server";
import { isDatabaseUnavailable } from "../src/database-unavailable.ts";
import { unreachableDatabase } from "./unreachable-database.ts";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

const CASES: [name: string, error: unknown, unavailable: boolean][] = [
  ["refused (server down)", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"), true],
  ["reset by peer", withCode("ECONNRESET", "read ECONNRESET"), true],
  ["broken pipe", withCode("EPIPE", "write EPIPE"), true],
  ["tcp timeout", withCode("ETIMEDOUT"), true],
  ["host unreachable", withCode("EHOSTUNREACH"), true],
  ["connection lost mid-query", new Error("Connection terminated unexpectedly"), true],
  ["pool connect timeout", new Error("Connection terminated due to connection timeout"), true],
  ["pool acquire timeout", new Error("timeout exceeded when trying to connect"), true],
  [
    "client already broken",
    new Error("Client has encountered a connection error and is not queryable"),
    true,
  ],
  ["SQLSTATE 08006 connection_failure", withCode("08006"), true],
  ["SQLSTATE 08001 cannot establish", withCode("08001"), true],
  ["57P01 admin_shutdown (pg_terminate_backend)", withCode("57P01"), true],
  ["57P02 crash_shutdown", withCode("57P02"), true],
  ["57P03 cannot_connect_now (starting up)", withCode("57P03"), true],
  [
    "several addresses refused (AggregateError)",
    new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed"),
    true,
  ],
  ["wrapped in a cause", new Error("query failed", { cause: withCode("ECONNRESET") }), true],
  ["unique violation", withCode("23505", "duplicate key value"), false],
  ["syntax error", withCode("42601", "syntax error at or near"), false],
  ["query canceled (statement timeout)", withCode("57014"), false],
  ["wrong password", withCode("28P01"), false],
  ["database does not exist", withCode("3D000"), false],
  ["an ordinary bug", new TypeError("cannot read properties of undefined"), false],
  ["file not found", withCode("ENOENT"), false],
  ["not an error", "Connection terminated", false],
  ["nothing", undefined, false],
];

for (const [name, error, unavailable] of CASES)
  test(`database unavailable? ${name}: ${unavailable}`, () => {
    assert.equal(isDatabaseUnavailable(error), unavailable);
  });

test("a cycle of causes does not loop", () => {
  const a = new Error("a") as Error & { cause?: unknown };
  const b = new Error("b", { cause: a });
  a.cause = b;
  assert.equal(isDatabaseUnavailable(a), false);
});

/**
 * The HTTP side, on a database nobody listens on (a closed loopback port: ECONNREFUSED at once):
 * the health check, the session hook and a route all give the same 503.
 */
test("unreachable database: health, session hook and routes answer 503 DATABASE_UNAVAILABLE with Retry-After", async () => {
  const unreachable = unreachableDatabase(4212, { LOG_LEVEL: "silent" });
  const { app } = await buildApp(unreachable.ctx, { logger: false });
  try {
    const cases: [name: string, url: string, headers: Record<string, string>][] = [
      ["health", "/api/health", {}],
      [
        "session hook",
        "/api/auth/me",
        { cookie: "vanthu_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
      ],
      ["an anonymous page (the portal)", "/", {}],
      ["login", "/api/auth/login", {}],
    ];
    for (const [name, url, headers] of cases) {
      const res =
        name === "login"
          ? await app.inject({
              method: "POST",
              url,
              payload: { username: "stttt-ls.vanthu", password: "demo" },
            })
          : await app.inject({ method: "GET", url, headers });
      const body = res.json() as { status?: string; error: { code: string; message: string } };
      assert.equal(res.statusCode, 503, `${name}: ${res.body}`);
      assert.equal(body.error.code, "DATABASE_UNAVAILABLE", name);
      assert.equal(body.error.message, ERRORS.DATABASE_UNAVAILABLE.vi, name);
      assert.equal(res.headers["retry-after"], "5", name);
      if (name === "health") assert.equal(body.status, "unavailable");
    }
  } finally {
    await app.close();
    await unreachable.close();
  }
});
