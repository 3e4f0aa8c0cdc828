/**
 * Checking the XML signature of a package's header (XML-DSig, enveloped, over the whole
 * package). What can be checked is checked with xml-crypto (the reference's transforms and
 * digest, the signature value over SignedInfo canonicalized), the certificate chain with
 * extract's `checkChain` against the trust anchors given. What cannot be checked says why, with a
 * stable reason: a signature written without its namespace (as the packages in use write it), a
 * package that is not namespace-well-formed (an undeclared prefix, a missing close tag: it has no
 * canonical form), a certificate cut short, an algorithm xml-crypto does not implement, a
 * reference to less than the whole package (it would leave the rest unsigned). Never throws.
 */
import { X509Certificate } from "node:crypto";
import { SignedXml } from "xml-crypto";
import { checkChain, type TrustAnchor } from "@vanthu/extract";
import type { EdxmlSignatureReason } from "./codes.ts";
import type { EdxmlSignatureVerdict } from "./model.ts";
import { EDXML_NS, XMLDSIG_NS } from "./namespaces.ts";
import {
  CANONICALIZATIONS,
  DIGESTS,
  SIGNATURE_METHODS,
  TRANSFORMS,
  ENVELOPED,
  elementChildren,
  parseDom,
  type DomDocument,
  type DomNode,
} from "./xmldsig.ts";
import type { XmlElement } from "./xml-tree.ts";

export interface SignatureCheckOptions {
  /** Roots (or intermediates) that vouch for a signer; none: at best "unknown-chain". */
  trustAnchors?: TrustAnchor[];
  /** When the certificate must be valid (XML-DSig carries no trusted signing time). */
  now?: Date;
}

export interface SignatureVerdict {
  verified: EdxmlSignatureVerdict;
  reason: EdxmlSignatureReason | null;
  detail: string | null;
}

const verdict = (
  verified: EdxmlSignatureVerdict,
  reason: EdxmlSignatureReason | null,
  detail: string | null = null,
): SignatureVerdict => ({ verified, reason, detail });

const unverified = (reason: EdxmlSignatureReason, detail: string | null = null) =>
  verdict("unverified", reason, detail);

/** The DER certificates of KeyInfo/X509Data, or the reason they are missing or unreadable. */
export function signatureCertificates(
  sig: XmlElement,
): { ok: true; ders: Uint8Array[] } | { ok: false; reason: EdxmlSignatureReason } {
  const keyInfo = sig.children.find((c) => c.local === "KeyInfo");
  const texts = (keyInfo?.children ?? [])
    .filter((c) => c.local === "X509Data")
    .flatMap((d) => d.children.filter((c) => c.local === "X509Certificate"))
    .map((c) => c.text.replace(/\s+/g, ""));
  if (!texts.length) return { ok: false, reason: "SIGNATURE_NO_CERTIFICATE" };
  const ders: Uint8Array[] = [];
  for (const t of texts) {
    const der = Uint8Array.from(Buffer.from(t, "base64"));
    try {
      new X509Certificate(der);
    } catch {
      return { ok: false, reason: "SIGNATURE_CERTIFICATE_UNREADABLE" };
    }
    ders.push(der);
  }
  return { ok: true, ders };
}

/** The signer's certificate among those given: one that issued none of the others (else the first). */
function leafOf(ders: Uint8Array[]): { leaf: Uint8Array; others: Uint8Array[] } {
  const certs = ders.map((d) => new X509Certificate(d));
  const at = certs.findIndex(
    (c, i) => !certs.some((o, j) => j !== i && o.checkIssued(c) && o.verify(c.publicKey)),
  );
  const k = at < 0 ? 0 : at;
  return { leaf: ders[k]!, others: ders.filter((_, i) => i !== k) };
}

/** Every prefix used by an element or an attribute is declared where it is used. */
function namespaceWellFormed(root: XmlElement): boolean {
  const walk = (e: XmlElement, scope: ReadonlySet<string>): boolean => {
    if (e.unbound) return false;
    let inner = scope;
    for (const name of Object.keys(e.attrs))
      if (name.startsWith("xmlns:")) {
        if (inner === scope) inner = new Set(scope);
        (inner as Set<string>).add(name.slice(6));
      }
    for (const name of Object.keys(e.attrs)) {
      const colon = name.indexOf(":");
      if (colon < 0) continue;
      const prefix = name.slice(0, colon);
      if (prefix !== "xmlns" && prefix !== "xml" && !inner.has(prefix)) return false;
    }
    return e.children.every((c) => walk(c, inner));
  };
  return walk(root, new Set());
}

/** The algorithms of SignedInfo, or why they cannot be checked. */
function checkSignedInfo(sig: XmlElement): SignatureVerdict | null {
  const dsig = (parent: XmlElement | undefined, local: string) =>
    (parent?.children ?? []).filter((c) => c.local === local && c.ns === XMLDSIG_NS);
  const signedInfo = dsig(sig, "SignedInfo");
  const value = dsig(sig, "SignatureValue");
  if (signedInfo.length !== 1 || value.length !== 1 || !value[0]!.text.trim())
    return unverified("SIGNATURE_MALFORMED", "One SignedInfo and one SignatureValue are needed.");
  const info = signedInfo[0]!;
  const c14n = dsig(info, "CanonicalizationMethod")[0]?.attrs.Algorithm ?? "";
  if (!CANONICALIZATIONS.has(c14n))
    return unverified("SIGNATURE_UNSUPPORTED_ALGORITHM", `CanonicalizationMethod ${c14n || "-"}`);
  const method = dsig(info, "SignatureMethod")[0]?.attrs.Algorithm ?? "";
  if (!SIGNATURE_METHODS.has(method))
    return unverified("SIGNATURE_UNSUPPORTED_ALGORITHM", `SignatureMethod ${method || "-"}`);
  const references = dsig(info, "Reference");
  if (references.length !== 1)
    return unverified(
      "SIGNATURE_PARTIAL_REFERENCE",
      `${references.length} references; one, to the whole package (URI=""), is checked.`,
    );
  const ref = references[0]!;
  if (ref.attrs.URI !== "")
    return unverified(
      "SIGNATURE_PARTIAL_REFERENCE",
      `The reference is to "${ref.attrs.URI ?? "(no URI)"}", not the whole package.`,
    );
  const transforms = dsig(dsig(ref, "Transforms")[0], "Transform").map(
    (t) => t.attrs.Algorithm ?? "",
  );
  const unknown = transforms.find((t) => !TRANSFORMS.has(t));
  if (unknown !== undefined)
    return unverified("SIGNATURE_UNSUPPORTED_ALGORITHM", `Transform ${unknown || "-"}`);
  if (!transforms.includes(ENVELOPED))
    return unverified(
      "SIGNATURE_MALFORMED",
      "The reference to the whole package has no enveloped-signature transform.",
    );
  const digest = dsig(ref, "DigestMethod")[0]?.attrs.Algorithm ?? "";
  if (!DIGESTS.has(digest))
    return unverified("SIGNATURE_UNSUPPORTED_ALGORITHM", `DigestMethod ${digest || "-"}`);
  if (!dsig(ref, "DigestValue")[0]?.text.trim())
    return unverified("SIGNATURE_MALFORMED", "The reference has no DigestValue.");
  return null;
}

/** The header's xmldsig Signature in the DOM: the same element the reader found. */
function domSignature(doc: DomDocument): DomNode | null {
  const envelope = elementChildren(doc.documentElement).find(
    (e) => e.localName === "edXMLEnvelope" && e.namespaceURI === EDXML_NS,
  );
  const header =
    envelope &&
    elementChildren(envelope).find(
      (e) => e.localName === "edXMLHeader" && e.namespaceURI === EDXML_NS,
    );
  return (
    (header &&
      elementChildren(header).find(
        (e) => e.localName === "Signature" && e.namespaceURI === XMLDSIG_NS,
      )) ??
    null
  );
}

const toPem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString("base64")
    .replace(/.{64}/g, "$&\n")
    .replace(/\n?$/, "\n")}-----END CERTIFICATE-----\n`;

/**
 * The verdict on `sig`, the header's Signature element of the package `xml` read into `root`
 * (`unclosed`: elements the reader closed itself). Never throws.
 */
export function verifyHeaderSignature(
  xml: string,
  root: XmlElement,
  unclosed: readonly string[],
  sig: XmlElement,
  options: SignatureCheckOptions & { maxBytes?: number } = {},
): SignatureVerdict {
  try {
    if (sig.ns !== XMLDSIG_NS)
      return unverified(
        "SIGNATURE_NO_NAMESPACE",
        `Signature is written without ${XMLDSIG_NS}${sig.ns ? ` (it falls in ${sig.ns})` : ""}.`,
      );
    if (unclosed.length || !namespaceWellFormed(root))
      return unverified(
        "SIGNATURE_NOT_CANONICAL",
        unclosed.length
          ? `${unclosed[0]} has no close tag.`
          : "A prefix is used without its declaration.",
      );
    const algorithms = checkSignedInfo(sig);
    if (algorithms) return algorithms;
    const certs = signatureCertificates(sig);
    if (!certs.ok) return unverified(certs.reason);
    const { leaf, others } = leafOf(certs.ders);
    const leafCert = new X509Certificate(leaf);
    if (leafCert.publicKey.asymmetricKeyType !== "rsa")
      return unverified(
        "SIGNATURE_UNSUPPORTED_ALGORITHM",
        `A ${leafCert.publicKey.asymmetricKeyType ?? "non-RSA"} key; the signature method is RSA.`,
      );
    if (options.maxBytes !== undefined && xml.length > options.maxBytes)
      return unverified(
        "SIGNATURE_TOO_LARGE",
        `${xml.length} characters, more than the ${options.maxBytes} checked.`,
      );
    const parsed = parseDom(xml);
    if (!parsed.ok) return unverified("SIGNATURE_NOT_CANONICAL", parsed.error);
    const node = domSignature(parsed.doc);
    if (!node) return unverified("SIGNATURE_NOT_CHECKED", "The signature was not found again.");
    // The key is the certificate's, never a KeyValue the signature may carry beside it.
    const signed = new SignedXml({ publicCert: toPem(leaf), getCertFromKeyInfo: () => null });
    signed.loadSignature(node as never);
    let holds: boolean;
    try {
      holds = signed.checkSignature(xml);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/^invalid signature: the signature value/.test(message))
        return verdict("invalid", "SIGNATURE_VALUE_MISMATCH");
      return unverified("SIGNATURE_NOT_CHECKED", message.slice(0, 300));
    }
    if (!holds) return verdict("invalid", "SIGNATURE_DIGEST_MISMATCH");
    const now = options.now ?? new Date();
    const chain = checkChain(leaf, others, options.trustAnchors ?? [], now);
    if (chain.chain === "invalid")
      return verdict("invalid-certificate", "CERTIFICATE_CHAIN_INVALID");
    if (!(new Date(leafCert.validFrom) <= now && now <= new Date(leafCert.validTo)))
      return verdict(
        "invalid-certificate",
        "CERTIFICATE_NOT_VALID_NOW",
        `Valid from ${new Date(leafCert.validFrom).toISOString()} to ${new Date(leafCert.validTo).toISOString()}.`,
      );
    if (chain.chain === "unknown-issuer")
      return verdict(
        "unknown-chain",
        "CERTIFICATE_UNKNOWN_ISSUER",
        leafCert.issuer.split("\n").join(", "),
      );
    return verdict("valid", null);
  } catch (e) {
    return unverified(
      "SIGNATURE_NOT_CHECKED",
      (e instanceof Error ? e.message : String(e)).slice(0, 300),
    );
  }
}
