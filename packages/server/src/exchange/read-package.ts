/**
 * Reading a received package. For now in this process under the edXML reader's own limits; the
 * isolated reader (reader-pool) takes it over.
 */
import { readEdxml, DEFAULT_EDXML_LIMITS, type EdxmlReadResult } from "@vanthu/edxml";
import type { AppContext } from "../context.ts";

export async function readPackage(ctx: AppContext, bytes: Uint8Array): Promise<EdxmlReadResult> {
  return readEdxml(bytes, {
    ...DEFAULT_EDXML_LIMITS,
    maxPackageBytes: ctx.config.exchange.maxPackageBytes,
  });
}
