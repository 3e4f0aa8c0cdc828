/**
 * The directory of agencies (every signed-in user: names for pickers and delivery) and the agency
 * admin's pages: its own details, units, users and roles, and agencies placed under it.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext, Actor } from "../context.ts";
import { hasRole } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { fail } from "../errors.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { validate } from "../validate.ts";
import { agencySchema, createAgency } from "./create-agency.ts";
import { AGENCY_ROLES as ROLES, createUser, userSchema } from "./create-user.ts";
import { INSTALLATION } from "./agency-identity.ts";
import { registerAgencyIdentityRoutes } from "./identity-routes.ts";

/** The installation admin names the agency (one it made); an agency admin's users are its own. */
export const newUserSchema = userSchema.extend({ agencyCode: z.string().optional() });
export const userChangeSchema = z.strictObject({
  fullName: z.string().trim().min(2).max(100).optional(),
  title: z.string().trim().max(100).nullable().optional(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  disabled: z.boolean().optional(),
});
export const newUnitSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  abbreviation: z
    .string()
    .trim()
    .regex(/^[A-ZĐ0-9&]{1,20}$/u, "Viết tắt: chữ in hoa, không dấu cách."),
});
function requireAdmin(actor: Actor): Actor {
  if (!hasRole(actor, "admin")) throw fail("FORBIDDEN", "admin only");
  return actor;
}

/**
 * An id from the client compared with the actor's own: as canonical lower-case UUIDs, since
 * PostgreSQL reads "ABC..." and "abc..." as one uuid (an upper-case own id once slipped past the
 * "cannot lock themselves out" check).
 */
export function sameUuid(fromClient: string, own: string): boolean {
  return isUuid(fromClient) && fromClient.toLowerCase() === own.toLowerCase();
}

async function ownCode(ctx: AppContext, actor: Actor): Promise<string> {
  const a = await ctx.db
    .selectFrom("agencies")
    .select("code")
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  return a.code;
}

export function registerAgencyRoutes(app: FastifyInstance, ctx: AppContext, api: OpenApiRegistry) {
  app.get("/api/agencies", async (request) => {
    requireActor(request);
    const rows = await ctx.db
      .selectFrom("agencies")
      .select(["id", "code", "name", "abbreviation", "kind", "place", "parent_id"])
      .where("kind", "!=", INSTALLATION.kind)
      .orderBy("name")
      .execute();
    // Former names, so that an agency is found under the name it had.
    const former = new Map<string, string[]>();
    for (const h of await ctx.db
      .selectFrom("agency_history")
      .select(["agency_id", "old_name"])
      .orderBy("at")
      .execute())
      former.set(h.agency_id, [...(former.get(h.agency_id) ?? []), h.old_name]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        abbreviation: r.abbreviation,
        kind: r.kind,
        place: r.place,
        parentId: r.parent_id,
        formerNames: former.get(r.id) ?? [],
      })),
    };
  });
  api.add({
    method: "GET",
    url: "/api/agencies",
    summary: "Every agency (for pickers and the delivery plan)",
    tag: "agencies",
    auth: "session",
    responses: { 200: "{items}" },
  });

  app.get("/api/admin/users", async (request) => {
    const actor = requireAdmin(requireActor(request));
    const rows = await ctx.db
      .selectFrom("users")
      .leftJoin("units", "units.id", "users.unit_id")
      .select([
        "users.id",
        "users.username",
        "users.full_name",
        "users.title",
        "users.roles",
        "users.disabled",
        "users.created_at",
        "units.name as unit",
      ])
      .where("users.agency_id", "=", actor.agencyId)
      .orderBy("users.username")
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        username: r.username,
        fullName: r.full_name,
        title: r.title,
        roles: r.roles,
        disabled: r.disabled,
        unit: r.unit,
        createdAt: r.created_at,
      })),
    };
  });
  api.add({
    method: "GET",
    url: "/api/admin/users",
    summary: "The agency's users and roles (admin)",
    tag: "admin",
    auth: "session",
    responses: { 200: "{items}", 403: "Not an admin" },
  });

  app.post("/api/admin/users", async (request, reply) => {
    const actor = requireActor(request);
    const installer = hasRole(actor, "installer");
    if (!installer) requireAdmin(actor);
    const input = validate(newUserSchema, request.body);
    const own = installer ? null : await ownCode(ctx, actor);
    if (installer && !input.agencyCode)
      throw fail("VALIDATION_FAILED", "agencyCode required", [
        { path: "agencyCode", message: "Chọn cơ quan của người dùng." },
      ]);
    if (own && input.agencyCode && input.agencyCode !== own)
      throw fail("AGENCY_NOT_OWNED", `${input.agencyCode} is not the admin's agency`);
    const { id } = await createUser(
      ctx.db,
      actor,
      { ...input, agencyCode: own ?? input.agencyCode! },
      ctx.now(),
    );
    return reply.status(201).send({ id });
  });
  api.add({
    method: "POST",
    url: "/api/admin/users",
    summary: "A new user of the agency (admin), or of a named agency (installation admin)",
    tag: "admin",
    auth: "session",
    body: newUserSchema,
    responses: { 201: "{id}", 403: "Not an admin", 409: "Username taken" },
  });

  app.patch("/api/admin/users/:id", async (request) => {
    const actor = requireAdmin(requireActor(request));
    const { id: given } = request.params as { id: string };
    const change = validate(userChangeSchema, request.body);
    if (!isUuid(given)) throw fail("NOT_FOUND", `no user ${given}`);
    const id = given.toLowerCase();
    if (
      sameUuid(id, actor.userId) &&
      (change.disabled || (change.roles && !change.roles.includes("admin")))
    )
      throw fail("FORBIDDEN", "an admin cannot lock themselves out");
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom("users")
        .select(["id", "full_name", "title", "roles", "disabled"])
        .where("id", "=", id)
        .where("agency_id", "=", actor.agencyId)
        .forUpdate()
        .executeTakeFirst();
      if (!user) throw fail("NOT_FOUND", `no user ${id}`);
      await trx
        .updateTable("users")
        .set({
          ...(change.fullName ? { full_name: change.fullName } : {}),
          ...(change.title !== undefined ? { title: change.title } : {}),
          ...(change.roles ? { roles: change.roles } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        })
        .where("id", "=", id)
        .execute();
      if (change.disabled) await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
      await recordAudit(trx, {
        actor,
        action: "user.update",
        entity: "user",
        entityId: id,
        before: user,
        after: change,
        at: now,
      });
    });
    return { ok: true };
  });
  api.add({
    method: "PATCH",
    url: "/api/admin/users/:id",
    summary: "Change a user's name, title, roles, or disable the account (admin)",
    tag: "admin",
    auth: "session",
    body: userChangeSchema,
    responses: { 200: "Changed", 403: "Not an admin", 404: "Not the agency's user" },
  });

  app.get("/api/admin/units", async (request) => {
    const actor = requireAdmin(requireActor(request));
    const items = await ctx.db
      .selectFrom("units")
      .select(["id", "name", "abbreviation"])
      .where("agency_id", "=", actor.agencyId)
      .orderBy("name")
      .execute();
    return { items };
  });
  api.add({
    method: "GET",
    url: "/api/admin/units",
    summary: "The agency's units (admin)",
    tag: "admin",
    auth: "session",
    responses: { 200: "{items}" },
  });

  app.post("/api/admin/units", async (request, reply) => {
    const actor = requireAdmin(requireActor(request));
    const input = validate(newUnitSchema, request.body);
    const now = ctx.now();
    const row = await ctx.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom("units")
        .select("id")
        .where("agency_id", "=", actor.agencyId)
        .where("abbreviation", "=", input.abbreviation)
        .executeTakeFirst();
      if (taken) throw fail("UNIT_EXISTS", `unit ${input.abbreviation} exists`);
      const unit = await trx
        .insertInto("units")
        .values({ agency_id: actor.agencyId, ...input })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor,
        action: "unit.create",
        entity: "unit",
        entityId: unit.id,
        after: input,
        at: now,
      });
      return unit;
    });
    return reply.status(201).send(row);
  });
  api.add({
    method: "POST",
    url: "/api/admin/units",
    summary: "A new unit of the agency (admin)",
    tag: "admin",
    auth: "session",
    body: newUnitSchema,
    responses: { 201: "{id}", 403: "Not an admin", 409: "Abbreviation taken" },
  });

  app.post("/api/admin/agencies", async (request, reply) => {
    const actor = requireActor(request);
    const input = validate(agencySchema, request.body);
    // An agency admin's new agency goes under its own unless it names another (then refused);
    // the installation admin's goes to the top level unless it names a parent.
    const parentCode =
      input.parentCode ?? (hasRole(actor, "admin") ? await ownCode(ctx, actor) : undefined);
    const made = await createAgency(
      ctx.db,
      actor,
      { ...input, ...(parentCode ? { parentCode } : {}) },
      ctx.now(),
    );
    return reply.status(201).send(made);
  });
  api.add({
    method: "POST",
    url: "/api/admin/agencies",
    summary:
      "A new agency (and its first admin): under the admin's own agency, or at the top level by the installation admin",
    tag: "admin",
    auth: "session",
    body: agencySchema,
    responses: {
      201: "{id, adminId?}",
      403: "Not an admin, or not the owner of the parent (AGENCY_NOT_OWNED)",
      409: "Code taken, or the name exists under the parent (AGENCY_EXISTS, naming it)",
    },
  });

  registerAgencyIdentityRoutes(app, ctx, api);
}
