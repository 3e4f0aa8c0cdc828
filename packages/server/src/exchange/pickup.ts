/**
 * The folder transport's receiving end: packages another system drops into EXCHANGE_PICKUP_DIR
 * (`*.edxml` or `*.xml`, written whole: a temporary name, then a rename) are taken one by one,
 * received like an HTTP delivery (their message id is the file's SHA-256, so the same package
 * dropped twice is one record) and moved to `done/`, or to `refused/` beside a `.json` that says
 * why. Several processes may look at once: the move decides who took a file.
 */
import { mkdir, readdir, rename, stat, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { receivePackage } from "./receive.ts";
import { sha256Hex } from "./transport.ts";

export async function pickUpFolder(
  ctx: AppContext,
  log: Pick<FastifyBaseLogger, "warn" | "info">,
): Promise<number> {
  const dir = ctx.config.exchange.pickupDir!;
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => /\.(edxml|xml)$/i.test(n) && !n.startsWith("."))
    .sort();
  let taken = 0;
  for (const name of names.slice(0, 100)) {
    const work = join(dir, ".work");
    await mkdir(work, { recursive: true });
    const mine = join(work, `${process.pid}-${name}`);
    try {
      await rename(join(dir, name), mine);
    } catch {
      continue; // another process took it
    }
    taken++;
    let outcome: "done" | "refused" = "done";
    let why: unknown = null;
    try {
      const size = (await stat(mine)).size;
      if (size > ctx.config.exchange.maxPackageBytes) throw new Error("PACKAGE_TOO_LARGE");
      const bytes = await readFile(mine);
      await receivePackage(ctx, {
        peerOrganId: null,
        messageId: sha256Hex(bytes),
        bytes,
        via: "folder",
      });
    } catch (e) {
      if (!(e instanceof AppError) && (e as Error).message !== "PACKAGE_TOO_LARGE") {
        // Not the package's fault (the database went away): put it back for the next tick.
        await rename(mine, join(dir, name)).catch(() => undefined);
        throw e;
      }
      outcome = "refused";
      why =
        e instanceof AppError
          ? { code: e.code, message: e.message, issues: e.issues }
          : { code: "PACKAGE_TOO_LARGE" };
      log.warn({ file: name, ...(why as object) }, "exchange: package refused");
    }
    await mkdir(join(dir, outcome), { recursive: true });
    await rename(mine, join(dir, outcome, name));
    if (why) await writeFile(join(dir, outcome, `${name}.json`), JSON.stringify(why, null, 2));
  }
  return taken;
}
