/**
 * The check before issuing takes a number: the signer answers with its chain and the leaf
 * certificate is valid at `now`. A remote service that is down or refuses the credentials fails
 * here, before the register is locked.
 */
import * as pkijs from "pkijs";
import { SignError } from "./errors.ts";
import type { Signer } from "./signer.ts";

export interface SignerIdentity {
  /** Subject and issuer as RFC 4514-like strings ("CN=..., O=..."). */
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

/** A name in the order of its DER (as @peculiar/x509 writes "CN=..., O=..." given so). */
const name = (n: pkijs.RelativeDistinguishedNames) =>
  n.typesAndValues
    .map((tv) => {
      const key = { "2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C" }[tv.type];
      return `${key ?? tv.type}=${tv.value.valueBlock.value}`;
    })
    .join(", ");

export async function checkSigner(signer: Signer, now = new Date()): Promise<SignerIdentity> {
  const chain = await signer.certificates();
  if (!chain.length) throw new SignError("SIGNER_NO_KEY", "no certificate");
  const der = chain[0]!;
  let cert: pkijs.Certificate;
  try {
    cert = pkijs.Certificate.fromBER(
      der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    throw new SignError("SIGNER_BAD_FILE", "certificate", { cause: e });
  }
  const notBefore = cert.notBefore.value;
  const notAfter = cert.notAfter.value;
  if (now < notBefore || now > notAfter)
    throw new SignError(
      "SIGNER_CERTIFICATE_EXPIRED",
      `valid ${notBefore.toISOString()} to ${notAfter.toISOString()}`,
    );
  return { subject: name(cert.subject), issuer: name(cert.issuer), notBefore, notAfter };
}
