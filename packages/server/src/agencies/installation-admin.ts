/**
 * The installation admin: the one account of a real installation's first start (DEMO=0), who
 * creates the top-level agencies and their first admins. It belongs to a pseudo-agency of kind
 * "installation" (users keep a non-null agency, so every use case's `actor.agencyId` stays
 * true; that agency has no documents, is no recipient and is not in the directory). Its password
 * comes from ADMIN_PASSWORD on first start, else it is generated and returned once for the
 * console; only its argon2 hash is stored.
 */
import { randomBytes } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import { ConfigError } from "../config.ts";
import type { AppContext } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { PASSWORD_PROBLEMS_VI, passwordProblems } from "../auth/password-policy.ts";
import { INSTALLATION } from "./agency-identity.ts";
import { insertAgency } from "./create-agency.ts";
import { insertUser } from "./create-user.ts";

export const INSTALLER_USERNAME = "admin";
/** An arbitrary constant naming the first-start lock (several processes may start at once). */
const LOCK = 7_130_523;

/** What is wrong with ADMIN_PASSWORD under the one password policy, in words; null when fine. */
export function adminPasswordProblem(password: string): string | null {
  const problems = passwordProblems(password, INSTALLER_USERNAME);
  return problems.length ? problems.map((p) => PASSWORD_PROBLEMS_VI[p]).join(" ") : null;
}

/** The installation's pseudo-agency, made when missing. */
export async function installationAgencyId(trx: Transaction<Database>, at: Date): Promise<string> {
  const found = await trx
    .selectFrom("agencies")
    .select("id")
    .where("kind", "=", INSTALLATION.kind)
    .executeTakeFirst();
  if (found) return found.id;
  return insertAgency(trx, {
    code: INSTALLATION.code,
    name: INSTALLATION.name,
    abbreviation: INSTALLATION.abbreviation,
    kind: INSTALLATION.kind,
    created_at: at,
  });
}

export interface InstallationAdmin {
  /** False when an installation admin existed already (nothing to print). */
  created: boolean;
  username: string;
  /** The generated password, to show once; null when it came from ADMIN_PASSWORD. */
  generatedPassword: string | null;
}

/** Makes the installation admin unless one exists; at most one, across processes. */
export async function ensureInstallationAdmin(
  ctx: AppContext,
  options: { password: string | null; passwordHash?: string },
): Promise<InstallationAdmin> {
  const exists = () =>
    ctx.db
      .selectFrom("users")
      .select("username")
      .where(sql<boolean>`'installer' = ANY(roles)`)
      .executeTakeFirst();
  const found = await exists();
  if (found) return { created: false, username: found.username, generatedPassword: null };
  // The demo passes its own hash of "demo"; a real installation's password is checked.
  if (options.password !== null && !options.passwordHash) {
    const problem = adminPasswordProblem(options.password);
    if (problem) throw new ConfigError([`ADMIN_PASSWORD: ${problem}`]);
  }
  // Why 15 bytes: 20 URL-safe characters, 120 bits, typed once from the console.
  const generated = options.password === null ? randomBytes(15).toString("base64url") : null;
  const hash = options.passwordHash ?? (await hashPassword(options.password ?? generated!));
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK})`.execute(trx);
    const again = await trx
      .selectFrom("users")
      .select("username")
      .where(sql<boolean>`'installer' = ANY(roles)`)
      .executeTakeFirst();
    if (again) return { created: false, username: again.username, generatedPassword: null };
    const agencyId = await installationAgencyId(trx, at);
    const taken = await trx
      .selectFrom("users")
      .select("id")
      .where("username", "=", INSTALLER_USERNAME)
      .executeTakeFirst();
    const username = taken ? `${INSTALLER_USERNAME}-${INSTALLATION.code}` : INSTALLER_USERNAME;
    const user = await insertUser(
      trx,
      null,
      {
        agencyId,
        agencyCode: INSTALLATION.code,
        username,
        fullName: "Quản trị hệ thống",
        roles: ["installer"],
        passwordHash: hash,
      },
      at,
    );
    await recordAudit(trx, {
      actor: null,
      action: "installation.admin",
      entity: "user",
      entityId: user.id,
      after: { username, password: generated ? "generated" : "ADMIN_PASSWORD" },
      at,
    });
    return { created: true, username, generatedPassword: generated };
  });
}
