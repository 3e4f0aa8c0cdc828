/**
 * The CMS SignedData a PDF signature holds (pkijs): detached, PAdES B-B signed attributes
 * (content-type, message-digest, signing-certificate-v2; no signing-time: PAdES puts the claimed
 * time in the signature dictionary's /M), and for B-T an RFC 3161 timestamp over the signature
 * value as an unsigned attribute.
 */
import { createHash, webcrypto } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { HASH_OID, nodeHash, type HashAlgorithm, type Signer } from "./signer.ts";
import { requestTimestamp, type TimestampOptions } from "./timestamp.ts";

pkijs.setEngine(
  "node",
  new pkijs.CryptoEngine({
    name: "node",
    crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]["crypto"],
  }),
);

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  timeStampToken: "1.2.840.113549.1.9.16.2.14",
  rsaEncryption: "1.2.840.113549.1.1.1",
};

const toBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const hashOf = (hash: HashAlgorithm, data: Uint8Array) =>
  new Uint8Array(createHash(nodeHash(hash)).update(data).digest());

/** ESS signing-certificate-v2 (RFC 5035): the hash of the signer's certificate and its issuer/serial. */
function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })],
      }).toSchema(),
      cert.serialNumber,
    ],
  });
  // The hash algorithm is SHA-256, the default, and so left out (DER).
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toBuffer(hashOf("SHA-256", der)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

export interface CmsOptions {
  hash?: HashAlgorithm;
  /** PAdES B-T: a timestamp from this authority over the signature value. */
  timestamp?: TimestampOptions;
}

/** A detached CMS SignedData (DER) over `content` (the PDF's byte ranges, concatenated). */
export async function buildCms(
  content: Uint8Array,
  signer: Signer,
  options: CmsOptions = {},
): Promise<Uint8Array> {
  const hash = options.hash ?? "SHA-256";
  const chainDer = await signer.certificates();
  const chain = chainDer.map((d) => pkijs.Certificate.fromBER(toBuffer(d)));
  const leaf = chain[0]!;
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: HASH_OID[hash],
    algorithmParams: new asn1js.Null(),
  });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toBuffer(hashOf(hash, content)) })],
      }),
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [signingCertificateV2(leaf, chainDer[0]!)],
      }),
    ],
  });
  // What is signed is the attributes' DER as a SET (RFC 5652, 5.4), not with their [0] tag.
  const attrsDer = new Uint8Array(signedAttrs.toSchema().toBER());
  attrsDer[0] = 0x31;
  const signature = await signer.sign(hashOf(hash, attrsDer), hash);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: toBuffer(signature) }),
  });
  if (options.timestamp) {
    const token = await requestTimestamp(hashOf(hash, signature), hash, options.timestamp);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.timeStampToken, values: [token] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: chain,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
