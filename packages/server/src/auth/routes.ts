/**
 * /api/auth: sign in, sign out, who am I, one's password; and an admin's reset of a user's
 * password. Wiring only; the declarations are in @vanthu/contract.
 */
import type { FastifyReply } from "fastify";
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { login } from "./login.ts";
import { logout } from "./logout.ts";
import { currentUser } from "./current-user.ts";
import { SESSION_COOKIE } from "./sessions.ts";
import { ThrottledError } from "./login-throttle.ts";
import { changePassword } from "./change-password.ts";
import { resetPassword } from "./reset-password.ts";

/** A throttled attempt says when to come back (Retry-After). */
async function withRetryAfter<T>(reply: FastifyReply, attempt: Promise<T>): Promise<T> {
  try {
    return await attempt;
  } catch (e) {
    if (e instanceof ThrottledError) void reply.header("retry-after", e.retryAfterSeconds);
    throw e;
  }
}

export function authRoutes(ctx: AppContext): RouteTable {
  return {
    "POST /api/auth/login": async ({ body, request, reply }) => {
      const result = await withRetryAfter(
        reply,
        login(ctx, {
          ...body,
          // The socket's address, or X-Forwarded-For when the peer is a configured proxy.
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        }),
      );
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        // TLS on the socket, or X-Forwarded-Proto: https from a trusted proxy (Fastify's trustProxy).
        secure: request.protocol === "https",
        expires: result.expiresAt,
      });
      return {
        user: result.user,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
      };
    },

    "POST /api/auth/logout": async ({ actor, request, reply }) => {
      await logout(ctx, actor, request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },

    "GET /api/auth/me": async ({ actor, request }) =>
      currentUser(ctx, actor, request.csrfToken ?? ""),

    "POST /api/auth/password": async ({ actor, body, request, reply }) =>
      withRetryAfter(
        reply,
        changePassword(ctx, actor, {
          ...body,
          ip: request.ip,
          sessionToken: request.cookies[SESSION_COOKIE] ?? null,
        }),
      ),

    "POST /api/admin/users/:id/password": async ({ actor, params, body }) => {
      const r = await resetPassword(ctx, actor, { userId: params.id }, { password: body.password });
      return { password: r.password, sessionsEnded: r.sessionsEnded };
    },
  };
}
