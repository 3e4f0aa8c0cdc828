/** Agencies and people: created by the admin CLI, the demo world and (later) the admin pages. */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword } from "../auth/passwords.ts";

export const agencySchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "chữ thường, số và dấu gạch nối"),
  name: z.string().trim().min(2).max(300),
  abbreviation: z.string().trim().min(1).max(30),
  kind: z.enum(["state", "party", "union", "press", "broadcaster", "other"]),
  parentCode: z.string().optional(),
  parentLine: z.string().trim().max(300).optional(),
  place: z.string().trim().max(100).optional(),
  portalDomain: z.string().trim().max(200).optional(),
  numbering: z.enum(["yearly", "term-per-type"]).optional(),
  term: z.string().trim().max(20).optional(),
  units: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        abbreviation: z.string().trim().min(1).max(20),
      }),
    )
    .default([]),
});
export type AgencyInput = z.input<typeof agencySchema>;

export async function createAgency(
  db: Kysely<Database>,
  actor: Actor | null,
  input: AgencyInput,
  at: Date,
): Promise<{ id: string }> {
  const a = agencySchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", a.code)
      .executeTakeFirst();
    if (exists) throw fail("AGENCY_EXISTS", `agency ${a.code} exists`);
    const parent = a.parentCode
      ? await trx
          .selectFrom("agencies")
          .select("id")
          .where("code", "=", a.parentCode)
          .executeTakeFirst()
      : undefined;
    if (a.parentCode && !parent) throw fail("AGENCY_NOT_FOUND", `no parent ${a.parentCode}`);
    const row = await trx
      .insertInto("agencies")
      .values({
        code: a.code,
        name: a.name,
        abbreviation: a.abbreviation,
        kind: a.kind,
        parent_id: parent?.id ?? null,
        parent_line: a.parentLine ?? null,
        place: a.place ?? null,
        portal_domain: a.portalDomain ?? null,
        numbering: a.numbering ?? (a.kind === "party" ? "term-per-type" : "yearly"),
        term: a.term ?? null,
        valid_from: null,
        valid_to: null,
        replaced_by: null,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const u of a.units)
      await trx
        .insertInto("units")
        .values({ agency_id: row.id, name: u.name, abbreviation: u.abbreviation })
        .execute();
    await recordAudit(trx, {
      actor,
      action: "agency.create",
      entity: "agency",
      entityId: row.id,
      after: a,
      at,
    });
    return { id: row.id };
  });
}

export const userSchema = z.strictObject({
  agencyCode: z.string(),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,60}$/, "chữ thường, số, dấu chấm, gạch nối"),
  fullName: z.string().trim().min(2).max(100),
  title: z.string().trim().max(100).optional(),
  roles: z.array(z.enum(["clerk", "specialist", "leader", "admin"])).min(1),
  password: z.string().min(4).max(200),
});
export type UserInput = z.input<typeof userSchema>;

export async function createUser(
  db: Kysely<Database>,
  actor: Actor | null,
  input: UserInput,
  at: Date,
): Promise<{ id: string }> {
  const u = userSchema.parse(input);
  const passwordHash = await hashPassword(u.password);
  return db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", u.agencyCode)
      .executeTakeFirst();
    if (!agency) throw fail("AGENCY_NOT_FOUND", `no agency ${u.agencyCode}`);
    const exists = await trx
      .selectFrom("users")
      .select("id")
      .where("username", "=", u.username)
      .executeTakeFirst();
    if (exists) throw fail("USER_EXISTS", `user ${u.username} exists`);
    const row = await trx
      .insertInto("users")
      .values({
        agency_id: agency.id,
        unit_id: null,
        username: u.username,
        full_name: u.fullName,
        title: u.title ?? null,
        roles: u.roles,
        password_hash: passwordHash,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "user.create",
      entity: "user",
      entityId: row.id,
      after: { username: u.username, roles: u.roles, agency: u.agencyCode },
      at,
    });
    return { id: row.id };
  });
}
