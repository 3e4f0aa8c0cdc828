/**
 * Issuing with the agency's signature (ND30 Điều 13-15): the clerk's issuing stamps the number
 * and date into the blanks of the draft the leader signed (or, when the leader did not sign, of
 * the draft drawn with blanks), as an incremental update that keeps the leader's signature
 * valid, then signs the whole file with the agency's signer: PAdES B-B, or B-T with a timestamp
 * authority (the agency's, else VANTHU_TSA_URL). The result is the document's 'rendered' file,
 * which `ensureRenderedPdf` then finds.
 *
 * `prepareAgencySigning` opens and checks the signer before the issuing transaction (a wrong
 * password, an expired certificate, a service that is down fail there, with nothing locked);
 * `signIssued` runs inside it, so that any failure rolls the number back with the rest.
 */
import type { Transaction } from "kysely";
import { checkSigner, issueStamps, signPdf, stampText, type Signer } from "@vanthu/signatures";
import type { Database } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import type { DocumentContent } from "../documents/document-content.ts";
import { contentKey, drawBlankPdf, storedPlacements, type StoredPlacements } from "./draft-pdf.ts";
import { signing } from "./sign-errors.ts";
import { findSigner, ISSUE_SIGN_TIMEOUT_MS, openSigner, type StoredSigner } from "./signers.ts";
import { attachPdf, issuedPdfName } from "../files/attach-pdf.ts";

export interface AgencySigning {
  stored: StoredSigner;
  signer: Signer;
  tsaUrl: string | null;
}

/** The agency's signer, opened and checked valid now; null when the agency has none. */
export async function prepareAgencySigning(
  ctx: AppContext,
  agencyId: string,
): Promise<AgencySigning | null> {
  const stored = await findSigner(ctx.db, agencyId, null);
  if (!stored) return null;
  const signer = await openSigner(ctx, stored);
  // Issuing holds the register's lock: nobody can be waited for there.
  if (signer.interactive)
    throw fail("SIGNER_INTERACTIVE", `agency ${agencyId}'s signer asks a person`);
  await signing(() => checkSigner(signer, ctx.now()));
  return { stored, signer, tsaUrl: stored.tsaUrl ?? ctx.config.tsaUrl };
}

/** The leader's signed draft of this content, with its blanks; null when there is none. */
async function signedDraft(
  ctx: AppContext,
  trx: Transaction<Database>,
  documentId: string,
  key: string,
): Promise<{ pdf: Uint8Array; placements: StoredPlacements } | null> {
  const row = await trx
    .selectFrom("document_files")
    .select(["sha256", "placements"])
    .where("document_id", "=", documentId)
    .where("role", "=", "signed-draft")
    .executeTakeFirst();
  if (!row) return null;
  const placements = storedPlacements.safeParse(row.placements);
  // Drawn from another content than the one issued: not the leader's signature of this text.
  if (!placements.success || placements.data.contentKey !== key) return null;
  const pdf = await ctx.files.get(row.sha256);
  return pdf ? { pdf: new Uint8Array(pdf), placements: placements.data } : null;
}

/**
 * Inside the issuing transaction, once the number is taken: the issued PDF, stamped and signed
 * by the agency, stored and attached as the document's 'rendered' file. Throws on any failure.
 */
export async function signIssued(
  ctx: AppContext,
  trx: Transaction<Database>,
  s: AgencySigning,
  doc: {
    id: string;
    /** The content approved, before its number and date. */
    approved: DocumentContent;
    agencyAbbreviation: string;
    reference: string;
    number: string;
    date: { day: number; month: number; year: number };
  },
  now: Date,
): Promise<{ sha256: string; leaderSigned: boolean }> {
  const draft = await signedDraft(ctx, trx, doc.id, contentKey(doc.approved));
  const base = draft ?? drawBlankPdf(doc.approved, doc.agencyAbbreviation, now);
  const stamps = issueStamps(base.placements, { number: doc.number, ...doc.date });
  const stamped = stamps.length ? signing(() => stampText(base.pdf, stamps)) : base.pdf;
  const pdf = await signing(async () =>
    signPdf(await stamped, s.signer, {
      signingTime: now,
      reason: "Ban hành",
      ...(s.tsaUrl ? { tsaUrl: s.tsaUrl, tsaTimeoutMs: ISSUE_SIGN_TIMEOUT_MS } : {}),
    }),
  );
  const stored = await ctx.files.put(pdf);
  await attachPdf(trx, {
    documentId: doc.id,
    name: issuedPdfName(doc.reference),
    sha256: stored.sha256,
    size: stored.size,
    role: "rendered",
  });
  return { sha256: stored.sha256, leaderSigned: !!draft };
}
