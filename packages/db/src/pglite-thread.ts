/**
 * PGlite off the server's event loop: the database runs in a worker thread (pglite-thread.mjs)
 * and this object stands for it where PGlite's node-postgres adapter expects a PGlite instance
 * (`waitReady` and `execProtocolStream`), so the pool, Kysely, transactions and errors are as
 * they were. Every statement ran on the event loop before, synchronously, inside WebAssembly:
 * under concurrent issuing PGlite took 56 % of the loop, and nothing else (a page, a health check,
 * a file) was answered meanwhile.
 *
 * The bytes are the wire protocol's. node-postgres writes Parse, Bind, Describe, Execute, Close
 * and then Sync; the first ones are held and sent with the Sync, as a socket would carry them, so
 * an extended query is one round trip to the thread, not five. The answer is parsed here by
 * node-postgres's own parser (pg-protocol) into the messages its client reads.
 *
 * A thread that dies (out of memory, a bug in PGlite) fails what it was running and every query
 * after it with DATABASE_THREAD_ENDED, as a lost PostgreSQL connection does: the service answers
 * 503 rather than hanging.
 */
import { Worker } from "node:worker_threads";
import { Parser } from "pg-protocol/dist/parser.js";
import type { BackendMessage } from "pg-protocol/dist/messages.js";

const ENTRY = new URL("./pglite-thread.mjs", import.meta.url);

// Parse, Bind, Describe, Execute, Close: answered only once a Sync (or a Flush) follows.
const HELD = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);

export interface PGliteThreadOptions {
  dataDir: string;
  startParams: string[];
  /** The empty cluster to start a fresh directory from (pglite-template.ts), or null. */
  templatePath: string | null;
}

interface Reply {
  id: number;
  bytes?: Uint8Array;
  error?: string;
  closed?: true;
}

export class PGliteThread {
  readonly waitReady: Promise<void>;
  readonly #worker: Worker;
  readonly #waiting = new Map<
    number,
    { resolve: (r: Reply) => void; reject: (e: Error) => void }
  >();
  #next = 1;
  #held: Uint8Array[] = [];
  #ended: Error | null = null;

  constructor(options: PGliteThreadOptions) {
    this.#worker = new Worker(ENTRY, { workerData: options, execArgv: [] });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#worker.once("message", (m: { ready: boolean; error?: string }) =>
        m.ready ? resolve() : reject(new Error(`PGlite did not start: ${m.error}`)),
      );
      this.#worker.once("error", reject);
      this.#worker.once("exit", (code) => reject(new Error(`PGlite's thread ended (${code})`)));
    });
    this.#worker.on("message", (m: Reply | { ready: boolean }) => {
      if (!("id" in m)) return;
      const w = this.#waiting.get(m.id);
      if (!w) return;
      this.#waiting.delete(m.id);
      if (!this.#waiting.size) this.#worker.unref();
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m);
    });
    this.#worker.on("error", (e) => this.#end(e));
    this.#worker.on("exit", (code) => this.#end(new Error(`PGlite's thread ended (exit ${code})`)));
    // Idle, the thread does not keep the process alive (a command that ends, a test); starting
    // or waited on, it does.
    void this.waitReady.then(
      () => {
        if (!this.#waiting.size) this.#worker.unref();
      },
      () => undefined,
    );
  }

  #end(e: Error): void {
    this.#ended ??= Object.assign(e, { code: "DATABASE_THREAD_ENDED" });
    for (const w of this.#waiting.values()) w.reject(this.#ended);
    this.#waiting.clear();
  }

  #send(message: { bytes?: Uint8Array; close?: true }, transfer: ArrayBuffer[]): Promise<Reply> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = this.#next++;
    return new Promise<Reply>((resolve, reject) => {
      if (!this.#waiting.size) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message }, transfer);
    });
  }

  /** What PGlite's adapter calls with each message node-postgres writes. */
  async execProtocolStream(bytes: Uint8Array): Promise<BackendMessage[]> {
    if (HELD.has(bytes[0]!)) {
      this.#held.push(bytes.slice());
      return [];
    }
    const parts = [...this.#held, bytes];
    this.#held = [];
    const batch = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      batch.set(p, at);
      at += p.length;
    }
    const reply = await this.#send({ bytes: batch }, [batch.buffer]);
    const out = reply.bytes!;
    const messages: BackendMessage[] = [];
    if (out.length)
      new Parser().parse(Buffer.from(out.buffer, out.byteOffset, out.length), (m) =>
        messages.push(m),
      );
    return messages;
  }

  async close(): Promise<void> {
    if (!this.#ended) await this.#send({ close: true }, []).catch(() => undefined);
    await this.#worker.terminate();
    this.#end(new Error("PGlite's thread was closed"));
  }
}
