/** The port every signer stands behind: a PKCS#12 file, a remote signing service. */
export type HashAlgorithm = "SHA-256" | "SHA-384" | "SHA-512";

export interface Signer {
  /** The signer's certificate chain, DER, leaf first. */
  certificates(): Promise<Uint8Array[]>;
  /**
   * Signs a digest (of the CMS signed attributes) made with `hash`: returns the signature value
   * (RSA PKCS#1 v1.5 over the DigestInfo).
   */
  sign(digest: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array>;
  /** True when a person must confirm each signature (a phone): never inside a register lock. */
  readonly interactive: boolean;
}

/** Node's name of a hash. */
export const nodeHash = (h: HashAlgorithm): string => h.replace("-", "").toLowerCase();

/** Object identifiers of the hashes. */
export const HASH_OID: Record<HashAlgorithm, string> = {
  "SHA-256": "2.16.840.1.101.3.4.2.1",
  "SHA-384": "2.16.840.1.101.3.4.2.2",
  "SHA-512": "2.16.840.1.101.3.4.2.3",
};
