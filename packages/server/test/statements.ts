/**
 * Every statement node-postgres sends from this process, in order (Client.query, on PostgreSQL
 * and on PGlite through its adapter alike): tests empty it, act, and count what was sent.
 */
import pg from "pg";

export const statements: string[] = [];

const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  const q = a[0] as string | { text?: string };
  statements.push(typeof q === "string" ? q : (q?.text ?? ""));
  return query.apply(this, a);
} as typeof pg.Client.prototype.query;
