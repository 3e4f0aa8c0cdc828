/**
 * Signing (issue 16): the signers an agency admin configures (the agency's own, with which the
 * clerk issues; a leader's, used at approval), the signature images and the seal, and what a
 * leader's approve dialog needs to know (does it ask for a password).
 */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";
import { id, ok, timestamp } from "./common.ts";

export const SIGNER_KINDS = ["pkcs12", "remote"] as const;

/** Base64 bytes (a PKCS#12 up to 256 KB, a PNG up to 512 KB). */
const base64 = z
  .string()
  .max(720_000)
  .regex(/^[A-Za-z0-9+/=\r\n]*$/, "base64");
const url = z
  .string()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, "an http:// or https:// address");

export const signerView = z.strictObject({
  kind: z.enum(SIGNER_KINDS),
  subject: z.string(),
  issuer: z.string(),
  notAfter: timestamp,
  remoteUrl: z.string().nullable(),
  remoteUser: z.string().nullable(),
  tsaUrl: z.string().nullable(),
});
export type SignerView = z.infer<typeof signerView>;

export const signingOverview = z.strictObject({
  agency: signerView.nullable(),
  seal: z.boolean(),
  leaders: z.array(
    z.strictObject({
      id,
      username: z.string(),
      fullName: z.string(),
      title: z.string().nullable(),
      signer: signerView.nullable(),
      signatureImage: z.boolean(),
    }),
  ),
});
export type SigningOverview = z.infer<typeof signingOverview>;

const pkcs12Body = z.strictObject({
  kind: z.literal("pkcs12"),
  p12: base64.min(4),
  password: z.string().max(200),
  /** The agency's only: PAdES B-T with this timestamp authority. */
  tsaUrl: url.nullable().optional(),
});
const remoteBody = z.strictObject({
  kind: z.literal("remote"),
  url,
  user: z.string().min(1).max(200),
  clientId: z.string().max(200),
  clientSecret: z.string().max(500),
  tsaUrl: url.nullable().optional(),
});
export const signerBody = z.discriminatedUnion("kind", [pkcs12Body, remoteBody]);
export type SignerBody = z.infer<typeof signerBody>;
const signerBodyOf = (body: unknown) =>
  body && typeof body === "object" && (body as { kind?: unknown }).kind === "remote"
    ? remoteBody
    : pkcs12Body;

export const imageBody = z.strictObject({ png: base64.min(4) });
export const imageReply = z.strictObject({ width: z.number(), height: z.number() });

const signerErrors = {
  403: "Not an admin",
  404: "Not a user of the agency",
  422: "SIGNER_BAD_PASSWORD, SIGNER_CERTIFICATE_EXPIRED, SIGNER_BAD_FILE, SIGNER_PERSON_INVALID, ...",
  503: "The signing service is unreachable (SIGNER_UNAVAILABLE, SIGNER_TIMEOUT)",
};

export const signingEndpoints = {
  "GET /api/admin/signing": endpoint({
    summary: "The agency's signer, its seal, and each leader's signer and signature image (admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "What is configured (never a secret)",
    reply: signingOverview,
    errors: { 403: "Not an admin" },
  }),
  "POST /api/admin/signing/agency": endpoint({
    summary:
      "The agency's own signer: a PKCS#12 with its password (kept encrypted), or a signing service that signs without a person",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: signerBody,
    bodyOf: signerBodyOf,
    replies: "The signer as configured",
    reply: signerView,
    errors: signerErrors,
  }),
  "DELETE /api/admin/signing/agency": endpoint({
    summary: "Remove the agency's signer: documents are issued unsigned again",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "Removed",
    reply: ok,
    errors: { 403: "Not an admin" },
  }),
  "POST /api/admin/signing/seal": endpoint({
    summary: "The agency's seal image (PNG)",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: imageBody,
    replies: "The image's size",
    reply: imageReply,
    errors: { 403: "Not an admin", 422: "Not a PNG, or too large (SIGNATURE_IMAGE_INVALID)" },
  }),
  "POST /api/admin/users/:id/signer": endpoint({
    summary:
      "A leader's signer: a PKCS#12 (its password checked, never kept: asked at approval) or a remote signing service",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: signerBody,
    bodyOf: signerBodyOf,
    replies: "The signer as configured",
    reply: signerView,
    errors: signerErrors,
  }),
  "DELETE /api/admin/users/:id/signer": endpoint({
    summary: "Remove a leader's signer: they approve unsigned again",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    replies: "Removed",
    reply: ok,
    errors: { 403: "Not an admin", 404: "Not a user of the agency, or no signer" },
  }),
  "POST /api/admin/users/:id/signature-image": endpoint({
    summary: "A person's signature image (PNG), drawn in their visible signature",
    tag: "admin",
    auth: "session",
    roles: ["admin"],
    body: imageBody,
    replies: "The image's size",
    reply: imageReply,
    errors: {
      403: "Not an admin",
      404: "Not a user of the agency",
      422: "SIGNATURE_IMAGE_INVALID",
    },
  }),
  "GET /api/signing/me": endpoint({
    summary:
      "The signed-in person's signer, if any: the approve dialog asks for a PKCS#12's password",
    tag: "review",
    auth: "session",
    replies: "The kind of signer, or null",
    reply: z.strictObject({
      kind: z.enum(SIGNER_KINDS).nullable(),
      subject: z.string().nullable(),
    }),
  }),
};
