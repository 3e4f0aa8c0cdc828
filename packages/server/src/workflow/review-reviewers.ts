/**
 * Whom the reader may send a draft up to (the head of their unit, the agency's leaders) or pass
 * it on to (the leaders): the reviewer picker's list, by core's mayReceiveDraft.
 */
import { foldKey, mayReceiveDraft } from "@vanthu/core";
import type { ReviewerItem } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { loadDocument } from "../documents/load-document.ts";

export async function listReviewers(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: "submit" | "forward",
): Promise<{ items: ReviewerItem[] }> {
  await loadDocument(ctx.db, actor, id, { own: true });
  const rows = await ctx.db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.agency_id",
      "users.full_name",
      "users.title",
      "users.roles",
      "users.unit_id",
      "users.unit_head",
      "users.disabled",
      "units.name as unit_name",
    ])
    .where("users.agency_id", "=", actor.agencyId)
    .where("users.disabled", "=", false)
    .execute();
  const items = rows
    .filter((u) =>
      mayReceiveDraft(
        {
          userId: u.id,
          agencyId: u.agency_id,
          roles: u.roles,
          unitId: u.unit_id,
          unitHead: u.unit_head,
          disabled: u.disabled,
        },
        actor,
        action,
      ),
    )
    .map((u) => ({
      id: u.id,
      fullName: u.full_name,
      title: u.title,
      leader: u.roles.includes("leader"),
      unitHead: u.unit_head,
      unit: u.unit_name,
    }));
  // The unit head first (the usual first step), then the leaders, by name.
  items.sort(
    (x, y) =>
      Number(x.leader) - Number(y.leader) || foldKey(x.fullName).localeCompare(foldKey(y.fullName)),
  );
  return { items };
}
