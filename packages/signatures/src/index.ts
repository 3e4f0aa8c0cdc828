// Digital signatures on PDFs (issue 16). The modules behind this entry are filled in by
// verify/ (reading and checking every signature of a file) and sign/ (PAdES signing).
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
