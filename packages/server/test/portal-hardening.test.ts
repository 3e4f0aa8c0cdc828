/**
 * Bounded work for anonymous readers and the protections every answer carries: the portal serves
 * the rendering stored at issue (no layout, no linting per view), the preview's findings are
 * capped with their total and its text has a limit, security headers (CSP, framing, referrer,
 * HSTS only over TLS), the Secure cookie behind a trusted TLS proxy, and feeds whose links come
 * from PUBLIC_URL, never from the Host header. On PGlite and PostgreSQL.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { DatabaseKind } from "@vanthu/db";
import { approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

const kinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** Paragraphs with one repeated word each: one finding per paragraph. */
const repeatedParagraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. Đề nghị các các cơ quan báo cáo.`);

async function issuePublic(t: TestApp, clerk: Client, subject: string, paragraphs?: string[]) {
  const d = await clerk.post(
    "/api/documents",
    draftFields({ subject, ...(paragraphs ? { paragraphs } : {}) }),
  );
  assert.equal(d.status, 201, JSON.stringify(d.body));
  await approve(t, clerk, d.body.id);
  const issued = await clerk.post(`/api/documents/${d.body.id}/issue`);
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  const pub = await clerk.post(`/api/documents/${d.body.id}/publish`, { public: true });
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  return d.body.id as string;
}

for (const kind of kinds) {
  describe(`portal hardening on ${kind}`, () => {
    let t: TestApp;
    let clerk: Client;
    let id: string;
    before(async () => {
      t = await startTestApp(kind, undefined, {
        PUBLIC_URL: "https://vanban.langson.example/",
        TRUST_PROXY: "127.0.0.1",
      });
      clerk = await t.login("stttt-ls.vanthu");
      id = await issuePublic(t, clerk, "tuyên truyền an toàn giao thông năm 2026");
    });
    after(() => t.close());

    /** The rendering stored with the document, and how to put another there. */
    const storedHtml = async () =>
      (
        await t.ctx.db
          .selectFrom("documents")
          .select("rendered_html")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).rendered_html ?? "";
    const storeHtml = (html: string | null) =>
      t.ctx.db.updateTable("documents").set({ rendered_html: html }).where("id", "=", id).execute();

    test("the rendering is stored at issue, and the portal serves the stored bytes", async () => {
      assert.match(await storedHtml(), /<article class="van-ban state">/);
      // Proof that the page is not laid out again: a marker put in the column is what is served.
      await storeHtml('<article class="van-ban state">DA-LUU-SAN</article>');
      const page = (await t.anonymous().get(`/van-ban/${id}`)).raw.toString();
      assert.match(page, /DA-LUU-SAN/);
      const view = await t.anonymous().get(`/api/documents/${id}/view`);
      assert.match(view.body.html, /DA-LUU-SAN/);
      assert.deepEqual(view.body.findings, []);
    });

    test("a document issued before the column existed is drawn once, on its first view", async () => {
      await storeHtml(null);
      const page = (await t.anonymous().get(`/van-ban/${id}`)).raw.toString();
      assert.match(page, /tuyên truyền an toàn giao thông năm 2026/);
      assert.match(await storedHtml(), /<article class="van-ban state">/);
    });

    test("another agency's or an anonymous view of a document with many findings is not linted", async () => {
      const big = await issuePublic(t, clerk, "báo cáo dài", repeatedParagraphs(400));
      const own = await clerk.get(`/api/documents/${big}/view`);
      assert.equal(own.status, 200);
      assert.equal(own.body.findingsTruncated, true);
      assert.equal(own.body.findings.length, 300);
      assert.ok(own.body.findingsTotal >= 400, String(own.body.findingsTotal));
      const anon = await t.anonymous().get(`/api/documents/${big}/view`);
      assert.deepEqual(
        [anon.body.findings, anon.body.findingsTotal, anon.body.findingsTruncated],
        [[], 0, false],
      );
      const other = await (await t.login("sct-hd.vanthu")).get(`/api/documents/${big}/view`);
      assert.equal(other.status, 200);
      assert.deepEqual(other.body.findings, []);
    });

    test("preview: findings capped with their total; a text over the limit refused", async () => {
      const res = await clerk.post(
        "/api/documents/preview",
        draftFields({ paragraphs: repeatedParagraphs(2000) }),
      );
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
      assert.equal(res.body.findings.length, 300);
      assert.ok(res.body.findingsTotal >= 2000, String(res.body.findingsTotal));
      assert.equal(res.body.findingsTruncated, true);
      assert.equal(res.body.findingsComplete, true);
      assert.ok(res.raw.length < 1_000_000, `${res.raw.length} bytes`);
      // So many that the linter stops counting: the total is then a lower bound.
      const many = await clerk.post(
        "/api/documents/preview",
        draftFields({ paragraphs: Array.from({ length: 600 }, () => "các các ".repeat(40)) }),
      );
      assert.equal(many.status, 200);
      assert.equal(many.body.findings.length, 300);
      assert.equal(many.body.findingsComplete, false);
      assert.ok(many.body.findingsTotal >= 10_000, String(many.body.findingsTotal));
      const small = await clerk.post("/api/documents/preview", draftFields());
      assert.equal(small.body.findingsTruncated, false);
      assert.equal(small.body.findingsTotal, small.body.findings.length);
      // 3.6 MB of draft (the attack) cannot be sent whole; 400,000 characters can, and is refused.
      const long = await clerk.post(
        "/api/documents/preview",
        draftFields({ paragraphs: Array.from({ length: 10 }, () => "chữ ".repeat(10_000)) }),
      );
      assert.equal(long.status, 413);
      assert.equal(long.body.error.code, "PREVIEW_TOO_LONG");
      assert.match(long.body.error.message, /quá dài/);
    });

    test("security headers on the portal, the API, the web app and errors", async () => {
      for (const url of [
        "/",
        `/van-ban/${id}`,
        "/api/health",
        "/app/",
        "/api/nothing",
        "/?q=%00",
      ]) {
        const res = await t.app.inject({ method: "GET", url });
        const csp = String(res.headers["content-security-policy"]);
        assert.match(csp, /default-src 'self'/, url);
        assert.match(csp, /script-src 'self'(;|$)/, url);
        assert.match(csp, /script-src-attr 'none'/, url);
        assert.match(csp, /frame-ancestors 'none'/, url);
        assert.match(csp, /object-src 'none'/, url);
        assert.equal(res.headers["x-frame-options"], "DENY", url);
        assert.equal(res.headers["referrer-policy"], "strict-origin-when-cross-origin", url);
        assert.equal(res.headers["x-content-type-options"], "nosniff", url);
        assert.equal(res.headers["strict-transport-security"], undefined, `${url}: plain HTTP`);
      }
      // HSTS only over TLS: from the trusted proxy saying https; not from anyone else saying so.
      const tls = await t.app.inject({
        method: "GET",
        url: "/",
        headers: { "x-forwarded-proto": "https" },
      });
      assert.match(String(tls.headers["strict-transport-security"]), /max-age=\d+/);
      const forged = await t.app.inject({
        method: "GET",
        url: "/",
        headers: { "x-forwarded-proto": "https" },
        remoteAddress: "203.0.113.9",
      });
      assert.equal(forged.headers["strict-transport-security"], undefined);
    });

    test("the portal has no inline script or event handler (the CSP would block it)", async () => {
      for (const url of ["/", `/van-ban/${id}`, "/co-quan/stttt-ls", "/?q=giao%20thong"]) {
        const page = (await t.anonymous().get(url)).raw.toString();
        assert.doesNotMatch(page, /<script(?![^>]*\ssrc=)[^>]*>/, url);
        assert.doesNotMatch(page, /\son[a-z]+\s*=/i, url);
        assert.match(page, /<script src="\/portal\.js" defer><\/script>/, url);
      }
      const js = await t.anonymous().get("/portal.js");
      assert.equal(js.status, 200);
      assert.match(String(js.headers["content-type"]), /javascript/);
    });

    test("bug: the portal answered an unknown address with raw JSON: a page in Vietnamese for browsers, JSON for the API", async () => {
      const html = { accept: "text/html,application/xhtml+xml" };
      const missing = await t.app.inject({ method: "GET", url: "/khong-co-trang", headers: html });
      assert.equal(missing.statusCode, 404);
      assert.match(String(missing.headers["content-type"]), /text\/html/);
      assert.match(missing.body, /Không tìm thấy trang/);
      const api = await t.anonymous().get("/api/khong-co");
      assert.equal(api.status, 404);
      assert.equal(api.body.error.code, "NOT_FOUND");
    });

    test("bug: an agency with nothing published answered 404 without its name: its page names it", async () => {
      const quiet = await t.ctx.db
        .selectFrom("agencies")
        .select(["code", "name"])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("documents")
                .select("documents.id")
                .whereRef("documents.agency_id", "=", "agencies.id")
                .where("documents.is_public", "=", true),
            ),
          ),
        )
        .executeTakeFirstOrThrow();
      const own = await t.anonymous().get(`/co-quan/${quiet.code}`);
      assert.equal(own.status, 200);
      assert.ok(own.raw.toString().includes(quiet.name), `${quiet.code}: its name`);
      assert.match(own.raw.toString(), /Không có văn bản nào/);
      const none = await t.anonymous().get("/co-quan/khong-co-co-quan");
      assert.equal(none.status, 404);
      assert.match(none.raw.toString(), /Không có cơ quan này/);
    });

    test("the session cookie is Secure behind the trusted TLS proxy only", async () => {
      const login = (headers: Record<string, string>, remoteAddress = "127.0.0.1") =>
        t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "stttt-ls.lanhdao", password: "demo" },
          headers,
          remoteAddress,
        });
      const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
        String(res.headers["set-cookie"]);
      const behind = await login({ "x-forwarded-proto": "https" });
      assert.equal(behind.statusCode, 200, behind.body);
      assert.match(cookieOf(behind), /;\s*Secure/i);
      const plain = await login({});
      assert.doesNotMatch(cookieOf(plain), /;\s*Secure/i);
      const forged = await login({ "x-forwarded-proto": "https" }, "203.0.113.10");
      assert.equal(forged.statusCode, 200, forged.body);
      assert.doesNotMatch(cookieOf(forged), /;\s*Secure/i);
    });

    test("feed links use PUBLIC_URL; a forged Host header appears nowhere", async () => {
      for (const url of ["/feed.atom", "/co-quan/stttt-ls/feed.atom"]) {
        const res = await t.app.inject({
          method: "GET",
          url,
          headers: { host: "evil.example", "x-forwarded-host": "evil2.example" },
        });
        assert.equal(res.statusCode, 200);
        const xml = res.body;
        assert.doesNotMatch(xml, /evil/);
        assert.match(
          xml,
          new RegExp(`<link rel="self" href="https://vanban.langson.example${url}"/>`),
        );
        assert.match(
          xml,
          new RegExp(`href="https://vanban\\.langson\\.example/van-ban/${id}/ban-pdf"`),
        );
        for (const m of xml.matchAll(/href="([^"]*)"/g))
          assert.ok(m[1]!.startsWith("https://vanban.langson.example/"), m[1]);
      }
    });
  });

  describe(`feeds without PUBLIC_URL on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("links are relative, never built from the Host header", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const id = await issuePublic(t, clerk, "phòng, chống dịch bệnh năm 2026");
      const res = await t.app.inject({
        method: "GET",
        url: "/feed.atom",
        headers: { host: "evil.example" },
      });
      assert.doesNotMatch(res.body, /evil/);
      assert.match(res.body, /<id>urn:vanthu:feed:\/feed\.atom<\/id>/);
      assert.match(res.body, new RegExp(`href="/van-ban/${id}"`));
    });
  });
}
