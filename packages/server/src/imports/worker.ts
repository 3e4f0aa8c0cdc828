/**
 * The import worker of one process: takes queued items (imports/items.ts) as long as it has a
 * free reader, as many at once as the reader pool has readers, renews the lease of each while it
 * is read, and looks again when an item ends, when an upload wakes it, or every `pollMs` (items
 * queued by other processes, leases that ran out). Every server process runs one, and so does
 * `vanthu import` (for its own batch). Like the job loop, it outlives database outages: a failed
 * look is logged once per outage.
 *
 * Stopping (the app closing) takes nothing more, waits `graceMs` for the items being read, and
 * gives the others back to the queue so that another process takes them at once; a process that
 * dies instead leaves its leases to run out.
 */
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.ts";
import { isDatabaseUnavailable } from "../database-unavailable.ts";
import type { readImportFile } from "../documents/import-file.ts";
import {
  claimItems,
  processItem,
  releaseItem,
  renewLease,
  type ClaimedItem,
  type Outcome,
} from "./items.ts";

export interface ImportWorkerOptions {
  /** Names this process in `locked_by` (host, pid). */
  worker: string;
  log?: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  /** Items read at once: IMPORT_CONCURRENCY by default (the CLI: its reader pool's size). */
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  /** Only this batch's items (`vanthu import`). */
  batchId?: string;
  /** How long stopping waits for the items being read before giving them back. */
  graceMs?: number;
  /** Called after each item with its outcome (progress, tests). */
  onOutcome?: (item: ClaimedItem, outcome: Outcome) => void;
  /** The reading (tests slow it down or make it hang). */
  read?: typeof readImportFile;
}

export interface ImportWorker {
  /** Look for items now (an upload queued some). */
  wake(): void;
  /** Items being read by this worker now. */
  readonly busy: number;
  /**
   * Stops taking items; waits up to `graceMs` for those being read, then gives the rest back
   * (`release: false` leaves them to their leases, as a process that died would).
   */
  stop(options?: { release?: boolean; graceMs?: number }): Promise<void>;
}

const silent = { info() {}, warn() {}, error() {} };

export function startImportWorker(ctx: AppContext, options: ImportWorkerOptions): ImportWorker {
  const log = options.log ?? silent;
  const concurrency = Math.max(1, options.concurrency ?? ctx.config.importConcurrency);
  const pollMs = options.pollMs ?? 2_000;
  const leaseMs = options.leaseMs ?? ctx.config.importLeaseMs;
  const running = new Map<
    number,
    { item: ClaimedItem; done: Promise<void>; timer: NodeJS.Timeout }
  >();
  let stopped = false;
  let down = false;
  let pending = true;
  let wakeUp: (() => void) | null = null;

  const wake = () => {
    pending = true;
    wakeUp?.();
  };
  const nap = () =>
    new Promise<void>((resolve) => {
      if (pending || stopped) return resolve();
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const start = (item: ClaimedItem) => {
    const timer = setInterval(() => {
      renewLease(ctx, item, leaseMs).catch(() => undefined);
    }, leaseMs / 3);
    timer.unref();
    const done = processItem(ctx, item, options.read)
      .then(
        (outcome) => options.onOutcome?.(item, outcome),
        (e: unknown) => {
          if (!stopped) log.error({ err: e }, "import item failed");
        },
      )
      .finally(() => {
        clearInterval(timer);
        running.delete(item.id);
        wake();
      });
    running.set(item.id, { item, done, timer });
  };

  const loop = (async () => {
    while (!stopped) {
      pending = false;
      const free = concurrency - running.size;
      if (free > 0) {
        try {
          const items = await claimItems(ctx, options.worker, free, {
            leaseMs,
            ...(options.batchId ? { batchId: options.batchId } : {}),
          });
          if (down) log.info("database reachable again: imports resumed");
          down = false;
          if (stopped) {
            for (const item of items) await releaseItem(ctx, item).catch(() => undefined);
            break;
          }
          for (const item of items) start(item);
          // All free readers got one: there may be more waiting.
          if (items.length === free) pending = true;
        } catch (e) {
          if (!isDatabaseUnavailable(e)) log.error({ err: e }, "import worker failed");
          else if (!down) {
            down = true;
            log.warn({ reason: (e as Error).message }, "database unavailable: imports paused");
          }
        }
      }
      await nap();
    }
  })();

  return {
    wake,
    get busy() {
      return running.size;
    },
    async stop({ release = true, graceMs = options.graceMs ?? 5_000 } = {}) {
      stopped = true;
      wakeUp?.();
      await loop;
      const left = [...running.values()];
      if (left.length && graceMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(left.map((r) => r.done)),
          new Promise((r) => (timer = setTimeout(r, graceMs))),
        ]);
        clearTimeout(timer);
      }
      for (const r of running.values()) {
        clearInterval(r.timer);
        if (release) await releaseItem(ctx, r.item).catch(() => undefined);
      }
    },
  };
}
