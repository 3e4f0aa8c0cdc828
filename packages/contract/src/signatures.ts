/**
 * Digital signatures on what arrives (issue 16, ND30 Điều 21): what verification found in a
 * document's PDF, and the trust anchors (root certificates) the installation admin configures.
 */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";
import { items, ok, timestamp } from "./common.ts";

/** One signature: broken (changed after signing), chain unknown, certificate invalid, valid. */
export const SIGNATURE_LEVELS = [
  "broken",
  "unknown-chain",
  "invalid-certificate",
  "valid",
] as const;
export const signatureLevel = z.enum(SIGNATURE_LEVELS);
/** A file over all: as its worst signature; none (no signature), unreadable (not verified). */
export const FILE_SIGNATURE_LEVELS = ["none", ...SIGNATURE_LEVELS, "unreadable"] as const;
export const fileSignatureLevel = z.enum(FILE_SIGNATURE_LEVELS);
export type FileSignatureLevelName = z.infer<typeof fileSignatureLevel>;

export const verifiedSignature = z.strictObject({
  field: z.string().nullable(),
  signer: z.strictObject({
    commonName: z.string().nullable(),
    organization: z.string().nullable(),
    unit: z.string().nullable(),
    email: z.string().nullable(),
  }),
  issuer: z.string().nullable(),
  /** Claimed by the signer. */
  signingTime: timestamp.nullable(),
  /** From a timestamp token (PAdES B-T), where there is one. */
  timestampTime: timestamp.nullable(),
  hash: z.string().nullable(),
  type: z.string().nullable(),
  intact: z.boolean(),
  coversWholeFile: z.boolean(),
  /** Incremental updates after this signature, and what they changed (stamped text, fields). */
  revisionsAfter: z.number().int(),
  changes: z.array(z.string()),
  level: signatureLevel,
  /** A stable code of what went wrong ("OK" when nothing did). */
  status: z.string(),
  /** What a clerk reads about it, in Vietnamese. */
  sentence: z.string(),
});
export type VerifiedSignature = z.infer<typeof verifiedSignature>;

export const documentSignatures = z.strictObject({
  /** The PDF checked: the received original, or the issued PDF. */
  file: z.string(),
  level: fileSignatureLevel,
  /** Why the file could not be verified (level unreadable). */
  problem: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  verifiedAt: timestamp,
  /** In the order they were made. */
  signatures: z.array(verifiedSignature),
});
export type DocumentSignatures = z.infer<typeof documentSignatures>;

export const trustAnchor = z.strictObject({
  sha256: z.string(),
  subject: z.string(),
  notBefore: timestamp.nullable(),
  notAfter: timestamp.nullable(),
  /** From the TRUST_ANCHORS files of the configuration (not removable here), or uploaded. */
  source: z.enum(["config", "uploaded"]),
  addedAt: timestamp.nullable(),
});
export type TrustAnchorEntry = z.infer<typeof trustAnchor>;

export const trustAnchorUpload = z.strictObject({
  /** A certificate file as uploaded: PEM text (one or several certificates), or DER in base64. */
  data: z.string().min(1).max(6_000_000),
});

export const signatureEndpoints = {
  "GET /api/admin/trust-anchors": endpoint({
    summary: "The root certificates signatures are checked against",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    replies: "Configured and uploaded roots",
    reply: items(trustAnchor),
    errors: { 403: "Not the installation admin" },
  }),
  "POST /api/admin/trust-anchors": endpoint({
    summary: "Trust the certificates of a file (PEM or DER)",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    body: trustAnchorUpload,
    replies: "The certificates added (already trusted ones are kept once)",
    reply: items(trustAnchor),
    errors: {
      403: "Not the installation admin",
      422: "No certificate in the file (CERTIFICATE_INVALID)",
    },
  }),
  "DELETE /api/admin/trust-anchors/:fingerprint": endpoint({
    summary: "Stop trusting an uploaded root",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    replies: "Removed",
    reply: ok,
    errors: { 403: "Not the installation admin", 404: "No such uploaded root" },
  }),
};
