/**
 * Integration test kit: a fresh migrated database (PGlite, or PostgreSQL when TEST_DATABASE_URL
 * is set) with the demo world, the real application, requests through Fastify's inject, and a
 * clock the test moves.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "@vanthu/db";
import {
  buildApp,
  loadConfig,
  openContext,
  seedDemoWorld,
  type AppContext,
  type CollectedRoute,
  type ImportWorker,
  type ImportWorkerOptions,
  type ExchangeLoopOptions,
} from "@vanthu/server";

export interface Clock {
  now: Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: TestDatabase;
  dataDir: string;
  clock: Clock;
  /** Every route of the app, collected by Fastify's onRoute hook. */
  routes: CollectedRoute[];
  /** The app's import worker, when started (`options.imports`). */
  imports: ImportWorker | null;
  /**
   * Every reply that did not match its contract schema (each also answered 500); `close` fails
   * when there is one, so every test checks every reply it receives.
   */
  contractViolations: string[];
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Response {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
  raw: Buffer;
}

export interface Client {
  csrf: string | null;
  request(
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, payload?: unknown): Promise<Response>;
  patch(url: string, payload?: unknown): Promise<Response>;
  upload(url: string, fileName: string, bytes: Uint8Array): Promise<Response>;
  /** Many files in one multipart request (field "file" each), with fields before them. */
  uploadMany(
    url: string,
    files: Array<{ name: string; bytes: Uint8Array }>,
    fields?: Record<string, string>,
  ): Promise<Response>;
}

export async function startTestApp(
  kind: DatabaseKind,
  start = "2026-11-20T09:00:00+07:00",
  /** More environment for the config (PUBLIC_URL, TRUST_PROXY, ...). */
  env: Record<string, string> = {},
  options: {
    /**
     * Another TestApp's database and data directory (a restart): not seeded, not closed or
     * removed by this one.
     */
    db?: TestDatabase;
    dataDir?: string;
    /** Start the app's import worker with these options. */
    imports?: Partial<ImportWorkerOptions>;
    /** Start the app's exchange loop (outbox, pick-up folder) with these options. */
    exchange?: Partial<ExchangeLoopOptions>;
    /** Share a clock with another TestApp. */
    clock?: Clock;
    /** Fastify's logger options (none by default). */
    logger?: object;
  } = {},
): Promise<TestApp> {
  const shared = !!options.db;
  const db = options.db ?? (await openTestDatabase(kind));
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "vanthu-test-"));
  const clock: Clock = options.clock ?? {
    now: new Date(start),
    set(iso) {
      this.now = new Date(iso);
    },
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    MAX_UPLOAD_MB: "1",
    READER_WORKERS: "1",
    ...env,
  });
  const { ctx } = await openContext(config, { handle: db, now: () => clock.now });
  if (!shared) await seedDemoWorld(ctx);
  const contractViolations: string[] = [];
  const { app, routes, imports } = await buildApp(ctx, {
    logger: options.logger ?? false,
    checkReplies: (key, problems) => contractViolations.push(`${key}:\n${problems}`),
    ...(options.imports ? { imports: options.imports } : {}),
    ...(options.exchange ? { exchange: options.exchange } : {}),
  });
  await app.ready();

  const client = (cookie: string | null, csrf: string | null): Client => {
    const c: Client = {
      csrf,
      async request(method, url, payload, headers = {}) {
        const h: Record<string, string> = { ...headers };
        if (cookie) h.cookie = cookie;
        if (c.csrf && !("x-csrf-token" in h)) h["x-csrf-token"] = c.csrf;
        let body: string | Buffer | undefined;
        if (payload instanceof Buffer) body = payload;
        else if (typeof payload === "string") body = payload;
        else if (payload !== undefined) {
          body = JSON.stringify(payload);
          h["content-type"] ??= "application/json";
        }
        const res = await app.inject({ method: method as "GET", url, headers: h, payload: body });
        let parsed: unknown = null;
        try {
          parsed = res.json();
        } catch {
          parsed = null;
        }
        return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.rawPayload };
      },
      get: (url) => c.request("GET", url),
      post: (url, payload) => c.request("POST", url, payload),
      patch: (url, payload) => c.request("PATCH", url, payload),
      async uploadMany(url, files, fields = {}) {
        const boundary = "----vanthu" + Math.random().toString(16).slice(2);
        const parts: Buffer[] = [];
        for (const [name, value] of Object.entries(fields))
          parts.push(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
            ),
          );
        for (const f of files)
          parts.push(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
            Buffer.from(f.bytes),
            Buffer.from("\r\n"),
          );
        parts.push(Buffer.from(`--${boundary}--\r\n`));
        return c.request("POST", url, Buffer.concat(parts), {
          "content-type": `multipart/form-data; boundary=${boundary}`,
        });
      },
      async upload(url, fileName, bytes) {
        const boundary = "----vanthu" + Math.random().toString(16).slice(2);
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        );
        const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
        return c.request("POST", url, Buffer.concat([head, Buffer.from(bytes), tail]), {
          "content-type": `multipart/form-data; boundary=${boundary}`,
        });
      },
    };
    return c;
  };

  return {
    app,
    ctx,
    db,
    dataDir,
    clock,
    routes,
    imports,
    contractViolations,
    anonymous: () => client(null, null),
    async login(username, password = "demo") {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
      return client(cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      if (!shared) {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
      if (contractViolations.length)
        throw new Error(
          `replies that do not match the contract (@vanthu/contract):\n${contractViolations.join("\n")}`,
        );
    },
  };
}

/**
 * A leader's approval of a draft (issue 15: only an approved draft is issued): its author sends
 * it up to a leader of the agency, who approves it. `leader` names who (else the agency's
 * `.lanhdao`, or its deputy when the author is that leader). Returns the leader's session.
 */
export async function approve(
  t: TestApp,
  author: Client,
  id: string,
  leader?: string,
): Promise<Client> {
  const me = await author.get("/api/auth/me");
  assert.equal(me.status, 200, JSON.stringify(me.body));
  const row = await t.ctx.db
    .selectFrom("documents")
    .innerJoin("agencies", "agencies.id", "documents.agency_id")
    .select(["agencies.code", "documents.review", "documents.reviewer_id"])
    .where("documents.id", "=", id)
    .executeTakeFirstOrThrow();
  if (row.review === "approved") return author;
  const person = async (username: string) =>
    t.ctx.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  let wanted = leader ?? `${row.code}.lanhdao`;
  if (!leader && me.body.user.username === wanted) {
    // The leader's own draft goes to the deputy; where there is none, the clerk sends it up.
    if (await person(`${row.code}.pholanhdao`)) wanted = `${row.code}.pholanhdao`;
    else author = await t.login(`${row.code}.vanthu`);
  }
  const reviewer = await person(wanted);
  assert.ok(reviewer, `no user ${wanted}`);
  // Signed in afresh: a test that moves its clock ends older sessions.
  const session = await t.login(wanted);
  if (row.review !== "submitted" || row.reviewer_id !== reviewer.id) {
    const sent = await author.post(`/api/documents/${id}/review/submit`, {
      reviewerId: reviewer.id,
      note: "Kính trình lãnh đạo xem xét.",
    });
    assert.equal(sent.status, 200, `submit ${id}: ${JSON.stringify(sent.body)}`);
  }
  const approved = await session.post(`/api/documents/${id}/review/approve`, {});
  assert.equal(approved.status, 200, `approve ${id}: ${JSON.stringify(approved.body)}`);
  return session;
}

/** Approved by a leader (`approve`), then issued by `clerk` with `body`. */
export async function approveAndIssue(
  t: TestApp,
  clerk: Client,
  id: string,
  body?: unknown,
): Promise<Response> {
  await approve(t, clerk, id);
  return clerk.post(`/api/documents/${id}/issue`, body);
}

/** A complete draft written from fields. */
export function draftFields(overrides: Record<string, unknown> = {}) {
  return {
    typeCode: "CV",
    unit: "TTBCXB",
    subject: "tuyên truyền phòng, chống thiên tai năm 2026",
    addressees: ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"],
    paragraphs: [
      "Thực hiện Kế hoạch số 215-KH/TU ngày 02/10/2026 của Tỉnh ủy, Sở Thông tin và Truyền thông đề nghị các cơ quan:",
      "1. Đưa tin về công tác phòng, chống thiên tai.",
      "2. Báo cáo kết quả về Sở khi có yêu cầu./.",
    ],
    recipients: ["Như trên", "Lãnh đạo Sở"],
    archive: ["VT", "TTBCXB"],
    signature: {
      authority: "KT",
      authorityTitle: "GIÁM ĐỐC",
      signerTitle: "PHÓ GIÁM ĐỐC",
      signerName: "Hoàng Thị Lan",
    },
    ...overrides,
  };
}

/**
 * A received record given to a person, as a unit head's assignment does (a handlers row): a
 * specialist sees only what their unit or they were given (documents/access.ts).
 */
export async function giveTo(t: TestApp, documentId: string, username: string): Promise<void> {
  const user = await t.ctx.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto("handlers")
    .values({ document_id: documentId, user_id: user.id, role: "lead", assigned_at: t.clock.now })
    .execute();
}

export async function count(
  t: TestApp,
  table: "documents" | "files" | "register_entries" | "audit_events" | "document_files",
): Promise<number> {
  const r = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
