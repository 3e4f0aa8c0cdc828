/** What changed between two kept versions of a draft, word by word (core's diffText). */
import { diffText } from "@vanthu/core";
import type { VersionDiff } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "../documents/load-document.ts";

/** A version number as the path gives it ("2"), or null. */
const versionNumber = (s: string) => (/^[1-9]\d{0,5}$/.test(s) ? Number(s) : null);

export async function diffVersions(
  ctx: AppContext,
  actor: Actor,
  id: string,
  from: string,
  to: string,
): Promise<VersionDiff> {
  await loadDocument(ctx.db, actor, id, { own: true });
  const a = versionNumber(from);
  const b = versionNumber(to);
  if (a === null || b === null) throw fail("VERSION_NOT_FOUND", `versions ${from}, ${to}`);
  const rows = await ctx.db
    .selectFrom("document_versions")
    .select(["version", "text"])
    .where("document_id", "=", id)
    .where("version", "in", [a, b])
    .execute();
  const textOf = (v: number) => rows.find((r) => r.version === v)?.text;
  const before = textOf(a);
  const after = textOf(b);
  if (before === undefined || after === undefined)
    throw fail(
      "VERSION_NOT_FOUND",
      `document ${id} has no version ${before === undefined ? a : b}`,
    );
  return { from: a, to: b, ...diffText(before, after) };
}
