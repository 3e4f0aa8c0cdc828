/** A person of an agency: created by the admin CLI, the demo world and the admin pages. */
import { userSchema, type ApiParsedBody, type UserInput } from "@vanthu/contract";
import type { Kysely, Transaction } from "kysely";
import type { Database, Role } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { ownAgencyCode } from "./agency-identity.ts";
import { placementOf } from "./update-user.ts";

export { userSchema, type UserInput };
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";

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
    unitId?: string | null | undefined;
    unitHead?: boolean | undefined;
    followsUp?: boolean | undefined;
    email?: string | null | undefined;
  },
  at: Date,
): Promise<{ id: string }> {
  const exists = await trx
    .selectFrom("users")
    .select("id")
    .where("username", "=", u.username)
    .executeTakeFirst();
  if (exists) throw fail("USER_EXISTS", `user ${u.username} exists`);
  const place = await placementOf(trx, u.agencyId, null, u);
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
      ...place,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor,
    action: "user.create",
    entity: "user",
    entityId: row.id,
    after: { username: u.username, roles: u.roles, agency: u.agencyCode, ...place },
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

/**
 * A user made on the admin pages: an agency admin's users are its own (naming another agency is
 * AGENCY_NOT_OWNED); the installation admin names the agency.
 */
export async function createUserFor(
  ctx: AppContext,
  actor: Actor,
  input: ApiParsedBody<"POST /api/admin/users">,
): Promise<{ id: string }> {
  const installer = hasRole(actor, "installer");
  const own = installer ? null : await ownAgencyCode(ctx.db, actor);
  if (installer && !input.agencyCode)
    throw fail("VALIDATION_FAILED", "agencyCode required", [
      { path: "agencyCode", message: "Chọn cơ quan của người dùng." },
    ]);
  if (own && input.agencyCode && input.agencyCode !== own)
    throw fail("AGENCY_NOT_OWNED", `${input.agencyCode} is not the admin's agency`);
  return createUser(ctx.db, actor, { ...input, agencyCode: own ?? input.agencyCode! }, ctx.now());
}
