// @ts-check
// PGlite in a thread of its own (pglite-thread.ts starts it). PostgreSQL in WebAssembly runs
// every statement synchronously on the thread that owns it; here that is this worker, not the
// server's event loop. The parent sends the wire protocol's bytes (the messages node-postgres
// writes), this thread runs them and answers the server's bytes, one batch at a time, in order.
// Plain JavaScript: it imports only PGlite, so it runs as it is from the sources and from the
// build alike, without a TypeScript loader in the worker.
import { Blob } from "node:buffer";
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
/** @type {{ dataDir: string, startParams: string[], templatePath: string | null }} */
const options = workerData;

/** @param {unknown} e */
const describe = (e) => (e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e));

/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create(options.dataDir, {
    extensions: { unaccent },
    startParams: options.startParams,
    ...(options.templatePath
      ? {
          loadDataDir: new Blob([readFileSync(options.templatePath)], {
            type: "application/x-gzip",
          }),
        }
      : {}),
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: describe(e) });
  port.close();
}

/** One batch at a time, in the order sent. */
let last = Promise.resolve();
port.on(
  "message",
  /** @param {{ id: number, bytes?: Uint8Array, close?: true }} m */
  (m) => {
    last = last.then(async () => {
      if (m.close) {
        await pglite.close().catch(() => undefined);
        port.postMessage({ id: m.id, closed: true });
        port.close();
        return;
      }
      try {
        // A view of WebAssembly memory until copied: the copy is handed over, not cloned.
        const out = (await pglite.execProtocolRaw(/** @type {Uint8Array} */ (m.bytes))).slice();
        port.postMessage({ id: m.id, bytes: out }, [out.buffer]);
      } catch (e) {
        port.postMessage({ id: m.id, error: describe(e) });
      }
    });
  },
);
