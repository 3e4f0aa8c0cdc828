/**
 * Certificates: their names (pkijs), the chain from a signer's certificate up to a trust
 * anchor the admin configured (node:crypto checks each link's signature), and revocation from
 * the CRLs and OCSP responses embedded in the file (pkijs reads them). No network access.
 */
import { X509Certificate as NodeCertificate } from "node:crypto";
import type * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { hex, toArrayBuffer, verifyWithCertificate } from "./cms.ts";

export interface SubjectNames {
  commonName: string | null;
  organization: string | null;
  unit: string | null;
  email: string | null;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  validAtSigningTime: boolean;
  chain: "trusted" | "unknown-issuer" | "invalid";
  /** Certificates from the signer's up to the anchor (or as far as the chain was found). */
  chainLength: number;
}

/** A trust anchor: a root (or intermediate) certificate the admin configured. */
export interface TrustAnchor {
  der: Uint8Array;
  cert: NodeCertificate;
}

const E_MAIL = "1.2.840.113549.1.9.1";
const SHORT: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.6": "C",
  "2.5.4.5": "SERIALNUMBER",
  "2.5.4.12": "T",
  "0.9.2342.19200300.100.1.1": "UID",
  [E_MAIL]: "E",
};

/** The values of one attribute type of a name, in order. */
function values(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues
    .filter((t) => t.type === oid)
    .map((t) =>
      String((t.value as { valueBlock: { value: unknown } }).valueBlock.value).normalize("NFC"),
    );
}

function field(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const joined = values(name, oid).filter(Boolean).join(", ");
  return joined || null;
}

/** A name as "CN=..., O=..., C=VN", most specific first (as pdfsig and OpenSSL print it). */
export function nameString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map(
      (t) =>
        `${SHORT[t.type] ?? t.type}=${String((t.value as { valueBlock: { value: unknown } }).valueBlock.value).normalize("NFC")}`,
    )
    .reverse()
    .join(", ");
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

export function subjectNames(cert: pkijs.Certificate): SubjectNames {
  const name = cert.subject;
  return {
    commonName: field(name, "2.5.4.3"),
    organization: field(name, "2.5.4.10"),
    unit: field(name, "2.5.4.11"),
    email: field(name, E_MAIL),
  };
}

export function commonNameOf(der: Uint8Array): string | null {
  try {
    return field(parseCertificate(der).subject, "2.5.4.3");
  } catch {
    return null;
  }
}

export function issuerCommonName(cert: pkijs.Certificate): string | null {
  return field(cert.issuer, "2.5.4.3");
}

/** The certificates of PEM text or of one DER certificate. */
export function trustAnchorsFrom(bytes: Uint8Array): TrustAnchor[] {
  const text = Buffer.from(bytes).toString("latin1");
  const ders: Uint8Array[] = [];
  if (text.includes("-----BEGIN CERTIFICATE-----")) {
    const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)))
      ders.push(Uint8Array.from(Buffer.from(m[1]!.replace(/\s+/g, ""), "base64")));
  } else ders.push(bytes);
  const out: TrustAnchor[] = [];
  for (const der of ders) {
    try {
      out.push({ der, cert: new NodeCertificate(Buffer.from(der)) });
    } catch {
      // Not a certificate.
    }
  }
  return out;
}

/** Links followed up a chain at most. */
const MAX_CHAIN = 10;

/**
 * The chain of `leaf` through the CMS's own certificates to a trust anchor: "trusted" when it
 * reaches one with every link's signature verifying, each issuer a CA (basicConstraints cA) valid
 * at `at`; "invalid" when a link's issuer is found by name but its signature does not verify, or
 * it is no CA, or it was not valid then; "unknown-issuer" otherwise.
 */
export function checkChain(
  leafDer: Uint8Array,
  pool: Uint8Array[],
  anchors: TrustAnchor[],
  at: Date = new Date(),
): { chain: CertificateInfo["chain"]; chainLength: number } {
  // An issuer vouches only as a CA, and only while its own certificate holds.
  const mayIssue = (c: NodeCertificate) =>
    c.ca && new Date(c.validFrom) <= at && at <= new Date(c.validTo);
  let current: NodeCertificate;
  try {
    current = new NodeCertificate(Buffer.from(leafDer));
  } catch {
    return { chain: "invalid", chainLength: 0 };
  }
  const intermediates: NodeCertificate[] = [];
  for (const der of pool) {
    try {
      intermediates.push(new NodeCertificate(Buffer.from(der)));
    } catch {
      // Skipped.
    }
  }
  let length = 1;
  const seen = new Set<string>();
  for (let k = 0; k < MAX_CHAIN; k++) {
    seen.add(current.fingerprint256);
    // The certificate itself is an anchor.
    if (anchors.some((a) => a.cert.fingerprint256 === current.fingerprint256))
      return { chain: "trusted", chainLength: length };
    const anchor = anchors.find((a) => current.checkIssued(a.cert));
    if (anchor) {
      if (!current.verify(anchor.cert.publicKey) || !mayIssue(anchor.cert))
        return { chain: "invalid", chainLength: length };
      return {
        chain: "trusted",
        chainLength: length + (anchor.cert.fingerprint256 === current.fingerprint256 ? 0 : 1),
      };
    }
    const next = intermediates.find((c) => !seen.has(c.fingerprint256) && current.checkIssued(c));
    if (!next) return { chain: "unknown-issuer", chainLength: length };
    if (!current.verify(next.publicKey) || !mayIssue(next))
      return { chain: "invalid", chainLength: length };
    current = next;
    length++;
  }
  return { chain: "unknown-issuer", chainLength: length };
}

/** The certificate's facts, its validity at `at` and its chain. */
export function certificateInfo(
  cert: pkijs.Certificate,
  der: Uint8Array,
  pool: Uint8Array[],
  anchors: TrustAnchor[],
  at: Date,
): CertificateInfo {
  const chain = checkChain(der, pool, anchors, at);
  const notBefore = cert.notBefore.value;
  const notAfter = cert.notAfter.value;
  return {
    subject: nameString(cert.subject),
    issuer: nameString(cert.issuer),
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView).toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    validAtSigningTime: notBefore <= at && at <= notAfter,
    ...chain,
  };
}

export type RevocationStatus = "good" | "revoked" | "not-checked";

/**
 * The signer certificate's status from embedded CRLs and OCSP responses: "revoked" when one lists
 * it as revoked (at or before `at`), "good" when one that covers it (a CRL of its issuer, an OCSP
 * response for its serial number) does not, "not-checked" when none covers it. A CRL counts only
 * when its signature verifies with its issuer's certificate, an OCSP response only when its
 * signature verifies with the issuer's certificate or with a responder certificate the issuer
 * issued; `certificates` are where those are looked for (the CMS's and the trust anchors).
 */
export function revocationStatus(
  leafDer: Uint8Array,
  data: { crls: Uint8Array[]; ocsps: Uint8Array[] },
  at: Date,
  certificates: Uint8Array[] = [],
): RevocationStatus {
  if (!data.crls.length && !data.ocsps.length) return "not-checked";
  let leaf: pkijs.Certificate;
  let leafNode: NodeCertificate;
  try {
    leaf = pkijs.Certificate.fromBER(toArrayBuffer(leafDer));
    leafNode = new NodeCertificate(Buffer.from(leafDer));
  } catch {
    return "not-checked";
  }
  const pool: NodeCertificate[] = [];
  for (const der of certificates)
    try {
      pool.push(new NodeCertificate(Buffer.from(der)));
    } catch {
      // Skipped.
    }
  const issuers = pool.filter((c) => leafNode.checkIssued(c) && leafNode.verify(c.publicKey));
  const serial = hex(leaf.serialNumber.valueBlock.valueHexView);
  let covered = false;
  for (const der of data.crls) {
    try {
      const crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der));
      if (!crl.issuer.isEqual(leaf.issuer)) continue;
      const signed = issuers.some((c) =>
        verifyWithCertificate(
          crl.signature.algorithmId,
          crl.tbsView,
          crl.signatureValue.valueBlock.valueHexView,
          c,
        ),
      );
      if (!signed) continue;
      covered = true;
      const hit = crl.revokedCertificates?.find(
        (r) => hex(r.userCertificate.valueBlock.valueHexView) === serial,
      );
      if (hit && hit.revocationDate.value <= at) return "revoked";
    } catch {
      // An unreadable CRL covers nothing.
    }
  }
  for (const der of data.ocsps) {
    try {
      const response = pkijs.OCSPResponse.fromBER(toArrayBuffer(der));
      const bytes = response.responseBytes;
      if (!bytes || bytes.responseType !== "1.3.6.1.5.5.7.48.1.1") continue;
      const basic = pkijs.BasicOCSPResponse.fromBER(bytes.response.valueBlock.valueHexView);
      const responders = [...issuers];
      for (const c of basic.certs ?? [])
        try {
          const node = new NodeCertificate(Buffer.from(c.toSchema(true).toBER(false)));
          if (issuers.some((i) => node.checkIssued(i) && node.verify(i.publicKey)))
            responders.push(node);
        } catch {
          // Skipped.
        }
      const signed = responders.some((c) =>
        verifyWithCertificate(
          basic.signatureAlgorithm.algorithmId,
          basic.tbsResponseData.tbsView,
          basic.signature.valueBlock.valueHexView,
          c,
        ),
      );
      if (!signed) continue;
      for (const single of basic.tbsResponseData.responses) {
        if (hex(single.certID.serialNumber.valueBlock.valueHexView) !== serial) continue;
        const status = single.certStatus as asn1js.BaseBlock;
        // good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2].
        if (status.idBlock.tagNumber === 1) return "revoked";
        if (status.idBlock.tagNumber === 0) covered = true;
      }
    } catch {
      // An unreadable response covers nothing.
    }
  }
  return covered ? "good" : "not-checked";
}
