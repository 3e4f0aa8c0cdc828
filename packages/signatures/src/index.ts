// Digital signatures on PDFs (issue 16): sign/ (PAdES signing), and verification re-exported.

// --- sign/ ---
export { SignError, type SignErrorCode } from "./sign/errors.ts";
export type { Signer, HashAlgorithm } from "./sign/signer.ts";
export { Pkcs12Signer, type Pkcs12SignerOptions } from "./sign/pkcs12-signer.ts";
export { RemoteSigner, type RemoteSignerOptions } from "./sign/remote-signer.ts";
export {
  startSigningService,
  type SigningService,
  type SigningServiceOptions,
} from "./sign/signing-service.ts";
export {
  createDevelopmentPki,
  type DevelopmentPki,
  type IssuedIdentity,
  type IssueOptions,
} from "./sign/development-pki.ts";
export { signPdf, type SignPdfOptions } from "./sign/sign-pdf.ts";
export { checkSigner, type SignerIdentity } from "./sign/check-signer.ts";
export {
  stampText,
  issueStamps,
  type StampPlacement,
  type StampBlanks,
} from "./sign/stamp-text.ts";
export {
  signatureBlockAppearance,
  firstPageCornerAppearance,
  type SignatureAppearance,
  type SignatureBlock,
  type Rect,
} from "./sign/appearance.ts";
export { requestTimestamp, type TimestampOptions } from "./sign/timestamp.ts";
export { decodePng, encodePng, type DecodedImage } from "./sign/png.ts";
// --- end sign/ ---

// Verification lives in @vanthu/extract (it runs in the isolated reader, beside text
// extraction); it is part of this package's surface too, beside signing.
export {
  verifyPdf,
  DEFAULT_VERIFY_LIMITS,
  trustAnchorsFrom,
  signatureSentence,
  SIGNATURE_STATUS_VI,
  type VerifyLimits,
  type VerifyOptions,
  type VerifyResult,
  type SignatureReport,
  type SignatureLevel,
  type SignatureStatus,
  type TrustAnchor,
  type CertificateInfo,
  type SubjectNames,
  type RevocationStatus,
  type RevisionChange,
  type RevisionSummary,
} from "@vanthu/extract";
export { loadTrustAnchors } from "./trust-files.ts";
