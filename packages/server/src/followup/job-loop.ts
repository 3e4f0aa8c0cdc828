/**
 * The background job loop of one server process: every few seconds it runs the due jobs. It
 * outlives the database: while the database is out of reach each tick fails fast (the pool's
 * connection timeout) and the loop says so once per outage, not once per tick, then once more when
 * the jobs run again. Ticks never overlap.
 */
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.ts";
import { isDatabaseUnavailable } from "../database-unavailable.ts";
import { runDueJobs } from "./jobs.ts";

export interface JobLoop {
  /** Stops ticking and waits for the running tick. */
  stop(): Promise<void>;
}

export function startJobLoop(
  ctx: AppContext,
  worker: string,
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">,
  everyMs: number,
): JobLoop {
  let running: Promise<void> | null = null;
  let down = false;
  const tick = async () => {
    try {
      await runDueJobs(ctx, worker);
      if (down) log.info("database reachable again: background jobs resumed");
      down = false;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) log.error({ err: e }, "job runner failed");
      else if (!down) {
        down = true;
        log.warn({ reason: (e as Error).message }, "database unavailable: background jobs paused");
      }
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
