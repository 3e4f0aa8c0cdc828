/**
 * The agency admin's signing page: the agency's signer and seal, each leader's signer and
 * signature image. Secrets are never sent back; a bad PKCS#12 or password is refused with its
 * code before anything is kept. Audited (without the secrets).
 */
import type { SignerBody, SignerView, SigningOverview } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { fail } from "../errors.ts";
import {
  findSigner,
  listSigners,
  removeSigner,
  saveImage,
  saveSigner,
  type SignerInput,
  type StoredSigner,
} from "./signers.ts";

export function signerView(s: StoredSigner): SignerView {
  return {
    kind: s.kind,
    subject: s.subject,
    issuer: s.issuer,
    notAfter: s.notAfter.toISOString(),
    remoteUrl: s.remoteUrl,
    remoteUser: s.remoteUser,
    tsaUrl: s.tsaUrl,
  };
}

function decode(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64.replace(/\s+/g, ""), "base64"));
}

function inputOf(body: SignerBody, agency: boolean): SignerInput {
  const tsaUrl = agency ? (body.tsaUrl ?? null) : null;
  return body.kind === "pkcs12"
    ? { kind: "pkcs12", p12: decode(body.p12), password: body.password, tsaUrl }
    : {
        kind: "remote",
        url: body.url,
        user: body.user,
        clientId: body.clientId,
        clientSecret: body.clientSecret,
        tsaUrl,
      };
}

/** A user of the admin's agency (404 otherwise); with `leader`, an active leader (422). */
async function ownUser(ctx: AppContext, actor: Actor, userId: string, leader: boolean) {
  if (!isUuid(userId)) throw fail("NOT_FOUND", `no user ${userId}`);
  const user = await ctx.db
    .selectFrom("users")
    .select(["id", "roles", "disabled"])
    .where("id", "=", userId)
    .where("agency_id", "=", actor.agencyId)
    .executeTakeFirst();
  if (!user) throw fail("NOT_FOUND", `no user ${userId} in ${actor.agencyId}`);
  if (leader && (user.disabled || !user.roles.includes("leader")))
    throw fail("SIGNER_PERSON_INVALID", `${userId} is not an active leader`);
  return user;
}

export async function signingOverview(ctx: AppContext, actor: Actor): Promise<SigningOverview> {
  const signers = await listSigners(ctx.db, actor.agencyId);
  const images = await ctx.db
    .selectFrom("signature_images")
    .select(["user_id"])
    .where("agency_id", "=", actor.agencyId)
    .execute();
  const leaders = await ctx.db
    .selectFrom("users")
    .select(["id", "username", "full_name", "title"])
    .where("agency_id", "=", actor.agencyId)
    .where("disabled", "=", false)
    .where(({ eb, val }) => eb(val("leader"), "=", eb.fn.any("roles")))
    .orderBy("username")
    .execute();
  const agency = signers.find((s) => s.userId === null);
  return {
    agency: agency ? signerView(agency) : null,
    seal: images.some((i) => i.user_id === null),
    leaders: leaders.map((l) => {
      const s = signers.find((x) => x.userId === l.id);
      return {
        id: l.id,
        username: l.username,
        fullName: l.full_name,
        title: l.title,
        signer: s ? signerView(s) : null,
        signatureImage: images.some((i) => i.user_id === l.id),
      };
    }),
  };
}

export async function configureSigner(
  ctx: AppContext,
  actor: Actor,
  userId: string | null,
  body: SignerBody,
): Promise<SignerView> {
  if (userId) await ownUser(ctx, actor, userId, true);
  const saved = await saveSigner(
    ctx,
    actor.userId,
    { agencyId: actor.agencyId, userId },
    inputOf(body, !userId),
  );
  await recordAudit(ctx.db, {
    actor,
    action: "signing.signer",
    entity: userId ? "user" : "agency",
    entityId: userId ?? actor.agencyId,
    after: { kind: saved.kind, subject: saved.subject, notAfter: saved.notAfter },
    at: ctx.now(),
  });
  return signerView(saved);
}

export async function deleteSigner(
  ctx: AppContext,
  actor: Actor,
  userId: string | null,
): Promise<void> {
  if (userId) await ownUser(ctx, actor, userId, false);
  const removed = await removeSigner(ctx, { agencyId: actor.agencyId, userId });
  if (!removed && userId) throw fail("SIGNER_NOT_FOUND", `no signer for ${userId}`);
  if (removed)
    await recordAudit(ctx.db, {
      actor,
      action: "signing.signer.remove",
      entity: userId ? "user" : "agency",
      entityId: userId ?? actor.agencyId,
      at: ctx.now(),
    });
}

export async function uploadImage(
  ctx: AppContext,
  actor: Actor,
  userId: string | null,
  png: string,
): Promise<{ width: number; height: number }> {
  if (userId) await ownUser(ctx, actor, userId, false);
  const size = await saveImage(
    ctx,
    actor.userId,
    { agencyId: actor.agencyId, userId },
    decode(png),
  );
  await recordAudit(ctx.db, {
    actor,
    action: userId ? "signing.signature-image" : "signing.seal",
    entity: userId ? "user" : "agency",
    entityId: userId ?? actor.agencyId,
    after: size,
    at: ctx.now(),
  });
  return size;
}

/** The approve dialog's question: does the signed-in person sign, and with what. */
export async function mySigner(ctx: AppContext, actor: Actor) {
  const s = await findSigner(ctx.db, actor.agencyId, actor.userId);
  return { kind: s?.kind ?? null, subject: s?.subject ?? null };
}
