/**
 * The one small port every package leaves through, and its two implementations: HTTP to another
 * vanthu installation's inbox, and a folder another system picks packages up from. A transport
 * either delivers the package or throws a TransportError that says whether trying again can help
 * (the receiver is down: yes; it refused the package: no).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Peer } from "./peers.ts";

export interface OutgoingPackage {
  /** Stable across retries: the receiver keeps one record per sender and message id. */
  messageId: string;
  fromOrganId: string;
  toOrganId: string;
  bytes: Uint8Array;
}

export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface Transport {
  send(peer: Peer, pkg: OutgoingPackage): Promise<void>;
}

/** Headers of an HTTP delivery between installations. */
export const EXCHANGE_HEADERS = {
  from: "x-vanthu-from",
  to: "x-vanthu-to",
  messageId: "x-vanthu-message-id",
  signature: "x-vanthu-signature",
} as const;

/** What the shared secret signs: the message, who sends it to whom, and the package's hash. */
export function requestSignature(
  secret: Uint8Array,
  pkg: { messageId: string; fromOrganId: string; toOrganId: string; sha256: string },
): string {
  return createHmac("sha256", secret)
    .update([pkg.messageId, pkg.fromOrganId, pkg.toOrganId, pkg.sha256].join("\n"))
    .digest("hex");
}

export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given : "", "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The receiver's answer, when it is one of ours (the error body of every vanthu route). */
interface InboxAnswer {
  error?: { code?: string; message?: string };
}

export function httpTransport(options: { timeoutMs?: number } = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(peer, pkg) {
      if (!peer.secret)
        throw new TransportError("EXCHANGE_PEER_NO_SECRET", "the peer has no shared secret", false);
      const form = new FormData();
      form.append(
        "file",
        new Blob([pkg.bytes], { type: "application/xml" }),
        `${pkg.messageId}.edxml`,
      );
      let res: Response;
      try {
        res = await fetch(peer.address, {
          method: "POST",
          body: form,
          headers: {
            [EXCHANGE_HEADERS.from]: pkg.fromOrganId,
            [EXCHANGE_HEADERS.to]: pkg.toOrganId,
            [EXCHANGE_HEADERS.messageId]: pkg.messageId,
            [EXCHANGE_HEADERS.signature]: requestSignature(peer.secret, {
              ...pkg,
              sha256: sha256Hex(pkg.bytes),
            }),
          },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
        throw new TransportError(
          "EXCHANGE_UNREACHABLE",
          `${peer.address}: ${cause} ${(e as Error).message}`,
          true,
        );
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const answer = (await res.json().catch(() => ({}))) as InboxAnswer;
      const code = answer.error?.code ?? `HTTP_${res.status}`;
      // 5xx, 429 and 503 are the receiver's state: try again. 4xx is the package or the
      // credentials: trying again sends the same thing and gets the same answer.
      const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
      throw new TransportError(
        code,
        `${res.status} ${answer.error?.message ?? res.statusText}`,
        retryable,
      );
    },
  };
}

/**
 * Writes `<messageId>.edxml` into the peer's folder, whole or not at all (a temporary name, then
 * a rename): the same message written twice is one file.
 */
export function folderTransport(): Transport {
  return {
    async send(peer, pkg) {
      const safe = pkg.messageId.replace(/[^0-9A-Za-z._-]/g, "_");
      try {
        await mkdir(peer.address, { recursive: true });
        const tmp = join(peer.address, `.${safe}.${process.pid}.tmp`);
        await writeFile(tmp, pkg.bytes);
        await rename(tmp, join(peer.address, `${safe}.edxml`));
      } catch (e) {
        throw new TransportError(
          "EXCHANGE_FOLDER_FAILED",
          `${peer.address}: ${(e as Error).message}`,
          true,
        );
      }
    },
  };
}

export const TRANSPORTS: Record<Peer["transport"], Transport> = {
  http: httpTransport(),
  folder: folderTransport(),
};
