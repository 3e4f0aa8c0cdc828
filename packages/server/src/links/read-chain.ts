/** The tree of follow-ons: central -> province -> department -> unit -> commune. */
import type { ChainNode } from "@vanthu/contract";
import type { DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { summary } from "../documents/present.ts";
import { shownInTree } from "../documents/access.ts";

/**
 * The tree of follow-ons a document belongs to, for an agency holding a record in it. Each node
 * is shown as the reader's own record when it holds one (its copy, which it can open), and only
 * when the access rule shows it in a tree (`shownInTree`): another agency's draft is left out.
 */
export async function readChain(
  ctx: AppContext,
  actor: Actor,
  start: DocumentRow,
): Promise<ChainNode> {
  // Up to the root: a copy leads to its original, a follow-on to the record it carries out.
  let root = start;
  for (let hops = 0; hops < 50; hops++) {
    const up = root.source_id ?? root.parent_id;
    if (!up) break;
    root = await ctx.db
      .selectFrom("documents")
      .selectAll()
      .where("id", "=", up)
      .executeTakeFirstOrThrow();
  }
  const names = new Map(
    (await ctx.db.selectFrom("agencies").select(["id", "name"]).execute()).map((a) => [
      a.id,
      a.name,
    ]),
  );
  const build = async (node: DocumentRow, depth: number): Promise<ChainNode> => {
    const copies = await ctx.db
      .selectFrom("documents")
      .selectAll()
      .where("source_id", "=", node.id)
      .execute();
    const own =
      node.agency_id === actor.agencyId ? node : copies.find((c) => c.agency_id === actor.agencyId);
    const children =
      depth < 10
        ? await ctx.db
            .selectFrom("documents")
            .selectAll()
            .where("parent_id", "in", [node.id, ...copies.map((c) => c.id)])
            .where("direction", "=", "outgoing")
            .where(shownInTree(actor))
            .orderBy("created_at")
            .execute()
        : [];
    return {
      document: summary(own ?? node),
      agency: names.get(node.agency_id) ?? "",
      children: await Promise.all(children.map((c) => build(c, depth + 1))),
    };
  };
  // The reader must hold a record in the tree (the record it asked from is its own).
  return build(root, 0);
}
