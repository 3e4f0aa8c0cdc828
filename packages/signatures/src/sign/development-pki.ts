/**
 * A development certificate authority (@peculiar/x509): a root, and PKCS#12 files for the
 * people and agencies of demo data and tests. Never for production: the root's key lives in
 * memory only, and each PKCS#12 is protected by the password given.
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import forge from "node-forge";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY = 86_400_000;

export interface IssuedIdentity {
  /** The PKCS#12 (key and chain, leaf first), protected by the password given. */
  p12: Uint8Array;
  certificate: Uint8Array;
  certificatePem: string;
  /** The key in PEM, for tools that need a key file (a test timestamp authority under openssl). */
  keyPem: () => string;
}

export interface IssueOptions {
  /** "CN=..., OU=..., O=..., C=VN" (RFC 4514; no commas inside a value). */
  subject: string;
  password: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Extended key usage OIDs (timestamping: 1.3.6.1.5.5.7.3.8, critical). */
  extendedKeyUsage?: string[];
  /**
   * A key pair from `keyPair()` to certify instead of a fresh one: RSA key generation is most
   * of the cost, and demo data with many identities shares a few keys (never for real use).
   */
  keyPair?: webcrypto.CryptoKeyPair;
}

export interface DevelopmentPki {
  root: Uint8Array;
  rootPem: string;
  issue(options: IssueOptions): Promise<IssuedIdentity>;
  /** A person's signature: CN=name, OU=unit, O=agency (as Vietnamese CAs issue them). */
  person(
    p: { name: string; unit?: string; agency: string; password: string } & Partial<IssueOptions>,
  ): Promise<IssuedIdentity>;
  /** An agency's signature: CN=agency. */
  agency(a: { name: string; password: string } & Partial<IssueOptions>): Promise<IssuedIdentity>;
  /** A timestamp authority's certificate (for a local RFC 3161 server). */
  timestampAuthority(password: string): Promise<IssuedIdentity>;
  /** A fresh RSA key pair, to give several identities (`IssueOptions.keyPair`). */
  keyPair(): Promise<webcrypto.CryptoKeyPair>;
}

let serial = 1;
const nextSerial = () =>
  (Date.now().toString(16) + (serial++).toString(16).padStart(4, "0")).padStart(16, "0");

async function keys(): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, [
    "sign",
    "verify",
  ])) as webcrypto.CryptoKeyPair;
}

function toP12(keyDer: ArrayBuffer, chain: x509.X509Certificate[], password: string, name: string) {
  const key = forge.pki.privateKeyFromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(keyDer).toString("binary"))),
  );
  const certs = chain.map((c) => forge.pki.certificateFromPem(c.toString("pem")));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, {
    algorithm: "aes256",
    friendlyName: name,
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}

/** A fresh root and the means to issue from it. `now` sets the default validity (10 years). */
export async function createDevelopmentPki(
  options: { name?: string; now?: Date } = {},
): Promise<DevelopmentPki> {
  const now = options.now ?? new Date();
  const rootKeys = await keys();
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${options.name ?? "vanthu Development Root CA"}, O=vanthu, C=VN`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    signingAlgorithm: ALG,
    keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });

  const issue = async (o: IssueOptions): Promise<IssuedIdentity> => {
    const k = o.keyPair ?? (await keys());
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: nextSerial(),
      subject: o.subject,
      issuer: root.subject,
      notBefore: o.notBefore ?? new Date(now.getTime() - DAY),
      notAfter: o.notAfter ?? new Date(now.getTime() + 3 * 365 * DAY),
      signingAlgorithm: ALG,
      publicKey: k.publicKey,
      signingKey: rootKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        ...(o.extendedKeyUsage
          ? [new x509.ExtendedKeyUsageExtension(o.extendedKeyUsage, true)]
          : []),
        await x509.SubjectKeyIdentifierExtension.create(k.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(root),
      ],
    });
    const keyDer = await webcrypto.subtle.exportKey("pkcs8", k.privateKey);
    const cn = /CN=([^,]+)/.exec(o.subject)?.[1] ?? "signer";
    return {
      p12: toP12(keyDer, [cert, root], o.password, cn),
      certificate: new Uint8Array(cert.rawData),
      certificatePem: cert.toString("pem"),
      keyPem: () =>
        `-----BEGIN PRIVATE KEY-----\n${Buffer.from(keyDer).toString("base64").replace(/.{64}/g, "$&\n")}\n-----END PRIVATE KEY-----\n`,
    };
  };

  return {
    root: new Uint8Array(root.rawData),
    rootPem: root.toString("pem"),
    issue,
    person: ({ name, unit, agency, ...rest }) =>
      issue({
        subject: `CN=${name}${unit ? `, OU=${unit}` : ""}, O=${agency}, C=VN`,
        ...rest,
      }),
    agency: ({ name, ...rest }) => issue({ subject: `CN=${name}, O=${name}, C=VN`, ...rest }),
    keyPair: keys,
    timestampAuthority: (password) =>
      issue({
        subject: "CN=vanthu Development TSA, O=vanthu, C=VN",
        password,
        extendedKeyUsage: ["1.3.6.1.5.5.7.3.8"],
      }),
  };
}
