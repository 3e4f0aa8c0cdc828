/** The tree of follow-ons: central -> province -> department -> unit -> commune. */
import { sql } from "kysely";
import type { ChainNode } from "@vanthu/contract";
import type { DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { summary } from "../documents/present.ts";
import { shownInTree, visibleTo } from "../documents/access.ts";

/**
 * The tree of follow-ons a document belongs to, for a reader holding a record in it. Each node
 * is shown as the reader's own record when they may see one (their agency's copy, which they can
 * open), and only when the access rule shows it in a tree (`shownInTree`): another agency's
 * draft, a secret document and a record of the reader's agency they may not see are left out.
 * The root is the highest record on the way up that the reader may be shown.
 */
export async function readChain(
  ctx: AppContext,
  actor: Actor,
  start: DocumentRow,
): Promise<ChainNode> {
  const seen = sql<boolean>`${visibleTo(actor)()}`.as("seen");
  const shown = sql<boolean>`${shownInTree(actor)()}`.as("shown");
  // Up to the root: a copy leads to its original, a follow-on to the record it carries out.
  const path: Array<DocumentRow & { shown: boolean }> = [{ ...start, shown: true }];
  for (let hops = 0; hops < 50; hops++) {
    const up = path[path.length - 1]!.source_id ?? path[path.length - 1]!.parent_id;
    if (!up) break;
    path.push(
      await ctx.db
        .selectFrom("documents")
        .selectAll()
        .select(shown)
        .where("id", "=", up)
        .executeTakeFirstOrThrow(),
    );
  }
  const names = new Map(
    (await ctx.db.selectFrom("agencies").select(["id", "name"]).execute()).map((a) => [
      a.id,
      a.name,
    ]),
  );
  const copiesOf = (node: DocumentRow) =>
    ctx.db
      .selectFrom("documents")
      .selectAll()
      .select(seen)
      .where("source_id", "=", node.id)
      .execute();
  // The highest node the reader may be shown: in the tree's view, or through a copy they see.
  let root: DocumentRow = start;
  for (const node of path.slice(1))
    if (node.shown || (await copiesOf(node)).some((c) => c.seen && c.agency_id === actor.agencyId))
      root = node;
  const build = async (node: DocumentRow, depth: number): Promise<ChainNode> => {
    const copies = await copiesOf(node);
    const own =
      node.agency_id === actor.agencyId
        ? node
        : copies.find((c) => c.agency_id === actor.agencyId && c.seen);
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
  // The reader holds a record in the tree (the record it asked from is its own).
  return build(root, 0);
}
