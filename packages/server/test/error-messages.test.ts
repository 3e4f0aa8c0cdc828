/**
 * The one error table (src/error-codes.ts), entry by entry: a sensible status, a Vietnamese
 * message for people, an English one for the log. And both directions against the sources: every
 * code the server or core produces is in the table (before the table, a code without a message
 * fell back to "Đã có lỗi trong hệ thống": an empty upload, EMPTY_FILE, told the clerk the system
 * had failed), and every entry of the table is produced somewhere.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { STATUS_CODES } from "node:http";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { InjectOptions } from "fastify";
import { buildApp } from "@vanthu/server";
import { ERRORS, isErrorCode, type ErrorCode } from "../src/error-codes.ts";
import { errorBody, fail, messageOfStoredCode } from "../src/errors.ts";
import { unreachableDatabase } from "./unreachable-database.ts";

const PACKAGES = fileURLToPath(new URL("../../", import.meta.url));
const TABLE = join(PACKAGES, "server/src/error-codes.ts");
const CODES = Object.keys(ERRORS) as ErrorCode[];

/** Letters only Vietnamese has (with their diacritics), lower case. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/;

test("every entry: a 4xx or 5xx status, a Vietnamese message in NFC, an English one", () => {
  assert.ok(CODES.length > 50, `entries: ${CODES.length}`);
  for (const code of CODES) {
    const { status, vi, en } = ERRORS[code];
    assert.match(code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, `${code}: the code's spelling`);
    assert.ok(status >= 400 && status <= 599 && STATUS_CODES[status], `${code}: status ${status}`);
    assert.equal(vi, vi.normalize("NFC"), `${code}: vi is NFC`);
    assert.match(vi.toLowerCase(), VIETNAMESE, `${code}: vi has Vietnamese letters`);
    assert.match(vi, /^\p{Lu}.*\.$/su, `${code}: vi is a sentence`);
    assert.ok(en.trim().length > 0, `${code}: en`);
    assert.doesNotMatch(en.toLowerCase(), VIETNAMESE, `${code}: en is English`);
    assert.match(en, /^[A-Z].*\.$/s, `${code}: en is a sentence`);
  }
  // The statuses a client's retry logic and the monitoring read.
  assert.equal(ERRORS.INTERNAL.status, 500);
  assert.equal(ERRORS.UNAUTHENTICATED.status, 401);
  assert.equal(ERRORS.DATABASE_UNAVAILABLE.status, 503);
  assert.equal(ERRORS.VALIDATION_FAILED.status, 400);
});

test("fail(code) takes the table's status; the body says the table's Vietnamese", () => {
  for (const code of CODES) {
    const e = fail(code);
    assert.equal(e.status, ERRORS[code].status, code);
    assert.equal(e.message, ERRORS[code].en, `${code}: the log message defaults to the English`);
    assert.deepEqual(errorBody(e), { error: { code, message: ERRORS[code].vi } }, code);
  }
  const issues = [{ path: "file", message: "a.pdf" }];
  assert.deepEqual(errorBody(fail("CORRUPT_FILE", "bad", issues)).error.issues, issues);
  assert.equal(
    errorBody(fail("AGENCY_EXISTS", "taken", [], "Đã có cơ quan “Sở Y tế”.")).error.message,
    "Đã có cơ quan “Sở Y tế”.",
  );
  // A code read back from the database (an import item's): its message, or INTERNAL's.
  assert.equal(messageOfStoredCode("EMPTY_FILE"), ERRORS.EMPTY_FILE.vi);
  assert.equal(messageOfStoredCode("NO_SUCH_CODE"), ERRORS.INTERNAL.vi);
  assert.equal(isErrorCode("toString"), false);
});

test('bug: an empty or encrypted upload said "lỗi hệ thống, báo quản trị": their codes are 4xx with their own message', () => {
  for (const code of ["EMPTY_FILE", "FILE_ENCRYPTED", "LEGACY_ENCODING_VNI"] as const) {
    const e = fail(code);
    assert.ok(e.status >= 400 && e.status < 500, code);
    assert.notEqual(errorBody(e).error.message, ERRORS.INTERNAL.vi, code);
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

/** The codes an expression can be: `"X"`, `a ? "X" : "Y"`, `m[k] ?? "Z"` (not the condition's). */
function literals(node: ts.Expression, out: string[] = []): string[] {
  if (ts.isStringLiteralLike(node)) out.push(node.text);
  else if (ts.isConditionalExpression(node)) {
    literals(node.whenTrue, out);
    literals(node.whenFalse, out);
  } else if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(
      node.operatorToken.kind,
    )
  ) {
    literals(node.left, out);
    literals(node.right, out);
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))
    literals(node.expression, out);
  return out;
}

/**
 * The codes the sources produce, by file: the first argument of `fail(...)`, `new AppError(...)`
 * and core's `new DomainError(...)`, and the values of the tables that translate another
 * program's codes (`EXTRACT_CODES`, `FASTIFY_CODES`, `ROUTER_CODES`).
 */
function producedCodes(): Map<string, string[]> {
  const produced = new Map<string, string[]>();
  const add = (code: string, file: string) =>
    produced.set(code, [...(produced.get(code) ?? []), relative(PACKAGES, file)]);
  const files = ["server/src", "core/src", "cli/src"].flatMap((d) => sources(join(PACKAGES, d)));
  for (const file of files) {
    if (file === TABLE) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression.getText(source);
        const first = node.arguments?.[0];
        if (first && /^(fail|AppError|DomainError)$/.test(callee))
          for (const code of literals(first)) add(code, file);
      }
      if (
        ts.isVariableDeclaration(node) &&
        /_CODES$/.test(node.name.getText(source)) &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer) &&
        file.includes("/server/src/")
      )
        for (const p of node.initializer.properties)
          if (ts.isPropertyAssignment(p))
            for (const code of literals(p.initializer)) add(code, file);
      node.forEachChild(visit);
    };
    visit(source);
  }
  return produced;
}

test("every code the sources produce is in the table, and every entry is produced", () => {
  const produced = producedCodes();
  assert.ok(produced.size > 50, `codes produced: ${produced.size}`);
  const missing = [...produced.keys()].filter((c) => !isErrorCode(c)).sort();
  assert.deepEqual(
    missing.map((c) => `${c} (${produced.get(c)!.join(", ")})`),
    [],
    "codes without an entry",
  );
  const unused = CODES.filter((c) => !produced.has(c)).sort();
  assert.deepEqual(unused, [], "entries nothing produces");
});

/** The English goes to the log (the response keeps the Vietnamese for people). */
test("a failed request logs the code and the table's English; the body carries the Vietnamese", async () => {
  // No request below reaches the database: a pool on a closed port is never asked.
  const unreachable = unreachableDatabase(4399);
  const lines: Array<Record<string, unknown>> = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  const { app } = await buildApp(unreachable.ctx, { logger: { level: "info", stream } });
  try {
    const cases: Array<[ErrorCode, InjectOptions]> = [
      ["UNAUTHENTICATED", { method: "GET", url: "/api/auth/me" }],
      [
        "MALFORMED_JSON",
        {
          method: "POST",
          url: "/api/auth/login",
          headers: { "content-type": "application/json" },
          payload: "{",
        },
      ],
      ["NOT_FOUND", { method: "GET", url: "/api/no-such-route" }],
    ];
    for (const [code, request] of cases) {
      const res = await app.inject(request);
      assert.equal(res.statusCode, ERRORS[code].status, code);
      assert.deepEqual(res.json().error.code, code);
      assert.equal(res.json().error.message, ERRORS[code].vi, code);
    }
    for (const code of ["UNAUTHENTICATED", "MALFORMED_JSON"] as const) {
      const line = lines.find((l) => l.code === code);
      assert.ok(line, `a log line for ${code}`);
      assert.equal(line.summary, ERRORS[code].en, code);
    }
  } finally {
    await app.close();
    await unreachable.close();
  }
});
