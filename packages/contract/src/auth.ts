/** /api/auth: sign in, sign out, who am I, one's password; an admin's reset of a user's. */
import { z } from "zod";
import { AGENCY_KINDS } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { id, ok, role, timestamp } from "./common.ts";

/** The longest password taken (the policy's other rules: server/src/auth/password-policy.ts). */
export const PASSWORD_MAX_LENGTH = 200;

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  // Length, common passwords and the user name: password-policy.ts (every problem listed).
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export const resetPasswordSchema = z.strictObject({
  /** Omitted: a password is generated and returned once. */
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
});

export const loginReply = z.strictObject({
  user: z.strictObject({
    id,
    username: z.string(),
    fullName: z.string(),
    roles: z.array(role),
    agencyId: id,
  }),
  /** Sent back in the x-csrf-token header of every write. */
  csrfToken: z.string(),
  expiresAt: timestamp,
});

/** The signed-in person, their agency, and the CSRF token of the session. */
export const me = z.strictObject({
  user: z.strictObject({
    userId: id,
    agencyId: id,
    username: z.string(),
    fullName: z.string(),
    roles: z.array(role),
  }),
  agency: z.strictObject({
    id,
    code: z.string(),
    name: z.string(),
    abbreviation: z.string(),
    kind: z.enum([...AGENCY_KINDS, "installation"]),
    place: z.string().nullable(),
    parentLine: z.string().nullable(),
  }),
  /** The installation's time zone (TIME_ZONE): days and times are shown as they are there. */
  timeZone: z.string(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

export const authEndpoints = {
  "POST /api/auth/login": endpoint({
    summary: "Sign in; sets the session cookie and returns the CSRF token for writes",
    tag: "auth",
    auth: "none",
    body: loginSchema,
    replies: "Signed in: the user, the CSRF token, when the session ends",
    reply: loginReply,
    errors: {
      400: "Invalid body",
      401: "Wrong credentials",
      429: "Throttled: too many attempts for the account from this address, or from the address (Retry-After)",
    },
  }),
  "POST /api/auth/logout": endpoint({
    summary: "Sign out: the session ends and its cookie is cleared",
    tag: "auth",
    auth: "optional",
    replies: "Signed out",
    reply: ok,
  }),
  "GET /api/auth/me": endpoint({
    summary: "The signed-in user, their agency and the CSRF token",
    tag: "auth",
    auth: "session",
    replies: "The user",
    reply: me,
    errors: { 401: "Not signed in" },
  }),
  "POST /api/auth/password": endpoint({
    summary: "Change one's own password; ends one's other sessions",
    tag: "auth",
    auth: "session",
    body: changePasswordSchema,
    replies: "How many other sessions were ended",
    reply: z.strictObject({ sessionsEnded: z.number().int() }),
    errors: {
      400: "Invalid body",
      401: "Not signed in",
      403: "Wrong current password",
      422: "The new password breaks the policy (every problem in issues)",
      429: "Throttled (Retry-After)",
    },
  }),
  "POST /api/admin/users/:id/password": endpoint({
    summary:
      "Reset a user's password (agency admin): the one given, or a generated one returned once; ends all the user's sessions",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: resetPasswordSchema.prefault({}),
    replies: "The generated password (null when one was given) and the sessions ended",
    reply: z.strictObject({ password: z.string().nullable(), sessionsEnded: z.number().int() }),
    errors: {
      403: "Not an admin",
      404: "Not the agency's user",
      422: "The password breaks the policy",
    },
  }),
};
