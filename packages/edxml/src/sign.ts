/**
 * Signing a package: an enveloped XML-DSig signature over the whole package, in its own
 * namespace, as the last child of edXML:edXMLHeader (where the packages in use put theirs, after
 * TraceHeaderList). `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">` redeclares the
 * default namespace for itself alone, so every element of the envelope keeps its `edXML:` prefix
 * and nothing else of the package changes: the signature's text is inserted, the package's own
 * bytes stay as the writer made them.
 *
 * Exclusive C14N (both for the reference, after the enveloped-signature transform, and for
 * SignedInfo: its canonical form then depends on nothing around it), SHA-256, RSA PKCS#1 v1.5
 * made by the `Signer` port of @vanthu/signatures over the SignedInfo's digest, and X509Data with
 * the signer's chain, leaf first. Canonicalization is xml-crypto's, the same code the reader
 * checks with (the long base64 texts set aside while xmldom parses: xmldsig.ts `shorten`);
 * `xmlsec1 --verify` accepts the result (packages/edxml/test/sign.test.ts).
 */
import { createHash, X509Certificate } from "node:crypto";
import { ExclusiveCanonicalization } from "xml-crypto";
import type { Signer } from "@vanthu/signatures";
import { DEFAULT_EDXML_LIMITS } from "./model.ts";
import { EDXML_NS, XMLDSIG_NS } from "./namespaces.ts";
import {
  ENVELOPED,
  EXC_C14N,
  RSA_SHA256,
  SHA256,
  elementChildren,
  parseDom,
  shorten,
  type DomDocument,
  type DomNode,
} from "./xmldsig.ts";
import { decodePackage, parseXmlTree } from "./xml-tree.ts";

export type EdxmlSignErrorCode =
  "EDXML_SIGN_NOT_EDXML" | "EDXML_SIGN_ALREADY_SIGNED" | "EDXML_SIGN_NO_CERTIFICATE";

export class EdxmlSignError extends Error {
  constructor(
    readonly code: EdxmlSignErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EdxmlSignError";
  }
}

const SIGNATURE_VI: Record<EdxmlSignErrorCode, string> = {
  EDXML_SIGN_NOT_EDXML: "Không ký được: tệp không phải gói edXML hợp lệ.",
  EDXML_SIGN_ALREADY_SIGNED: "Gói edXML đã có chữ ký XML.",
  EDXML_SIGN_NO_CERTIFICATE: "Bộ ký không có chứng thư số để ký gói edXML.",
};

/** The Vietnamese sentence of a signing error's code. */
export function edxmlSignErrorVi(code: EdxmlSignErrorCode): string {
  return SIGNATURE_VI[code];
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** Text as XML character data (a subject name may hold "&" or "<"). */
const escapeText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** RFC 4514 order (most specific first), as X509SubjectName is written. */
function subjectName(der: Uint8Array): string {
  return new X509Certificate(der).subject.split("\n").join(", ");
}

function signedInfoXml(digest: string, nl: string): string {
  const i = (n: number) => `${nl}${"  ".repeat(n)}`;
  return (
    `<SignedInfo>` +
    `${i(2)}<CanonicalizationMethod Algorithm="${EXC_C14N}"></CanonicalizationMethod>` +
    `${i(2)}<SignatureMethod Algorithm="${RSA_SHA256}"></SignatureMethod>` +
    `${i(2)}<Reference URI="">` +
    `${i(3)}<Transforms>` +
    `${i(4)}<Transform Algorithm="${ENVELOPED}"></Transform>` +
    `${i(4)}<Transform Algorithm="${EXC_C14N}"></Transform>` +
    `${i(3)}</Transforms>` +
    `${i(3)}<DigestMethod Algorithm="${SHA256}"></DigestMethod>` +
    `${i(3)}<DigestValue>${digest}</DigestValue>` +
    `${i(2)}</Reference>` +
    `${i(1)}</SignedInfo>`
  );
}

function signatureXml(signedInfo: string, value: string, chain: Uint8Array[], nl: string): string {
  const i = (n: number) => `${nl}${"  ".repeat(n)}`;
  return (
    `<Signature xmlns="${XMLDSIG_NS}">` +
    `${i(1)}${signedInfo}` +
    `${i(1)}<SignatureValue>${value}</SignatureValue>` +
    `${i(1)}<KeyInfo>` +
    `${i(2)}<X509Data>` +
    `${i(3)}<X509SubjectName>${escapeText(subjectName(chain[0]!))}</X509SubjectName>` +
    chain.map((der) => `${i(3)}<X509Certificate>${b64(der)}</X509Certificate>`).join("") +
    `${i(2)}</X509Data>` +
    `${i(1)}</KeyInfo>` +
    `${nl}</Signature>`
  );
}

/** Exclusive C14N of an element (comments left out). */
function excC14n(node: DomNode): string {
  return new ExclusiveCanonicalization().process(node as never, {}).toString();
}

/**
 * `packageBytes` (a package as vanthu writes it, UTF-8) with an XML signature made by `signer`
 * in its header. Throws EdxmlSignError for what is not a package to sign, and whatever the
 * signer throws (its SignError).
 */
export async function signEdxml(packageBytes: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const xml = decodePackage(packageBytes);
  if (xml === null) throw new EdxmlSignError("EDXML_SIGN_NOT_EDXML", "The package is not UTF-8.");
  const tree = parseXmlTree(xml, DEFAULT_EDXML_LIMITS);
  const envelope = tree.ok
    ? tree.root.children.find((c) => c.local === "edXMLEnvelope" && c.ns === EDXML_NS)
    : undefined;
  const header = envelope?.children.find((c) => c.local === "edXMLHeader" && c.ns === EDXML_NS);
  if (!tree.ok || tree.root.ns !== EDXML_NS || !header)
    throw new EdxmlSignError(
      "EDXML_SIGN_NOT_EDXML",
      tree.ok ? "The package has no edXML:edXMLHeader." : `${tree.code}: ${tree.message}`,
    );
  if (header.children.some((c) => c.local === "Signature"))
    throw new EdxmlSignError("EDXML_SIGN_ALREADY_SIGNED", "The header already holds a Signature.");
  const chain = await signer.certificates();
  if (!chain.length)
    throw new EdxmlSignError("EDXML_SIGN_NO_CERTIFICATE", "The signer gave no certificate.");

  // The signature goes before the header's close tag (the first: the package's own header),
  // indented as the header's children are.
  const close = `</${header.qname}>`;
  const at = xml.indexOf(close);
  const before = xml.slice(0, at);
  const indent = /\n([ \t]*)$/.exec(before)?.[1] ?? "";
  const nl = `\n${indent}  `;
  const onItsLine = /\n[ \t]*$/.test(before);
  const withSignature = (signature: string) =>
    onItsLine
      ? `${before}  ${signature}\n${indent}${xml.slice(at)}`
      : `${before}${signature}${xml.slice(at)}`;

  // The reference: the package as it will be, less the Signature element (enveloped-signature),
  // canonicalized. The placeholder's content does not matter; its place does.
  const short = shorten(withSignature(signatureXml(signedInfoXml("", nl), "", chain, nl)));
  const draft = parseDom(short.text);
  if (!draft.ok) throw new EdxmlSignError("EDXML_SIGN_NOT_EDXML", draft.error);
  const placed = headerSignature(draft.doc);
  if (!placed)
    throw new EdxmlSignError("EDXML_SIGN_NOT_EDXML", "The header could not take a signature.");
  placed.parentNode!.removeChild(placed);
  const digest = createHash("sha256")
    .update(short.restore(excC14n(draft.doc.documentElement)), "utf8")
    .digest();

  const signedInfo = signedInfoXml(digest.toString("base64"), nl);
  const info = parseDom(signedInfo.replace("<SignedInfo>", `<SignedInfo xmlns="${XMLDSIG_NS}">`));
  if (!info.ok) throw new EdxmlSignError("EDXML_SIGN_NOT_EDXML", info.error);
  const canonical = excC14n(info.doc.documentElement);
  const value = await signer.sign(
    new Uint8Array(createHash("sha256").update(canonical, "utf8").digest()),
    "SHA-256",
  );
  return new TextEncoder().encode(withSignature(signatureXml(signedInfo, b64(value), chain, nl)));
}

function headerSignature(doc: DomDocument): DomNode | null {
  const envelope = elementChildren(doc.documentElement).find(
    (e) => e.localName === "edXMLEnvelope" && e.namespaceURI === EDXML_NS,
  );
  const header =
    envelope &&
    elementChildren(envelope).find(
      (e) => e.localName === "edXMLHeader" && e.namespaceURI === EDXML_NS,
    );
  const last = header ? elementChildren(header).at(-1) : undefined;
  return last && last.localName === "Signature" && last.namespaceURI === XMLDSIG_NS ? last : null;
}
