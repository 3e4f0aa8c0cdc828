/**
 * Starting the service: open the database (PGlite under DATA_DIR/db, or PostgreSQL), migrate,
 * create the demo world on an empty database, listen, and shut down cleanly on SIGINT/SIGTERM
 * (close the listener, let requests finish, close the database: PGlite keeps the process alive
 * otherwise).
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import {
  migrate,
  openDatabase,
  type DatabaseHandle,
  type DatabaseLogger,
  type OpenOptions,
} from "@vanthu/db";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { ReaderPool } from "@vanthu/extract";
import { EDXML_READER_MODULE } from "@vanthu/edxml";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { FileStore } from "./files/file-store.ts";
import { lockDataDir } from "./data-lock.ts";
import { buildApp } from "./http/app.ts";
import { scheduleRecurring } from "./followup/jobs.ts";
import { startJobLoop } from "./followup/job-loop.ts";
import { sweepFiles } from "./files/sweep-files.ts";
import { DEMO_PASSWORD, DEMO_ROLES, isEmpty, seedDemoWorld } from "./demo/demo-world.ts";
import { DEMO_SIGNING_PASSWORD } from "./demo/demo-signing.ts";
import { ensureInstallationAdmin } from "./agencies/installation-admin.ts";

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

/** How often the start-up wait tries again. */
const WAIT_RETRY_MS = 2_000;

/**
 * Opens PostgreSQL, waiting up to `seconds` while it is out of reach (a database that starts
 * after the service, or is being restarted): one line says so, then it tries again quietly.
 * A wrong password or database name is not waited for.
 */
async function openWaiting(
  open: OpenOptions,
  wait: { seconds: number; print: (line: string) => void },
): Promise<DatabaseHandle> {
  const deadline = Date.now() + wait.seconds * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      const handle = await openDatabase(open);
      if (attempt > 1) wait.print("PostgreSQL is reachable: starting.");
      return handle;
    } catch (e) {
      const left = deadline - Date.now();
      if (!isDatabaseUnavailable(e) || left <= 0) throw e;
      if (attempt === 1)
        wait.print(
          `waiting for PostgreSQL (${(e as Error).message}): trying again every ${WAIT_RETRY_MS / 1000} s for up to ${wait.seconds} s (DATABASE_WAIT_SECONDS)`,
        );
      await new Promise((r) => setTimeout(r, Math.min(WAIT_RETRY_MS, left)));
    }
  }
}

export async function openContext(
  config: Config,
  options: {
    handle?: DatabaseHandle;
    now?: () => Date;
    /** Where lost database connections are logged (console.warn by default). */
    logger?: DatabaseLogger;
    /** Wait for an unreachable PostgreSQL at start (the server does; one-off commands do not). */
    wait?: { seconds: number; print: (line: string) => void };
  } = {},
): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  let unlock = () => {};
  let handle = options.handle;
  if (!handle) {
    if (!config.databaseUrl) unlock = lockDataDir(config.dataDir);
    try {
      const open: OpenOptions = {
        databaseUrl: config.databaseUrl ?? undefined,
        dataDir: join(config.dataDir, "db"),
        logger: options.logger,
      };
      handle =
        config.databaseUrl && options.wait
          ? await openWaiting(open, options.wait)
          : await openDatabase(open);
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
      // Workers start on the first file; buildApp closes the pool when the app closes.
      // edxml's task module: received packages are read in the readers too (read-package.ts).
      reader: new ReaderPool({ ...config.reader, taskModules: [EDXML_READER_MODULE] }),
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
  // Lost connections are logged through Fastify's logger once the app exists, before to the console.
  let log: DatabaseLogger = { warn: (d, m) => console.warn(`${m}: ${d.err.message}`) };
  const { ctx, handle } = await openContext(config, {
    logger: { warn: (d, m) => log.warn(d, m) },
    wait: { seconds: config.databaseWaitSeconds, print },
  });
  try {
    if (config.demo && (await isEmpty(ctx))) {
      const made = await seedDemoWorld(ctx, { signing: config.demoSigning });
      print(
        `Demo world created: ${made.agencies} agencies, ${made.users} users, ${made.documents} documents, ${made.signers} digital signatures (leaders' PKCS#12 password "${DEMO_SIGNING_PASSWORD}").`,
      );
    }
    if (!config.demo) {
      // Real use: no demo account, one installation admin. Its password goes to the console
      // (print), never to the log, and only on the start that made it.
      const admin = await ensureInstallationAdmin(ctx, { password: config.adminPassword });
      if (admin.created)
        print(
          admin.generatedPassword
            ? `Installation admin created: user "${admin.username}", password "${admin.generatedPassword}" (shown this once; sign in at /app/ and create the first agencies)`
            : `Installation admin created: user "${admin.username}", password from ADMIN_PASSWORD`,
        );
    }
  } catch (e) {
    await handle.close();
    throw e;
  }
  // Every process reads imported files in the background (imports/worker.ts).
  const { app } = await buildApp(ctx, { logger: options.logger, imports: {}, exchange: {} });
  log = app.log;
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
      `  demo logins (password "${DEMO_PASSWORD}"): ${roles}; the same for every demo agency code; installation admin: admin`,
    );
  }
  // Background jobs (reminders, the file sweep): every process takes part; the database hands
  // each job to one. What a killed process left in the file store is swept once at start too.
  await scheduleRecurring(ctx);
  const startSweep = sweepFiles(ctx).catch((e: unknown) =>
    app.log.error({ err: e }, "file sweep failed"),
  );
  const jobs = startJobLoop(ctx, `${process.pid}@${url}`, app.log, config.jobsEverySeconds * 1000);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await startSweep;
      await jobs.stop();
      await app.close();
      await handle.close();
    })());
  return { app, url, ctx, close };
}
