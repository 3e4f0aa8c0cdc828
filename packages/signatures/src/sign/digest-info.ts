import { createPrivateKey, privateEncrypt, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { SignError } from "./errors.ts";
import { HASH_OID, type HashAlgorithm } from "./signer.ts";

/** The DER DigestInfo that RSA PKCS#1 v1.5 signs (RFC 8017, 9.2), built with pkijs. */
export function digestInfo(digest: Uint8Array, hash: HashAlgorithm): Uint8Array {
  const info = new pkijs.DigestInfo({
    digestAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: HASH_OID[hash],
      algorithmParams: new asn1js.Null(),
    }),
    digest: new asn1js.OctetString({ valueHex: digest }),
  });
  return new Uint8Array(info.toSchema().toBER());
}

/** A private key from PEM (PKCS#1 or PKCS#8); RSA only. */
export function rsaKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== "rsa") throw new SignError("SIGNER_UNSUPPORTED_KEY");
  return key;
}

/**
 * RSA PKCS#1 v1.5 over a digest made elsewhere: node's sign() hashes its input itself, so the
 * DigestInfo is padded and encrypted with the private key (the same bytes sign() makes).
 */
export function signDigest(key: KeyObject, digest: Uint8Array, hash: HashAlgorithm): Uint8Array {
  return new Uint8Array(privateEncrypt(key, digestInfo(digest, hash)));
}
