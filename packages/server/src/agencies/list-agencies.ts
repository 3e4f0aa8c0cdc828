/** The directory: every agency (for pickers and the delivery plan), with its former names. */
import type { AgencyEntry } from "@vanthu/contract";
import type { AppContext } from "../context.ts";
import { INSTALLATION } from "./agency-identity.ts";

export async function listAgencies(ctx: AppContext): Promise<AgencyEntry[]> {
  const rows = await ctx.db
    .selectFrom("agencies")
    .select(["id", "code", "name", "abbreviation", "kind", "place", "parent_id", "organ_id"])
    .where("kind", "!=", INSTALLATION.kind)
    .orderBy("name")
    .execute();
  // Former names, so that an agency is found under the name it had.
  const former = new Map<string, string[]>();
  for (const h of await ctx.db
    .selectFrom("agency_history")
    .select(["agency_id", "old_name"])
    .orderBy("at")
    .execute())
    former.set(h.agency_id, [...(former.get(h.agency_id) ?? []), h.old_name]);
  // (The installation's pseudo-agency is left out by the query; the test tells TS so too.)
  return rows.flatMap((r) =>
    r.kind === INSTALLATION.kind
      ? []
      : [
          {
            id: r.id,
            code: r.code,
            name: r.name,
            abbreviation: r.abbreviation,
            kind: r.kind,
            place: r.place,
            parentId: r.parent_id,
            organId: r.organ_id,
            formerNames: former.get(r.id) ?? [],
          },
        ],
  );
}
