/**
 * verifyPdf: every signature of a PDF, in the order they were made, checked against the bytes
 * it signs and the trust anchors given. Never throws on a bad signature or a bad file: each
 * problem is a stable code on the signature it concerns.
 */
import { createHash } from "node:crypto";
import { latin1 } from "../pdf-objects.ts";
import {
  CmsError,
  archivedRevocation,
  checkSigner,
  checkToken,
  eContent,
  hashName,
  parseCms,
  signingTimeOf,
  timestampOf,
  type TimestampResult,
} from "./cms.ts";
import {
  certificateInfo,
  commonNameOf,
  issuerCommonName,
  nameString,
  parseCertificate,
  revocationStatus,
  subjectNames,
  type CertificateInfo,
  type RevocationStatus,
  type SubjectNames,
  type TrustAnchor,
} from "./certificates.ts";
import {
  changesAfter,
  dssData,
  findSignatures,
  pdfDate,
  rangeEnd,
  type RawSignature,
  type RevisionChange,
  type RevisionSummary,
} from "./pdf-signatures.ts";

export interface VerifyLimits {
  /** Largest file read. */
  maxFileBytes: number;
  /** Signatures read in one file; a file with more is reported as TOO_MANY_SIGNATURES. */
  maxSignatures: number;
  /** Largest /Contents, in bytes of DER (a real one is 5–30 KB; with revocation data up to 200 KB). */
  maxContentsBytes: number;
  /** Certificates one CMS may carry. */
  maxCertificates: number;
  /**
   * Milliseconds spent on one file: signatures not reached by then are reported as TIME_LIMIT
   * (checked between signatures; each step is bounded by the limits above and the PDF reader's).
   */
  maxMs: number;
}

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxSignatures: 50,
  maxContentsBytes: 1024 * 1024,
  maxCertificates: 50,
  maxMs: 30_000,
};

export interface VerifyOptions {
  trustAnchors?: TrustAnchor[];
  /** Validity is judged at the signing time; without one, at `now` (default: the clock). */
  now?: Date;
  limits?: Partial<VerifyLimits>;
}

/**
 * What a clerk is told: "broken" (the signed bytes changed, or the signature does not verify),
 * "unknown-chain" (intact, but no configured trust anchor vouches for the issuer),
 * "invalid-certificate" (intact and the issuer known, but the certificate was not valid at the
 * signing time, is revoked, or its chain does not verify), "valid".
 */
export type SignatureLevel = "broken" | "unknown-chain" | "invalid-certificate" | "valid";

/** Stable codes of what went wrong with one signature ("OK" when nothing did). */
export type SignatureStatus =
  | "OK"
  | "SIGNATURE_UNREADABLE"
  | "SIGNATURE_TOO_LARGE"
  | "TOO_MANY_CERTIFICATES"
  | "BYTE_RANGE_INVALID"
  | "SIGNER_CERTIFICATE_MISSING"
  | "UNSUPPORTED_ALGORITHM"
  | "CERTIFICATE_UNREADABLE"
  | "DIGEST_MISMATCH"
  | "SIGNATURE_INVALID"
  | "CHAIN_INVALID"
  | "CHANGED_AFTER_SIGNING"
  | "TIME_LIMIT";

export interface SignatureReport {
  field: string | null;
  signer: SubjectNames;
  /** The issuer's CN, else its whole DN. */
  issuer: string | null;
  /** Claimed: the signed attribute signingTime, else the dictionary's /M (ISO 8601, UTC). */
  signingTime: string | null;
  timestamp: TimestampResult | null;
  hash: string | null;
  type: string | null;
  intact: boolean;
  coversWholeFile: boolean;
  byteRange: [number, number, number, number] | null;
  revisions: { count: number; changes: RevisionChange[]; list: RevisionSummary[] };
  certificate: CertificateInfo | null;
  revocation: RevocationStatus;
  level: SignatureLevel;
  status: SignatureStatus;
}

export interface VerifyResult {
  signatures: SignatureReport[];
  /**
   * FILE_TOO_LARGE when the file was not read, TOO_MANY_SIGNATURES when it holds more signatures
   * than were checked (a broken one could hide among them), PDF_UNREADABLE; null otherwise.
   */
  problem: string | null;
}

const NO_NAMES: SubjectNames = { commonName: null, organization: null, unit: null, email: null };

export function verifyPdf(bytes: Uint8Array, options: VerifyOptions = {}): VerifyResult {
  const limits = { ...DEFAULT_VERIFY_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) return { signatures: [], problem: "FILE_TOO_LARGE" };
  const text = latin1(bytes);
  let found: ReturnType<typeof findSignatures>;
  try {
    // One more than the limit: a file that has more says so, rather than hiding the rest.
    found = findSignatures(bytes, limits.maxSignatures + 1, text);
  } catch {
    return { signatures: [], problem: "PDF_UNREADABLE" };
  }
  const dss = dssData(found.file, found.revisions);
  const anchors = options.trustAnchors ?? [];
  const now = options.now ?? new Date();
  const deadline = performance.now() + limits.maxMs;
  const tooMany = found.signatures.length > limits.maxSignatures;
  const signatures = found.signatures.slice(0, limits.maxSignatures).map((raw) => {
    if (performance.now() > deadline)
      return failed(raw, bytes, { count: 0, changes: [], list: [] }, "TIME_LIMIT");
    let revisions: SignatureReport["revisions"];
    try {
      const list = changesAfter(found.file, found.revisions, rangeEnd(raw));
      revisions = {
        count: list.length,
        changes: [...new Set(list.flatMap((r) => r.changes))].sort(),
        list,
      };
    } catch {
      revisions = { count: 0, changes: [], list: [] };
    }
    try {
      return verifyOne(raw, bytes, limits, anchors, now, dss, revisions);
    } catch {
      return failed(raw, bytes, revisions, "SIGNATURE_UNREADABLE");
    }
  });
  return { signatures, problem: tooMany ? "TOO_MANY_SIGNATURES" : null };
}

function signedBytes(
  bytes: Uint8Array,
  range: [number, number, number, number],
): Uint8Array | null {
  const [a, b, c, d] = range;
  if (a !== 0 || b < 0 || c < a + b || d < 0 || c + d > bytes.length) return null;
  const out = new Uint8Array(b + d);
  out.set(bytes.subarray(a, a + b), 0);
  out.set(bytes.subarray(c, c + d), b);
  return out;
}

function failed(
  raw: RawSignature,
  bytes: Uint8Array,
  revisions: SignatureReport["revisions"],
  status: SignatureStatus,
): SignatureReport {
  return {
    field: raw.field,
    signer: NO_NAMES,
    issuer: null,
    signingTime: pdfDate(raw.m)?.toISOString() ?? null,
    timestamp: null,
    hash: null,
    type: raw.subFilter,
    intact: false,
    coversWholeFile: !!raw.byteRange && rangeEnd(raw) === bytes.length,
    byteRange: raw.byteRange,
    revisions,
    certificate: null,
    revocation: "not-checked",
    level: "broken",
    status,
  };
}

function verifyOne(
  raw: RawSignature,
  bytes: Uint8Array,
  limits: VerifyLimits,
  anchors: TrustAnchor[],
  now: Date,
  dss: { crls: Uint8Array[]; ocsps: Uint8Array[] },
  revisions: SignatureReport["revisions"],
): SignatureReport {
  if (raw.contentsLength / 2 > limits.maxContentsBytes)
    return failed(raw, bytes, revisions, "SIGNATURE_TOO_LARGE");
  const data = raw.byteRange ? signedBytes(bytes, raw.byteRange) : null;
  if (!data || !raw.contents) return failed(raw, bytes, revisions, "BYTE_RANGE_INVALID");
  let cms: ReturnType<typeof parseCms>;
  try {
    cms = parseCms(raw.contents, limits.maxCertificates);
  } catch (e) {
    const code = e instanceof CmsError ? (e.code as SignatureStatus) : "SIGNATURE_UNREADABLE";
    return failed(raw, bytes, revisions, code);
  }
  const base = failed(raw, bytes, revisions, "OK");
  base.hash = hashName(cms.hashOid);
  const claimed = signingTimeOf(cms.signer) ?? pdfDate(raw.m);
  base.signingTime = claimed?.toISOString() ?? null;
  if (raw.docTimeStamp) {
    // A document time-stamp: the token's imprint is over the signed bytes themselves.
    const token = checkToken(raw.contents, data, limits.maxCertificates, commonNameOf);
    base.timestamp = token;
    base.signingTime = token?.time ?? base.signingTime;
  } else base.timestamp = timestampOf(cms.signer, limits.maxCertificates, commonNameOf);
  if (!cms.signerCertificate) return { ...base, status: "SIGNER_CERTIFICATE_MISSING" };
  const cert = parseCertificate(cms.signerCertificate);
  base.signer = subjectNames(cert);
  base.issuer = issuerCommonName(cert) ?? nameString(cert.issuer);
  // adbe.pkcs7.sha1: the signed content is the SHA-1 digest of the range.
  let content = data;
  let digestOk = true;
  if (
    !raw.docTimeStamp &&
    (raw.subFilter === "adbe.pkcs7.sha1" || cms.signed.encapContentInfo.eContent)
  ) {
    const inner = eContent(cms.signed);
    if (inner) {
      digestOk = Buffer.from(inner).equals(createHash("sha1").update(data).digest());
      content = inner;
    }
  }
  const check = raw.docTimeStamp
    ? checkSigner(cms.signer, eContent(cms.signed) ?? new Uint8Array(), cms.signerCertificate)
    : checkSigner(cms.signer, content, cms.signerCertificate);
  if (raw.docTimeStamp) digestOk = base.timestamp?.valid ?? false;
  const intact = digestOk && check.digestMatches && check.signatureVerifies;
  const at = base.timestamp?.valid ? new Date(base.timestamp.time) : (claimed ?? now);
  const certificate = certificateInfo(cert, cms.signerCertificate, cms.certificates, anchors, at);
  const archived = archivedRevocation(cms.signer);
  const revocation = revocationStatus(
    cms.signerCertificate,
    { crls: [...archived.crls, ...dss.crls], ocsps: [...archived.ocsps, ...dss.ocsps] },
    at,
    [...cms.certificates, ...anchors.map((a) => a.der)],
  );
  // The signed bytes are unchanged, but a later revision drew on a page: what a reader sees is no
  // longer what was signed (annotations, form fields and other signatures, such as the number and
  // day an issuing system stamps, are what PAdES allows after a signature).
  const redrawn = base.revisions.changes.includes("page-content");
  let status: SignatureStatus = "OK";
  if (check.problem) status = check.problem as SignatureStatus;
  else if (!digestOk || !check.digestMatches) status = "DIGEST_MISMATCH";
  else if (!check.signatureVerifies) status = "SIGNATURE_INVALID";
  else if (redrawn) status = "CHANGED_AFTER_SIGNING";
  else if (certificate.chain === "invalid") status = "CHAIN_INVALID";
  const level: SignatureLevel =
    !intact || redrawn
      ? "broken"
      : certificate.chain === "invalid" || revocation === "revoked"
        ? "invalid-certificate"
        : certificate.chain === "unknown-issuer"
          ? "unknown-chain"
          : certificate.validAtSigningTime
            ? "valid"
            : "invalid-certificate";
  return { ...base, intact, certificate, revocation, level, status };
}
