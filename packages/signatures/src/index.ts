// Digital signatures on PDFs (issue 16). The modules behind this entry are filled in by
// verify/ (reading and checking every signature of a file) and sign/ (PAdES signing).

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

// --- verify/ ---
export {
  verifyPdf,
  DEFAULT_VERIFY_LIMITS,
  type VerifyLimits,
  type VerifyOptions,
  type VerifyResult,
  type SignatureReport,
  type SignatureLevel,
  type SignatureStatus,
} from "./verify/verify-pdf.ts";
export {
  loadTrustAnchors,
  trustAnchorsFrom,
  type TrustAnchor,
  type CertificateInfo,
  type SubjectNames,
  type RevocationStatus,
} from "./verify/certificates.ts";
export { signatureSentence, SIGNATURE_STATUS_VI } from "./verify/messages.vi.ts";
export type { RevisionChange, RevisionSummary } from "./verify/pdf-signatures.ts";
// --- end verify/ ---
