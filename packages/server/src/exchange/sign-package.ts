/**
 * The agency's XML signature over an outgoing package. Until XML-DSig writing lands, packages go
 * unsigned, as a receiver in use accepts them.
 */
import type { AppContext } from "../context.ts";

export async function signPackage(
  _ctx: AppContext,
  _agencyId: string,
  bytes: Uint8Array,
): Promise<Uint8Array> {
  return bytes;
}
