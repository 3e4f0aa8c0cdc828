/**
 * A new agency, and optionally its first admin, in one transaction: by the installation admin
 * (any level, the top level included; the CLI and the demo world act with its rights) or by an
 * agency admin under their own agency only. Names are unique as `agency-identity.ts` says.
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { assertPasswordAllowed } from "../auth/password-policy.ts";
import { AGENCY_MESSAGES_VI } from "../messages.vi.ts";
import {
  assertNameFree,
  authorityOf,
  cleanName,
  INSTALLATION,
  uniqueViolation,
} from "./agency-identity.ts";
import { insertUser, userSchema } from "./create-user.ts";

const text = (max: number, min = 0) =>
  z.string().transform(cleanName).pipe(z.string().min(min).max(max));

export const firstAdminSchema = userSchema.pick({
  username: true,
  fullName: true,
  title: true,
  password: true,
});

export const agencySchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "chữ thường, số và dấu gạch nối"),
  name: text(300, 2),
  abbreviation: text(30, 1),
  kind: z.enum(["state", "party", "union", "press", "broadcaster", "other"]),
  /** The agency it belongs to; none: the top level (the installation admin only). */
  parentCode: z.string().optional(),
  parentLine: text(300).optional(),
  place: text(100).optional(),
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
  /** The agency's first admin, made with it. */
  admin: firstAdminSchema.optional(),
});
export type AgencyInput = z.input<typeof agencySchema>;

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
      const row = await trx
        .insertInto("agencies")
        .values({
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
      const { admin, ...recorded } = a;
      await recordAudit(trx, {
        actor,
        action: "agency.create",
        entity: "agency",
        entityId: row.id,
        after: { ...recorded, place, ...(admin ? { admin: admin.username } : {}) },
        at,
      });
      if (!admin || !adminHash) return { id: row.id };
      const made = await insertUser(
        trx,
        actor,
        {
          agencyId: row.id,
          agencyCode: a.code,
          username: admin.username,
          fullName: admin.fullName,
          title: admin.title,
          roles: ["admin"],
          passwordHash: adminHash,
        },
        at,
      );
      return { id: row.id, adminId: made.id };
    });
  } catch (e) {
    throw uniqueViolation(e) ?? e;
  }
}
