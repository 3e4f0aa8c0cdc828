/**
 * The data sets of bench/search.ts on PostgreSQL: one database per size (`<base>_100k`,
 * `<base>_300k`, `<base>_1m`...), migrated, filled once and marked complete, then reused by every
 * later run (a data set of another generator version, or left half-filled, is made again). Before
 * filling, the free disk is compared with the size the data set will need.
 */
import { statfsSync } from "node:fs";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase, migrate, type DatabaseHandle } from "@vanthu/db";
import { insertAgency } from "../packages/server/src/agencies/create-agency.ts";
import { generator, seeded, type Material } from "./search-corpus.ts";

/** Changes when the generated documents change: older data sets are then made again. */
export const GENERATOR_VERSION = "2";

export const label = (n: number) =>
  n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n);

async function admin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

export interface Dataset {
  handle: DatabaseHandle;
  url: string;
  reused: boolean;
  seconds: number;
}

/**
 * Bytes on disk per document of an existing complete data set (one per size, or the grown one),
 * else a cautious guess.
 */
export async function bytesPerDocument(baseUrl: string, sizes: number[]): Promise<number> {
  for (const suffix of ["grow", ...sizes]) {
    const url = urlFor(baseUrl, suffix);
    const got = await admin(baseUrl, async (c) => {
      const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName(url)]);
      if (!r.rowCount) return null;
      return admin(url, async (d) => {
        const ok = await d
          .query("SELECT documents FROM bench_dataset WHERE complete AND version = $1", [
            GENERATOR_VERSION,
          ])
          .catch(() => null);
        if (!ok?.rowCount) return null;
        const s = await d.query("SELECT pg_database_size(current_database())::float8 AS b");
        return Number(s.rows[0].b) / Number(ok.rows[0].documents);
      });
    });
    if (got) return got;
  }
  return 80_000;
}

export const freeBytes = (path: string) => {
  const s = statfsSync(path);
  return s.bavail * s.bsize;
};

const dbName = (url: string) => new URL(url).pathname.slice(1);
/** The base URL with `_<suffix>` after its database name (a size's label, or "grow"). */
export function urlFor(baseUrl: string, suffix: number | string): string {
  const u = new URL(baseUrl);
  u.pathname = `/${dbName(baseUrl)}_${typeof suffix === "number" ? label(suffix) : suffix}`;
  return u.toString();
}

const databaseExists = (baseUrl: string, name: string) =>
  admin(baseUrl, async (c) =>
    Boolean((await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount),
  );

/** Documents of a complete data set of this generator version, else -1. */
async function held(handle: DatabaseHandle): Promise<number> {
  const ok = await sql<{ documents: number }>`SELECT documents FROM bench_dataset
    WHERE complete AND version = ${GENERATOR_VERSION}`
    .execute(handle.db)
    .catch(() => ({ rows: [] }));
  return ok.rows.length ? Number(ok.rows[0]!.documents) : -1;
}

/** The data set of n documents: reused when complete, else made (progress on stderr). */
export async function dataset(
  baseUrl: string,
  n: number,
  material: Material,
  /** Bytes it will need, and bytes free: not made (NO_ROOM) when they do not fit. */
  need = 0,
  free = Infinity,
  url = urlFor(baseUrl, n),
): Promise<Dataset> {
  const name = dbName(url);
  if (await databaseExists(baseUrl, name)) {
    const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
    if ((await held(handle)) === n) {
      // Migrations added since the data set was made run on it (as on an installation).
      await migrate(handle.db);
      return { handle, url, reused: true, seconds: 0 };
    }
    await handle.close();
    await admin(baseUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  if (need > free)
    throw Object.assign(new Error(`${name}: needs ${need} bytes, ${free} free`), {
      code: "NO_ROOM",
    });
  await admin(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const handle = await openDatabase({ databaseUrl: url, poolSize: 3 });
  await migrate(handle.db);
  await sql`CREATE TABLE bench_dataset (documents int, version text, complete boolean)`.execute(
    handle.db,
  );
  await sql`INSERT INTO bench_dataset VALUES (${n}, ${GENERATOR_VERSION}, false)`.execute(
    handle.db,
  );
  const agencyId = await insertAgency(handle.db, {
    code: "bench",
    name: "Cơ quan thử",
    abbreviation: "CQT",
    kind: "state",
  });
  const seconds = await fill(handle, name, agencyId, material, 0, n);
  return { handle, url, reused: false, seconds };
}

/**
 * With --grow: one database (`<base>_grow`) holds the curve's largest size so far and grows in
 * place to the next (100k, then 200k more to 300k, then 700k more to 1M), so a whole curve on a
 * fresh machine generates 1M documents instead of 1.4M. It cannot shrink: a size below what it
 * holds is refused (GROWN_PAST), and the per-size data sets measure it.
 */
export async function grownDataset(
  baseUrl: string,
  n: number,
  material: Material,
  need = 0,
  free = Infinity,
): Promise<Dataset> {
  const url = urlFor(baseUrl, "grow");
  const name = dbName(url);
  if (await databaseExists(baseUrl, name)) {
    const handle = await openDatabase({ databaseUrl: url, poolSize: 3 });
    const has = await held(handle);
    if (has > n) {
      await handle.close();
      throw Object.assign(new Error(`${name} holds ${has} documents, more than ${n}`), {
        code: "GROWN_PAST",
      });
    }
    if (has >= 0) {
      await migrate(handle.db);
      if (has === n) return { handle, url, reused: true, seconds: 0 };
      // It holds `has` already: only the documents to add need room.
      const more = (need * (n - has)) / n;
      if (more > free)
        throw Object.assign(new Error(`${name}: needs ${more} bytes, ${free} free`), {
          code: "NO_ROOM",
          need: more,
        });
      await sql`UPDATE bench_dataset SET complete = false`.execute(handle.db);
      const agency = await sql<{
        id: string;
      }>`SELECT id FROM agencies WHERE code = 'bench'`.execute(handle.db);
      const seconds = await fill(handle, name, agency.rows[0]!.id, material, has, n);
      await sql`UPDATE bench_dataset SET documents = ${n}`.execute(handle.db);
      return { handle, url, reused: false, seconds };
    }
    await handle.close();
    await admin(baseUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  return dataset(baseUrl, n, material, need, free, url);
}

/** Appends documents from..n (progress on stderr), analyses, marks complete: seconds taken. */
async function fill(
  handle: DatabaseHandle,
  name: string,
  agencyId: string,
  material: Material,
  from: number,
  n: number,
): Promise<number> {
  const start = performance.now();
  // Seeded by where it starts: a grown data set's tranches differ from each other.
  const make = generator(material, seeded(from ? n * 7919 + from : n));
  const batch = 200;
  let done = from;
  let last = start;
  // Two inserts in flight (the database computes the vectors of a batch on each of the
  // machine's two cores) while the next batch is made here.
  const pending: Array<Promise<unknown>> = [];
  while (done < n) {
    const rows = Array.from({ length: Math.min(batch, n - done) }, (_, k) => {
      const d = make();
      return {
        agency_id: agencyId,
        direction: "outgoing",
        status: "issued",
        is_public: true,
        type_code: d.code,
        type_name: d.typeName,
        number: d.number,
        reference: d.reference,
        issuer_name: d.issuer,
        document_date: d.date,
        subject: d.subject,
        body: d.body,
        // Distinct creation times, in the order made.
        created_at: new Date(Date.UTC(2026, 0, 1) + (done + k) * 1000).toISOString(),
      };
    });
    const write = sql`INSERT INTO documents (agency_id, direction, status, is_public, type_code,
        type_name, number, reference, issuer_name, document_date, subject, content, body, created_at)
      SELECT agency_id, direction, status, is_public, type_code, type_name, number, reference,
        issuer_name, document_date, subject, '{}'::jsonb, body, created_at
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(agency_id uuid, direction text,
        status text, is_public boolean, type_code text, type_name text, number text,
        reference text, issuer_name text, document_date date, subject text, body text,
        created_at timestamptz)`.execute(handle.db);
    pending.push(write);
    if (pending.length >= 2) await pending.shift();
    done += rows.length;
    if (performance.now() - last > 30_000) {
      last = performance.now();
      const s = (last - start) / 1000;
      process.stderr.write(
        `  ${name}: ${done}/${n} in ${s.toFixed(0)} s, about ${(((n - done) * s) / (done - from) / 60).toFixed(0)} min left\n`,
      );
    }
  }
  await Promise.all(pending);
  await sql`VACUUM (ANALYZE) documents`.execute(handle.db);
  await sql`UPDATE bench_dataset SET complete = true`.execute(handle.db);
  return (performance.now() - start) / 1000;
}
