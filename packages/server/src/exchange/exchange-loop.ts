/**
 * Every server process runs this loop beside its job loop: each tick sends what is due in the
 * outbox (outbox.ts; the database shares the rows among processes) and, when EXCHANGE_PICKUP_DIR
 * is set, receives the packages dropped there (pickup.ts). `wake()` runs a tick now (a package
 * was just queued here); ticks never overlap, and a lost database only pauses the loop.
 */
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.ts";
import { isDatabaseUnavailable } from "../database-unavailable.ts";
import { processOutbox } from "./outbox.ts";
import { pickUpFolder } from "./pickup.ts";
import type { Transport } from "./transport.ts";
import { loops } from "./wake.ts";

export interface ExchangeLoop {
  wake(): void;
  stop(): Promise<void>;
}

export interface ExchangeLoopOptions {
  worker: string;
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  everyMs?: number;
  transports?: Record<string, Transport>;
}

export function startExchangeLoop(ctx: AppContext, options: ExchangeLoopOptions): ExchangeLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let down = false;
  const tick = async () => {
    try {
      // Until the outbox has nothing due (bounded: a tick ends, the next one goes on).
      for (let i = 0; i < 50 && !stopped; i++)
        if (!(await processOutbox(ctx, options.worker, { transports: options.transports }))) break;
      if (ctx.config.exchange.pickupDir && !stopped) await pickUpFolder(ctx, options.log);
      if (down) options.log.info("database reachable again: exchange resumed");
      down = false;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) options.log.error({ err: e }, "exchange loop failed");
      else if (!down) {
        down = true;
        options.log.warn({ reason: (e as Error).message }, "database unavailable: exchange paused");
      }
    }
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = tick().finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  const timer = setInterval(run, options.everyMs ?? ctx.config.exchange.everyMs);
  timer.unref();
  loops.add(run);
  return {
    wake: run,
    async stop() {
      stopped = true;
      loops.delete(run);
      clearInterval(timer);
      await running;
    },
  };
}
