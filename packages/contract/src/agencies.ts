/**
 * The directory of agencies (every signed-in user: names for pickers and delivery) and the
 * admins' pages: users and roles, units, agencies placed under one's own, renaming.
 */
import { z } from "zod";
import { AGENCY_KINDS, AGENCY_ROLES, NUMBERING_SCHEMES, cleanName } from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { PASSWORD_MAX_LENGTH } from "./auth.ts";
import { day, id, items, ok, role, timestamp } from "./common.ts";

// ---- Requests ----

/** A user of a named agency (the CLI, the demo world); the admin pages use `newUserSchema`. */
export const userSchema = z.strictObject({
  agencyCode: z.string(),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,60}$/, "chữ thường, số, dấu chấm, gạch nối"),
  fullName: z.string().trim().min(2).max(100),
  title: z.string().trim().max(100).optional(),
  roles: z.array(z.enum(AGENCY_ROLES)).min(1),
  // Length and the rest: the server's password policy, checked before hashing.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type UserInput = z.input<typeof userSchema>;

/** The installation admin names the agency (one it made); an agency admin's users are its own. */
export const newUserSchema = userSchema.extend({ agencyCode: z.string().optional() });

export const userChangeSchema = z.strictObject({
  fullName: z.string().trim().min(2).max(100).optional(),
  title: z.string().trim().max(100).nullable().optional(),
  roles: z.array(z.enum(AGENCY_ROLES)).min(1).optional(),
  disabled: z.boolean().optional(),
});
export type UserChange = z.infer<typeof userChangeSchema>;

export const newUnitSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  abbreviation: z
    .string()
    .trim()
    .regex(/^[A-ZĐ0-9&]{1,20}$/u, "Viết tắt: chữ in hoa, không dấu cách."),
});
export type NewUnit = z.infer<typeof newUnitSchema>;

const name = (max: number, min = 0) =>
  z.string().transform(cleanName).pipe(z.string().min(min).max(max));

export const firstAdminSchema = userSchema.pick({
  username: true,
  fullName: true,
  title: true,
  password: true,
});

export const agencySchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "chữ thường, số và dấu gạch nối"),
  name: name(300, 2),
  abbreviation: name(30, 1),
  kind: z.enum(AGENCY_KINDS),
  /** The agency it belongs to; none: the top level (the installation admin only). */
  parentCode: z.string().optional(),
  parentLine: name(300).optional(),
  place: name(100).optional(),
  portalDomain: z.string().trim().max(200).optional(),
  numbering: z.enum(NUMBERING_SCHEMES).optional(),
  term: z.string().trim().max(20).optional(),
  units: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        abbreviation: z.string().trim().min(1).max(20),
      }),
    )
    .default([]),
  /** The agency's first admin, made with it. */
  admin: firstAdminSchema.optional(),
});
export type AgencyInput = z.input<typeof agencySchema>;

export const renameSchema = z.strictObject({
  name: z.string().transform(cleanName).pipe(z.string().min(2).max(300)),
  reason: z.string().trim().min(1).max(500),
  /** "YYYY-MM-DD"; today (Vietnam time) when left out. */
  validFrom: z.iso.date().optional(),
});
export type RenameInput = z.input<typeof renameSchema>;

// ---- Replies ----

export const agencyEntry = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  kind: z.enum(AGENCY_KINDS),
  place: z.string().nullable(),
  parentId: id.nullable(),
  /** Former names, so that an agency is found under the name it had. */
  formerNames: z.array(z.string()),
});
export type AgencyEntry = z.infer<typeof agencyEntry>;

export const agencyRename = z.strictObject({
  oldName: z.string(),
  newName: z.string(),
  reason: z.string(),
  validFrom: day,
  at: timestamp,
  by: z.string().nullable(),
});
export type AgencyRename = z.infer<typeof agencyRename>;

export const userEntry = z.strictObject({
  id,
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  roles: z.array(role),
  disabled: z.boolean(),
  unit: z.string().nullable(),
  createdAt: timestamp,
});
export type UserEntry = z.infer<typeof userEntry>;

export const unitEntry = z.strictObject({ id, name: z.string(), abbreviation: z.string() });
export type UnitEntry = z.infer<typeof unitEntry>;

export const agencyEndpoints = {
  "GET /api/agencies": endpoint({
    summary: "Every agency (for pickers and the delivery plan)",
    tag: "agencies",
    auth: "session",
    replies: "The agencies by name, with their former names",
    reply: items(agencyEntry),
  }),
  "GET /api/agencies/:id/history": endpoint({
    summary: "An agency's former names: old, new, reason, valid from, who, when",
    tag: "agencies",
    auth: "session",
    replies: "The renamings, newest first",
    reply: items(agencyRename),
    errors: { 404: "Not an agency id" },
  }),
  "GET /api/admin/users": endpoint({
    summary: "The agency's users and roles (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "The users by user name",
    reply: items(userEntry),
    errors: { 403: "Not an admin" },
  }),
  "POST /api/admin/users": endpoint({
    summary: "A new user of the agency (admin), or of a named agency (installation admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin", "installer"],
    body: newUserSchema,
    status: 201,
    replies: "The new user's id",
    reply: z.strictObject({ id }),
    errors: { 403: "Not an admin", 409: "Username taken" },
  }),
  "PATCH /api/admin/users/:id": endpoint({
    summary: "Change a user's name, title, roles, or disable the account (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: userChangeSchema,
    replies: "Changed",
    reply: ok,
    errors: { 403: "Not an admin", 404: "Not the agency's user" },
  }),
  "GET /api/admin/units": endpoint({
    summary: "The agency's units (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "The units by name",
    reply: items(unitEntry),
    errors: { 403: "Not an admin" },
  }),
  "POST /api/admin/units": endpoint({
    summary: "A new unit of the agency (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: newUnitSchema,
    status: 201,
    replies: "The new unit's id",
    reply: z.strictObject({ id }),
    errors: { 403: "Not an admin", 409: "Abbreviation taken" },
  }),
  "POST /api/admin/agencies": endpoint({
    summary:
      "A new agency (and its first admin): under the admin's own agency, or at the top level by the installation admin",
    tag: "admin",
    auth: "session",
    roles: ["admin", "installer"],
    body: agencySchema,
    status: 201,
    replies: "The new agency's id, and its admin's when one was made",
    reply: z.strictObject({ id, adminId: id.optional() }),
    errors: {
      403: "Not an admin, or not the owner of the parent (AGENCY_NOT_OWNED)",
      409: "Code taken, or the name exists under the parent (AGENCY_EXISTS, naming it)",
    },
  }),
  "POST /api/admin/agencies/:id/rename": endpoint({
    summary:
      "Rename an agency, with a reason and the day the name holds from; kept in its history (its own admin, its parent's, or the installation admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin", "installer"],
    body: renameSchema,
    replies: "The agency, its new and its old name",
    reply: z.strictObject({ id, name: z.string(), oldName: z.string() }),
    errors: {
      403: "Not an owner (AGENCY_NOT_OWNED)",
      404: "No such agency",
      409: "The name is taken (AGENCY_EXISTS) or unchanged",
    },
  }),
};
