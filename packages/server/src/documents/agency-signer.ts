/**
 * Who signs a draft the agency writes itself (a reply, a follow-on, a consolidated report) before
 * anyone has typed it: the leader named first (the one whose bút phê the draft carries out, or
 * to whom the document was presented), else the agency's leader by the title in their account
 * (its head before its deputies), else nobody: the block is left for the drafter to fill in.
 * The block is core's `leaderSignature` ("PHÓ GIÁM ĐỐC" signs KT. GIÁM ĐỐC).
 */
import { leaderSignature, type ConsolidatedSignature } from "@vanthu/core";
import type { AppContext } from "../context.ts";

export const NO_SIGNER: ConsolidatedSignature = {
  authority: null,
  authorityTitle: null,
  signerTitle: null,
  signerName: null,
};

export async function agencySigner(
  ctx: AppContext,
  agencyId: string,
  preferred: ReadonlyArray<string | null> = [],
): Promise<ConsolidatedSignature> {
  const leaders = await ctx.db
    .selectFrom("users")
    .select(["id", "full_name", "title"])
    .where("agency_id", "=", agencyId)
    .where("disabled", "=", false)
    .where(({ eb, val }) => eb(val("leader"), "=", eb.fn.any("roles")))
    .orderBy("created_at")
    .execute();
  for (const id of preferred) {
    const l = id && leaders.find((x) => x.id === id);
    // The leader named signs, with their title when their account has one.
    if (l) return leaderSignature(l.title, l.full_name);
  }
  const blocks = leaders.map((l) => leaderSignature(l.title, l.full_name));
  return (
    blocks.find((b) => b.signerTitle && !b.authority) ??
    blocks.find((b) => b.signerTitle) ??
    NO_SIGNER
  );
}
