/**
 * A new agency, and optionally its first admin, in one transaction: by the installation admin
 * (any level, the top level included; the CLI and the demo world act with its rights) or by an
 * agency admin under their own agency only. Names are unique as `agency-identity.ts` says.
 */
import { agencySchema, type AgencyInput } from "@vanthu/contract";
import type { Kysely } from "kysely";
import type { Database, NewAgency } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";
import { AGENCY_MESSAGES_VI } from "../messages.vi.ts";
import {
  assertNameFree,
  authorityOf,
  INSTALLATION,
  ownAgencyCode,
  uniqueViolation,
} from "./agency-identity.ts";
import { insertUser } from "./create-user.ts";
import { assertOrganIdFree } from "./directory.ts";

export { agencySchema, type AgencyInput };

/**
 * Inserts an agency row (in the caller's transaction) and returns its id. What is not given is
 * empty: no parent, place, portal domain, term, validity or successor; the numbering its default.
 */
export async function insertAgency(
  db: Kysely<Database>,
  agency: Pick<NewAgency, "code" | "name" | "abbreviation" | "kind"> & Partial<NewAgency>,
): Promise<string> {
  const row = await db
    .insertInto("agencies")
    .values({
      parent_id: null,
      parent_line: null,
      place: null,
      portal_domain: null,
      term: null,
      valid_from: null,
      valid_to: null,
      replaced_by: null,
      ...agency,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createAgency(
  db: Kysely<Database>,
  actor: Actor | null,
  input: AgencyInput,
  at: Date,
): Promise<{ id: string; adminId?: string }> {
  const a = agencySchema.parse(input);
  const authority = authorityOf(actor);
  if (a.admin) assertPasswordAllowed(a.admin.password, a.admin.username, "admin.password");
  const adminHash = a.admin ? await hashPassword(a.admin.password) : null;
  try {
    return await db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom("agencies")
        .select(["id", "name"])
        .where("code", "=", a.code)
        .executeTakeFirst();
      if (exists) {
        const message = AGENCY_MESSAGES_VI.codeTaken(a.code, exists.name);
        throw fail(
          "AGENCY_EXISTS",
          `agency ${a.code} exists`,
          [{ path: "code", message }],
          message,
        );
      }
      const parent = a.parentCode
        ? await trx
            .selectFrom("agencies")
            .select(["id", "place"])
            .where("code", "=", a.parentCode)
            .where("kind", "!=", INSTALLATION.kind)
            .executeTakeFirst()
        : undefined;
      if (a.parentCode && !parent) throw fail("AGENCY_NOT_FOUND", `no parent ${a.parentCode}`);
      if (authority.scope === "agency" && parent?.id !== authority.agencyId)
        throw fail(
          "AGENCY_NOT_OWNED",
          parent ? `${a.parentCode} is not the admin's agency` : "top level: installation only",
        );
      // An agency admin's agencies are in its own place: the name check below is per place.
      const place = (authority.scope === "agency" && parent?.place) || a.place || null;
      await assertNameFree(trx, { name: a.name, parentId: parent?.id ?? null, place, authority });
      if (a.organId) await assertOrganIdFree(trx, a.organId, null);
      const agencyId = await insertAgency(trx, {
        code: a.code,
        name: a.name,
        abbreviation: a.abbreviation,
        kind: a.kind,
        parent_id: parent?.id ?? null,
        parent_line: a.parentLine ?? null,
        place,
        portal_domain: a.portalDomain ?? null,
        numbering: a.numbering ?? (a.kind === "party" ? "term-per-type" : "yearly"),
        term: a.term ?? null,
        organ_id: a.organId ?? null,
        created_at: at,
      });
      for (const u of a.units)
        await trx
          .insertInto("units")
          .values({ agency_id: agencyId, name: u.name, abbreviation: u.abbreviation })
          .execute();
      const { admin, ...recorded } = a;
      await recordAudit(trx, {
        actor,
        action: "agency.create",
        entity: "agency",
        entityId: agencyId,
        after: { ...recorded, place, ...(admin ? { admin: admin.username } : {}) },
        at,
      });
      if (!admin || !adminHash) return { id: agencyId };
      const made = await insertUser(
        trx,
        actor,
        {
          agencyId,
          agencyCode: a.code,
          username: admin.username,
          fullName: admin.fullName,
          title: admin.title,
          roles: ["admin"],
          passwordHash: adminHash,
        },
        at,
      );
      return { id: agencyId, adminId: made.id };
    });
  } catch (e) {
    throw uniqueViolation(e) ?? e;
  }
}

/**
 * An agency made on the admin pages: an agency admin's goes under its own agency unless it names
 * another parent (then refused as not owned); the installation admin's goes to the top level
 * unless it names a parent.
 */
export async function createAgencyFor(
  ctx: AppContext,
  actor: Actor,
  input: AgencyInput,
): Promise<{ id: string; adminId?: string }> {
  const parentCode =
    input.parentCode ?? (hasRole(actor, "admin") ? await ownAgencyCode(ctx.db, actor) : undefined);
  return createAgency(
    ctx.db,
    actor,
    { ...input, ...(parentCode ? { parentCode } : {}) },
    ctx.now(),
  );
}
