/**
 * The Fastify application: body parsing and limits, the session and CSRF hook, one error handler
 * that turns every failure into `{ error: { code, message, issues } }`, and the routes.
 */
import { hostname } from "node:os";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import type { ApiReply } from "@vanthu/contract";
import type { AppContext } from "../context.ts";
import { AppError, errorBody, fail, logFields } from "../errors.ts";
import type { ErrorCode } from "../error-codes.ts";
import { isDatabaseUnavailable } from "../database-unavailable.ts";
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  SESSION_IN_STATEMENT,
  findSession,
  rememberedSession,
} from "../auth/sessions.ts";
import { authRoutes } from "../auth/routes.ts";
import { documentRoutes } from "../documents/routes.ts";
import { deliveryRoutes } from "../deliveries/routes.ts";
import { linkRoutes } from "../links/routes.ts";
import { followupRoutes } from "../followup/routes.ts";
import { searchRoutes } from "../search/routes.ts";
import { registersRoutes } from "../registers/routes.ts";
import { agencyRoutes } from "../agencies/routes.ts";
import { signingRoutes } from "../signing/routes.ts";
import { delegationRoutes } from "../workflow/delegations-routes.ts";
import { verificationRoutes } from "../verification/routes.ts";
import { notFoundPage, registerPortalRoutes } from "../portal/routes.ts";
import { registerWebApp } from "./web.ts";
import { OpenApiRegistry } from "./openapi.ts";
import { registerRoutes, type ReplyCheck, type RouteTable } from "./route.ts";
import { MAX_PARAM_LENGTH, clientErrorHandler, frameworkErrors } from "./framework-errors.ts";
import { registerEdgeChecks } from "./edge-input.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { importRoutes } from "../imports/routes.ts";
import { formRoutes } from "../forms/routes.ts";
import { handlingRoutes } from "../handling/routes.ts";
import { reviewRoutes } from "../workflow/review-routes.ts";
import { workRoutes } from "../work/routes.ts";
import { exchangeRoutes } from "../exchange/routes.ts";
import {
  startExchangeLoop,
  type ExchangeLoop,
  type ExchangeLoopOptions,
} from "../exchange/exchange-loop.ts";
import {
  startImportWorker,
  type ImportWorker,
  type ImportWorkerOptions,
} from "../imports/worker.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as registered (from `onRoute`), for tests that must cover them all. */
    routeList: Array<{ method: string; url: string }>;
  }
}

/** Seconds a client is told to wait when the database is out of reach (a restart takes a few). */
export const RETRY_AFTER_SECONDS = 5;
/** A route of the running app: "GET", "/api/documents/:id". */
export interface CollectedRoute {
  method: string;
  url: string;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Fastify's own error codes and ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "EMPTY_BODY",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION_FAILED",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "VALIDATION_FAILED",
  FST_PARTS_LIMIT: "VALIDATION_FAILED",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

export async function buildApp(
  ctx: AppContext,
  options: {
    logger?: boolean | object;
    /**
     * This process's import worker (imports/worker.ts), started with the app and stopped when it
     * closes; the server starts one, tests that read batches start their own or none.
     */
    imports?: Partial<ImportWorkerOptions>;
    /**
     * This process's exchange loop (exchange/exchange-loop.ts: the outbox, the pick-up folder);
     * the server starts one, tests that exchange packages start their own.
     */
    exchange?: Partial<ExchangeLoopOptions>;
    /** Check every JSON reply against its contract schema (the tests; see http/route.ts). */
    checkReplies?: ReplyCheck;
  } = {},
): Promise<{
  app: FastifyInstance;
  api: OpenApiRegistry;
  routes: CollectedRoute[];
  imports: ImportWorker | null;
  exchange: ExchangeLoop | null;
}> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    // Fastify's two lines per request buried the start-up banner and every warning: one line per
    // request instead, at debug (registerRequestLog).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4 * 1024 * 1024,
    // Every request gets an id in the logs; a client may pass its own.
    requestIdHeader: "x-request-id",
    // X-Forwarded-For and -Proto are believed only from the configured proxies: otherwise any
    // client could pick its own address (and escape the login limits) or claim TLS.
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy : false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
  });
  const api = new OpenApiRegistry();
  // Every route as Fastify registers it (before any is added), so that the access and edge
  // tests cover the routes the running app really has, not a list someone keeps by hand.
  const routes: CollectedRoute[] = [];
  app.decorate("routeList", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  // First, so that every answer carries the headers, refusals by the hooks below included.
  registerSecurityHeaders(app);
  registerRequestLog(app);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 10, parts: 12 },
  });
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("sessionUnchecked", null);
  registerEdgeChecks(app);
  if (!ctx.config.trustProxy.length) {
    // Behind a reverse proxy without TRUST_PROXY, every client has the proxy's address and shares
    // its login limits: say so once, in the log an admin reads.
    let warned = false;
    app.addHook("onRequest", (request, _reply, done) => {
      if (!warned && request.headers["x-forwarded-for"] !== undefined) {
        warned = true;
        request.log.warn(
          { peer: request.socket.remoteAddress },
          "X-Forwarded-For received but TRUST_PROXY is not set: clients behind this proxy share one address (and its login limits); set TRUST_PROXY to the proxy's address",
        );
      }
      done();
    });
  }
  // The import worker stops first (its items given back), then the file reader's workers end
  // with the app (the server's close and the tests' close).
  let imports: ImportWorker | null = null;
  let exchange: ExchangeLoop | null = null;
  app.addHook("onClose", async () => {
    await exchange?.stop();
    await imports?.stop();
    await ctx.reader.close();
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // A list checks the session in its own statement (auth/sessions.ts): no statement here.
    const unchecked =
      token && SESSION_IN_STATEMENT.has(`${request.method} ${request.routeOptions.url}`)
        ? rememberedSession(ctx, token)
        : null;
    if (unchecked) {
      request.actor = unchecked.actor;
      request.csrfToken = unchecked.csrfToken;
      request.sessionUnchecked = unchecked;
    } else if (token) {
      const session = await findSession(ctx, token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
    // A write carried by the session cookie must prove it comes from our pages.
    if (request.actor && UNSAFE.has(request.method) && request.url !== "/api/auth/login") {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.csrfToken) throw fail("CSRF_FAILED", "missing or wrong CSRF token");
    }
  });

  app.setErrorHandler((error, request, reply) => {
    let e: AppError;
    if (error instanceof AppError) e = error;
    else if (isDatabaseUnavailable(error)) {
      // Not the request's fault and not a bug: logged without a stack, once per request.
      request.log.warn({ reason: (error as Error).message }, "database unavailable");
      e = fail("DATABASE_UNAVAILABLE", (error as Error).message);
    } else {
      const fe = error as { code?: string; statusCode?: number; message: string };
      const code = fe.code ? FASTIFY_CODES[fe.code] : undefined;
      if (code) e = fail(code, fe.message, [{ path: "(body)", message: fe.message }]);
      // The database's own disk is full (SQLSTATE 53100, PGlite or PostgreSQL): the statement
      // and its transaction were rolled back.
      else if (fe.code === "53100") e = fail("STORAGE_FULL", fe.message);
      else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
        e = new AppError("VALIDATION_FAILED", fe.statusCode, fe.message);
      else {
        request.log.error({ err: error }, "unhandled error");
        e = fail("INTERNAL", "internal error");
      }
    }
    if (e.code === "DATABASE_UNAVAILABLE") void reply.header("retry-after", RETRY_AFTER_SECONDS);
    else if (e.status >= 500) request.log.error(logFields(e), e.message);
    else request.log.info(logFields(e), e.message);
    void reply.status(e.status).send(errorBody(e));
  });
  app.setNotFoundHandler((request, reply) => {
    // A person's browser gets a page; the API and other clients the JSON error.
    if (
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      /text\/html/.test(request.headers.accept ?? "")
    ) {
      void reply.status(404).type("text/html; charset=utf-8").send(notFoundPage());
      return;
    }
    void reply
      .status(404)
      .send(errorBody(fail("NOT_FOUND", `no route ${request.method} ${request.url}`)));
  });

  const system: RouteTable = {
    "GET /api/health": async ({ request, reply }) => {
      try {
        await ctx.db.selectNoFrom((eb) => eb.val(1).as("one")).execute();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        request.log.warn({ reason: (error as Error).message }, "database unavailable");
        const { error: body } = errorBody(fail("DATABASE_UNAVAILABLE"));
        return reply
          .status(503)
          .header("retry-after", RETRY_AFTER_SECONDS)
          .send({ status: "unavailable", database: ctx.dbKind, error: body });
      }
      // `demo` lets the sign-in page show the demo logins only where they exist.
      return { status: "ok", database: ctx.dbKind, demo: ctx.config.demo };
    },
    "GET /api/docs": async () => api.document() as ApiReply<"GET /api/docs">,
  };
  registerRoutes(
    app,
    api,
    [
      system,
      authRoutes(ctx),
      documentRoutes(ctx),
      deliveryRoutes(ctx),
      linkRoutes(ctx),
      followupRoutes(ctx),
      searchRoutes(ctx),
      registersRoutes(ctx),
      agencyRoutes(ctx),
      importRoutes(ctx, () => imports?.wake()),
      formRoutes(ctx),
      handlingRoutes(ctx),
      delegationRoutes(ctx),
      reviewRoutes(ctx),
      workRoutes(ctx),
      verificationRoutes(ctx),
      signingRoutes(ctx),
      exchangeRoutes(ctx, () => exchange?.wake()),
    ],
    { checkReplies: options.checkReplies },
  );
  registerPortalRoutes(app, ctx);
  await registerWebApp(app, ctx);

  if (options.imports)
    imports = startImportWorker(ctx, {
      worker: `${hostname()}:${process.pid}`,
      log: app.log,
      ...options.imports,
    });
  if (options.exchange)
    exchange = startExchangeLoop(ctx, {
      worker: `${hostname()}:${process.pid}`,
      log: app.log,
      ...options.exchange,
    });
  return { app, api, routes, imports, exchange };
}

/** A request that took longer than this is logged at info, whatever LOG_LEVEL's debug says. */
const SLOW_REQUEST_MS = 2000;

/**
 * One readable line per answered request: "GET /api/documents 200 12 ms". At debug normally (an
 * admin sets LOG_LEVEL=debug to follow requests); a server error at warn and a slow request at
 * info, without its query string (searches are what people typed, and stay out of the default log).
 */
function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", (request, reply, done) => {
    const ms = Math.round(reply.elapsedTime);
    const status = reply.statusCode;
    const path = request.url.split("?")[0]!;
    const line = { method: request.method, status, ms };
    if (status >= 500)
      request.log.warn({ ...line, url: path }, `${request.method} ${path} ${status} ${ms} ms`);
    else if (ms >= SLOW_REQUEST_MS)
      request.log.info(
        { ...line, url: path },
        `slow request: ${request.method} ${path} ${status} ${ms} ms`,
      );
    else
      request.log.debug(
        { ...line, url: request.url },
        `${request.method} ${request.url} ${status} ${ms} ms`,
      );
    done();
  });
}
