/**
 * The XML-DSig algorithms vanthu writes and checks (the identifiers of XML Signature 1.1 and
 * RFC 6931), and the XML parsing both sides share: @xmldom/xmldom (xml-crypto's own DOM), with
 * every parse error collected instead of logged.
 *
 * xmldom is loaded through `createRequire` and typed by the few members used here: its type
 * declarations pull TypeScript's DOM library into the whole program (`/// <reference lib="dom">`),
 * whose Blob and BufferSource then clash with Node's everywhere else.
 */
import { createRequire } from "node:module";

/** The members of xmldom's nodes vanthu uses. */
export interface DomNode {
  readonly nodeType: number;
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly parentNode: DomNode | null;
  removeChild(child: DomNode): DomNode;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomNode;
}

interface Xmldom {
  DOMParser: new (options: { errorHandler: (level: string, message: unknown) => void }) => {
    parseFromString(xml: string, mimeType: string): DomDocument | undefined;
  };
}

const { DOMParser } = createRequire(import.meta.url)("@xmldom/xmldom") as Xmldom;

export const C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
export const C14N_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
export const EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
export const EXC_C14N_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
export const ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
export const SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
export const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

/** Canonicalizations xml-crypto implements (SignedInfo's CanonicalizationMethod, transforms). */
export const CANONICALIZATIONS: ReadonlySet<string> = new Set([
  C14N,
  C14N_COMMENTS,
  EXC_C14N,
  EXC_C14N_COMMENTS,
]);
/** Reference transforms accepted: the enveloped signature and a canonicalization. */
export const TRANSFORMS: ReadonlySet<string> = new Set([ENVELOPED, ...CANONICALIZATIONS]);
/** Digests accepted (SHA-1 too: the systems in use write it, as adbe.pkcs7.sha1 in PDFs). */
export const DIGESTS: ReadonlySet<string> = new Set([
  "http://www.w3.org/2000/09/xmldsig#sha1",
  SHA256,
  "http://www.w3.org/2001/04/xmlenc#sha512",
]);
/** RSA PKCS#1 v1.5 signature methods accepted. */
export const SIGNATURE_METHODS: ReadonlySet<string> = new Set([
  "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
  RSA_SHA256,
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
]);

/** A DOM of `xml`, or the parser's first complaint (a warning counts: nothing is guessed). */
export function parseDom(
  xml: string,
): { ok: true; doc: DomDocument } | { ok: false; error: string } {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: (_level: string, message: unknown) => {
      errors.push(String(message));
    },
  }).parseFromString(xml, "text/xml");
  if (errors.length || !doc?.documentElement)
    return { ok: false, error: errors[0] ?? "no document element" };
  return { ok: true, doc };
}

/** Element children of a node. */
export function elementChildren(node: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c);
  return out;
}
