/**
 * Reading a received package in the isolated reader (extract's reader pool, given edxml's task
 * module when the context is made: server.ts), under the reader's heap cap and time limit and the
 * exchange's package limit, its XML signature checked against the installation's current trust
 * anchors (TRUST_ANCHORS and the admin's, verification/trust-anchors.ts) at the context's "now".
 * Never throws for the package: what the reader gives up on is a refusal with a stable code,
 * EDXML_READ_TIMEOUT, EDXML_READ_OUT_OF_MEMORY, or EDXML_READER_BUSY (nothing was read: the
 * sender may try again), as a package that does not read is one with its own.
 */
import { readEdxmlIsolated, DEFAULT_EDXML_LIMITS, type EdxmlReadResult } from "@vanthu/edxml";
import type { AppContext } from "../context.ts";
import { currentAnchors } from "../verification/trust-anchors.ts";

export async function readPackage(ctx: AppContext, bytes: Uint8Array): Promise<EdxmlReadResult> {
  const anchors = await currentAnchors(ctx);
  return readEdxmlIsolated(
    ctx.reader,
    bytes,
    { ...DEFAULT_EDXML_LIMITS, maxPackageBytes: ctx.config.exchange.maxPackageBytes },
    { trustAnchors: anchors.ders, now: ctx.now() },
  );
}
