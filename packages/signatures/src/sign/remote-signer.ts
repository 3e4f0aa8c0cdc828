/**
 * Remote signing of a hash, in the request -> confirm -> poll shape of the remote signing
 * services (VNPT SmartCA, Viettel MySign): the hash is sent, the signer confirms on a phone, the
 * client polls until the signature is there, refused, or the time is up. Every request has its
 * own timeout and the whole wait a deadline. The wire shape (ours, close to theirs):
 *
 *   GET  {url}/certificates?user=U            -> {"certificates": [base64 DER, leaf first]}
 *   POST {url}/sign {"user","hash","hashAlgorithm","description"} -> {"transactionId","status"}
 *   GET  {url}/transactions/{id}              -> {"status": "pending"|"confirmed"|"rejected"|"expired", "signature"?}
 *
 * with the client's id and secret as HTTP Basic credentials.
 */
import { SignError } from "./errors.ts";
import { readLimited } from "./read-limited.ts";
import type { HashAlgorithm, Signer } from "./signer.ts";

export interface RemoteSignerOptions {
  url: string;
  clientId: string;
  clientSecret: string;
  /** The signer's account at the service. */
  user: string;
  /** How long a person has to confirm, in milliseconds (default 120,000). */
  timeoutMs?: number;
  /** Timeout of each HTTP request (default 5,000). */
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
  /** What the phone shows. */
  description?: string;
  /** False for a service that signs without a person (an agency's HSM): it may then issue. */
  interactive?: boolean;
}

const MAX_REPLY = 64 * 1024;

export class RemoteSigner implements Signer {
  readonly interactive: boolean;
  private chain: Uint8Array[] | null = null;

  constructor(private readonly o: RemoteSignerOptions) {
    this.interactive = o.interactive ?? true;
  }

  private async call(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const auth = Buffer.from(`${this.o.clientId}:${this.o.clientSecret}`).toString("base64");
    let res: Response;
    try {
      res = await fetch(new URL(path, this.o.url.replace(/\/?$/, "/")), {
        method: body === undefined ? "GET" : "POST",
        headers: {
          authorization: `Basic ${auth}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.requestTimeoutMs ?? 5000),
      });
    } catch (e) {
      if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"))
        throw new SignError("SIGNER_TIMEOUT", path, { cause: e });
      throw new SignError("SIGNER_UNAVAILABLE", String(e), { cause: e });
    }
    if (res.status === 401 || res.status === 403) throw new SignError("SIGNER_BAD_CREDENTIALS");
    const bytes = await readLimited(res, MAX_REPLY).catch(() => null);
    if (!res.ok || !bytes) throw new SignError("SIGNER_UNAVAILABLE", `HTTP ${res.status}`);
    const text = Buffer.from(bytes).toString("utf8");
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === "object") return v as Record<string, unknown>;
    } catch {
      // below
    }
    throw new SignError("SIGNER_UNAVAILABLE", "not JSON");
  }

  async certificates(): Promise<Uint8Array[]> {
    if (!this.chain) {
      const r = await this.call(`certificates?user=${encodeURIComponent(this.o.user)}`);
      const certs = r.certificates;
      if (!Array.isArray(certs) || !certs.length || !certs.every((c) => typeof c === "string"))
        throw new SignError("SIGNER_UNAVAILABLE", "no certificates");
      this.chain = certs.map((c: string) => new Uint8Array(Buffer.from(c, "base64")));
    }
    return this.chain;
  }

  async sign(digest: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array> {
    const started = Date.now();
    const deadline = started + (this.o.timeoutMs ?? 120_000);
    const r = await this.call("sign", {
      user: this.o.user,
      hash: Buffer.from(digest).toString("base64"),
      hashAlgorithm: hash,
      description: this.o.description ?? "",
    });
    const id = r.transactionId;
    if (typeof id !== "string" || !/^[\w-]{1,100}$/.test(id))
      throw new SignError("SIGNER_UNAVAILABLE", "no transaction id");
    for (;;) {
      const t = await this.call(`transactions/${id}`);
      if (t.status === "confirmed" && typeof t.signature === "string")
        return new Uint8Array(Buffer.from(t.signature, "base64"));
      if (t.status === "rejected") throw new SignError("SIGNER_REJECTED");
      if (t.status === "expired") throw new SignError("SIGNER_TIMEOUT", "expired at the service");
      if (t.status !== "pending")
        throw new SignError("SIGNER_UNAVAILABLE", `status ${String(t.status)}`);
      const wait = Math.min(this.o.pollIntervalMs ?? 1000, deadline - Date.now());
      if (wait <= 0)
        throw new SignError("SIGNER_TIMEOUT", `not confirmed in ${deadline - started} ms`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
