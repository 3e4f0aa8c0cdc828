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
  getAttribute?(name: string): string | null;
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

/** Private-use characters around a cut's number: never in a package that is cut. */
const MARK = "\uE000";
/** Texts shorter than this are left in place. */
const MIN_CUT = 4096;
const BASE64_TEXT = /^[A-Za-z0-9+/=\n\t ]*$/;

/**
 * The package with the long base64 texts of its ContentTransferEncoded elements (nearly all of
 * its bytes) replaced by short marks, and the means to put them back in a canonical form.
 * xmldom looks for each element name's last close tag from the end of the text it parses (one
 * scan of the whole package per name: most of the time of a 1 MB package); what it parses is
 * then a few kilobytes. A base64 text is its own canonical form (C14N escapes "&", "<", ">" and
 * CR in text, which it has none of), so putting it back in the canonical form of the shortened
 * package gives the canonical form of the package. Only texts that are plainly element content
 * are cut (an open tag whose quotes pair up, base64 letters and whitespace up to the next "<").
 */
export function shorten(xml: string): { text: string; restore(canonical: string): string } {
  const cuts: string[] = [];
  const same = { text: xml, restore: (c: string) => c };
  if (xml.includes(MARK)) return same;
  const parts: string[] = [];
  let from = 0;
  const open = /<(?:[A-Za-z_][\w.-]*:)?ContentTransferEncoded(?=[\s>/])[^>]*>/g;
  for (const m of xml.matchAll(open)) {
    const tag = m[0];
    const start = m.index + tag.length;
    if (start < from || tag.endsWith("/>")) continue;
    if ((tag.split('"').length - 1) % 2 || (tag.split("'").length - 1) % 2) continue;
    const end = xml.indexOf("<", start);
    if (end < 0 || end - start < MIN_CUT) continue;
    const text = xml.slice(start, end);
    if (!BASE64_TEXT.test(text)) continue;
    parts.push(xml.slice(from, start), `${MARK}${cuts.length}${MARK}`);
    cuts.push(text);
    from = end;
  }
  if (!cuts.length) return same;
  parts.push(xml.slice(from));
  return {
    text: parts.join(""),
    restore: (canonical) =>
      canonical.replace(/\uE000(\d+)\uE000/g, (_, n: string) => cuts[Number(n)] ?? ""),
  };
}
