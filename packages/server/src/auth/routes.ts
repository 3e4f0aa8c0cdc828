/** /api/auth: sign in, sign out, who am I. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { validate } from "../validate.ts";
import { login } from "./login.ts";
import { recordAudit } from "../audit.ts";
import { SESSION_COOKIE, deleteSession } from "./sessions.ts";
import { ThrottledError } from "./login-throttle.ts";
import { registerPasswordRoutes } from "./password-routes.ts";

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, api: OpenApiRegistry) {
  app.post("/api/auth/login", async (request, reply) => {
    const body = validate(loginSchema, request.body);
    let result;
    try {
      result = await login(ctx, {
        ...body,
        // The socket's address, or X-Forwarded-For when the peer is a configured proxy.
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
    } catch (e) {
      if (e instanceof ThrottledError) void reply.header("retry-after", e.retryAfterSeconds);
      throw e;
    }
    void reply.setCookie(SESSION_COOKIE, result.token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      // TLS on the socket, or X-Forwarded-Proto: https from a trusted proxy (Fastify's trustProxy).
      secure: request.protocol === "https",
      expires: result.expiresAt,
    });
    return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
  });
  api.add({
    method: "POST",
    url: "/api/auth/login",
    summary: "Sign in; sets the session cookie and returns the CSRF token for writes",
    tag: "auth",
    auth: "none",
    body: loginSchema,
    responses: {
      200: "Signed in",
      400: "Invalid body",
      401: "Wrong credentials",
      429: "Throttled: too many attempts for the account from this address, or from the address (Retry-After)",
    },
  });

  app.post("/api/auth/logout", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(ctx, token);
    if (request.actor)
      await recordAudit(ctx.db, {
        actor: request.actor,
        action: "logout",
        entity: "user",
        entityId: request.actor.userId,
        at: ctx.now(),
      });
    void reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true };
  });
  api.add({
    method: "POST",
    url: "/api/auth/logout",
    summary: "Sign out",
    tag: "auth",
    auth: "optional",
    responses: { 200: "Signed out" },
  });

  app.get("/api/auth/me", async (request) => {
    const actor = requireActor(request);
    const agency = await ctx.db
      .selectFrom("agencies")
      .select(["id", "code", "name", "abbreviation", "kind", "place", "parent_line as parentLine"])
      .where("id", "=", actor.agencyId)
      .executeTakeFirstOrThrow();
    return { user: actor, agency, csrfToken: request.csrfToken };
  });
  api.add({
    method: "GET",
    url: "/api/auth/me",
    summary: "The signed-in user, their agency and the CSRF token",
    tag: "auth",
    auth: "session",
    responses: { 200: "The user", 401: "Not signed in" },
  });

  registerPasswordRoutes(app, ctx, api);
}
