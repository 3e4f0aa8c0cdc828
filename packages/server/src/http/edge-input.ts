/**
 * One check at the edge for input no route can use: a NUL byte (PostgreSQL refuses it in text,
 * which used to surface as a 500 at ten entry points) in the path, the query, a JSON body or a
 * multipart field, and a query parameter given twice (`/?q=a&q=b` handed an array to code that
 * expects a string). Both are refused with 400 and a stable code before any handler or database
 * work. A repeated parameter is refused rather than "first one wins": no route takes a list from
 * the query, and guessing which value the client meant hides the mistake (and lets a proxy and
 * the server disagree about the value, HTTP parameter pollution).
 */
import type { FastifyInstance } from "fastify";
import { fail, type Issue } from "../errors.ts";

export const hasNul = (s: string): boolean => s.includes("\0");

/**
 * The first place in a parsed JSON value where a string or key holds a NUL byte. Every node is
 * visited (an explicit stack, so depth cannot overflow the call stack): jsonb columns refuse
 * \u0000 at any depth. Linear in the body, which is at most 4 MB.
 */
export function findNul(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, "(body)"]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (hasNul(v)) return path;
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    const top = path === "(body)";
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], top ? String(i) : `${path}.${i}`]);
      continue;
    }
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const here = top ? key : `${path}.${key}`;
      if (hasNul(key)) return here;
      stack.push([child, here]);
    }
  }
  return null;
}

const nulIssue = (path: string): Issue[] => [
  { path, message: "Có ký tự rỗng (NUL) không hợp lệ; hãy bỏ ký tự này rồi gửi lại." },
];

/** Refuses a NUL in `value` (a multipart field or file name read by a handler). */
export function assertNoNul(value: string, path: string): void {
  if (hasNul(value)) throw fail("INVALID_CHARACTERS", `NUL byte in ${path}`, nulIssue(path));
}

/** The edge check of a request's URL and query: null when it passes. */
function urlProblem(url: string, query: Record<string, unknown> | undefined): Error | null {
  if (hasNul(url) || (url.includes("%") && /%00/i.test(url)))
    return fail("INVALID_CHARACTERS", "NUL byte in the URL", nulIssue("(url)"));
  if (query)
    for (const key in query) {
      const value = query[key];
      if (Array.isArray(value))
        return fail("REPEATED_PARAMETER", `query parameter ${key} given ${value.length} times`, [
          { path: key, message: `Tham số “${key}” chỉ được có một giá trị.` },
        ]);
    }
  return null;
}

/** Synchronous hooks: an async one costs a promise and a turn of the loop on every request. */
export function registerEdgeChecks(app: FastifyInstance): void {
  // onRequest: before the session lookup and before the body is read.
  app.addHook("onRequest", (request, _reply, done) => {
    const url = request.raw.url ?? request.url;
    done(urlProblem(url, request.query as Record<string, unknown> | undefined) ?? undefined);
  });
  // preValidation: the JSON body is parsed by now; multipart bodies are read by the handler
  // (`readUpload`, which calls assertNoNul on the names).
  app.addHook("preValidation", (request, _reply, done) => {
    if (request.body === undefined || request.body === null || typeof request.body !== "object") {
      if (typeof request.body === "string" && hasNul(request.body))
        return done(fail("INVALID_CHARACTERS", "NUL byte in (body)", nulIssue("(body)")));
      return done();
    }
    const path = findNul(request.body);
    done(path ? fail("INVALID_CHARACTERS", `NUL byte in ${path}`, nulIssue(path)) : undefined);
  });
}
