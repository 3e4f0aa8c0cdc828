/**
 * Issuing throughput: documents issued per second into one register (one agency, one type, one
 * year: every issue waits for the register's lock), at 1, 10 and 100 recipients, with 1 and 10
 * clerks issuing in parallel, on PGlite and (when TEST_DATABASE_URL or BENCH_DATABASE_URL names a
 * PostgreSQL server) on PostgreSQL. The server runs `vanthu serve` in a child process, unsigned
 * (bench/sign.ts measures signing); the clerks are concurrent HTTP sessions here.
 *
 *   npm run bench:issue [-- --documents N (100; fewer at 100 recipients) --recipients 1,10,100 --clerks 1,10 --baseline DIR --postgres-only]
 *
 * --baseline DIR measures another checkout of vanthu (a worktree of an earlier commit, with its
 * node_modules) in the same run, on a fresh database of each kind, and prints the two side by
 * side with their ratio. Each run checks its numbers: N issues, N consecutive numbers of the
 * agency's register, none twice.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { openTestDatabase } from "@vanthu/db";
import { draftFields } from "../packages/server/test/helpers.ts";
import { args, numberOption, root } from "./options.ts";
import { startChild, stop } from "./servers.ts";

const documentsOption = numberOption("--documents", 100);
/** Documents per scenario: --documents, but at most 2,000 copies (20 documents to 100 agencies). */
const documentsFor = (recipients: number) =>
  Math.min(documentsOption, Math.max(20, Math.floor(2000 / recipients)));
const listOption = (name: string, fallback: number[]) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]!.split(",").map(Number) : fallback;
};
const RECIPIENTS = listOption("--recipients", [1, 2, 10, 100]);
const CLERKS = listOption("--clerks", [1, 10]);
const baselineAt = args.indexOf("--baseline");
const TREES: Array<{ name: string; bin: string }> = [
  { name: "this tree", bin: join(root, "packages/cli/bin/vanthu.js") },
  ...(baselineAt >= 0
    ? [
        {
          name: "baseline",
          bin: join(resolve(args[baselineAt + 1]!), "packages/cli/bin/vanthu.js"),
        },
      ]
    : []),
];

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
}

async function post(url: string, s: Session, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

interface Row {
  db: string;
  tree: string;
  recipients: number;
  clerks: number;
  perSecond: number;
}
const rows: Row[] = [];

async function benchTree(
  db: string,
  tree: { name: string; bin: string },
  env: Record<string, string>,
) {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-bench-issue-"));
  const { url, child } = await startChild([tree.bin, "serve", "--port", "0"], {
    ...env,
    DATA_DIR: dataDir,
    DEMO_SIGNING: "0",
  });
  try {
    // The recipients: agencies of the installation, each a document's copy, delivery and tasks.
    const admin = await login(url, "admin");
    const agencies: string[] = [];
    for (let i = 0; i < Math.max(...RECIPIENTS); i++) {
      const a = (await post(url, admin, "/api/admin/agencies", {
        code: `bench-${i}`,
        name: `Phòng thử nghiệm số ${i + 1}`,
        abbreviation: `PTN${i + 1}`,
        kind: "state",
      })) as { id: string };
      agencies.push(a.id);
    }
    const leader = await login(url, "stttt-ls.lanhdao");
    for (const recipients of RECIPIENTS)
      for (const clerks of CLERKS) {
        const documents = documentsFor(recipients);
        const sessions = await Promise.all(
          Array.from({ length: clerks }, () => login(url, "stttt-ls.vanthu")),
        );
        const ids: string[] = [];
        for (let i = 0; i < documents; i += 10) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(10, documents - i) }, async () => {
              const d = (await post(url, sessions[0]!, "/api/documents", draftFields())) as {
                id: string;
              };
              return d.id;
            }),
          );
          ids.push(...batch);
        }
        await approveAll(url, sessions[0]!, leader, ids);
        const deliverTo = agencies
          .slice(0, recipients)
          .map((agencyId) => ({ agencyId, kind: "action" }));
        const numbers: string[] = [];
        let next = 0;
        const t0 = performance.now();
        await Promise.all(
          sessions.map(async (s) => {
            while (next < ids.length) {
              const id = ids[next++]!;
              const r = (await post(url, s, `/api/documents/${id}/issue`, { deliverTo })) as {
                number: string;
              };
              numbers.push(r.number);
            }
          }),
        );
        const seconds = (performance.now() - t0) / 1000;
        const sorted = numbers.map(Number).sort((a, b) => a - b);
        // The agency's one register for the year: each scenario's numbers follow the last's.
        if (sorted.length !== documents || sorted.some((n, i) => n !== sorted[0]! + i))
          throw new Error(`${db} ${tree.name}: numbers with a gap or twice: ${sorted.join(" ")}`);
        rows.push({ db, tree: tree.name, recipients, clerks, perSecond: documents / seconds });
        console.log(
          `  ${db.padEnd(8)} ${tree.name.padEnd(9)} ${String(recipients).padStart(3)} recipient(s), ${String(clerks).padStart(2)} clerk(s): ${(documents / seconds).toFixed(1)} issues/s (numbers ${sorted[0]}..${sorted.at(-1)}, no gap)`,
        );
      }
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each draft sent up to the leader and approved, 10 at a time. */
async function approveAll(url: string, clerk: Session, leader: Session, ids: string[]) {
  const people = (await (
    await fetch(`${url}/api/documents/${ids[0]}/reviewers`, { headers: { cookie: clerk.cookie } })
  ).json()) as { items: Array<{ id: string; title: string | null }> };
  const reviewerId = people.items.find((p) => p.title === "Lãnh đạo")!.id;
  for (let i = 0; i < ids.length; i += 10)
    await Promise.all(
      ids.slice(i, i + 10).map(async (id) => {
        await post(url, clerk, `/api/documents/${id}/review/submit`, { reviewerId });
        await post(url, leader, `/api/documents/${id}/review/approve`, {});
      }),
    );
}

console.log(
  `bench/issue: ${documentsOption} documents per scenario (at most 2,000 copies) into one register, recipients ${RECIPIENTS.join(", ")}, clerks ${CLERKS.join(", ")}, node ${process.version}`,
);
if (!args.includes("--postgres-only"))
  for (const tree of TREES) await benchTree("pglite", tree, {});
const pgAdmin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgAdmin) {
  process.env.TEST_DATABASE_URL = pgAdmin;
  for (const tree of TREES) {
    const db = await openTestDatabase("postgres");
    try {
      await benchTree("postgres", tree, { DATABASE_URL: db.url! });
    } finally {
      await db.close();
    }
  }
} else console.log("  (PostgreSQL: set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure it too)");

console.log("");
console.log(
  `  database  recipients  clerks  issues/s${TREES.length > 1 ? "  baseline  ratio" : ""}`,
);
for (const r of rows.filter((r) => r.tree === "this tree")) {
  const base = rows.find(
    (b) =>
      b.tree === "baseline" &&
      b.db === r.db &&
      b.recipients === r.recipients &&
      b.clerks === r.clerks,
  );
  console.log(
    `  ${r.db.padEnd(8)}  ${String(r.recipients).padStart(10)}  ${String(r.clerks).padStart(6)}  ${r.perSecond.toFixed(1).padStart(8)}` +
      (base
        ? `  ${base.perSecond.toFixed(1).padStart(8)}  ${(r.perSecond / base.perSecond).toFixed(2).padStart(5)}x`
        : ""),
  );
}
