/** A person of an agency: created by the admin CLI, the demo world and the admin pages. */
import { z } from "zod";
import type { Kysely, Transaction } from "kysely";
import type { Database, Role } from "@vanthu/db";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";

/** The roles an admin may give; "installer" is given only by the first start. */
export const AGENCY_ROLES = ["clerk", "specialist", "leader", "admin"] as const;

export const userSchema = z.strictObject({
  agencyCode: z.string(),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,60}$/, "chữ thường, số, dấu chấm, gạch nối"),
  fullName: z.string().trim().min(2).max(100),
  title: z.string().trim().max(100).optional(),
  roles: z.array(z.enum(AGENCY_ROLES)).min(1),
  // Length and the rest: auth/password-policy.ts, checked before hashing.
  password: z.string().min(1).max(200),
});
export type UserInput = z.input<typeof userSchema>;

/** Inserts the user in the caller's transaction (the password already hashed). */
export async function insertUser(
  trx: Transaction<Database>,
  actor: Actor | null,
  u: {
    agencyId: string;
    agencyCode: string;
    username: string;
    fullName: string;
    title?: string | undefined;
    roles: Role[];
    passwordHash: string;
  },
  at: Date,
): Promise<{ id: string }> {
  const exists = await trx
    .selectFrom("users")
    .select("id")
    .where("username", "=", u.username)
    .executeTakeFirst();
  if (exists) throw fail("USER_EXISTS", `user ${u.username} exists`);
  const row = await trx
    .insertInto("users")
    .values({
      agency_id: u.agencyId,
      unit_id: null,
      username: u.username,
      full_name: u.fullName,
      title: u.title ?? null,
      roles: u.roles,
      password_hash: u.passwordHash,
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
  return row;
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor | null,
  input: UserInput,
  at: Date,
): Promise<{ id: string }> {
  const u = userSchema.parse(input);
  assertPasswordAllowed(u.password, u.username);
  const passwordHash = await hashPassword(u.password);
  return db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", u.agencyCode)
      .where("kind", "!=", "installation")
      .executeTakeFirst();
    if (!agency) throw fail("AGENCY_NOT_FOUND", `no agency ${u.agencyCode}`);
    return insertUser(trx, actor, { ...u, agencyId: agency.id, roles: u.roles, passwordHash }, at);
  });
}
