/**
 * The agency's XML signature over an outgoing package (edxml's signEdxml: XML-DSig in its own
 * namespace in the header), made with the agency's own signer, opened and checked valid now as
 * issuing opens it (signing/sign-at-issue.ts `prepareAgencySigning`: a wrong password, an expired
 * certificate, an unreachable service throw its SIGNER_* error, and the outbox tries again). An
 * agency with no signer sends its packages unsigned, as receivers in use accept them.
 */
import { signEdxml } from "@vanthu/edxml";
import type { AppContext } from "../context.ts";
import { prepareAgencySigning } from "../signing/sign-at-issue.ts";
import { signing } from "../signing/sign-errors.ts";

export async function signPackage(
  ctx: AppContext,
  agencyId: string,
  bytes: Uint8Array,
): Promise<Uint8Array> {
  const prepared = await prepareAgencySigning(ctx, agencyId);
  if (!prepared) return bytes;
  return signing(() => signEdxml(bytes, prepared.signer));
}
