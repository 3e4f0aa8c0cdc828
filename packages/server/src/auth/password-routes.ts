/** Passwords: the signed-in user changes theirs; an agency admin resets one of their users'. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { validate } from "../validate.ts";
import { changePassword } from "./change-password.ts";
import { resetPassword } from "./reset-password.ts";
import { SESSION_COOKIE } from "./sessions.ts";
import { ThrottledError } from "./login-throttle.ts";
import { PASSWORD_MAX_LENGTH } from "./password-policy.ts";

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  // Length, common passwords and the user name: password-policy.ts (every problem listed).
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export const resetPasswordSchema = z.strictObject({
  /** Omitted: a password is generated and returned once. */
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
});

export function registerPasswordRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
) {
  app.post("/api/auth/password", async (request, reply) => {
    const actor = requireActor(request);
    const body = validate(changePasswordSchema, request.body);
    try {
      return await changePassword(ctx, actor, {
        ...body,
        ip: request.ip,
        sessionToken: request.cookies[SESSION_COOKIE] ?? null,
      });
    } catch (e) {
      if (e instanceof ThrottledError) void reply.header("retry-after", e.retryAfterSeconds);
      throw e;
    }
  });
  api.add({
    method: "POST",
    url: "/api/auth/password",
    summary: "Change one's own password; ends one's other sessions",
    tag: "auth",
    auth: "session",
    body: changePasswordSchema,
    responses: {
      200: "{sessionsEnded}",
      400: "Invalid body",
      401: "Not signed in",
      403: "Wrong current password",
      422: "The new password breaks the policy (every problem in issues)",
      429: "Throttled (Retry-After)",
    },
  });

  app.post("/api/admin/users/:id/password", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const body = validate(resetPasswordSchema, request.body ?? {});
    const r = await resetPassword(ctx, actor, { userId: id }, { password: body.password });
    return { password: r.password, sessionsEnded: r.sessionsEnded };
  });
  api.add({
    method: "POST",
    url: "/api/admin/users/:id/password",
    summary:
      "Reset a user's password (agency admin): the one given, or a generated one returned once; ends all the user's sessions",
    tag: "admin",
    auth: "session",
    body: resetPasswordSchema,
    responses: {
      200: "{password: the generated one or null, sessionsEnded}",
      403: "Not an admin",
      404: "Not the agency's user",
      422: "The password breaks the policy",
    },
  });
}
