/**
 * The bomb suite, files half: a zip-bomb .docx (honest and lying about its sizes), a 100,000-page
 * PDF and a 19 MB text, uploaded to
 * a listening server while a health check runs every 50 ms. The server must keep answering (every
 * check succeeds while the files are read; the times are printed, not asserted: a busy CI machine
 * is no measure, `npm run bench:import` measures health p95 under load), refuse each file with a
 * 4xx and a stable code, store nothing, and its memory after garbage collection must come back to
 * within 200 MB of where it started.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { request } from "node:http";
import { testDatabaseKinds } from "@vanthu/db";
import { ReaderPool } from "@vanthu/extract";
import { longText, lyingZip, manyPagePdf, zipBombDocx } from "../../extract/test/bomb-files.ts";
import { count, startTestApp, type TestApp } from "./helpers.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settledMemory(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(100);
  }
  return process.memoryUsage().rss;
}

/** A multipart body built before the clock starts: the test's own copying is not the server's. */
function multipart(name: string, bytes: Uint8Array): { body: Buffer; type: string } {
  const boundary = "----vanthu-bomb";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

function upload(
  base: string,
  auth: { cookie: string; csrf: string },
  file: { body: Buffer; type: string },
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/documents/import`,
      {
        method: "POST",
        headers: {
          cookie: auth.cookie,
          "x-csrf-token": auth.csrf,
          "content-type": file.type,
          "content-length": file.body.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on("error", reject);
    req.end(file.body);
  });
}

/** Times GET /api/health every ~50 ms until stopped. */
function timeHealth(base: string) {
  const times: number[] = [];
  const failures: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const start = performance.now();
      try {
        const res = await fetch(`${base}/api/health`);
        await res.text();
        if (res.status !== 200) failures.push(`status ${res.status}`);
      } catch (e) {
        failures.push(String(e));
      }
      times.push(performance.now() - start);
      await sleep(50);
    }
  })();
  return {
    times,
    failures,
    async stop() {
      running = false;
      await done;
    },
  };
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

for (const kind of testDatabaseKinds()) {
  describe(`bomb suite (files) on ${kind}`, () => {
    let t: TestApp;
    let base: string;
    let auth: { cookie: string; csrf: string };
    const files: Array<{
      name: string;
      size: number;
      upload: ReturnType<typeof multipart>;
      code: string;
    }> = [];
    const add = (name: string, bytes: Uint8Array, code: string) =>
      files.push({ name, size: bytes.length, upload: multipart(name, bytes), code });

    before(async () => {
      // Built here, never shipped: 100 MB of empty paragraphs in a few hundred KB, a PDF of
      // 100,000 pages (about 15 MB, under the 20 MB upload limit), 19 MB of text.
      const bomb = await zipBombDocx(100);
      add("bomb.docx", bomb, "FILE_TOO_COMPLEX");
      // Its directory claims small parts: inflated in the worker (2 s, 100 MB), then refused.
      add("lying.docx", lyingZip(bomb), "CORRUPT_FILE");
      add("pages.pdf", manyPagePdf(100_000), "PDF_TOO_MANY_PAGES");
      add("long.txt", longText(19), "TEXT_TOO_LONG");
      t = await startTestApp(kind, undefined, { MAX_UPLOAD_MB: "20" });
      await t.app.listen({ port: 0, host: "127.0.0.1" });
      const address = t.app.server.address();
      base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "stttt-ls.vanthu", password: "demo" }),
      });
      assert.equal(login.status, 200);
      auth = {
        cookie: login.headers.getSetCookie()[0]!.split(";")[0]!,
        csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
      };
    });
    after(() => t.close());

    test("each bad file is refused with a 4xx and a stable code; the server keeps answering", async () => {
      // Warm up: the reader's worker and the PDF reader are loaded, as on a running server.
      const warm = await upload(base, auth, multipart("warm.pdf", manyPagePdf(2)));
      assert.equal(warm.status, 201, JSON.stringify(warm.body));
      const documentsBefore = await count(t, "documents");
      const before = await settledMemory();
      const sizes = files.map((f) => `${f.name} ${(f.size / MB).toFixed(2)} MB`);
      const health = timeHealth(base);
      const results: string[] = [];
      try {
        for (const file of files) {
          const started = performance.now();
          const res = await upload(base, auth, file.upload);
          const body = res.body;
          results.push(
            `${file.name}: ${res.status} ${body.error?.code} in ${Math.round(performance.now() - started)} ms`,
          );
          assert.ok(res.status >= 400 && res.status < 500, `${file.name}: ${res.status}`);
          assert.equal(body.error?.code, file.code, file.name);
          assert.ok(body.error?.message, "a message for people");
        }
      } finally {
        await health.stop();
      }
      const afterBombs = await settledMemory();
      const max = Math.max(...health.times);
      const slow = health.times.filter((x) => x > 100).map((x) => Math.round(x));
      console.log(
        [
          `bomb suite on ${kind}: ${sizes.join(", ")}`,
          ...results.map((r) => `  ${r}`),
          `  health: ${health.times.length} checks, max ${max.toFixed(1)} ms, p95 ${percentile(health.times, 0.95).toFixed(1)} ms, over 100 ms: [${slow.join(", ")}]`,
          `  memory (rss after gc): before ${(before / MB).toFixed(0)} MB, after ${(afterBombs / MB).toFixed(0)} MB`,
        ].join("\n"),
      );
      assert.deepEqual(health.failures, []);
      assert.ok(health.times.length >= 3, "the health check ran during the uploads");
      assert.ok(afterBombs - before < 200 * MB, "memory came back");
      assert.equal(await count(t, "documents"), documentsBefore, "nothing was kept");
      const stored = readdirSync(join(t.ctx.config.dataDir, "files"), { recursive: true });
      assert.equal(stored.filter((f) => String(f).endsWith(".tmp")).length, 0);
    });

    test("a file that outlasts the reader's time limit: 422 READ_TIMEOUT, and the next file is read", async () => {
      // The page limit lifted and one second to read: 20,000 pages take pdfjs minutes.
      const own = t.ctx.reader;
      t.ctx.reader = new ReaderPool({ workers: 1, timeoutMs: 1000, limits: { maxPdfPages: 1e6 } });
      try {
        const slow = await upload(base, auth, multipart("slow.pdf", manyPagePdf(20_000)));
        assert.equal(slow.status, 422);
        assert.equal(slow.body.error?.code, "READ_TIMEOUT");
        assert.match(slow.body.error!.message, /quá lâu/);
        const next = await upload(base, auth, multipart("next.pdf", manyPagePdf(1)));
        assert.equal(next.status, 201, JSON.stringify(next.body));
      } finally {
        await t.ctx.reader.close();
        t.ctx.reader = own;
      }
    });
  });
}
