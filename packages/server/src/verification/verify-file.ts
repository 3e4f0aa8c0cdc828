/**
 * Verifying a stored PDF's signatures (issue 16, ND30 Điều 21): in the reader pool (a hostile
 * file costs a reader, with its time and memory limits, never this process), once per file and
 * set of trust anchors, the result kept in `file_verifications` and `file_signatures`. A received
 * copy points to the original's files, so every agency that holds a file shares its result.
 */
import {
  ReaderError,
  signatureSentence,
  SIGNATURE_STATUS_VI,
  type SignatureLevel,
  type SignatureReport,
  type VerifyResult,
} from "@vanthu/extract";
import type { FileSignatureLevel } from "@vanthu/db";
import type { DocumentSignatures, VerifiedSignature } from "@vanthu/contract";
import type { AppContext } from "../context.ts";
import { ERRORS, isErrorCode } from "../error-codes.ts";
import { currentAnchors } from "./trust-anchors.ts";

/** Worst first: a file is as good as its worst signature. */
const WORST_FIRST: SignatureLevel[] = ["broken", "invalid-certificate", "unknown-chain", "valid"];

export function fileLevel(result: VerifyResult): FileSignatureLevel {
  // A broken signature says more than signatures left unchecked beside it.
  if (result.signatures.some((s) => s.level === "broken")) return "broken";
  if (result.problem) return "unreadable";
  if (!result.signatures.length) return "none";
  return WORST_FIRST.find((l) => result.signatures.some((s) => s.level === l)) ?? "valid";
}

/** A file's problem in words: verification's own (FILE_TOO_LARGE, ...), else the reader's code. */
function problemOf(code: string, message: string): { code: string; message: string } {
  const own = (SIGNATURE_STATUS_VI as Record<string, string | undefined>)[code];
  const vi = own ?? (isErrorCode(code) ? ERRORS[code].vi : null);
  return { code, message: vi ?? message };
}

export function presentSignature(s: SignatureReport): VerifiedSignature {
  return {
    field: s.field,
    signer: s.signer,
    issuer: s.issuer,
    signingTime: s.signingTime,
    timestampTime: s.timestamp?.valid ? s.timestamp.time : null,
    hash: s.hash,
    type: s.type,
    intact: s.intact,
    coversWholeFile: s.coversWholeFile,
    revisionsAfter: s.revisions.count,
    changes: s.revisions.changes,
    level: s.level,
    status: s.status,
    sentence: signatureSentence(s),
  };
}

export type FileVerification = Omit<DocumentSignatures, "file">;

/**
 * The verification of stored file `sha256` against today's trust anchors: kept, or made now and
 * kept. Null when the file is not in the store.
 */
export async function verifyStoredFile(
  ctx: AppContext,
  sha256: string,
): Promise<FileVerification | null> {
  const anchors = await currentAnchors(ctx);
  const had = await ctx.db
    .selectFrom("file_verifications")
    .selectAll()
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  if (had && had.anchors_key === anchors.key) {
    const rows = await ctx.db
      .selectFrom("file_signatures")
      .select("report")
      .where("sha256", "=", sha256)
      .orderBy("position")
      .execute();
    return {
      level: had.level,
      problem: (had.problem as FileVerification["problem"]) ?? null,
      verifiedAt: had.verified_at.toISOString(),
      signatures: rows.map((r) => presentSignature(r.report as SignatureReport)),
    };
  }
  const bytes = await ctx.files.get(sha256);
  if (!bytes) return null;
  const now = ctx.now();
  let result: VerifyResult;
  let problem: { code: string; message: string } | null = null;
  try {
    result = await ctx.reader.verifyPdf(bytes, anchors.ders, now);
    if (result.problem) problem = problemOf(result.problem, result.problem);
  } catch (e) {
    if (!(e instanceof ReaderError)) throw e;
    result = { signatures: [], problem: e.code };
    problem = problemOf(e.code, e.message);
    // A full or closing reader says nothing of the file: it is verified on the next look.
    if (e.code === "READER_BUSY" || e.code === "READER_CLOSED")
      return { level: "unreadable", problem, verifiedAt: now.toISOString(), signatures: [] };
  }
  const level = fileLevel(result);
  await ctx.db.transaction().execute(async (trx) => {
    // The upsert takes the row's lock first: two processes verifying the file at once write in turn.
    await trx
      .insertInto("file_verifications")
      .values({
        sha256,
        level,
        signature_count: result.signatures.length,
        anchors_key: anchors.key,
        problem: problem ? JSON.stringify(problem) : null,
        verified_at: now,
      })
      .onConflict((oc) =>
        oc.column("sha256").doUpdateSet((eb) => ({
          level: eb.ref("excluded.level"),
          signature_count: eb.ref("excluded.signature_count"),
          anchors_key: eb.ref("excluded.anchors_key"),
          problem: eb.ref("excluded.problem"),
          verified_at: eb.ref("excluded.verified_at"),
        })),
      )
      .execute();
    await trx.deleteFrom("file_signatures").where("sha256", "=", sha256).execute();
    if (result.signatures.length)
      await trx
        .insertInto("file_signatures")
        .values(
          result.signatures.map((s, position) => ({
            sha256,
            position,
            field: s.field,
            signer_name: s.signer.commonName,
            signer_organization: s.signer.organization,
            signer_unit: s.signer.unit,
            issuer: s.issuer,
            signing_time: s.signingTime ? new Date(s.signingTime) : null,
            timestamp_time: s.timestamp?.valid ? new Date(s.timestamp.time) : null,
            intact: s.intact,
            covers_whole_file: s.coversWholeFile,
            level: s.level,
            report: JSON.stringify(s),
          })),
        )
        .execute();
  });
  return {
    level,
    problem,
    verifiedAt: now.toISOString(),
    signatures: result.signatures.map(presentSignature),
  };
}
