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
import { requireActor } from "../http/app.ts";
import { validate } from "../validate.ts";
import { agencySchema, createAgency, createUser, userSchema } from "./create-agency.ts";

const ROLES = ["clerk", "specialist", "leader", "admin"] as const;

export const newUserSchema = userSchema.omit({ agencyCode: true });
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
export const childAgencySchema = agencySchema.omit({ parentCode: true });

function requireAdmin(actor: Actor): Actor {
  if (!hasRole(actor, "admin")) throw fail("FORBIDDEN", "admin only");
  return actor;
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
      .orderBy("name")
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        abbreviation: r.abbreviation,
        kind: r.kind,
        place: r.place,
        parentId: r.parent_id,
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
    const actor = requireAdmin(requireActor(request));
    const input = validate(newUserSchema, request.body);
    const { id } = await createUser(
      ctx.db,
      actor,
      { ...input, agencyCode: await ownCode(ctx, actor) },
      ctx.now(),
    );
    return reply.status(201).send({ id });
  });
  api.add({
    method: "POST",
    url: "/api/admin/users",
    summary: "A new user of the agency (admin)",
    tag: "admin",
    auth: "session",
    body: newUserSchema,
    responses: { 201: "{id}", 403: "Not an admin", 409: "Username taken" },
  });

  app.patch("/api/admin/users/:id", async (request) => {
    const actor = requireAdmin(requireActor(request));
    const { id } = request.params as { id: string };
    const change = validate(userChangeSchema, request.body);
    if (
      id === actor.userId &&
      (change.disabled || (change.roles && !change.roles.includes("admin")))
    )
      throw fail("FORBIDDEN", "an admin cannot lock themselves out");
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const user = isUuid(id)
        ? await trx
            .selectFrom("users")
            .select(["id", "full_name", "title", "roles", "disabled"])
            .where("id", "=", id)
            .where("agency_id", "=", actor.agencyId)
            .forUpdate()
            .executeTakeFirst()
        : undefined;
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
    const actor = requireAdmin(requireActor(request));
    const input = validate(childAgencySchema, request.body);
    const { id } = await createAgency(
      ctx.db,
      actor,
      { ...input, parentCode: await ownCode(ctx, actor) },
      ctx.now(),
    );
    return reply.status(201).send({ id });
  });
  api.add({
    method: "POST",
    url: "/api/admin/agencies",
    summary: "A new agency placed under the admin's own (admin)",
    tag: "admin",
    auth: "session",
    body: childAgencySchema,
    responses: { 201: "{id}", 403: "Not an admin", 409: "Code taken" },
  });
}
