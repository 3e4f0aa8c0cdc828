/**
 * What the unit use cases share: a unit of the actor's agency (another agency's is "not found"),
 * open for someone to be placed in it, and a unit name free in the agency (compared with core's
 * foldKey, as agency names are). Writes on an agency's units are serialised by its row lock.
 */
import type { Transaction } from "kysely";
import { foldKey, normalizeText } from "@vanthu/core";
import type { Database } from "@vanthu/db";
import { fail } from "../errors.ts";
import { isUuid } from "../documents/access.ts";

type Trx = Transaction<Database>;

export const unitNameKey = (name: string): string => foldKey(normalizeText(name));

/** Locks the agency's row: two admins' unit writes take turns. */
export async function lockAgencyUnits(trx: Trx, agencyId: string): Promise<void> {
  await trx.selectFrom("agencies").select("id").where("id", "=", agencyId).forUpdate().execute();
}

/** A unit of the agency, locked (forUpdate) or shared (placing someone: it may not close meanwhile). */
export async function loadUnit(
  trx: Trx,
  agencyId: string,
  id: string,
  lock: "update" | "share",
  path = "unitId",
) {
  const q = isUuid(id)
    ? trx
        .selectFrom("units")
        .selectAll()
        .where("id", "=", id.toLowerCase())
        .where("agency_id", "=", agencyId)
    : null;
  const unit = q
    ? await (lock === "update" ? q.forUpdate() : q.forShare()).executeTakeFirst()
    : undefined;
  if (!unit)
    throw fail("UNIT_NOT_FOUND", `no unit ${id} in agency ${agencyId}`, [
      { path, message: "Đơn vị không thuộc cơ quan của bạn." },
    ]);
  return unit;
}

/** An open unit of the agency, for someone to be placed in it. */
export async function unitToPlaceIn(trx: Trx, agencyId: string, id: string) {
  const unit = await loadUnit(trx, agencyId, id, "share");
  if (unit.closed_at)
    throw fail("UNIT_CLOSED", `unit ${unit.id} is closed`, [
      { path: "unitId", message: `Đơn vị “${unit.name}” đã giải thể.` },
    ]);
  return unit;
}

/** Refuses a name another open unit of the agency has (in any spelling: foldKey). */
export async function assertUnitNameFree(
  trx: Trx,
  agencyId: string,
  name: string,
  except: string | null = null,
): Promise<void> {
  const key = unitNameKey(name);
  const units = await trx
    .selectFrom("units")
    .select(["id", "name"])
    .where("agency_id", "=", agencyId)
    .where("closed_at", "is", null)
    .execute();
  const taken = units.find((u) => u.id !== except && unitNameKey(u.name) === key);
  if (taken)
    throw fail("UNIT_NAME_TAKEN", `unit name ${name} taken by ${taken.id}`, [
      { path: "name", message: `Đã có đơn vị “${taken.name}”.` },
    ]);
}

/** Refuses an abbreviation another unit of the agency has (closed ones too: numbers carry it). */
export async function assertAbbreviationFree(
  trx: Trx,
  agencyId: string,
  abbreviation: string,
  except: string | null = null,
): Promise<void> {
  const taken = await trx
    .selectFrom("units")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("abbreviation", "=", abbreviation)
    .$if(!!except, (q) => q.where("id", "!=", except!))
    .executeTakeFirst();
  if (taken) throw fail("UNIT_EXISTS", `unit ${abbreviation} exists`);
}
