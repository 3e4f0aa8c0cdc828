/**
 * The route declarations themselves: well-formed keys, inputs that fit their method, and replies
 * that refuse what they do not name (strict objects all the way down, the stored content of a
 * document and the OpenAPI document excepted), so that the server's reply check catches a raw
 * column or a stray field.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import {
  documentContent,
  endpoints,
  fillPath,
  pathParams,
  splitKey,
  type ApiParams,
  type EndpointSpec,
} from "@vanthu/contract";

const specs = Object.entries(endpoints) as Array<[string, EndpointSpec]>;

test("every key is METHOD /api/path, each input fits its method", () => {
  assert.ok(specs.length > 40);
  for (const [key, spec] of specs) {
    assert.match(key, /^(GET|POST|PUT|PATCH|DELETE) \/api(\/[a-z-]+|\/:[A-Za-z]+)+$/, key);
    const { method } = splitKey(key);
    if (method === "GET") assert.ok(!spec.body && !spec.upload, `${key}: a GET takes no body`);
    else assert.ok(!spec.query, `${key}: only a GET takes a query`);
    assert.ok(!(spec.body && spec.upload), `${key}: JSON or multipart, not both`);
    if (spec.bodyOf) assert.ok(spec.body, `${key}: bodyOf picks among the body's schemas`);
    if (spec.roles) assert.equal(spec.auth, "session", `${key}: roles need a session`);
    assert.ok(spec.summary.trim() && spec.replies.trim(), `${key}: described`);
  }
});

test("a path is filled with its parameters, each encoded", () => {
  const key = "GET /api/documents/:id/files/:name";
  assert.deepEqual(pathParams(splitKey(key).path), ["id", "name"]);
  const params: ApiParams<typeof key> = { id: "a1", name: "Công văn 01/2026.pdf" };
  assert.equal(
    fillPath(splitKey(key).path, params),
    "/api/documents/a1/files/C%C3%B4ng%20v%C4%83n%2001%2F2026.pdf",
  );
  assert.throws(() => fillPath("/api/documents/:id", {}), /missing path parameter id/);
});

/** The objects of a schema that accept keys they do not name, by path. */
function looseObjects(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema) || schema === documentContent) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (s: unknown, p: string) => looseObjects(s as z.ZodType, p, seen);
  switch (def.type) {
    case "object": {
      const strict = (def.catchall as z.ZodType | undefined)?._zod.def.type === "never";
      const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
      return [
        ...(strict ? [] : [path]),
        ...Object.entries(shape).flatMap(([k, v]) => inner(v, `${path}.${k}`)),
      ];
    }
    case "array":
      return inner(def.element, `${path}[]`);
    case "record":
      return inner(def.valueType, `${path}{}`);
    case "nullable":
    case "optional":
    case "default":
    case "prefault":
      return inner(def.innerType, path);
    case "union":
      return (def.options as z.ZodType[]).flatMap((o, i) => inner(o, `${path}|${i}`));
    case "tuple":
      return (def.items as z.ZodType[]).flatMap((o, i) => inner(o, `${path}[${i}]`));
    default:
      return [];
  }
}

test("every JSON reply is strict: a field the contract does not name is refused", () => {
  const loose = specs
    .filter(([key, spec]) => !("kind" in spec.reply) && key !== "GET /api/docs")
    .flatMap(([key, spec]) => looseObjects(spec.reply as z.ZodType, key));
  assert.deepEqual(loose, []);
  // And the check sees through the tree of follow-ons (a recursive schema).
  const chain = endpoints["GET /api/documents/:id/chain"].reply;
  const leaf = {
    document: {
      id: "00000000-0000-0000-0000-000000000001",
      direction: "outgoing",
      status: "issued",
      reference: "01/STTTT-TTBCXB",
      typeCode: "CV",
      typeName: "Công văn",
      subject: "thử",
      issuer: "Sở Thông tin và Truyền thông",
      date: "2026-11-20",
      isPublic: false,
      createdAt: "2026-11-20T02:00:00.000Z",
      urgency: null,
      secrecy: null,
    },
    agency: "Sở Thông tin và Truyền thông",
    children: [],
  };
  assert.ok(chain.safeParse({ ...leaf, children: [leaf] }).success);
  const raw = { ...leaf, document: { ...leaf.document, created_at: leaf.document.createdAt } };
  assert.equal(chain.safeParse({ ...leaf, children: [raw] }).success, false);
});
