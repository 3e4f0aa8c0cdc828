/**
 * Renaming an agency is explicit: a reason, the day the new name holds from, and a row in
 * agency_history (old name, new name, who, when), in the transaction that renames. Delivery
 * matches the current name, so documents sent to the new name find the agency at once; the old
 * name stays findable in the history. Who may: the agency's own admin, the admin of the agency
 * it belongs to, or the installation admin.
 */
import { renameSchema, type AgencyRename, type RenameInput } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { localDate } from "../context.ts";
import { isUuid } from "../documents/access.ts";
import { assertNameFree, authorityOf, INSTALLATION, uniqueViolation } from "./agency-identity.ts";

export async function renameAgency(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: RenameInput,
): Promise<{ id: string; name: string; oldName: string }> {
  const r = renameSchema.parse(input);
  const authority = authorityOf(actor);
  if (!isUuid(id)) throw fail("AGENCY_NOT_FOUND", `not an agency id: ${id}`);
  const now = ctx.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const agency = await trx
        .selectFrom("agencies")
        .select(["id", "name", "parent_id", "place", "kind"])
        .where("id", "=", id.toLowerCase())
        .where("kind", "!=", INSTALLATION.kind)
        .forUpdate()
        .executeTakeFirst();
      if (!agency) throw fail("AGENCY_NOT_FOUND", `no agency ${id}`);
      if (
        authority.scope === "agency" &&
        agency.id !== authority.agencyId &&
        agency.parent_id !== authority.agencyId
      )
        throw fail("AGENCY_NOT_OWNED", `${id} is neither the admin's agency nor under it`);
      // A change of case or spelling only ("Uỷ" -> "Ủy") is a rename too; the same text is not.
      if (agency.name === r.name) throw fail("AGENCY_NAME_UNCHANGED", "same name");
      await assertNameFree(trx, {
        name: r.name,
        parentId: agency.parent_id,
        place: agency.place,
        authority,
        exceptId: agency.id,
      });
      const validFrom = r.validFrom ?? localDate(ctx, now);
      await trx.updateTable("agencies").set({ name: r.name }).where("id", "=", agency.id).execute();
      await trx
        .insertInto("agency_history")
        .values({
          agency_id: agency.id,
          old_name: agency.name,
          new_name: r.name,
          reason: r.reason,
          valid_from: validFrom,
          actor_id: actor?.userId ?? null,
          at: now,
        })
        .execute();
      await recordAudit(trx, {
        actor,
        action: "agency.rename",
        entity: "agency",
        entityId: agency.id,
        before: { name: agency.name },
        after: { name: r.name, reason: r.reason, validFrom },
        at: now,
      });
      return { id: agency.id, name: r.name, oldName: agency.name };
    });
  } catch (e) {
    throw uniqueViolation(e) ?? e;
  }
}

/** The agency's names over time, newest first. */
export async function agencyHistory(ctx: AppContext, id: string): Promise<AgencyRename[]> {
  if (!isUuid(id)) throw fail("AGENCY_NOT_FOUND", `not an agency id: ${id}`);
  const rows = await ctx.db
    .selectFrom("agency_history as h")
    .leftJoin("users as u", "u.id", "h.actor_id")
    .select(["h.old_name", "h.new_name", "h.reason", "h.valid_from", "h.at", "u.full_name as by"])
    .where("h.agency_id", "=", id.toLowerCase())
    .orderBy("h.at", "desc")
    .orderBy("h.id", "desc")
    .execute();
  return rows.map((h) => ({
    oldName: h.old_name,
    newName: h.new_name,
    reason: h.reason,
    validFrom: h.valid_from,
    at: h.at.toISOString(),
    by: h.by,
  }));
}
