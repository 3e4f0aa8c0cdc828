/**
 * edXML exchange throughput, single-threaded: a document package carrying a 1 MB attachment (the
 * invented package of packages/edxml/test/fixtures.ts with its attachments replaced), written
 * (writeEdxmlDocument: header, manifest, base64) and read back (readEdxml: the whole tree, the
 * attachment decoded) per second, the median of rounds; and the structural check on the same
 * package; then the same package signed (signEdxml: XML-DSig, exc-c14n, SHA-256, RSA 2048 with
 * a development PKCS#12) and read with its signature checked against the root. Then the
 * end-to-end latency between two `vanthu serve` processes (A on PostgreSQL when
 * TEST_DATABASE_URL is set, else PGlite; B on PGlite), connected over HTTP as two installations:
 * for each of --documents directives issued at A, the time from the issue's reply until B holds
 * the record (one way: A's outbox, the package built, sent, read at B with its PDF parsed) and
 * until A's delivery shows B's 01 (the round trip), p50 and p95.
 *
 *   npm run bench:exchange [-- --seconds N] [-- --mb N] [-- --documents N] [-- --no-servers]
 */
import { randomBytes } from "node:crypto";
import {
  checkEdxmlStructure,
  readEdxml,
  signEdxml,
  writeEdxmlDocument,
  type EdxmlDocumentModel,
} from "@vanthu/edxml";
import { trustAnchorsFrom } from "@vanthu/extract";
import { createDevelopmentPki, Pkcs12Signer } from "@vanthu/signatures";
import { DOCUMENT } from "../packages/edxml/test/fixtures.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase } from "@vanthu/db";
import { draftFields } from "../packages/server/test/helpers.ts";
import { args, numberOption, root } from "./options.ts";
import { startChild, stop } from "./servers.ts";

const seconds = numberOption("--seconds", 3);
const mb = numberOption("--mb", 1);
const bytes = new Uint8Array(randomBytes(Math.round(mb * 1024 * 1024)));
const model: EdxmlDocumentModel = {
  ...DOCUMENT,
  attachments: [
    {
      contentId: "cid:bench-1",
      name: "van-ban.pdf",
      contentType: "application/pdf",
      description: "Văn bản ký số",
      bytes,
    },
  ],
};

/** Runs `f` for `seconds` (at least 5 times); the median time of one call, in seconds. */
function median(f: () => void): { median: number; runs: number } {
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || times.length < 5) {
    const t = performance.now();
    f();
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, runs: times.length };
}

/** The same for an asynchronous `f`. */
async function medianAsync(f: () => Promise<unknown>): Promise<{ median: number; runs: number }> {
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < seconds * 1000 || times.length < 5) {
    const t = performance.now();
    await f();
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, runs: times.length };
}

const xml = writeEdxmlDocument(model);
const packageBytes = new TextEncoder().encode(xml);
const check = readEdxml(packageBytes);
if (check.kind !== "document" || check.attachments[0]?.size !== bytes.length)
  throw new Error("bench:exchange: the package did not read back");

const write = median(() => writeEdxmlDocument(model));
const read = median(() => readEdxml(packageBytes));
const both = median(() => readEdxml(new TextEncoder().encode(writeEdxmlDocument(model))));
const structure = median(() => checkEdxmlStructure(packageBytes));
const rate = (s: number) => (1 / s).toFixed(1);
const ms = (s: number) => (s * 1000).toFixed(1);
console.log(
  `exchange: one document package, ${mb} MB attachment (${(packageBytes.length / 1048576).toFixed(2)} MB package), single thread, median:`,
);
console.log(
  `  written: ${rate(write.median)} packages/s (${ms(write.median)} ms, ${write.runs} runs)`,
);
console.log(
  `  read:    ${rate(read.median)} packages/s (${ms(read.median)} ms, ${read.runs} runs)`,
);
console.log(`  written and read back: ${rate(both.median)} packages/s (${ms(both.median)} ms)`);
console.log(
  `  structural check: ${rate(structure.median)} packages/s (${ms(structure.median)} ms)`,
);
const pki = await createDevelopmentPki();
const identity = await pki.agency({ name: "UBND tỉnh Cao Nguyên", password: "bench" });
const signer = Pkcs12Signer.open(identity.p12, "bench");
const anchors = trustAnchorsFrom(new TextEncoder().encode(pki.rootPem));
const signedBytes = await signEdxml(packageBytes, signer);
const verdict = readEdxml(signedBytes, {}, { trustAnchors: anchors });
if (verdict.kind !== "document" || verdict.signature?.verified !== "valid")
  throw new Error("bench:exchange: the signed package did not verify");
const sign = await medianAsync(() => signEdxml(packageBytes, signer));
const verify = median(() => readEdxml(signedBytes, {}, { trustAnchors: anchors }));
console.log(
  `  signed:  ${rate(sign.median)} packages/s (${ms(sign.median)} ms, ${sign.runs} runs)`,
);
console.log(
  `  read with the signature checked: ${rate(verify.median)} packages/s (${ms(verify.median)} ms, ${verify.runs} runs)`,
);

// ---- End to end, between two servers ----
if (args.includes("--no-servers")) process.exit(0);
const documents = Math.max(2, numberOption("--documents", 20));
const B_ORGAN = "000.99.01.H99";
const A_ORGAN = "000.00.21.H37";
const B_NAME = "Sở Văn hóa và Thể thao tỉnh Nghệ An";
const SECRET = randomBytes(24).toString("hex");
const bin = join(root, "packages/cli/bin/vanthu.js");
const pg = process.env.TEST_DATABASE_URL ? await openTestDatabase("postgres") : null;
const dirs = [
  mkdtempSync(join(tmpdir(), "bench-exchange-a-")),
  mkdtempSync(join(tmpdir(), "bench-exchange-b-")),
];
const common = { DEMO: "1", DEMO_SIGNING: "0", EXCHANGE_EVERY_SECONDS: "1", READER_WORKERS: "1" };
const a = await startChild([bin, "serve", "--port", "0"], {
  ...common,
  DATA_DIR: dirs[0]!,
  ...(pg ? { DATABASE_URL: pg.url! } : {}),
});
const b = await startChild([bin, "serve", "--port", "0"], { ...common, DATA_DIR: dirs[1]! });

interface Session {
  url: string;
  cookie: string;
  csrf: string;
}
async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { url, cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}
async function call<T>(s: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

try {
  // Connected as two installations (as server/test/exchange-fixture.ts does it, over HTTP).
  const bAdmin = await login(b.url, "admin");
  const agencies = await call<{ items: Array<{ id: string; code: string }> }>(
    bAdmin,
    "GET",
    "/api/agencies",
  );
  const hd = agencies.items.find((x) => x.code === "stttt-hd")!;
  const so = agencies.items.find((x) => x.code === "stttt-ls")!;
  await call(bAdmin, "PUT", `/api/admin/agencies/${so.id}/exchange`, { organId: null });
  await call(bAdmin, "PUT", `/api/admin/agencies/${hd.id}/exchange`, { organId: B_ORGAN });
  await call(bAdmin, "PUT", `/api/admin/exchange/peers/${A_ORGAN}`, {
    transport: "http",
    address: `${a.url}/api/exchange/inbox`,
    secret: SECRET,
  });
  const aAdmin = await login(a.url, "admin");
  await call(aAdmin, "PUT", `/api/admin/directory/${B_ORGAN}`, { name: B_NAME });
  await call(aAdmin, "PUT", `/api/admin/exchange/peers/${B_ORGAN}`, {
    transport: "http",
    address: `${b.url}/api/exchange/inbox`,
    secret: SECRET,
  });
  const clerk = await login(a.url, "stttt-ls.vanthu");
  const leader = await login(a.url, "stttt-ls.lanhdao");
  const bClerk = await login(b.url, "stttt-hd.vanthu");
  const oneWay: number[] = [];
  const roundTrip: number[] = [];
  for (let i = 0; i < documents; i++) {
    const d = await call<{ id: string }>(
      clerk,
      "POST",
      "/api/documents",
      draftFields({
        subject: `đo độ trễ liên thông số ${i + 1}`,
        addressees: [B_NAME],
        recipients: ["Như trên"],
      }),
    );
    const reviewers = await call<{ items: Array<{ id: string; title: string | null }> }>(
      clerk,
      "GET",
      `/api/documents/${d.id}/reviewers`,
    );
    await call(clerk, "POST", `/api/documents/${d.id}/review/submit`, {
      reviewerId: reviewers.items.find((p) => p.title === "Lãnh đạo")!.id,
    });
    await call(leader, "POST", `/api/documents/${d.id}/review/approve`, {});
    const issued = await call<{ reference: string }>(
      clerk,
      "POST",
      `/api/documents/${d.id}/issue`,
      {},
    );
    const t0 = performance.now();
    let arrived = 0;
    for (;;) {
      if (!arrived) {
        const log = await call<{ items: Array<{ reference: string | null }> }>(
          bClerk,
          "GET",
          "/api/exchange/messages?direction=in&pageSize=5",
        );
        if (log.items.some((m) => m.reference === issued.reference)) arrived = performance.now();
      }
      const deliveries = await call<{ items: Array<{ status: string }> }>(
        clerk,
        "GET",
        `/api/documents/${d.id}/deliveries`,
      );
      if (deliveries.items.some((x) => x.status === "01")) {
        oneWay.push((arrived || performance.now()) - t0);
        roundTrip.push(performance.now() - t0);
        break;
      }
      if (performance.now() - t0 > 60_000) throw new Error(`${issued.reference}: no 01 in 60 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  if (args.includes("--each"))
    console.log("    each round trip (ms):", roundTrip.map((x) => x.toFixed(0)).join(" "));
  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((x, y) => x - y);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(0);
  };
  // The first directive pays for the cold start (readers spawned, fonts and pdfjs loaded): apart.
  const warmOne = oneWay.slice(1);
  const warmRound = roundTrip.slice(1);
  console.log(
    `  end to end, two servers (A on ${pg ? "PostgreSQL" : "PGlite"}, B on PGlite), HTTP, ${documents} directives with their PDF:`,
  );
  console.log(
    `    first (cold): ${oneWay[0]!.toFixed(0)} ms to B's record, ${roundTrip[0]!.toFixed(0)} ms to its 01`,
  );
  console.log(
    `    issued at A -> record at B:   p50 ${pct(warmOne, 50)} ms, p95 ${pct(warmOne, 95)} ms (${warmOne.length} warm)`,
  );
  console.log(
    `    issued at A -> 01 back at A:  p50 ${pct(warmRound, 50)} ms, p95 ${pct(warmRound, 95)} ms`,
  );
  // What was sent again, and why: a bench that hides its retries lies about its latency.
  for (const [side, s] of [
    ["A", clerk],
    ["B", bClerk],
  ] as const) {
    const log = await call<{ items: Array<{ attempts: number; errorCode: string | null }> }>(
      s,
      "GET",
      "/api/exchange/messages?direction=out&pageSize=100",
    );
    const retried = log.items.filter((m) => m.attempts > 1);
    console.log(
      `    ${side}: ${log.items.length} packages sent, ${retried.length} sent more than once${retried.length ? ` (${[...new Set(retried.map((m) => m.errorCode))].join(", ")})` : ""}`,
    );
  }
} finally {
  await stop(a.child);
  await stop(b.child);
  await pg?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
