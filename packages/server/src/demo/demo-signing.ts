/**
 * The demo world's digital signatures (issue 16): a development certificate authority made at
 * seeding (its root a trust anchor, so that the demo's signed documents verify as valid); each
 * agency with units and people (SIGNING_AGENCIES) a PKCS#12 of its own (its password random and kept in the secret store: the clerk's
 * issuing asks nobody) and a seal image, each agency's leader (`<code>.lanhdao`) a PKCS#12 with
 * the demo password DEMO_SIGNING_PASSWORD, asked when they approve, and a signature image. The
 * demo's documents already issued get their PDF signed by their agency. The other agencies
 * (the press, district offices) have none and issue unsigned, as before. Never for real use:
 * the root's key is thrown away once the demo is seeded, and the identities share two key
 * pairs (RSA key generation was most of a seconds-long seeding).
 */
import { randomBytes, X509Certificate, createHash } from "node:crypto";
import { layoutDocument } from "@vanthu/core";
import { renderPdfSync } from "@vanthu/render";
import { createDevelopmentPki, encodePng, signPdf, type DevelopmentPki } from "@vanthu/signatures";
import type { AppContext } from "../context.ts";
import { readContent } from "../stored-json.ts";
import { findSigner, openSigner, saveImage, saveSigner } from "../signing/signers.ts";
import { attachPdf, issuedPdfName } from "../files/attach-pdf.ts";

/** The demo leaders' PKCS#12 password, typed in the approve dialog (README, demo accounts). */
export const DEMO_SIGNING_PASSWORD = "kyso-demo";

/** The agencies with units and people (demo-world.ts, DEMO_AGENCIES with units). */
const SIGNING_AGENCIES = ["ubnd-ls", "stttt-ls", "baolangson", "ldld-bg", "stttt-hd", "sct-hd"];

/** A blue stroke on transparency, 3:1 (a signature). */
const signaturePng = (seed: number) =>
  encodePng(180, 60, (x, y) => {
    const wave = 30 + 14 * Math.sin(x / (9 + seed)) * Math.cos(x / 31);
    return Math.abs(y - wave) < 2.2 && x > 8 && x < 172 ? [25, 45, 150, 255] : [0, 0, 0, 0];
  });

/** A red ring with a star (a seal), round. */
const sealPng = () =>
  encodePng(120, 120, (x, y) => {
    const r = Math.hypot(x - 60, y - 60);
    const a = Math.atan2(y - 60, x - 60);
    const star = r < 22 * (0.55 + 0.45 * Math.abs(Math.cos((5 * a) / 2)));
    return (r < 58 && r > 50) || (r < 46 && r > 43) || star ? [210, 25, 25, 220] : [0, 0, 0, 0];
  });

async function trustRoot(ctx: AppContext, pki: DevelopmentPki): Promise<void> {
  const cert = new X509Certificate(pki.root);
  await ctx.db
    .insertInto("trust_anchors")
    .values({
      sha256: createHash("sha256").update(pki.root).digest("hex"),
      subject: cert.subject.split("\n").join(", "),
      not_before: new Date(cert.validFrom),
      not_after: new Date(cert.validTo),
      der: pki.root,
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}

export async function seedDemoSigning(ctx: AppContext): Promise<{ signers: number }> {
  const pki = await createDevelopmentPki({ now: ctx.now(), name: "vanthu Demo Root CA" });
  await trustRoot(ctx, pki);
  const agencies = await ctx.db
    .selectFrom("agencies")
    .select(["id", "code", "name"])
    .where("code", "in", SIGNING_AGENCIES)
    .orderBy("code")
    .execute();
  const leaders = await ctx.db
    .selectFrom("users")
    .select(["id", "agency_id", "full_name"])
    .where("username", "like", "%.lanhdao")
    .execute();
  // Agencies share one key pair and leaders another (distinct certificates).
  const [agencyKeys, personKeys] = await Promise.all([pki.keyPair(), pki.keyPair()]);
  const made = await Promise.all(
    agencies.map(async (a) => {
      const password = randomBytes(18).toString("base64url");
      const leader = leaders.find((l) => l.agency_id === a.id);
      const [own, person] = await Promise.all([
        pki.agency({ name: a.name, password, keyPair: agencyKeys }),
        leader
          ? pki.person({
              name: leader.full_name,
              agency: a.name,
              password: DEMO_SIGNING_PASSWORD,
              keyPair: personKeys,
            })
          : null,
      ]);
      return { a, password, own, leader, person };
    }),
  );
  let signers = 0;
  const seal = sealPng();
  for (const [i, { a, password, own, leader, person }] of made.entries()) {
    const by = leader?.id ?? null;
    await saveSigner(
      ctx,
      by,
      { agencyId: a.id, userId: null },
      { kind: "pkcs12", p12: own.p12, password },
    );
    await saveImage(ctx, by, { agencyId: a.id, userId: null }, seal);
    signers++;
    if (leader && person) {
      await saveSigner(
        ctx,
        by,
        { agencyId: a.id, userId: leader.id },
        {
          kind: "pkcs12",
          p12: person.p12,
          password: DEMO_SIGNING_PASSWORD,
        },
      );
      await saveImage(ctx, by, { agencyId: a.id, userId: leader.id }, signaturePng(i % 5));
      signers++;
    }
  }
  await signIssuedDemoDocuments(ctx);
  return { signers };
}

/** The demo's documents written as issued: their PDF drawn and signed by their agency. */
async function signIssuedDemoDocuments(ctx: AppContext): Promise<void> {
  const rows = await ctx.db
    .selectFrom("documents")
    .select(["id", "agency_id", "content", "reference", "subject", "issued_at"])
    .where("direction", "=", "outgoing")
    .where("status", "=", "issued")
    .where("reference", "is not", null)
    .execute();
  for (const row of rows) {
    const stored = await findSigner(ctx.db, row.agency_id, null);
    if (!stored) continue;
    const signer = await openSigner(ctx, stored);
    const at = row.issued_at ?? ctx.now();
    const pdf = renderPdfSync(layoutDocument(readContent(row.content, row.id)), {
      creationDate: at,
      title: row.subject ?? "",
    });
    const signed = await signPdf(pdf, signer, { signingTime: ctx.now(), reason: "Ban hành" });
    const file = await ctx.files.put(signed);
    await ctx.db.transaction().execute(async (trx) => {
      await attachPdf(trx, {
        documentId: row.id,
        name: issuedPdfName(row.reference!),
        sha256: file.sha256,
        size: file.size,
        role: "rendered",
        idempotent: true,
      });
    });
  }
}
