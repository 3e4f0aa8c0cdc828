/**
 * A signer from a PKCS#12 file (a software certificate): for development, CI and agencies that
 * keep one. The file stays password-protected at rest; the password is given at signing time.
 */
import type { KeyObject } from "node:crypto";
import forge from "node-forge";
import { rsaKey, signDigest } from "./digest-info.ts";
import { SignError } from "./errors.ts";
import type { HashAlgorithm, Signer } from "./signer.ts";

/** Largest PKCS#12 file read (a chain of a few certificates and one key: a few kilobytes). */
const MAX_P12_BYTES = 256 * 1024;

export interface Pkcs12SignerOptions {
  /** The clock the certificate's validity is checked against (default: the time of signing). */
  now?: () => Date;
}

export class Pkcs12Signer implements Signer {
  readonly interactive = false;

  private constructor(
    private readonly key: KeyObject,
    private readonly chain: Uint8Array[],
    private readonly notBefore: Date,
    private readonly notAfter: Date,
    private readonly now: () => Date,
  ) {}

  /**
   * Opens a PKCS#12 file. Throws SignError SIGNER_BAD_PASSWORD, SIGNER_BAD_FILE, SIGNER_NO_KEY,
   * SIGNER_UNSUPPORTED_KEY, or SIGNER_CERTIFICATE_EXPIRED when the certificate is not valid now.
   */
  static open(p12: Uint8Array, password: string, options: Pkcs12SignerOptions = {}): Pkcs12Signer {
    if (p12.length === 0 || p12.length > MAX_P12_BYTES) throw new SignError("SIGNER_BAD_FILE");
    let store: forge.pkcs12.Pkcs12Pfx;
    try {
      const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString("binary")));
      store = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // node-forge: "PKCS#12 MAC could not be verified. Invalid password?", or a failed decryption.
      if (/password|MAC|decrypt/i.test(message))
        throw new SignError("SIGNER_BAD_PASSWORD", undefined, { cause: e });
      throw new SignError("SIGNER_BAD_FILE", message, { cause: e });
    }
    const keyBags = [
      ...(store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
        forge.pki.oids.pkcs8ShroudedKeyBag!
      ] ?? []),
      ...(store.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
    ];
    const forgeKey = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!forgeKey) throw new SignError("SIGNER_NO_KEY");
    if (!("n" in forgeKey)) throw new SignError("SIGNER_UNSUPPORTED_KEY");
    const certs = (
      store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []
    )
      .map((b) => b.cert)
      .filter((c): c is forge.pki.Certificate => !!c);
    const leaf = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n?.equals(forgeKey.n);
    });
    if (!leaf) throw new SignError("SIGNER_NO_KEY", "no certificate for the key");
    // The chain leaf first: each next one the issuer of the one before.
    const chain = [leaf];
    for (let cur = leaf; chain.length <= certs.length;) {
      const up = certs.find((c) => c !== cur && !chain.includes(c) && cur.isIssuer(c));
      if (!up) break;
      chain.push(up);
      cur = up;
    }
    const der = chain.map(
      (c) =>
        new Uint8Array(
          Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), "binary"),
        ),
    );
    const signer = new Pkcs12Signer(
      rsaKey(forge.pki.privateKeyToPem(forgeKey)),
      der,
      leaf.validity.notBefore,
      leaf.validity.notAfter,
      options.now ?? (() => new Date()),
    );
    signer.checkValidity();
    return signer;
  }

  private checkValidity(): void {
    const t = this.now().getTime();
    if (t < this.notBefore.getTime() || t > this.notAfter.getTime())
      throw new SignError(
        "SIGNER_CERTIFICATE_EXPIRED",
        `valid ${this.notBefore.toISOString()} to ${this.notAfter.toISOString()}`,
      );
  }

  async certificates(): Promise<Uint8Array[]> {
    return this.chain;
  }

  async sign(digest: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array> {
    this.checkValidity();
    return signDigest(this.key, digest, hash);
  }
}
