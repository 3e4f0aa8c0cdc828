/**
 * API throughput with autocannon: requests/s, p50 and p99 for the outgoing list and for issuing,
 * next to a bare Fastify hello-world measured in the same run, on PGlite and (when
 * TEST_DATABASE_URL or BENCH_DATABASE_URL names a PostgreSQL server) on PostgreSQL. Servers run
 * in child processes; autocannon runs here.
 *
 *   npm run bench:api [-- --seconds N --connections N --issues N --baseline DIR --write-baseline]
 *
 * The list's req/s as a share of bare Fastify's, per database, is printed beside
 * `listShareOfBareFastify` in bench/baselines.json (bench/baselines.ts); --write-baseline writes it.
 *
 * --baseline DIR measures another checkout of vanthu (a worktree of an earlier commit, with its
 * node_modules) in the same run, after each database, and prints this tree's list req/s against it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { openTestDatabase } from "@vanthu/db";
import { draftFields } from "../packages/server/test/helpers.ts";
import { args, numberOption, root } from "./options.ts";
import { startChild, stop } from "./servers.ts";
import { printBeside, writeBaseline } from "./baselines.ts";

const seconds = numberOption("--seconds", 5);
const connections = numberOption("--connections", 10);
const issues = numberOption("--issues", 400);
const BIN = join(root, "packages/cli/bin/vanthu.js");
const baselineAt = args.indexOf("--baseline");
const BASELINE_BIN =
  baselineAt >= 0 ? join(resolve(args[baselineAt + 1]!), "packages/cli/bin/vanthu.js") : null;

interface Row {
  db: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU the server process spent per request (user + system), in ms; null off Linux. */
  cpuMs: number | null;
}
const rows: Row[] = [];

/**
 * CPU time of a process so far, in ms, from /proc (Linux). Unlike req/s, it hardly moves when
 * other work shares the machine, so it compares two checkouts fairly on a busy machine. For
 * PostgreSQL it leaves out the database's own processes.
 */
function cpuMsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 (1-based), 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function cannon(
  db: string,
  scenario: string,
  options: autocannon.Options,
  pid?: number,
): Promise<void> {
  const cpu0 = cpuMsOf(pid);
  const r = await autocannon({ connections, ...options });
  const cpu1 = cpuMsOf(pid);
  const errors = r.errors + r.non2xx + r.timeouts;
  rows.push({
    db,
    scenario,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors,
    cpuMs:
      cpu0 !== null && cpu1 !== null && r.requests.total ? (cpu1 - cpu0) / r.requests.total : null,
  });
}

async function session(url: string, username = "stttt-ls.vanthu") {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

const draft = JSON.stringify(
  draftFields({
    subject: "tuyên truyền phòng, chống thiên tai",
    paragraphs: Array.from(
      { length: 8 },
      (_, i) =>
        `${i + 1}. Đưa tin, bài về công tác phòng, chống thiên tai, tìm kiếm cứu nạn trên địa bàn tỉnh; hướng dẫn người dân kỹ năng ứng phó với mưa lũ, sạt lở đất./.`,
    ),
  }),
);

async function benchVanthu(db: string, env: Record<string, string>, bin = BIN) {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-api-"));
  const { url, child } = await startChild([bin, "serve", "--port", "0"], {
    ...env,
    DATA_DIR: dataDir,
    // Issuing measured as before, unsigned (bench/sign.ts measures issuing with a signature).
    DEMO_SIGNING: "0",
  });
  try {
    const s = await session(url);
    const headers = {
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      "content-type": "application/json",
    };
    const ids: string[] = [];
    for (let i = 0; i < issues + 50; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`${url}/api/documents`, { method: "POST", headers, body: draft }).then(
            (r) => r.json() as Promise<{ id: string }>,
          ),
        ),
      );
      ids.push(...batch.map((b) => b.id));
    }
    // Only an approved draft is issued: each is sent up to the leader, who approves it.
    const l = await session(url, "stttt-ls.lanhdao");
    const leaderHeaders = { ...headers, cookie: l.cookie, "x-csrf-token": l.csrf };
    const people = (await (
      await fetch(`${url}/api/documents/${ids[0]}/reviewers`, { headers })
    ).json()) as { items: Array<{ id: string; title: string | null }> };
    const reviewerId = people.items.find((p) => p.title === "Lãnh đạo")!.id;
    for (let i = 0; i < ids.length; i += 10)
      await Promise.all(
        ids.slice(i, i + 10).map(async (id) => {
          await fetch(`${url}/api/documents/${id}/review/submit`, {
            method: "POST",
            headers,
            body: JSON.stringify({ reviewerId }),
          });
          await fetch(`${url}/api/documents/${id}/review/approve`, {
            method: "POST",
            headers: leaderHeaders,
            body: "{}",
          });
        }),
      );
    // 50 issued documents in the outgoing box before the list is measured.
    for (const id of ids.splice(0, 50))
      await fetch(`${url}/api/documents/${id}/issue`, { method: "POST", headers });
    await cannon(
      db,
      "GET /api/documents?box=outgoing",
      {
        url: `${url}/api/documents?box=outgoing`,
        headers: { cookie: s.cookie },
        duration: seconds,
      },
      child.pid,
    );
    let next = 0;
    await cannon(
      db,
      "POST /api/documents/:id/issue",
      {
        url,
        amount: ids.length,
        requests: [
          {
            method: "POST",
            headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
            setupRequest: (req) => ({ ...req, path: `/api/documents/${ids[next++]}/issue` }),
          },
        ],
      },
      child.pid,
    );
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchHello() {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-hello-"));
  const file = join(dir, "hello.mjs");
  writeFileSync(
    file,
    `import Fastify from ${JSON.stringify(join(root, "node_modules/fastify/fastify.js"))};
const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
await app.listen({ port: 0, host: "127.0.0.1" });
console.log("listening on http://127.0.0.1:" + app.server.address().port);
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));`,
  );
  const { url, child } = await startChild([file], {});
  try {
    await cannon("-", "bare Fastify hello-world", { url, duration: seconds }, child.pid);
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `bench/api: ${connections} connections, ${seconds} s per GET scenario, ${issues} issues per database, node ${process.version}`,
);
await benchHello();
await benchVanthu("pglite", {});
if (BASELINE_BIN) await benchVanthu("pglite (baseline)", {}, BASELINE_BIN);
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgAdmin) {
  process.env.TEST_DATABASE_URL = pgAdmin;
  const db = await openTestDatabase("postgres");
  try {
    await benchVanthu("postgres", { DATABASE_URL: db.url! });
  } finally {
    await db.close();
  }
  if (BASELINE_BIN) {
    const base = await openTestDatabase("postgres");
    try {
      await benchVanthu("postgres (baseline)", { DATABASE_URL: base.url! }, BASELINE_BIN);
    } finally {
      await base.close();
    }
  }
} else console.log("  (PostgreSQL: set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure it too)");

const hello = rows[0]!.rps;
console.log("");
console.log(
  "  database             scenario                              req/s    p50 ms  p99 ms  errors  vs hello  cpu ms/req",
);
for (const r of rows)
  console.log(
    `  ${r.db.padEnd(19)}  ${r.scenario.padEnd(36)}  ${r.rps.toFixed(0).padStart(6)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.errors).padStart(6)}  ${((r.rps / hello) * 100).toFixed(1).padStart(6)}%  ${r.cpuMs === null ? "-" : r.cpuMs.toFixed(3).padStart(9)}`,
  );

if (BASELINE_BIN) {
  console.log("");
  for (const db of ["pglite", "postgres"]) {
    const now = rows.find((r) => r.db === db && r.scenario.startsWith("GET"));
    const base = rows.find((r) => r.db === `${db} (baseline)` && r.scenario.startsWith("GET"));
    if (now && base)
      console.log(
        `  ${db}: list ${now.rps.toFixed(0)} req/s against the baseline's ${base.rps.toFixed(0)} (${((now.rps / base.rps) * 100).toFixed(0)}%)` +
          (now.cpuMs !== null && base.cpuMs !== null
            ? `; server CPU ${now.cpuMs.toFixed(3)} ms a request against ${base.cpuMs.toFixed(3)} (${((now.cpuMs / base.cpuMs) * 100).toFixed(0)}%)`
            : ""),
      );
  }
}

// The list's req/s as a share of bare Fastify's in the same run: beside the committed figure.
console.log("");
for (const db of ["pglite", "postgres"]) {
  const list = rows.find((r) => r.db === db && r.scenario.startsWith("GET"));
  if (!list) continue;
  const share = (list.rps / hello) * 100;
  printBeside("listShareOfBareFastify", db, share, "% of bare Fastify", true);
  if (args.includes("--write-baseline")) writeBaseline("listShareOfBareFastify", db, share);
}
