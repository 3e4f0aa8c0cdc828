/**
 * The HTTP inbox between vanthu installations: a request names its sender, its receiver and the
 * message id in headers and is signed with the secret shared with that peer (transport.ts
 * `requestSignature`); a request from no configured peer, or signed wrong, is refused before the
 * package is read.
 */
import type { FastifyRequest } from "fastify";
import { normalizeOrganId } from "@vanthu/core";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { readUpload } from "../http/files.ts";
import { peerFor } from "./peers.ts";
import { receivePackage, type ReceiveResult } from "./receive.ts";
import { EXCHANGE_HEADERS, requestSignature, sha256Hex, signatureMatches } from "./transport.ts";

const header = (request: FastifyRequest, name: string) => {
  const v = request.headers[name];
  return typeof v === "string" ? v.trim() : "";
};

export async function receiveHttp(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<ReceiveResult> {
  const from = normalizeOrganId(header(request, EXCHANGE_HEADERS.from));
  const to = normalizeOrganId(header(request, EXCHANGE_HEADERS.to));
  const messageId = header(request, EXCHANGE_HEADERS.messageId);
  const signature = header(request, EXCHANGE_HEADERS.signature);
  if (!from || !messageId || messageId.length > 200 || !signature)
    throw fail("EXCHANGE_UNAUTHENTICATED", "missing exchange headers");
  const peer = await peerFor(ctx, ctx.db, from);
  if (!peer?.secret) throw fail("EXCHANGE_UNAUTHENTICATED", `no peer ${from}`);
  const { bytes } = await readUpload(request);
  const expected = requestSignature(peer.secret, {
    messageId,
    fromOrganId: from,
    toOrganId: to,
    sha256: sha256Hex(bytes),
  });
  if (!signatureMatches(expected, signature))
    throw fail("EXCHANGE_UNAUTHENTICATED", `wrong signature from ${from}`);
  return receivePackage(ctx, { peerOrganId: from, messageId, bytes, via: "http" });
}
