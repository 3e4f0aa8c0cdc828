/** An RFC 3161 timestamp token from a timestamp authority over HTTP, with a timeout. */
import { randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { SignError } from "./errors.ts";
import { readLimited } from "./read-limited.ts";
import { HASH_OID, type HashAlgorithm } from "./signer.ts";

export interface TimestampOptions {
  url: string;
  /** Milliseconds before TSA_TIMEOUT (default 5,000). */
  timeoutMs?: number;
  /** Extra request headers (a TSA account's credentials). */
  headers?: Record<string, string>;
}

/** Largest reply read: a token with the TSA's chain is a few kilobytes. */
const MAX_REPLY = 256 * 1024;

/** The timestamp token (a CMS ContentInfo, as an ASN.1 value) over `digest`. */
export async function requestTimestamp(
  digest: Uint8Array,
  hash: HashAlgorithm,
  options: TimestampOptions,
): Promise<asn1js.AsnType> {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: HASH_OID[hash],
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array([0x01, ...randomBytes(8)]).buffer }),
    certReq: true,
  });
  let reply: Uint8Array | null;
  try {
    const res = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/timestamp-query", ...options.headers },
      body: new Uint8Array(request.toSchema().toBER()),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (!res.ok) throw new SignError("TSA_FAILED", `HTTP ${res.status}`);
    reply = await readLimited(res, MAX_REPLY);
  } catch (e) {
    if (e instanceof SignError) throw e;
    if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"))
      throw new SignError("TSA_TIMEOUT", options.url, { cause: e });
    throw new SignError("TSA_FAILED", String(e), { cause: e });
  }
  if (!reply) throw new SignError("TSA_FAILED", "reply too large");
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(
      reply.buffer.slice(reply.byteOffset, reply.byteOffset + reply.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    throw new SignError("TSA_FAILED", "not a timestamp reply", { cause: e });
  }
  // 0 granted, 1 granted with modifications.
  if (response.status.status > 1 || !response.timeStampToken)
    throw new SignError("TSA_FAILED", `status ${response.status.status}`);
  return response.timeStampToken.toSchema();
}
