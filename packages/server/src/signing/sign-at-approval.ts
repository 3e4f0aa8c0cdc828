/**
 * A leader with a signer signs the draft they approve (ND30 Điều 13): the draft drawn with its
 * number and date blank, signed with the leader's certificate, the signature image between the
 * title and the name and the agency's seal over its left third (Phụ lục I). Signing may wait
 * for a confirmation on a phone, so it happens before the approval's transaction, with nothing
 * locked; the transaction then checks that the draft is still the content signed
 * (`assertStillSigned`) and keeps the file as the document's 'signed-draft' with its blanks.
 */
import type { Transaction } from "kysely";
import { signatureBlockAppearance, signPdf } from "@vanthu/signatures";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "../documents/load-document.ts";
import { readContent } from "../stored-json.ts";
import { assertStep, reviewPart } from "../workflow/review-shared.ts";
import { contentKey, drawBlankPdf, placementsToStore } from "./draft-pdf.ts";
import { signing } from "./sign-errors.ts";
import { findImage, openSigner, type StoredSigner } from "./signers.ts";
import { attachPdf } from "../files/attach-pdf.ts";

export const SIGNED_DRAFT_NAME = "du-thao-da-ky-duyet.pdf";

export interface SignedDraft {
  sha256: string;
  size: number;
  version: number;
  contentKey: string;
  placements: string;
}

export async function signDraftForApproval(
  ctx: AppContext,
  actor: Actor,
  id: string,
  stored: StoredSigner,
  password: string | undefined,
): Promise<SignedDraft> {
  const now = ctx.now();
  // The approval's own checks first, so that nobody confirms a signature that is then refused.
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  if (row.direction !== "outgoing" || row.status !== "draft")
    throw fail(
      row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
      `document ${id} is ${row.status}`,
    );
  assertStep(row, "approve");
  const part = await reviewPart(ctx.db, ctx, actor, row);
  if (!part.reviewer) throw fail("NOT_THE_REVIEWER", `${id} waits for ${row.reviewer_id}`);
  if (!part.leader) throw fail("APPROVER_NOT_LEADER", `${actor.username} is not a leader`);

  const signer = await openSigner(ctx, stored, password);
  const content = readContent(row.content, id);
  const agency = await ctx.db
    .selectFrom("agencies")
    .select("abbreviation")
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  const { pdf, placements } = drawBlankPdf(content, agency.abbreviation, now);
  const image = await findImage(ctx.db, actor.agencyId, actor.userId);
  const seal = await findImage(ctx.db, actor.agencyId, null);
  const appearance =
    image && placements.signature
      ? signatureBlockAppearance(placements.signature, image, seal ?? undefined)
      : undefined;
  const signed = await signing(() =>
    signPdf(pdf, signer, {
      signingTime: now,
      reason: "Duyệt ký",
      ...(appearance ? { appearance } : {}),
    }),
  );
  const key = contentKey(content);
  const file = await ctx.files.put(signed);
  return {
    ...file,
    version: row.version,
    contentKey: key,
    placements: placementsToStore(placements, key),
  };
}

/** Inside the approval's transaction: the locked draft is still what was signed. */
export function assertStillSigned(row: DocumentRow, signed: SignedDraft): void {
  if (
    row.version !== signed.version ||
    contentKey(readContent(row.content, row.id)) !== signed.contentKey
  )
    throw fail("DRAFT_CHANGED_WHILE_SIGNING", `document ${row.id} changed while it was signed`);
}

/** Keeps the signed draft as the document's 'signed-draft' file (one a document). */
export async function attachSignedDraft(
  trx: Transaction<Database>,
  documentId: string,
  signed: SignedDraft,
): Promise<void> {
  await dropSignedDraft(trx, documentId);
  await attachPdf(trx, {
    documentId,
    name: SIGNED_DRAFT_NAME,
    sha256: signed.sha256,
    size: signed.size,
    role: "signed-draft",
    placements: signed.placements,
  });
}

/** An approval without a signature: a signed draft of an earlier approval is no longer it. */
export async function dropSignedDraft(trx: Transaction<Database>, documentId: string) {
  await trx
    .deleteFrom("document_files")
    .where("document_id", "=", documentId)
    .where("role", "=", "signed-draft")
    .execute();
}
