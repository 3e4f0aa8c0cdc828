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
import {
  X509Certificate,
  createHash,
  timingSafeEqual,
  verify as verifySignature,
} from "node:crypto";
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
  findAncestorNs,
} from "xml-crypto";
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
  shorten,
  C14N_COMMENTS,
  EXC_C14N,
  EXC_C14N_COMMENTS,
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

const HASHES: Record<string, string> = {
  "http://www.w3.org/2000/09/xmldsig#sha1": "sha1",
  "http://www.w3.org/2001/04/xmlenc#sha256": "sha256",
  "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
  "http://www.w3.org/2000/09/xmldsig#rsa-sha1": "sha1",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": "sha256",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": "sha512",
};

/** The dsig children of `node` named `local`. */
const dsigChildren = (node: DomNode | undefined, local: string) =>
  node
    ? elementChildren(node).filter((e) => e.localName === local && e.namespaceURI === XMLDSIG_NS)
    : [];

const textOf = (node: DomNode | undefined): string => {
  let out = "";
  for (let c = node?.firstChild ?? null; c; c = c.nextSibling)
    out +=
      c.nodeType === 3 || c.nodeType === 4
        ? ((c as unknown as { data: string }).data ?? "")
        : textOf(c);
  return out;
};

const sameDigest = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * XML-DSig core validation of the one reference (the whole package, URI="") and of the
 * signature value, with xml-crypto's canonicalizations (checkSignedInfo has limited the
 * algorithms and transforms to these). SignedInfo is canonicalized in its place (inclusive C14N
 * takes the namespaces in scope there); then the Signature is taken out (enveloped-signature),
 * the document canonicalized without comments (a same-document reference), the long base64
 * texts put back (`restore`, see `shorten`), and digested. Null when both hold.
 */
function checkReferenceAndValue(
  doc: DomDocument,
  signature: DomNode,
  restore: (canonical: string) => string,
  leaf: X509Certificate,
): SignatureVerdict | null {
  const info = dsigChildren(signature, "SignedInfo")[0]!;
  const infoAlgorithm = dsigChildren(info, "CanonicalizationMethod")[0]!.getAttribute!(
    "Algorithm",
  )!;
  const method = dsigChildren(info, "SignatureMethod")[0]!.getAttribute!("Algorithm")!;
  const reference = dsigChildren(info, "Reference")[0]!;
  const transformNodes = dsigChildren(dsigChildren(reference, "Transforms")[0], "Transform");
  const transforms = transformNodes.map((t) => t.getAttribute!("Algorithm") ?? "");
  const digestMethod = dsigChildren(reference, "DigestMethod")[0]!.getAttribute!("Algorithm")!;
  const expected = Buffer.from(textOf(dsigChildren(reference, "DigestValue")[0]).trim(), "base64");
  const value = Buffer.from(
    textOf(dsigChildren(signature, "SignatureValue")[0]).replace(/\s+/g, ""),
    "base64",
  );

  // Only [enveloped] or [enveloped, a canonicalization]: no node-set to re-parse in between.
  const last = transforms.at(-1);
  if (transforms[0] !== ENVELOPED || transforms.length > 2)
    return unverified("SIGNATURE_UNSUPPORTED_ALGORITHM", `Transforms ${transforms.join(" ")}`);

  const path = `/*/*[local-name()='edXMLEnvelope' and namespace-uri()='${EDXML_NS}'][1]/*[local-name()='edXMLHeader' and namespace-uri()='${EDXML_NS}'][1]/*[local-name()='Signature' and namespace-uri()='${XMLDSIG_NS}'][1]/*[local-name()='SignedInfo' and namespace-uri()='${XMLDSIG_NS}'][1]`;
  const InfoC14n =
    infoAlgorithm === EXC_C14N
      ? ExclusiveCanonicalization
      : infoAlgorithm === EXC_C14N_COMMENTS
        ? ExclusiveCanonicalizationWithComments
        : infoAlgorithm === C14N_COMMENTS
          ? C14nCanonicalizationWithComments
          : C14nCanonicalization;
  const canonicalInfo = new InfoC14n()
    .process(info as never, { ancestorNamespaces: findAncestorNs(doc as never, path) })
    .toString();

  // The reference: comments are never part of a same-document reference's node-set.
  const exclusive = last === EXC_C14N || last === EXC_C14N_COMMENTS;
  const prefixList = exclusive
    ? (
        dsigChildren(transformNodes.at(-1), "InclusiveNamespaces")[0]?.getAttribute!(
          "PrefixList",
        ) ?? ""
      )
        .split(" ")
        .filter(Boolean)
    : [];
  signature.parentNode!.removeChild(signature);
  const Reference = exclusive ? ExclusiveCanonicalization : C14nCanonicalization;
  const canonical = restore(
    new Reference()
      .process(doc.documentElement as never, { inclusiveNamespacesPrefixList: prefixList })
      .toString(),
  );
  const digest = createHash(HASHES[digestMethod]!).update(canonical, "utf8").digest();
  if (!sameDigest(digest, expected)) return verdict("invalid", "SIGNATURE_DIGEST_MISMATCH");
  const holds = verifySignature(
    HASHES[method]!,
    Buffer.from(canonicalInfo, "utf8"),
    leaf.publicKey,
    value,
  );
  return holds ? null : verdict("invalid", "SIGNATURE_VALUE_MISMATCH");
}

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
    const short = shorten(xml);
    const parsed = parseDom(short.text);
    if (!parsed.ok) return unverified("SIGNATURE_NOT_CANONICAL", parsed.error);
    const node = domSignature(parsed.doc);
    if (!node) return unverified("SIGNATURE_NOT_CHECKED", "The signature was not found again.");
    const checked = checkReferenceAndValue(parsed.doc, node, short.restore, leafCert);
    if (checked) return checked;
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
