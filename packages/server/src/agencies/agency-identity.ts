/**
 * Who owns which agency, and when a name is taken. An agency's name is unique within its parent
 * (the top level counts as one parent), compared with core's foldKey, the key the delivery plan
 * matches Kính gửi lines with (the database keeps the same key in `agencies.name_key`, with a
 * unique index). The installation admin owns the top level; an agency admin owns its own agency
 * and creates only under it.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { foldKey, normalizeText } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import type { Actor } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail, type AppError } from "../errors.ts";
import { AGENCY_MESSAGES_VI } from "../messages.vi.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The pseudo-agency the installation admin belongs to: never a recipient, not in the directory. */
export const INSTALLATION = {
  code: "quan-tri-he-thong",
  name: "Quản trị hệ thống",
  abbreviation: "QTHT",
  kind: "installation",
} as const;

/**
 * What the actor may create under: everything (the installation admin, or null: the CLI and the
 * demo world, which hold the database itself), or their own agency (an agency admin).
 */
export type Authority = { scope: "installation" } | { scope: "agency"; agencyId: string };

export function authorityOf(actor: Actor | null): Authority {
  if (!actor || hasRole(actor, "installer")) return { scope: "installation" };
  if (hasRole(actor, "admin")) return { scope: "agency", agencyId: actor.agencyId };
  throw fail("FORBIDDEN", "admin only");
}

export const nameKey = (name: string): string => foldKey(normalizeText(name));

/**
 * Refuses a name already taken: by an agency under the same parent (everyone), and, for an
 * agency admin, by any agency in the same place (or of no place): a Kính gửi line names an
 * agency by its name alone, so a second "Báo Lạng Sơn" in Lạng Sơn, wherever it hangs, would
 * make every document sent to that name stop at a choice between two identical entries. Only the
 * installation admin may place two bodies of one name, under different parents.
 */
export async function assertNameFree(
  db: Db,
  a: {
    name: string;
    parentId: string | null;
    place: string | null;
    authority: Authority;
    /** The agency being renamed. */
    exceptId?: string;
  },
): Promise<void> {
  const key = nameKey(a.name);
  let q = db
    .selectFrom("agencies as a")
    .leftJoin("agencies as p", "p.id", "a.parent_id")
    .select(["a.id", "a.code", "a.name", "a.place", "a.parent_id", "p.name as parent_name"])
    // Both keys: core's, and the database's own (they agree on Vietnamese; where they might not,
    // on other scripts, either finds the row the unique index would refuse).
    .where((eb) =>
      eb.or([
        eb("a.name_key", "=", key),
        eb("a.name_key", "=", sql<string>`vn_fold_key(${a.name})`),
      ]),
    )
    .where("a.kind", "!=", INSTALLATION.kind);
  if (a.exceptId) q = q.where("a.id", "!=", a.exceptId);
  const same = await q.execute();
  const placeKey = a.place ? nameKey(a.place) : null;
  const taken =
    same.find((r) => r.parent_id === a.parentId) ??
    (a.authority.scope === "agency"
      ? same.find((r) => !placeKey || !r.place || nameKey(r.place) === placeKey)
      : undefined);
  if (taken) {
    const message = AGENCY_MESSAGES_VI.nameTaken(taken.name, taken.code, taken.parent_name);
    throw fail(
      "AGENCY_EXISTS",
      `name ${a.name} taken by ${taken.code}`,
      [{ path: "name", message }],
      message,
    );
  }
}

/** A unique violation that slipped past the checks (two creations at once) as AGENCY_EXISTS. */
export function uniqueViolation(e: unknown): AppError | null {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err?.code !== "23505") return null;
  return fail("AGENCY_EXISTS", `unique violation: ${err.constraint ?? err.message ?? ""}`);
}

/** The code of the actor's own agency. */
export async function ownAgencyCode(db: Db, actor: Actor): Promise<string> {
  const a = await db
    .selectFrom("agencies")
    .select("code")
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  return a.code;
}
