/**
 * Test fixtures for verification, made here: a test CA and leaf certificates (pkijs over
 * WebCrypto), a minimal PDF written by hand, and a signature added to it as an incremental update
 * with a minimal detached CMS (pkijs). Test helpers only: vanthu's signing lives in src/sign/.
 */
import { createHash, webcrypto } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

type KeyPair = webcrypto.CryptoKeyPair;
const crypto = webcrypto;
pkijs.setEngine(
  "test",
  new pkijs.CryptoEngine({
    name: "test",
    crypto: crypto as unknown as pkijs.CryptoEngineParameters["crypto"],
  }),
);

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

export interface TestIdentity {
  der: Uint8Array;
  cert: pkijs.Certificate;
  keys: KeyPair;
}

function name(parts: Array<[string, string]>): pkijs.RelativeDistinguishedNames {
  const oids: Record<string, string> = {
    C: "2.5.4.6",
    O: "2.5.4.10",
    OU: "2.5.4.11",
    CN: "2.5.4.3",
  };
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: parts.map(
      ([k, v]) =>
        new pkijs.AttributeTypeAndValue({
          type: oids[k]!,
          value:
            k === "C"
              ? new asn1js.PrintableString({ value: v })
              : new asn1js.Utf8String({ value: v }),
        }),
    ),
  });
}

let serial = 1;

/** A certificate for `subject`, signed by `issuer` (self-signed without one). */
export async function makeIdentity(options: {
  subject: Array<[string, string]>;
  issuer?: TestIdentity;
  notBefore?: Date;
  notAfter?: Date;
  ca?: boolean;
}): Promise<TestIdentity> {
  const keys = (await crypto.subtle.generateKey(
    { ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ["sign", "verify"],
  )) as KeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject = name(options.subject);
  cert.issuer = options.issuer ? options.issuer.cert.subject : name(options.subject);
  cert.notBefore.value = options.notBefore ?? new Date("2024-01-01T00:00:00Z");
  cert.notAfter.value = options.notAfter ?? new Date("2036-01-01T00:00:00Z");
  if (options.ca)
    cert.extensions = [
      new pkijs.Extension({
        extnID: "2.5.29.19",
        critical: true,
        extnValue: new pkijs.BasicConstraints({ cA: true }).toSchema().toBER(false),
        parsedValue: new pkijs.BasicConstraints({ cA: true }),
      }),
    ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign((options.issuer ?? { keys }).keys.privateKey, "SHA-256");
  return { der: new Uint8Array(cert.toSchema(true).toBER(false)), cert, keys };
}

/** The certificate as PEM text. */
export function pem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** A one-page PDF with a line of text, written by hand (one revision, a classic xref table). */
export function minimalPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    streamObject("BT /F1 14 Tf 72 760 Td (Cong van so 12/UBND-VP) Tj ET"),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

/** The highest object number and the last startxref of a PDF we wrote. */
function tail(pdf: Uint8Array): { size: number; startxref: number; text: string } {
  const text = Buffer.from(pdf).toString("latin1");
  const sizes = [...text.matchAll(/\/Size (\d+)/g)];
  const sx = [...text.matchAll(/startxref\n(\d+)/g)];
  return { size: Number(sizes.at(-1)![1]), startxref: Number(sx.at(-1)![1]), text };
}

/** Appends objects (number → body) as an incremental update. */
export function appendRevision(pdf: Uint8Array, objects: Map<number, string>): Uint8Array {
  const { size, startxref, text } = tail(pdf);
  let out = text.endsWith("\n") ? text : text + "\n";
  const nums = [...objects.keys()].sort((a, b) => a - b);
  const offsets = new Map<number, number>();
  for (const n of nums) {
    offsets.set(n, out.length);
    out += `${n} 0 obj\n${objects.get(n)}\nendobj\n`;
  }
  const xref = out.length;
  out += "xref\n0 1\n0000000000 65535 f \n";
  for (const n of nums) out += `${n} 1\n${String(offsets.get(n)).padStart(10, "0")} 00000 n \n`;
  const newSize = Math.max(size, nums.at(-1)! + 1);
  out += `trailer\n<< /Size ${newSize} /Root 1 0 R /Prev ${startxref} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Hex digits reserved for /Contents. */
const CONTENTS_HEX = 16384;

export interface SignOptions {
  signer: TestIdentity;
  /** Certificates put in the CMS besides the signer's. */
  chain?: TestIdentity[];
  signingTime?: Date;
  field?: string;
  subFilter?: string;
  /** Replaces the CMS by these bytes (garbage). */
  contents?: Uint8Array;
  /** Signed attributes added (adbe-revocationInfoArchival, say). */
  signedAttributes?: pkijs.Attribute[];
  /** A signature time-stamp token by `tsa` at `time` (its imprint spoiled when `wrongImprint`). */
  timestamp?: { tsa: TestIdentity; time: Date; wrongImprint?: boolean };
}

/**
 * Adds a signature field (on page 1, object 3) and signs the file as it then stands with a
 * detached CMS: signed attributes contentType, signingTime, messageDigest.
 */
export async function signPdf(pdf: Uint8Array, options: SignOptions): Promise<Uint8Array> {
  const { size, text } = tail(pdf);
  const sig = size;
  const widget = size + 1;
  const time = options.signingTime ?? new Date("2026-03-02T03:04:05Z");
  const m = `D:${time.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
  const placeholder = "[0 0000000000 0000000000 0000000000]";
  const page = /3 0 obj\n([\s\S]*?)\nendobj/g;
  const pages = [...text.matchAll(page)];
  const pageBody = pages.at(-1)![1]!;
  const annots = /\/Annots \[([^\]]*)\]/.exec(pageBody);
  const newPage = annots
    ? pageBody.replace(/\/Annots \[([^\]]*)\]/, `/Annots [$1 ${widget} 0 R]`)
    : pageBody.replace(/>>\s*$/, ` /Annots [${widget} 0 R] >>`);
  const catalogs = [...text.matchAll(/1 0 obj\n([\s\S]*?)\nendobj/g)];
  const fields = /\/Fields \[([^\]]*)\]/.exec(catalogs.at(-1)![1]!)?.[1]?.trim() ?? "";
  const objects = new Map<number, string>([
    [
      1,
      `<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${fields ? fields + " " : ""}${widget} 0 R] /SigFlags 3 >> >>`,
    ],
    [3, newPage],
    [
      sig,
      `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${options.subFilter ?? "adbe.pkcs7.detached"} /ByteRange ${placeholder} /Contents <${"0".repeat(CONTENTS_HEX)}> /M (${m}) >>`,
    ],
    [
      widget,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /Rect [0 0 0 0] /P 3 0 R /T (${options.field ?? "Signature1"}) /V ${sig} 0 R >>`,
    ],
  ]);
  const updated = Buffer.from(appendRevision(pdf, objects));
  const s = updated.toString("latin1");
  const at = s.indexOf(`${sig} 0 obj`);
  const gapStart = s.indexOf("/Contents <", at) + "/Contents ".length;
  const gapEnd = gapStart + CONTENTS_HEX + 2;
  const range = [0, gapStart, gapEnd, updated.length - gapEnd];
  const rangeText = `[${range.map((n, i) => (i === 0 ? "0" : String(n).padStart(10, "0"))).join(" ")}]`;
  const brAt = s.indexOf(placeholder, at);
  updated.write(rangeText, brAt, "latin1");
  const signed = Buffer.concat([updated.subarray(0, gapStart), updated.subarray(gapEnd)]);
  const cms = options.contents ?? (await detachedCms(signed, options, time));
  const hex = Buffer.from(cms).toString("hex");
  if (hex.length > CONTENTS_HEX) throw new Error("CMS larger than the placeholder");
  updated.write(hex.padEnd(CONTENTS_HEX, "0"), gapStart + 1, "latin1");
  return new Uint8Array(updated);
}

async function detachedCms(
  data: Uint8Array,
  options: SignOptions,
  time: Date,
): Promise<Uint8Array> {
  const digest = createHash("sha256").update(data).digest();
  const signer = options.signer;
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: "1.2.840.113549.1.7.1" }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer.cert.issuer,
          serialNumber: signer.cert.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: "1.2.840.113549.1.9.3",
              values: [new asn1js.ObjectIdentifier({ value: "1.2.840.113549.1.7.1" })],
            }),
            new pkijs.Attribute({
              type: "1.2.840.113549.1.9.5",
              values: [new asn1js.UTCTime({ valueDate: time })],
            }),
            new pkijs.Attribute({
              type: "1.2.840.113549.1.9.4",
              values: [new asn1js.OctetString({ valueHex: digest })],
            }),
            ...(options.signedAttributes ?? []),
          ],
        }),
      }),
    ],
    certificates: [signer.cert, ...(options.chain ?? []).map((c) => c.cert)],
  });
  await signed.sign(signer.keys.privateKey, 0, "SHA-256");
  if (options.timestamp) {
    const value = Buffer.from(signed.signerInfos[0]!.signature.valueBlock.valueHexView);
    const token = await timeStampToken(value, options.timestamp);
    signed.signerInfos[0]!.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: "1.2.840.113549.1.9.16.2.14", values: [token] })],
    });
  }
  const info = new pkijs.ContentInfo({
    contentType: "1.2.840.113549.1.7.2",
    content: signed.toSchema(true),
  });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** A later revision drawing a line of text on page 1 (a stamped number, say). */
export function drawOnPage(pdf: Uint8Array): Uint8Array {
  const { size, text } = tail(pdf);
  const pageBody = [...text.matchAll(/3 0 obj\n([\s\S]*?)\nendobj/g)].at(-1)![1]!;
  const newPage = pageBody.replace(/\/Contents (\d+ 0 R|\[[^\]]*\])/, (_, c: string) => {
    const list = c.startsWith("[") ? c.slice(1, -1).trim() : c;
    return `/Contents [${list} ${size} 0 R]`;
  });
  return appendRevision(
    pdf,
    new Map([
      [3, newPage],
      [size, streamObject("BT /F1 12 Tf 400 760 Td (So: 125/UBND-VP) Tj ET")],
    ]),
  );
}

/** An RFC 3161 token (TSTInfo in a SignedData by the TSA) over `imprinted`. */
async function timeStampToken(
  imprinted: Uint8Array,
  options: NonNullable<SignOptions["timestamp"]>,
): Promise<asn1js.Sequence> {
  const hash = createHash("sha256").update(imprinted).digest();
  if (options.wrongImprint) hash[0] = hash[0]! ^ 0xff;
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: "1.2.3.4.1",
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: "2.16.840.1.101.3.4.2.1" }),
      hashedMessage: new asn1js.OctetString({ valueHex: hash }),
    }),
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime: options.time,
  });
  const content = new Uint8Array(tst.toSchema().toBER(false));
  const tsa = options.tsa;
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: "1.2.840.113549.1.9.16.1.4",
      eContent: new asn1js.OctetString({ valueHex: content }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: tsa.cert.issuer,
          serialNumber: tsa.cert.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: "1.2.840.113549.1.9.3",
              values: [new asn1js.ObjectIdentifier({ value: "1.2.840.113549.1.9.16.1.4" })],
            }),
            new pkijs.Attribute({
              type: "1.2.840.113549.1.9.4",
              values: [
                new asn1js.OctetString({
                  valueHex: createHash("sha256").update(content).digest(),
                }),
              ],
            }),
          ],
        }),
      }),
    ],
    certificates: [tsa.cert],
  });
  await signed.sign(tsa.keys.privateKey, 0, "SHA-256");
  return new pkijs.ContentInfo({
    contentType: "1.2.840.113549.1.7.2",
    content: signed.toSchema(true),
  }).toSchema() as asn1js.Sequence;
}

/**
 * The adbe-revocationInfoArchival signed attribute holding one CRL by `ca` that lists `revoked`
 * (none when empty).
 */
export async function revocationArchive(
  ca: TestIdentity,
  revoked: TestIdentity[],
  at = new Date("2026-01-01T00:00:00Z"),
  /** Signs the CRL with another key than the CA's (a forged CRL). */
  forgedWith?: TestIdentity,
): Promise<pkijs.Attribute> {
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: ca.cert.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: at }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date(at.getTime() + 365 * 86400_000) }),
  });
  if (revoked.length)
    crl.revokedCertificates = revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: r.cert.serialNumber,
          revocationDate: new pkijs.Time({ type: 0, value: at }),
        }),
    );
  await crl.sign((forgedWith ?? ca).keys.privateKey, "SHA-256");
  const archive = new asn1js.Sequence({
    value: [
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Sequence({ value: [crl.toSchema(true)] })],
      }),
    ],
  });
  return new pkijs.Attribute({ type: "1.2.840.113583.1.1.8", values: [archive] });
}
