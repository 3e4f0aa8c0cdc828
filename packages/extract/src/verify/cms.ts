/**
 * A detached CMS signature (PKCS#7 / CAdES) checked against the bytes it signs: the message
 * digest of the signed bytes, the signer's signature over the signed attributes, the claimed
 * signing time, the time-stamp token and the revocation data in the attributes. pkijs reads the
 * structures; node:crypto computes digests and checks signatures.
 */
import { X509Certificate, createHash, verify as cryptoVerify, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const OID = {
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  timeStampToken: "1.2.840.113549.1.9.16.2.14",
  revocationInfoArchival: "1.2.840.113583.1.1.8",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
} as const;

const HASHES: Record<string, { name: string; node: string }> = {
  "1.3.14.3.2.26": { name: "SHA-1", node: "sha1" },
  "2.16.840.1.101.3.4.2.4": { name: "SHA-224", node: "sha224" },
  "2.16.840.1.101.3.4.2.1": { name: "SHA-256", node: "sha256" },
  "2.16.840.1.101.3.4.2.2": { name: "SHA-384", node: "sha384" },
  "2.16.840.1.101.3.4.2.3": { name: "SHA-512", node: "sha512" },
  "1.2.840.113549.2.5": { name: "MD5", node: "md5" },
};
/** Signature algorithms that name their hash (sha256WithRSAEncryption, ecdsa-with-SHA256...). */
const SIG_HASHES: Record<string, string> = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.113549.1.1.14": "sha224",
  "1.2.840.10045.4.1": "sha1",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};
const RSA_PSS = "1.2.840.113549.1.1.10";

export class CmsError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export function hashName(oid: string): string {
  return HASHES[oid]?.name ?? oid;
}

export interface ParsedCms {
  signed: pkijs.SignedData;
  signer: pkijs.SignerInfo;
  /** DER of every certificate the CMS carries. */
  certificates: Uint8Array[];
  /** DER of the signer's certificate, when it is among them. */
  signerCertificate: Uint8Array | null;
  hashOid: string;
}

/**
 * Reads a CMS ContentInfo carrying SignedData (trailing zero padding allowed), from DER or from
 * an already parsed value (a time-stamp token inside a signature's attributes).
 */
export function parseCms(der: Uint8Array | asn1js.BaseBlock, maxCertificates: number): ParsedCms {
  let info: pkijs.ContentInfo;
  try {
    let schema: asn1js.BaseBlock;
    if (der instanceof Uint8Array) {
      const asn = asn1js.fromBER(toArrayBuffer(der));
      if (asn.offset === -1) throw new CmsError("SIGNATURE_UNREADABLE");
      schema = asn.result;
    } else schema = der;
    info = new pkijs.ContentInfo({ schema });
  } catch {
    throw new CmsError("SIGNATURE_UNREADABLE");
  }
  if (info.contentType !== OID.signedData) throw new CmsError("SIGNATURE_UNREADABLE");
  let signed: pkijs.SignedData;
  try {
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    throw new CmsError("SIGNATURE_UNREADABLE");
  }
  const certs = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  if (certs.length > maxCertificates) throw new CmsError("TOO_MANY_CERTIFICATES");
  const signer = signed.signerInfos[0];
  if (!signer) throw new CmsError("SIGNATURE_UNREADABLE");
  const certificates = certs.map((c) => new Uint8Array(c.toSchema(true).toBER(false)));
  const index = certs.findIndex((c) => matchesSid(c, signer));
  return {
    signed,
    signer,
    certificates,
    signerCertificate: index >= 0 ? certificates[index]! : null,
    hashOid: signer.digestAlgorithm.algorithmId,
  };
}

function matchesSid(cert: pkijs.Certificate, signer: pkijs.SignerInfo): boolean {
  const sid = signer.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return (
      cert.issuer.isEqual(sid.issuer) &&
      hex(cert.serialNumber.valueBlock.valueHexView) ===
        hex(sid.serialNumber.valueBlock.valueHexView)
    );
  // [0] SubjectKeyIdentifier.
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    const view =
      sid instanceof asn1js.Primitive
        ? sid.valueBlock.valueHexView
        : (sid.valueBlock.value[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView;
    const ext = cert.extensions?.find((e) => e.extnID === "2.5.29.14");
    if (!view || !ext) return false;
    const parsed = ext.parsedValue as asn1js.OctetString | undefined;
    return !!parsed && hex(parsed.valueBlock.valueHexView) === hex(view);
  }
  return false;
}

export function attribute(
  attrs: pkijs.SignedAndUnsignedAttributes | undefined,
  oid: string,
): unknown[] | null {
  const a = attrs?.attributes.find((x) => x.type === oid);
  return a ? a.values : null;
}

export interface SignerCheck {
  /** The message digest attribute (or the content) matches the digest of the data. */
  digestMatches: boolean;
  /** The signature over the signed attributes (or the digest) verifies with the key. */
  signatureVerifies: boolean;
  problem: string | null;
}

/**
 * Checks `signer` over `data` (the signed bytes, or for encapsulated content the content) with
 * the public key of the DER certificate `certificate`.
 */
export function checkSigner(
  signer: pkijs.SignerInfo,
  data: Uint8Array,
  certificate: Uint8Array,
): SignerCheck {
  const hash = HASHES[signer.digestAlgorithm.algorithmId];
  if (!hash)
    return { digestMatches: false, signatureVerifies: false, problem: "UNSUPPORTED_ALGORITHM" };
  const digest = createHash(hash.node).update(data).digest();
  let signedBytes: Uint8Array;
  let digestMatches: boolean;
  if (signer.signedAttrs) {
    const md = attribute(signer.signedAttrs, OID.messageDigest)?.[0];
    digestMatches =
      md instanceof asn1js.OctetString &&
      hex(md.valueBlock.valueHexView) === digest.toString("hex");
    signedBytes = new Uint8Array(signer.signedAttrs.encodedValue);
  } else {
    digestMatches = true;
    signedBytes = data;
  }
  let key: KeyObject;
  try {
    key = new X509Certificate(Buffer.from(certificate)).publicKey;
  } catch {
    return { digestMatches, signatureVerifies: false, problem: "CERTIFICATE_UNREADABLE" };
  }
  const sigAlg = signer.signatureAlgorithm.algorithmId;
  const sigHash = SIG_HASHES[sigAlg] ?? hash.node;
  const signature = Buffer.from(signer.signature.valueBlock.valueHexView);
  let ok = false;
  try {
    if (sigAlg === RSA_PSS) {
      const params = new pkijs.RSASSAPSSParams({
        schema: signer.signatureAlgorithm.algorithmParams,
      });
      const pssHash = HASHES[params.hashAlgorithm.algorithmId]?.node ?? "sha1";
      ok = cryptoVerify(
        pssHash,
        signedBytes,
        {
          key,
          padding: 6, // RSA_PKCS1_PSS_PADDING
          saltLength: params.saltLength,
        },
        signature,
      );
    } else ok = cryptoVerify(sigHash, signedBytes, key, signature);
  } catch {
    ok = false;
  }
  return { digestMatches, signatureVerifies: ok, problem: null };
}

/**
 * True when `signature` over `data` verifies with the key of `cert` under the signature
 * algorithm `algorithm` (one that names its hash: sha256WithRSAEncryption, ecdsa-with-SHA256...).
 */
export function verifyWithCertificate(
  algorithm: string,
  data: Uint8Array,
  signature: Uint8Array,
  cert: X509Certificate,
): boolean {
  const hash = SIG_HASHES[algorithm];
  if (!hash) return false;
  try {
    return cryptoVerify(hash, data, cert.publicKey, signature);
  } catch {
    return false;
  }
}

/** The encapsulated content of a SignedData (adbe.pkcs7.sha1, a TSTInfo), or null. */
export function eContent(signed: pkijs.SignedData): Uint8Array | null {
  const c = signed.encapContentInfo.eContent;
  if (!c) return null;
  // A constructed OCTET STRING: its pieces joined.
  if (c.idBlock.isConstructed) {
    const parts = (c.valueBlock.value as asn1js.OctetString[]).map(
      (p) => p.valueBlock.valueHexView,
    );
    return Uint8Array.from(Buffer.concat(parts));
  }
  return new Uint8Array(c.valueBlock.valueHexView);
}

/** The claimed signing time of the signed attributes. */
export function signingTimeOf(signer: pkijs.SignerInfo): Date | null {
  const v = attribute(signer.signedAttrs, OID.signingTime)?.[0];
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) return v.toDate();
  return null;
}

export interface TimestampResult {
  time: string;
  issuer: string | null;
  /** The token's imprint is the hash of this signature's value, and the token's own signature verifies. */
  valid: boolean;
}

/** The signature time-stamp token (unsigned attribute), checked against the signature value. */
export function timestampOf(
  signer: pkijs.SignerInfo,
  maxCertificates: number,
  commonName: (der: Uint8Array) => string | null,
): TimestampResult | null {
  const v = attribute(signer.unsignedAttrs, OID.timeStampToken)?.[0];
  if (!v) return null;
  try {
    return checkToken(
      v as asn1js.BaseBlock,
      Buffer.from(signer.signature.valueBlock.valueHexView),
      maxCertificates,
      commonName,
    );
  } catch {
    return null;
  }
}

/** An RFC 3161 token over `imprinted` (a signature value, or a document's signed bytes). */
export function checkToken(
  der: Uint8Array | asn1js.BaseBlock,
  imprinted: Uint8Array,
  maxCertificates: number,
  commonName: (der: Uint8Array) => string | null,
): TimestampResult | null {
  const cms = parseCms(der, maxCertificates);
  const content = eContent(cms.signed);
  if (!content || cms.signed.encapContentInfo.eContentType !== OID.tstInfo) return null;
  const tst = pkijs.TSTInfo.fromBER(toArrayBuffer(content));
  const hash = HASHES[tst.messageImprint.hashAlgorithm.algorithmId];
  const imprintOk =
    !!hash &&
    hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView) ===
      createHash(hash.node).update(imprinted).digest("hex");
  let tokenOk = false;
  if (cms.signerCertificate) {
    const check = checkSigner(cms.signer, content, cms.signerCertificate);
    tokenOk = check.digestMatches && check.signatureVerifies;
  }
  return {
    time: tst.genTime.toISOString(),
    issuer: cms.signerCertificate ? commonName(cms.signerCertificate) : null,
    valid: imprintOk && tokenOk,
  };
}

/** The CRLs and OCSP responses of the adbe-revocationInfoArchival signed attribute, DER. */
export function archivedRevocation(signer: pkijs.SignerInfo): {
  crls: Uint8Array[];
  ocsps: Uint8Array[];
} {
  const out = { crls: [] as Uint8Array[], ocsps: [] as Uint8Array[] };
  const v = attribute(signer.signedAttrs, OID.revocationInfoArchival)?.[0];
  if (!(v instanceof asn1js.Sequence)) return out;
  for (const tagged of v.valueBlock.value) {
    const tag = tagged.idBlock.tagNumber;
    if (tagged.idBlock.tagClass !== 3 || !(tagged instanceof asn1js.Constructed)) continue;
    const inner = tagged.valueBlock.value[0];
    if (!(inner instanceof asn1js.Sequence)) continue;
    const list = tag === 0 ? out.crls : tag === 1 ? out.ocsps : null;
    if (!list) continue;
    for (const item of inner.valueBlock.value.slice(0, 100))
      list.push(new Uint8Array(item.toBER(false)));
  }
  return out;
}

export function hex(view: Uint8Array | ArrayBuffer): string {
  return Buffer.from(view instanceof ArrayBuffer ? new Uint8Array(view) : view).toString("hex");
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
