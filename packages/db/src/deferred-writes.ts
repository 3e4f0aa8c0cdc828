/**
 * Writes held back and sent together: a Kysely instance on a transaction whose INSERT, UPDATE and
 * DELETE statements without RETURNING are queued instead of sent, and go to the server in one
 * message (the simple query protocol, several statements, their parameters written as quoted
 * literals) when something needs an answer, or at `flush`. Every other statement flushes the queue
 * first, so statements run in the order they were written and a read sees the writes before it.
 *
 * What it is for: a transaction that holds a lock many rows long (issuing holds its register's
 * row from the number to the commit). Each statement is a round trip, and on a busy server each
 * answer also waits its turn on the event loop; queued, the writes under the lock cost one.
 *
 * On a Kysely outside a transaction, a flush is one message too, and PostgreSQL runs the statements
 * of one message as one implicit transaction: all of them or none.
 *
 * The values are then in the statements' text: a statement that fails is logged by PostgreSQL with
 * them (log_min_error_statement), where a parameter's value is not logged by default.
 *
 * What changes for the code that writes: a queued statement answers at once with no rows and no
 * row count, and its error (a constraint, say) is thrown by the flush, inside the same
 * transaction, which then rolls back as it would have. Code that reads the count of what it wrote,
 * or catches a write's own error, must not write through it.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type Transaction,
} from "kysely";

export interface DeferredWrites<DB> {
  /** Build and write with this one: its writes are queued (it never begins or commits). */
  db: Transaction<DB>;
  /** Sends what is queued, in one message; resolves once the server has run all of it. */
  flush(): Promise<void>;
  /** Statements queued and not yet sent. */
  readonly pending: number;
}

/**
 * `fn` writes through deferred writes, which are flushed when it returns (not when it throws: the
 * transaction then rolls back), whatever way it returns.
 */
export async function withDeferredWrites<DB, T>(
  trx: Kysely<DB> | Transaction<DB>,
  fn: (db: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const w = deferredWrites(trx);
  const result = await fn(w.db);
  await w.flush();
  return result;
}

/** A statement that answers nothing the caller reads: queued. */
export function isDeferrable(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === "InsertQueryNode" || kind === "UpdateQueryNode" || kind === "DeleteQueryNode")
    return !("returning" in query.query && query.query.returning);
  if (kind === "RawNode")
    return /^\s*(insert|update|delete)\b/i.test(query.sql) && !/\breturning\b/i.test(query.sql);
  return false;
}

export function deferredWrites<DB>(trx: Kysely<DB> | Transaction<DB>): DeferredWrites<DB> {
  const queue: CompiledQuery[] = [];
  async function flush() {
    if (!queue.length) return;
    const sent = queue.splice(0);
    if (sent.length === 1) await trx.executeQuery(sent[0]!);
    // Each on its own lines: a statement ending in a -- comment cannot swallow the next.
    else await trx.executeQuery(CompiledQuery.raw(sent.map(inlineParameters).join("\n;\n")));
  }
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      if (isDeferrable(query)) {
        queue.push(query);
        return { rows: [] };
      }
      await flush();
      return trx.executeQuery<R>(query as CompiledQuery<R>);
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error("deferredWrites: streaming is not supported");
    },
  };
  const refuse = () => Promise.reject(new Error("deferredWrites: it writes inside a transaction"));
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    // The helpers that write take a transaction; this one writes only inside `trx`.
    db: db as unknown as Transaction<DB>,
    flush,
    get pending() {
      return queue.length;
    },
  };
}

/** `'text'`, `E'a\\b'` for text with backslashes: a string constant, as node-postgres writes it. */
export function quoteLiteral(text: string): string {
  if (text.includes("\0")) throw new Error("deferredWrites: a NUL character in a parameter");
  const body = text.replace(/'/g, "''");
  return text.includes("\\") ? `E'${body.replace(/\\/g, "\\\\")}'` : `'${body}'`;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** A Date as node-postgres sends it: local time with its offset. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error("deferredWrites: an invalid Date");
  const offset = -d.getTimezoneOffset();
  let year = d.getFullYear();
  const bc = year < 1;
  if (bc) year = Math.abs(year) + 1;
  return (
    `${pad(year, 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:` +
    `${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}` +
    `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}` +
    (bc ? " BC" : "")
  );
}

/** An array as PostgreSQL's array input reads it ('{"a",NULL,"b\\"c"}'), as node-postgres does. */
function arrayText(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return "NULL";
    if (Array.isArray(v)) return arrayText(v);
    if (Buffer.isBuffer(v)) return `"\\\\x${v.toString("hex")}"`;
    const text = valueText(v)!;
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

/** A parameter's text, as node-postgres would send it (null for NULL). */
function valueText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateText(v);
  if (Buffer.isBuffer(v)) return `\\x${v.toString("hex")}`;
  if (ArrayBuffer.isView(v))
    return `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")}`;
  if (Array.isArray(v)) return arrayText(v);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A parameter as a constant: untyped ('...'), resolved by its place as a parameter is. */
export function literalOf(v: unknown): string {
  const text = valueText(v);
  return text === null ? "NULL" : quoteLiteral(text);
}

/**
 * The statement with its parameters ($1, $2...) written in as constants. Only placeholders are
 * replaced: not a `$1` inside a string, a quoted name or a line comment. A block comment or a
 * dollar-quoted string is refused (an error, before anything is sent).
 */
export function inlineParameters(query: CompiledQuery): string {
  const s = query.sql;
  const params = query.parameters;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    // 'string', E'string' (backslash escapes), "name": copied to their closing quote.
    if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(s[i - 1] ?? "") && !/\w/.test(s[i - 2] ?? "");
      let j = i + 1;
      while (j < s.length) {
        if (escapes && s[j] === "\\") j += 2;
        else if (s[j] === c) {
          if (s[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "-" && s[i + 1] === "-") {
      const end = s.indexOf("\n", i);
      const j = end < 0 ? s.length : end;
      out += s.slice(i, j);
      i = j;
      continue;
    }
    // PostgreSQL nests block comments and takes any letter in a dollar quote's tag: rather than
    // follow either, a statement holding one is not written in (none of ours does).
    if (c === "/" && s[i + 1] === "*")
      throw new Error("deferredWrites: a block comment in a queued statement");
    if (c === "$") {
      const placeholder = /^\$(\d+)/.exec(s.slice(i, i + 12));
      // A placeholder, not the tail of a name (a$1).
      if (placeholder && !/[\w$]/.test(s[i - 1] ?? "")) {
        const n = Number(placeholder[1]);
        if (n < 1 || n > params.length)
          throw new Error(`deferredWrites: $${n} of ${params.length} parameters`);
        out += literalOf(params[n - 1]);
        i += placeholder[0].length;
        continue;
      }
      if (!/[\w$]/.test(s[i - 1] ?? ""))
        throw new Error("deferredWrites: a dollar-quoted string in a queued statement");
    }
    out += c;
    i++;
  }
  return out;
}
