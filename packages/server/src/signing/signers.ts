/**
 * The signers an installation keeps (table `signers`): an agency's own (user_id null), with
 * which the clerk issues and nobody is asked, and a leader's, used when they approve. A PKCS#12
 * is checked when the admin gives it (its password opens it, its certificate is valid now) and
 * kept sealed (secret-store.ts); so is the agency's password and a remote service's secret. A
 * leader's password is never kept: `openSigner` takes it at signing time.
 */
import type { Kysely, Transaction } from "kysely";
import {
  checkSigner,
  decodePng,
  Pkcs12Signer,
  RemoteSigner,
  type Signer,
  type SignerIdentity,
} from "@vanthu/signatures";
import type { Database } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { masterKey, seal, unseal } from "./secret-store.ts";
import { signing } from "./sign-errors.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** How long the agency's service may take to sign at issuing (inside the register's lock). */
export const ISSUE_SIGN_TIMEOUT_MS = 5000;
/** How long a leader has to confirm on their phone when approving. */
export const APPROVE_SIGN_TIMEOUT_MS = 120_000;
export const MAX_IMAGE_BYTES = 512 * 1024;
const MAX_IMAGE_SIDE = 2000;

export type SignerInput =
  | { kind: "pkcs12"; p12: Uint8Array; password: string; tsaUrl?: string | null }
  | {
      kind: "remote";
      url: string;
      user: string;
      clientId: string;
      clientSecret: string;
      tsaUrl?: string | null;
    };

/** Where each sealed value belongs (the AAD): a blob opens only in its own row and column. */
const purpose = (column: string, agencyId: string, userId: string | null) =>
  `signers.${column}:${agencyId}:${userId ?? "agency"}`;

export interface StoredSigner {
  id: string;
  agencyId: string;
  userId: string | null;
  kind: "pkcs12" | "remote";
  subject: string;
  issuer: string;
  notAfter: Date;
  tsaUrl: string | null;
  remoteUrl: string | null;
  remoteUser: string | null;
}

const COLUMNS = [
  "id",
  "agency_id",
  "user_id",
  "kind",
  "subject",
  "issuer",
  "not_after",
  "tsa_url",
  "remote_url",
  "remote_user",
] as const;

function present(r: {
  id: string;
  agency_id: string;
  user_id: string | null;
  kind: "pkcs12" | "remote";
  subject: string;
  issuer: string;
  not_after: Date;
  tsa_url: string | null;
  remote_url: string | null;
  remote_user: string | null;
}): StoredSigner {
  return {
    id: r.id,
    agencyId: r.agency_id,
    userId: r.user_id,
    kind: r.kind,
    subject: r.subject,
    issuer: r.issuer,
    notAfter: new Date(r.not_after),
    tsaUrl: r.tsa_url,
    remoteUrl: r.remote_url,
    remoteUser: r.remote_user,
  };
}

/** The signer of a leader (userId) or of the agency (null), or null when none is configured. */
export async function findSigner(
  db: Db,
  agencyId: string,
  userId: string | null,
): Promise<StoredSigner | null> {
  let q = db.selectFrom("signers").select(COLUMNS).where("agency_id", "=", agencyId);
  q = userId ? q.where("user_id", "=", userId) : q.where("user_id", "is", null);
  const r = await q.executeTakeFirst();
  return r ? present(r) : null;
}

export async function listSigners(db: Db, agencyId: string): Promise<StoredSigner[]> {
  const rows = await db
    .selectFrom("signers")
    .select(COLUMNS)
    .where("agency_id", "=", agencyId)
    .execute();
  return rows.map(present);
}

function remoteSigner(
  o: { url: string; user: string; clientId: string; clientSecret: string },
  interactive: boolean,
): RemoteSigner {
  return new RemoteSigner({
    url: o.url,
    user: o.user,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    interactive,
    // The agency's signs inside the issuing transaction: a few seconds at most.
    timeoutMs: interactive ? APPROVE_SIGN_TIMEOUT_MS : ISSUE_SIGN_TIMEOUT_MS,
    requestTimeoutMs: ISSUE_SIGN_TIMEOUT_MS,
    pollIntervalMs: interactive ? 1000 : 100,
    description: "Ký văn bản trên vanthu",
  });
}

/**
 * Checks a signer the admin gives (a PKCS#12 opened with its password and valid now; a service
 * that answers with a valid certificate) and keeps it, replacing the one before.
 */
export async function saveSigner(
  ctx: AppContext,
  by: string | null,
  owner: { agencyId: string; userId: string | null },
  input: SignerInput,
): Promise<StoredSigner> {
  const now = ctx.now();
  const key = masterKey(ctx.config);
  const { agencyId, userId } = owner;
  let identity: SignerIdentity;
  const sealed: Partial<
    Record<"p12_sealed" | "password_sealed" | "remote_secret_sealed", Uint8Array | null>
  > = {};
  if (input.kind === "pkcs12") {
    identity = await signing(() =>
      checkSigner(Pkcs12Signer.open(input.p12, input.password, { now: () => now }), now),
    );
    sealed.p12_sealed = seal(key, input.p12, purpose("p12", agencyId, userId));
    // The agency's password is kept so that issuing asks nobody; a leader's is asked each time.
    sealed.password_sealed = userId
      ? null
      : seal(key, input.password, purpose("password", agencyId, userId));
  } else {
    identity = await signing(() => checkSigner(remoteSigner(input, !!userId), now));
    sealed.remote_secret_sealed = seal(
      key,
      input.clientSecret,
      purpose("secret", agencyId, userId),
    );
  }
  const values = {
    agency_id: agencyId,
    user_id: userId,
    kind: input.kind,
    p12_sealed: sealed.p12_sealed ?? null,
    password_sealed: sealed.password_sealed ?? null,
    remote_url: input.kind === "remote" ? input.url : null,
    remote_user: input.kind === "remote" ? input.user : null,
    remote_client_id: input.kind === "remote" ? input.clientId : null,
    remote_secret_sealed: sealed.remote_secret_sealed ?? null,
    subject: identity.subject,
    issuer: identity.issuer,
    not_after: identity.notAfter,
    tsa_url: userId ? null : (input.tsaUrl ?? null),
    updated_by: by,
    updated_at: now,
  };
  return ctx.db.transaction().execute(async (trx) => {
    let del = trx.deleteFrom("signers").where("agency_id", "=", agencyId);
    del = userId ? del.where("user_id", "=", userId) : del.where("user_id", "is", null);
    await del.execute();
    const row = await trx
      .insertInto("signers")
      .values(values)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return present(row);
  });
}

export async function removeSigner(
  ctx: AppContext,
  owner: { agencyId: string; userId: string | null },
): Promise<boolean> {
  let del = ctx.db.deleteFrom("signers").where("agency_id", "=", owner.agencyId);
  del = owner.userId ? del.where("user_id", "=", owner.userId) : del.where("user_id", "is", null);
  const r = await del.executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * The signer ready to sign: a PKCS#12 opened (with the password given, or the agency's kept
 * one), or the remote service. Throws SIGNER_PASSWORD_REQUIRED for a leader's PKCS#12 without a
 * password, and the library's codes (SIGNER_BAD_PASSWORD, SIGNER_CERTIFICATE_EXPIRED, ...).
 */
/**
 * The agencies' opened PKCS#12 signers by signer id (a replaced signer is a new row, a new id):
 * opening one (key derivation, decryption) costs more than the signature itself.
 */
const opened = new WeakMap<AppContext, Map<string, Signer>>();

export async function openSigner(
  ctx: AppContext,
  stored: StoredSigner,
  password?: string | null,
): Promise<Signer> {
  const kept = password === undefined || password === null;
  const cache = opened.get(ctx) ?? new Map<string, Signer>();
  opened.set(ctx, cache);
  const known = kept ? cache.get(stored.id) : undefined;
  if (known) return known;
  const signer = await openSignerAfresh(ctx, stored, password);
  if (kept && stored.kind === "pkcs12") {
    if (cache.size > 1000) cache.clear();
    cache.set(stored.id, signer);
  }
  return signer;
}

async function openSignerAfresh(
  ctx: AppContext,
  stored: StoredSigner,
  password?: string | null,
): Promise<Signer> {
  const key = masterKey(ctx.config);
  const { agencyId, userId } = stored;
  const row = await ctx.db
    .selectFrom("signers")
    .select(["p12_sealed", "password_sealed", "remote_client_id", "remote_secret_sealed"])
    .where("id", "=", stored.id)
    .executeTakeFirst();
  if (!row) throw fail("SIGNER_NOT_FOUND", `signer ${stored.id} is gone`);
  const open = (blob: Uint8Array, column: string) => {
    try {
      return unseal(key, blob, purpose(column, agencyId, userId));
    } catch (e) {
      throw fail("SECRET_KEY_UNUSABLE", `signer ${stored.id}.${column}: ${String(e)}`);
    }
  };
  if (stored.kind === "pkcs12") {
    const kept = row.password_sealed
      ? open(row.password_sealed, "password").toString("utf8")
      : null;
    const pass = password ?? kept;
    if (pass === null || pass === undefined)
      throw fail("SIGNER_PASSWORD_REQUIRED", `signer ${stored.id} needs its password`);
    const p12 = open(row.p12_sealed!, "p12");
    return signing(() => Pkcs12Signer.open(p12, pass, { now: () => ctx.now() }));
  }
  return remoteSigner(
    {
      url: stored.remoteUrl!,
      user: stored.remoteUser!,
      clientId: row.remote_client_id ?? "",
      clientSecret: row.remote_secret_sealed
        ? open(row.remote_secret_sealed, "secret").toString("utf8")
        : "",
    },
    !!userId,
  );
}

/** A PNG checked to decode, within the size limits: its width and height. */
export function checkImage(png: Uint8Array): { width: number; height: number } {
  if (png.length === 0 || png.length > MAX_IMAGE_BYTES)
    throw fail("SIGNATURE_IMAGE_INVALID", `${png.length} bytes`);
  try {
    const d = decodePng(png);
    if (d.width > MAX_IMAGE_SIDE || d.height > MAX_IMAGE_SIDE)
      throw new Error(`${d.width}x${d.height}`);
    return { width: d.width, height: d.height };
  } catch (e) {
    throw fail("SIGNATURE_IMAGE_INVALID", `not a usable PNG: ${String(e)}`);
  }
}

/** Keeps a person's signature image (userId) or the agency's seal (null), replacing the one before. */
export async function saveImage(
  ctx: AppContext,
  by: string | null,
  owner: { agencyId: string; userId: string | null },
  png: Uint8Array,
): Promise<{ width: number; height: number }> {
  const size = checkImage(png);
  const { agencyId, userId } = owner;
  await ctx.db.transaction().execute(async (trx) => {
    let del = trx.deleteFrom("signature_images").where("agency_id", "=", agencyId);
    del = userId ? del.where("user_id", "=", userId) : del.where("user_id", "is", null);
    await del.execute();
    await trx
      .insertInto("signature_images")
      .values({
        agency_id: agencyId,
        user_id: userId,
        kind: userId ? "signature" : "seal",
        png,
        ...size,
        updated_by: by,
        updated_at: ctx.now(),
      })
      .execute();
  });
  return size;
}

export interface StoredImage {
  png: Uint8Array;
  /** Width / height. */
  aspect: number;
}

export async function findImage(
  db: Db,
  agencyId: string,
  userId: string | null,
): Promise<StoredImage | null> {
  let q = db
    .selectFrom("signature_images")
    .select(["png", "width", "height"])
    .where("agency_id", "=", agencyId);
  q = userId ? q.where("user_id", "=", userId) : q.where("user_id", "is", null);
  const r = await q.executeTakeFirst();
  return r ? { png: new Uint8Array(r.png), aspect: r.width / r.height } : null;
}
