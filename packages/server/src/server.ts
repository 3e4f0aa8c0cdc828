/**
 * Starting the service: open the database (PGlite under DATA_DIR/db, or PostgreSQL), migrate,
 * create the demo world on an empty database, listen, and shut down cleanly on SIGINT/SIGTERM
 * (close the listener, let requests finish, close the database: PGlite keeps the process alive
 * otherwise).
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { migrate, openDatabase, type DatabaseHandle } from "@vanthu/db";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { FileStore } from "./files/file-store.ts";
import { lockDataDir } from "./data-lock.ts";
import { buildApp } from "./http/app.ts";
import { runDueJobs, scheduleRecurring } from "./followup/jobs.ts";
import { DEMO_PASSWORD, DEMO_ROLES, isEmpty, seedDemoWorld } from "./demo/demo-world.ts";

/** The session secret every process shares: configured, or made once and kept in the database. */
async function sharedSessionSecret(
  handle: DatabaseHandle,
  configured: string | null,
): Promise<string> {
  if (configured) return configured;
  await handle.db
    .insertInto("settings")
    .values({ key: "session_secret", value: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await handle.db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "session_secret")
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function openContext(
  config: Config,
  options: { handle?: DatabaseHandle; now?: () => Date } = {},
): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  let unlock = () => {};
  let handle = options.handle;
  if (!handle) {
    if (!config.databaseUrl) unlock = lockDataDir(config.dataDir);
    try {
      handle = await openDatabase({
        databaseUrl: config.databaseUrl ?? undefined,
        dataDir: join(config.dataDir, "db"),
      });
    } catch (e) {
      unlock();
      throw e;
    }
    const opened = handle;
    handle = {
      ...opened,
      close: async () => {
        await opened.close();
        unlock();
      },
    };
  }
  try {
    await migrate(handle.db);
    const ctx: AppContext = {
      db: handle.db,
      dbKind: handle.kind,
      config,
      files: new FileStore(join(config.dataDir, "files")),
      now: options.now ?? (() => new Date()),
      sessionSecret: await sharedSessionSecret(handle, config.sessionSecret),
    };
    return { ctx, handle };
  } catch (e) {
    if (!options.handle) await handle.close();
    throw e;
  }
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { print?: (line: string) => void; logger?: boolean | object } = {},
): Promise<RunningServer> {
  const print = options.print ?? ((l: string) => console.log(l));
  const { ctx, handle } = await openContext(config);
  if (config.demo && (await isEmpty(ctx))) {
    const made = await seedDemoWorld(ctx);
    print(
      `Demo world created: ${made.agencies} agencies, ${made.users} users, ${made.documents} documents.`,
    );
  }
  const { app } = await buildApp(ctx, { logger: options.logger });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host}:${port}`;
  print(
    `vanthu is listening on ${url} (database: ${handle.kind}${handle.kind === "pglite" ? `, data in ${config.dataDir}` : ""})`,
  );
  print(`  work pages: ${url}/app/    public portal: ${url}/    feed: ${url}/feed.atom`);
  print(`  health: curl ${url}/api/health    API description: ${url}/api/docs`);
  if (config.demo) {
    const roles = DEMO_ROLES.map(([suffix]) => `stttt-ls.${suffix}`).join(", ");
    print(
      `  demo logins (password "${DEMO_PASSWORD}"): ${roles}; the same for every demo agency code`,
    );
  }
  // Background jobs (reminders): every process takes part; the database hands each job to one.
  await scheduleRecurring(ctx);
  const worker = `${process.pid}@${url}`;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= runDueJobs(ctx, worker)
      .catch((e: unknown) => app.log.error({ err: e }, "job runner failed"))
      .finally(() => {
        running = null;
      });
  }, 60_000);
  timer.unref();
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(timer);
      await running;
      await app.close();
      await handle.close();
    })());
  return { app, url, ctx, close };
}
