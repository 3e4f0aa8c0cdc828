/**
 * The access rule over every route of the running app, on PGlite and PostgreSQL.
 *
 * A world is built (the demo world, plus: a directive issued to two recipient agencies, a
 * follow-on draft of each recipient, a draft of the issuer, a report with a file, an imported
 * document; inside the newspaper, documents given to a unit and to a person, each unit's
 * specialist's draft, a draft sent up for review, a consultation, and a secret document named to
 * one person), with marker strings ("zzleak...") planted in every draft's subject and body, the
 * report and its file. The routes are collected from the app by Fastify's onRoute hook
 * (`TestApp.routes`); each is called by every actor (anonymous, a user of an unrelated agency,
 * each role of the issuing agency, users of both recipient agencies: in the newspaper its
 * clerk, leader, admin, a specialist of each unit and the first unit's head) with the parameters
 * of its fixture, and no response (JSON, HTML, Atom, PDF) may hold the id or a marker of an
 * object that person may not see. Write routes are called on other agencies' objects, and on the
 * objects of one's own agency one may not see, and must refuse them with 401/403/404 and a
 * stable code; reading a document one may not see is refused the same way.
 *
 * The world and the oracle (what each agency may not see) are in access-world.ts.
 *
 * A route without a fixture fails the test, by name. To cover a new route, add ONE line to
 * FIXTURES, keyed "METHOD /url/:pattern" as Fastify registers it:
 *   "GET /api/things/:id": each("document"),                  // a read, once per world document
 *   "POST /api/things/:id/do": write("document", { a: 1 }),    // a write, other agencies' only
 *   "POST /api/things": once({ body: () => ({ name: "x" }) }), // no parameters
 *   "GET /api/things": query("?box=a", "?q=zzleak"),          // query strings
 * Kinds of objects: document, task, report, reportFile, documentFile, register, user, agency
 * (by code), agencyId (by id), importBatch, handlingFile, unit, delegation.
 * HEAD twins of GET routes are left out (no body); the web build's static files are called once.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { draftFields, startTestApp, type Client, type Response, type TestApp } from "./helpers.ts";
import { buildWorld, forbiddenFor, type Kind } from "./access-world.ts";

interface Actor {
  name: string;
  username: string | null;
  agencyId: string | null;
  /** The deputy leader of the same agency, when there is one (the delegation fixture). */
  deputyId?: string;
  client: Client;
}
interface Fixture {
  kind?: Kind;
  /** Query strings, each called. */
  queries?: string[];
  body?: (a: Actor) => unknown;
  upload?: { name: string; bytes: Uint8Array };
  write?: boolean;
  /** Called with a session of its own (logout). */
  fresh?: boolean;
}

const each = (kind: Kind): Fixture => ({ kind });
const query = (...queries: string[]): Fixture => ({ queries });
const once = (f: Omit<Fixture, "kind"> = {}): Fixture => f;
const write = (kind: Kind, body?: unknown): Fixture => ({
  kind,
  write: true,
  ...(body === undefined ? {} : { body: () => body }),
});
const txt = (s: string) => new TextEncoder().encode(s);
/** An id no one has. */
const NIL = "00000000-0000-4000-8000-000000000000";

const FIXTURES: Record<string, Fixture> = {
  "GET /api/health": once(),
  "GET /api/docs": once(),
  "POST /api/auth/login": once({
    body: (a) => ({ username: a.username ?? "khong-co.ai", password: a.username ? "demo" : "x" }),
  }),
  "POST /api/auth/logout": once({ fresh: true }),
  // A wrong current password: refused, and nobody's password changes under the other fixtures.
  "POST /api/auth/password": once({
    fresh: true,
    body: () => ({ currentPassword: "khong-phai-mat-khau", newPassword: "Thu-doi-mat-khau-2026" }),
  }),
  "GET /api/auth/me": once(),
  "GET /api/documents": query("?box=outgoing", "?box=incoming", "?box=drafts", "?q=zzleak"),
  "POST /api/documents": once({ body: () => draftFields({ subject: "thử quyền truy cập" }) }),
  "POST /api/documents/import": once({ upload: { name: "a.txt", bytes: txt("Kính gửi: Sở") } }),
  "POST /api/documents/preview": once({ body: () => draftFields() }),
  "GET /api/documents/:id/view": each("document"),
  "POST /api/documents/:id/publish": write("document", { public: true }),
  "GET /api/documents/:id": each("document"),
  "PATCH /api/documents/:id": write("document", { subject: "sửa của cơ quan khác" }),
  "DELETE /api/documents/:id": write("document"),
  "POST /api/documents/:id/issue": write("document", {}),
  "POST /api/documents/:id/register": write("document", {}),
  "GET /api/documents/:id/files/:name": each("documentFile"),
  "GET /api/documents/:id/delivery-plan": each("document"),
  "GET /api/documents/:id/deliveries": each("document"),
  "POST /api/documents/:id/return": write("document", { reason: "gửi nhầm cơ quan" }),
  "POST /api/documents/:id/progress": write("document", { status: "04" }),
  "GET /api/documents/:id/links": each("document"),
  "POST /api/documents/:id/follow-on": write("document"),
  "GET /api/documents/:id/chain": each("document"),
  "GET /api/documents/:id/task-plan": each("document"),
  "PUT /api/documents/:id/task-plan": write("document", { items: [], cycles: [], due: null }),
  // The review of drafts (trình ký) and their versions (issue 15, items 2 and 3).
  "GET /api/documents/:id/reviewers": each("document"),
  "POST /api/documents/:id/review/submit": write("document", { reviewerId: NIL, note: "x" }),
  "POST /api/documents/:id/review/forward": write("document", { reviewerId: NIL }),
  "POST /api/documents/:id/review/approve": write("document", {}),
  "POST /api/documents/:id/review/send-back": write("document", { note: "trả lại của khác" }),
  "GET /api/documents/:id/versions": each("document"),
  "GET /api/documents/:id/versions/:from/diff/:to": each("document"),
  "GET /api/tasks": once(),
  "PATCH /api/tasks/:id": write("task", { title: "đổi của cơ quan khác" }),
  "POST /api/tasks/:id/reports": write("task", { period: "x", figures: {}, narrative: "x" }),
  "POST /api/reports/:id/files": {
    ...write("report"),
    upload: { name: "b.txt", bytes: txt("x") },
  },
  "GET /api/reports/:id/files/:name": each("reportFile"),
  "GET /api/documents/:id/dashboard": each("document"),
  "POST /api/documents/:id/consolidated-report": write("document"),
  "GET /api/notifications": once(),
  "GET /api/my-work": once(),
  "POST /api/notifications/read": once({ body: () => ({}) }),
  "GET /api/search": query("?q=zzleak", "?q=zzleakf1s", "?q=zzleakxb", "?q=tuyên truyền"),
  "GET /api/registers": once(),
  "GET /api/registers/:id": each("register"),
  "GET /api/agencies": once(),
  "GET /api/admin/users": once(),
  "POST /api/admin/users": once({
    body: (a) => ({
      username: `thu.${a.name}`,
      fullName: "Người thử",
      password: "Thu-quyen-truy-cap-2026",
      roles: ["specialist"],
    }),
  }),
  "PATCH /api/admin/users/:id": write("user", { disabled: true }),
  "POST /api/admin/users/:id/password": write("user", { password: "Thu-dat-lai-mat-khau-2026" }),
  "GET /api/people": once(),
  "GET /api/admin/signing": once(),
  "POST /api/admin/signing/agency": once({
    body: () => ({ kind: "pkcs12", p12: "AAAA", password: "x" }),
  }),
  "DELETE /api/admin/signing/agency": once(),
  "POST /api/admin/signing/seal": once({ body: () => ({ png: "AAAA" }) }),
  "POST /api/admin/users/:id/signer": write("user", { kind: "pkcs12", p12: "AAAA", password: "x" }),
  "DELETE /api/admin/users/:id/signer": write("user"),
  "POST /api/admin/users/:id/signature-image": write("user", { png: "AAAA" }),
  "GET /api/signing/me": once(),
  "GET /api/admin/units": once(),
  "PATCH /api/admin/units/:id": write("unit", { name: "Ban đổi tên của cơ quan khác" }),
  "POST /api/admin/units/:id/close": write("unit"),
  "GET /api/delegations": once(),
  // To a person of the deputy's own agency only: everyone else's is DELEGATE_INVALID.
  "POST /api/delegations": once({
    body: (a) => ({
      toUserId: a.deputyId ?? "00000000-0000-4000-8000-000000000000",
      startsOn: "2026-12-10",
      endsOn: "2026-12-12",
    }),
  }),
  "POST /api/delegations/:id/revoke": write("delegation"),
  "POST /api/admin/units": once({
    body: (a) => ({ name: `Tổ thử ${a.name}`, abbreviation: "TT" }),
  }),
  "POST /api/admin/agencies": once({
    body: (a) => ({
      code: `thu-${a.name}`,
      name: `Cơ quan thử ${a.name}`,
      abbreviation: "CQT",
      kind: "other",
    }),
  }),
  "POST /api/admin/agencies/:id/rename": write("agencyId", {
    name: "Cơ quan đổi tên",
    reason: "thử quyền",
  }),
  "GET /api/agencies/:id/history": each("agencyId"),
  "PUT /api/admin/agencies/:id/exchange": write("agencyId", { organId: "000.00.99.Z99" }),
  "GET /api/admin/directory": once(),
  "POST /api/admin/directory/import": once({ body: () => ({ csv: "ma,ten\n000.00.98.Z99,Thử" }) }),
  "PUT /api/admin/directory/:organId": once({ body: () => ({ name: "Cơ quan thử" }) }),
  "DELETE /api/admin/directory/:organId": once(),
  // The inbox answers no one without a peer's signature; the log shows an agency its own.
  "POST /api/exchange/inbox": once({ upload: { name: "a.edxml", bytes: txt("<x/>") } }),
  "GET /api/exchange/messages": once(),
  "POST /api/exchange/messages/:id/retry": once(),
  "GET /api/admin/exchange/peers": once(),
  "PUT /api/admin/exchange/peers/:organId": once({
    body: () => ({ transport: "folder", address: "/tmp/vanthu-access-peer" }),
  }),
  "DELETE /api/admin/exchange/peers/:organId": once(),
  "POST /api/documents/:id/recall": write("document", { reason: "thu hồi của cơ quan khác" }),
  "POST /api/documents/:id/recall-answer": write("document", { accept: true }),
  "POST /api/imports": once({ upload: { name: "c.txt", bytes: txt("Kính gửi: Sở") } }),
  "POST /api/imports/:id/files": {
    ...write("importBatch"),
    upload: { name: "d.txt", bytes: txt("Kính gửi: Sở") },
  },
  "GET /api/imports": once(),
  "GET /api/imports/:id": each("importBatch"),
  // Issue 15, item 7: the forms and reports.
  "GET /api/forms/handling-slip/:id": each("document"),
  "GET /api/forms/handling-slip/:id/pdf": each("document"),
  "GET /api/forms/follow-up-register": query("?from=2026-01-01&to=2026-12-31"),
  "GET /api/forms/handling-report": query("?from=2026-01-01&to=2026-12-31"),
  // Handling received documents (contract/src/handling.ts).
  "GET /api/documents/:id/duplicates": each("document"),
  "POST /api/documents/:id/attach": write("document", {
    toId: "00000000-0000-4000-8000-000000000000",
  }),
  "GET /api/documents/:id/handling": each("document"),
  "POST /api/documents/:id/present": write("document", {
    leaderId: "00000000-0000-4000-8000-000000000000",
  }),
  "POST /api/documents/:id/instructions": write("document", {
    text: "x",
    lead: "00000000-0000-4000-8000-000000000000",
  }),
  "POST /api/documents/:id/assignments": write("document", {
    handlerId: "00000000-0000-4000-8000-000000000000",
    userId: "00000000-0000-4000-8000-000000000000",
  }),
  "POST /api/documents/:id/handling/progress": write("document", {}),
  "POST /api/documents/:id/handling/notes": write("document", { text: "ghi chú của cơ quan khác" }),
  "POST /api/documents/:id/handling/files": {
    ...write("document"),
    upload: { name: "e.txt", bytes: txt("x") },
  },
  "GET /api/documents/:id/handling/files/:noteId": each("handlingFile"),
  "POST /api/documents/:id/reply": write("document"),
  "POST /api/documents/:id/handling/done": write("document", { result: "xong" }),
  "POST /api/documents/:id/reminders": write("document", { kind: "nhac-nho" }),
  "POST /api/documents/:id/forward": write("document", {
    agencyId: "00000000-0000-4000-8000-000000000000",
    note: "x",
  }),
  "GET /api/handling/overdue": once(),
  "GET /api/handling/people": once(),
  "GET /api/admin/deadlines": once(),
  "PUT /api/admin/deadline-rules": once({
    body: () => ({ rules: [{ typeCode: "", urgency: "", workingDays: 10 }] }),
  }),
  "PUT /api/admin/holidays": once({ body: () => ({ holidays: [] }) }),
  // Installation-wide roots: not any agency's, refused to all but the installation admin.
  "GET /api/admin/trust-anchors": once(),
  "POST /api/admin/trust-anchors": once({ body: () => ({ data: "không phải chứng thư" }) }),
  "DELETE /api/admin/trust-anchors/:fingerprint": once(),
  "GET /": query("", "?q=zzleak", "?q=tuyên truyền"),
  "GET /co-quan/:code": each("agency"),
  "GET /co-quan/:code/feed.atom": each("agency"),
  "GET /van-ban/:id": each("document"),
  "GET /van-ban/:id/ban-pdf": each("document"),
  "GET /feed.atom": once(),
  "GET /portal.js": once(),
  "GET /app": once(),
  "GET /app/": once(),
  "GET /app/*": query("", "van-ban/x"),
};
/** The web build's static files (one route each when it is built): the same for everyone. */
const STATIC = /^GET \/app\/.+\.[a-z0-9]+$/;

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const MARKERS = /zzleak[a-z0-9]+/g;

/** The forbidden strings a response holds, in its body (any type) or its headers. */
function leaksIn(res: Response, hidden: Set<string>): string[] {
  const text = (res.raw.toString("latin1") + JSON.stringify(res.headers)).toLowerCase();
  const found = new Set<string>();
  for (const m of text.matchAll(UUIDS)) if (hidden.has(m[0])) found.add(m[0]);
  for (const m of text.matchAll(MARKERS)) if (hidden.has(m[0])) found.add(m[0]);
  return [...found];
}

for (const kind of testDatabaseKinds()) {
  describe(`access over every route on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    let world: Awaited<ReturnType<typeof buildWorld>>;

    test("each person sees what the agency's structure gives them, a secret only its named", async () => {
      world = await buildWorld(t);
      const m = world.markers;
      const doc = {
        unitDraft: m.zzleakus!,
        otherUnitDraft: m.zzleakvs!,
        secret: m.zzleakms!,
        consulted: m.zzleakcs!,
        sentUp: m.zzleakf1s!,
        letter: m.zzleakis!,
        issuersDraft: m.zzleakxs!,
      };
      const copy = (
        await t.ctx.db
          .selectFrom("documents")
          .select("id")
          .where("agency_id", "=", world.ids.r1)
          // The world's directive (the demo world delivers letters of its own too).
          .where("source_id", "=", world.directive)
          .where("direction", "=", "incoming")
          .executeTakeFirstOrThrow()
      ).id;
      // Who sees what: [person, document, sees it].
      const Y = true;
      const N = false;
      const table: Array<[string | null, keyof typeof doc | "copy", boolean]> = [
        // The first unit's specialist: their draft, what their unit was given.
        ["baolangson.chuyenvien", "unitDraft", Y],
        ["baolangson.chuyenvien", "copy", Y],
        ["baolangson.chuyenvien", "otherUnitDraft", N],
        ["baolangson.chuyenvien", "secret", N],
        ["baolangson.chuyenvien", "consulted", N],
        ["baolangson.chuyenvien", "sentUp", N],
        ["baolangson.chuyenvien", "letter", N],
        // The second unit's: their draft, what they were given, sent up to, consulted on, named on.
        ["baolangson.chuyenvien2", "otherUnitDraft", Y],
        ["baolangson.chuyenvien2", "letter", Y],
        ["baolangson.chuyenvien2", "sentUp", Y],
        ["baolangson.chuyenvien2", "consulted", Y],
        ["baolangson.chuyenvien2", "secret", Y],
        ["baolangson.chuyenvien2", "unitDraft", N],
        ["baolangson.chuyenvien2", "copy", N],
        // The first unit's head: their people's drafts, their unit's documents.
        ["baolangson.truongphong", "unitDraft", Y],
        ["baolangson.truongphong", "copy", Y],
        ["baolangson.truongphong", "otherUnitDraft", N],
        ["baolangson.truongphong", "secret", N],
        // Leader, clerk, admin: everything of the agency's but the secret (the clerk wrote it).
        ["baolangson.lanhdao", "unitDraft", Y],
        ["baolangson.lanhdao", "otherUnitDraft", Y],
        ["baolangson.lanhdao", "letter", Y],
        ["baolangson.lanhdao", "secret", N],
        ["baolangson.admin", "consulted", Y],
        ["baolangson.admin", "secret", N],
        ["baolangson.vanthu", "secret", Y],
        ["baolangson.vanthu", "unitDraft", Y],
        ["baolangson.pholanhdao", "secret", N],
        // Nobody outside, though the secret is flagged public.
        ["stttt-ls.lanhdao", "secret", N],
        ["stttt-ls.lanhdao", "unitDraft", N],
        ["stttt-ls.chuyenvien", "issuersDraft", N],
        [null, "secret", N],
      ];
      const clients = new Map<string | null, Client>([[null, t.anonymous()]]);
      const problems: string[] = [];
      for (const [who, what, sees] of table) {
        if (!clients.has(who)) clients.set(who, await t.login(who!));
        const c = clients.get(who)!;
        const id = what === "copy" ? copy : doc[what];
        const res = await c.get(`/api/documents/${id}`);
        const box = who
          ? await c.get(
              `/api/documents?box=${what === "copy" || what === "letter" ? "incoming" : what === "secret" ? "outgoing" : "drafts"}&pageSize=100`,
            )
          : null;
        const listed = !!box?.body.items.some((i: { id: string }) => i.id === id);
        if ((res.status === 200) !== sees || (who !== null && listed !== sees))
          problems.push(`${who} ${what}: opened ${res.status}, listed ${listed}, expected ${sees}`);
        if (!sees && res.body?.error?.code !== "DOCUMENT_NOT_FOUND")
          problems.push(
            `${who} ${what}: refused without DOCUMENT_NOT_FOUND: ${JSON.stringify(res.body)}`,
          );
      }
      assert.deepEqual(problems, []);

      // Search and its snippets: the secret's words only for those named on it.
      for (const [who, hits] of [
        ["baolangson.chuyenvien2", 1],
        ["baolangson.vanthu", 1],
        ["baolangson.lanhdao", 0],
        ["baolangson.chuyenvien", 0],
      ] as const) {
        const found = await clients.get(who)!.get("/api/search?q=zzleakmb");
        assert.equal(found.body.items.length, hits, `${who} searching the secret's body`);
      }
      for (const url of ["/?q=dự thảo", "/", "/feed.atom", "/co-quan/baolangson"]) {
        const page = (await t.anonymous().get(encodeURI(url))).raw.toString();
        assert.doesNotMatch(page, /zzleakm/, url);
        assert.ok(!page.includes(doc.secret), url);
      }
      assert.equal((await t.anonymous().get(`/van-ban/${doc.secret}`)).status, 404);
      // A secret document is never published, not even by its author.
      const clerk = clients.get("baolangson.vanthu")!;
      const publish = await clerk.post(`/api/documents/${doc.secret}/publish`, { public: true });
      assert.equal(publish.status, 409);
      assert.equal(publish.body.error.code, "SECRET_NOT_PUBLIC");
      // It was delivered to nobody.
      const delivered = await t.ctx.db
        .selectFrom("deliveries")
        .select("id")
        .where("document_id", "=", doc.secret)
        .execute();
      assert.deepEqual(delivered, []);
    });

    test("every route x every actor: nothing of another agency's, drafts included", async (ctx) => {
      const actors: Actor[] = [
        { name: "anonymous", username: null, agencyId: null, client: t.anonymous() },
      ];
      const people: Array<[string, string]> = [
        ["ldld-bg.vanthu", world.ids.outsider],
        ...["vanthu", "chuyenvien", "lanhdao", "admin"].map(
          (r) => [`stttt-ls.${r}`, world.ids.so] as [string, string],
        ),
        ...["vanthu", "chuyenvien", "chuyenvien2", "truongphong", "lanhdao", "admin"].map(
          (r) => [`baolangson.${r}`, world.ids.r1] as [string, string],
        ),
        ["ptth-ls.vanthu", world.ids.r2],
      ];
      for (const [username, agencyId] of people) {
        const deputy = await t.ctx.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", `${username.split(".")[0]}.pholanhdao`)
          .executeTakeFirst();
        actors.push({
          name: username.replace(".", "-"),
          username,
          agencyId,
          ...(deputy ? { deputyId: deputy.id } : {}),
          client: await t.login(username),
        });
      }

      const keys = [
        ...new Set(t.routes.filter((r) => r.method !== "HEAD").map((r) => `${r.method} ${r.url}`)),
      ];
      const missing = keys.filter((k) => !FIXTURES[k] && !STATIC.test(k));
      const stale = Object.keys(FIXTURES).filter((k) => !keys.includes(k));
      assert.deepEqual(
        missing,
        [],
        `routes without an access fixture (add one line to FIXTURES): ${missing.join(", ")}`,
      );
      assert.deepEqual(stale, [], `fixtures of routes the app does not have: ${stale.join(", ")}`);

      let hiddenOf = await forbiddenFor(t, world.markers);
      const leaks: string[] = [];
      const writesThrough: string[] = [];
      const readsThrough: string[] = [];
      let requests = 0;
      const call = async (a: Actor, method: string, url: string, f: Fixture) => {
        const client = f.fresh && a.username ? await t.login(a.username) : a.client;
        const res = f.upload
          ? await client.upload(url, f.upload.name, f.upload.bytes)
          : await client.request(method, url, f.body?.(a));
        requests++;
        for (const l of leaksIn(res, hiddenOf(a.username)))
          leaks.push(`${a.name} ${method} ${url} -> ${res.status}: ${l}`);
        if (method !== "GET" && res.status < 300) hiddenOf = await forbiddenFor(t, world.markers);
        return res;
      };
      for (const key of keys) {
        const [method, pattern] = key.split(" ") as [string, string];
        if (STATIC.test(key)) {
          await call(actors[0]!, method, pattern, {});
          continue;
        }
        const f = FIXTURES[key]!;
        for (const a of actors) {
          if (!f.kind) {
            for (const q of f.queries ?? [""])
              await call(a, method, pattern.replace("*", "") + q, f);
            continue;
          }
          for (const target of world.targets[f.kind]) {
            // Hidden from this person although of their own agency (a specialist, a secret).
            const hidden = !!target.params.id && hiddenOf(a.username).has(target.params.id);
            if (f.write && a.agencyId && target.owners.includes(a.agencyId) && !hidden) continue;
            const url = pattern.replace(/:(\w+)/g, (_, p: string) =>
              encodeURIComponent(target.params[p]!),
            );
            const res = await call(a, method, url, f);
            const refused =
              [401, 403, 404].includes(res.status) &&
              (typeof res.body?.error?.code === "string" || !pattern.startsWith("/api/"));
            if (f.write && !refused)
              writesThrough.push(
                `${a.name} ${method} ${url} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
              );
            if (!f.write && hidden && !refused)
              readsThrough.push(`${a.name} ${method} ${url} -> ${res.status}`);
          }
        }
      }
      ctx.diagnostic(
        `${keys.length} routes x ${actors.length} actors, ${requests} requests, ${leaks.length} leaks, ${writesThrough.length} writes and ${readsThrough.length} reads not refused`,
      );
      assert.deepEqual(leaks, [], `${leaks.length} leaks`);
      assert.deepEqual(writesThrough, [], "writes on objects one may not see must be refused");
      assert.deepEqual(readsThrough, [], "reads of documents one may not see must be refused");
    });
  });
}
