/**
 * The directory of agencies (every signed-in user: names for pickers and delivery), the people of
 * one's own agency (for pickers: reviewers, handlers, deputies), and the admins' pages: users and
 * roles, their units, titles and the unit-head flag, units (created, renamed, closed), agencies
 * placed under one's own, renaming.
 */
import { z } from "zod";
import {
  AGENCY_KINDS,
  AGENCY_ROLES,
  NUMBERING_SCHEMES,
  cleanName,
  normalizeOrganId,
  organIdProblem,
} from "@vanthu/core";
import { endpoint } from "./endpoint.ts";
import { PASSWORD_MAX_LENGTH } from "./auth.ts";
import { day, id, items, ok, role, timestamp } from "./common.ts";

// ---- Requests ----

/** Titles offered when placing someone (free text: any other title may be typed). */
export const TITLE_SUGGESTIONS = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"] as const;

const email = z.email().max(200);

/** An agency identifier of the exchange (core's organIdProblem), stored upper case. */
export const organId = z
  .string()
  .max(40)
  .refine((v) => !organIdProblem(v), "mã định danh như 000.00.00.H37")
  .transform(normalizeOrganId);

/** Where a person sits: their unit, whether they head it, follow-up (đôn đốc), e-mail. */
const placement = {
  /** A unit of the agency, open; null: none. */
  unitId: id.nullable().optional(),
  /** Head of their unit (Trưởng phòng): needs a unit. */
  unitHead: z.boolean().optional(),
  /** In charge of follow-up (đôn đốc): sees everything late, sends reminders. */
  followsUp: z.boolean().optional(),
  email: email.nullable().optional(),
};

/** A user of a named agency (the CLI, the demo world); the admin pages use `newUserSchema`. */
export const userSchema = z.strictObject({
  agencyCode: z.string(),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,60}$/, "chữ thường, số, dấu chấm, gạch nối"),
  fullName: z.string().trim().min(2).max(100),
  title: z.string().trim().max(100).optional(),
  roles: z.array(z.enum(AGENCY_ROLES)).min(1),
  // Length and the rest: the server's password policy, checked before hashing.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  ...placement,
});
export type UserInput = z.input<typeof userSchema>;

/** The installation admin names the agency (one it made); an agency admin's users are its own. */
export const newUserSchema = userSchema.extend({ agencyCode: z.string().optional() });

export const userChangeSchema = z.strictObject({
  fullName: z.string().trim().min(2).max(100).optional(),
  title: z.string().trim().max(100).nullable().optional(),
  roles: z.array(z.enum(AGENCY_ROLES)).min(1).optional(),
  disabled: z.boolean().optional(),
  ...placement,
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

/** A unit renamed (the old name kept in its history) or given a new abbreviation. */
export const unitChangeSchema = z
  .strictObject({
    name: newUnitSchema.shape.name.optional(),
    abbreviation: newUnitSchema.shape.abbreviation.optional(),
  })
  .refine((c) => c.name !== undefined || c.abbreviation !== undefined, {
    message: "Nhập tên mới hoặc tên viết tắt mới.",
  });
export type UnitChange = z.infer<typeof unitChangeSchema>;

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
  /** The exchange's agency identifier (mã định danh, "000.00.00.H37"). */
  organId: organId.optional(),
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
  /** The exchange's agency identifier (mã định danh); null: none given yet. */
  organId: z.string().nullable(),
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
  /** The unit's name. */
  unit: z.string().nullable(),
  unitId: id.nullable(),
  unitHead: z.boolean(),
  followsUp: z.boolean(),
  email: z.string().nullable(),
  createdAt: timestamp,
});
export type UserEntry = z.infer<typeof userEntry>;

/** A person of a unit, as the units list shows them. */
export const unitPerson = z.strictObject({
  id,
  fullName: z.string(),
  title: z.string().nullable(),
  unitHead: z.boolean(),
  disabled: z.boolean(),
});
export type UnitPerson = z.infer<typeof unitPerson>;

export const unitEntry = z.strictObject({
  id,
  name: z.string(),
  abbreviation: z.string(),
  createdAt: timestamp,
  /** Closed (giải thể): listed, nobody new placed in it. */
  closedAt: timestamp.nullable(),
  /** Former names, oldest first. */
  formerNames: z.array(z.string()),
  /** Its head (the first, when the admin named several), or none. */
  head: unitPerson.nullable(),
  people: z.array(unitPerson),
});
export type UnitEntry = z.infer<typeof unitEntry>;

/** A person of one's own agency, for pickers (reviewer, handler, deputy): no account details. */
export const personEntry = z.strictObject({
  id,
  fullName: z.string(),
  title: z.string().nullable(),
  roles: z.array(role),
  unitId: id.nullable(),
  unit: z.string().nullable(),
  unitHead: z.boolean(),
});
export type PersonEntry = z.infer<typeof personEntry>;

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
  "GET /api/people": endpoint({
    summary:
      "The active people of one's own agency, with their units, titles and unit heads (for pickers)",
    tag: "agencies",
    auth: "session",
    replies: "The people by name",
    reply: items(personEntry),
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
    summary:
      "Change a user's name, title, roles, unit, unit-head flag, follow-up, e-mail, or disable the account (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: userChangeSchema,
    replies: "Changed",
    reply: ok,
    errors: {
      403: "Not an admin",
      404: "Not the agency's user, or a unit of another agency (UNIT_NOT_FOUND)",
      409: "A closed unit (UNIT_CLOSED)",
      422: "A unit head without a unit (UNIT_HEAD_WITHOUT_UNIT)",
    },
  }),
  "GET /api/admin/units": endpoint({
    summary: "The agency's units with their people and head, closed ones too (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "The open units by name, then the closed ones",
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
    errors: {
      403: "Not an admin",
      409: "Abbreviation taken (UNIT_EXISTS), or name taken (UNIT_NAME_TAKEN)",
    },
  }),
  "PATCH /api/admin/units/:id": endpoint({
    summary: "Rename a unit (the old name kept in its history) or change its abbreviation (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: unitChangeSchema,
    replies: "Changed",
    reply: ok,
    errors: {
      403: "Not an admin",
      404: "Not a unit of the agency (UNIT_NOT_FOUND)",
      409: "Closed (UNIT_CLOSED), name or abbreviation taken (UNIT_NAME_TAKEN, UNIT_EXISTS)",
    },
  }),
  "POST /api/admin/units/:id/close": endpoint({
    summary:
      "Close a unit (giải thể): it stays listed as closed, keeps its documents, takes nobody new; its people stay until moved (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "Closed",
    reply: ok,
    errors: {
      403: "Not an admin",
      404: "Not a unit of the agency (UNIT_NOT_FOUND)",
      409: "Already closed (UNIT_CLOSED)",
    },
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
