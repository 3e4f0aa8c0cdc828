/**
 * The agency's default processing deadlines (so many working days per document type and urgency,
 * '' for any) and its days off besides weekends, which core's workflow/deadline.ts counts with.
 * The admin replaces each list as a whole, in one transaction.
 */
import { typeByCode, type DeadlineRule } from "@vanthu/core";
import type { DeadlineSettings } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import type { Db } from "./handling-rules.ts";

/** The rules and days off as core reads them. */
export async function deadlineContext(
  db: Db,
  agencyId: string,
): Promise<{ rules: DeadlineRule[]; holidays: string[] }> {
  const rules = await db
    .selectFrom("deadline_rules")
    .select(["type_code", "urgency", "working_days"])
    .where("agency_id", "=", agencyId)
    .execute();
  const holidays = await db
    .selectFrom("holidays")
    .select("day")
    .where("agency_id", "=", agencyId)
    .execute();
  return {
    rules: rules.map((r) => ({
      typeCode: r.type_code,
      urgency: r.urgency,
      workingDays: r.working_days,
    })),
    holidays: holidays.map((h) => h.day),
  };
}

export async function readDeadlineSettings(
  ctx: AppContext,
  actor: Actor,
): Promise<DeadlineSettings> {
  const rules = await ctx.db
    .selectFrom("deadline_rules")
    .select(["type_code", "urgency", "working_days"])
    .where("agency_id", "=", actor.agencyId)
    .orderBy("type_code")
    .orderBy("urgency")
    .execute();
  const holidays = await ctx.db
    .selectFrom("holidays")
    .select(["day", "name"])
    .where("agency_id", "=", actor.agencyId)
    .orderBy("day")
    .execute();
  return {
    rules: rules.map((r) => ({
      typeCode: r.type_code,
      urgency: r.urgency as DeadlineSettings["rules"][number]["urgency"],
      workingDays: r.working_days,
    })),
    holidays: holidays.map((h) => ({ day: h.day, name: h.name })),
  };
}

export async function saveDeadlineRules(
  ctx: AppContext,
  actor: Actor,
  rules: DeadlineSettings["rules"],
): Promise<void> {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    const key = `${r.typeCode}\n${r.urgency}`;
    if (seen.has(key))
      throw fail("DEADLINE_RULE_TWICE", `rule ${r.typeCode}/${r.urgency} twice`, [
        {
          path: `rules.${i}`,
          message: `${r.typeCode || "mọi loại"}, ${r.urgency || "mọi độ khẩn"}`,
        },
      ]);
    seen.add(key);
    if (r.typeCode && !typeByCode(r.typeCode) && !typeByCode(r.typeCode, "party"))
      throw fail("UNKNOWN_DOCUMENT_TYPE", `no type ${r.typeCode}`, [
        { path: `rules.${i}.typeCode`, message: `Không có loại văn bản “${r.typeCode}”.` },
      ]);
  });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("deadline_rules")
      .selectAll()
      .where("agency_id", "=", actor.agencyId)
      .forUpdate()
      .execute();
    await trx.deleteFrom("deadline_rules").where("agency_id", "=", actor.agencyId).execute();
    if (rules.length)
      await trx
        .insertInto("deadline_rules")
        .values(
          rules.map((r) => ({
            agency_id: actor.agencyId,
            type_code: r.typeCode,
            urgency: r.urgency,
            working_days: r.workingDays,
          })),
        )
        .execute();
    await recordAudit(trx, {
      actor,
      action: "deadline.rules",
      entity: "agency",
      entityId: actor.agencyId,
      before: before.map((r) => [r.type_code, r.urgency, r.working_days]),
      after: rules.map((r) => [r.typeCode, r.urgency, r.workingDays]),
      at: now,
    });
  });
}

export async function saveHolidays(
  ctx: AppContext,
  actor: Actor,
  holidays: DeadlineSettings["holidays"],
): Promise<void> {
  const seen = new Set<string>();
  holidays.forEach((h, i) => {
    if (seen.has(h.day))
      throw fail("HOLIDAY_TWICE", `day ${h.day} twice`, [
        { path: `holidays.${i}.day`, message: h.day },
      ]);
    seen.add(h.day);
  });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("holidays")
      .selectAll()
      .where("agency_id", "=", actor.agencyId)
      .forUpdate()
      .execute();
    await trx.deleteFrom("holidays").where("agency_id", "=", actor.agencyId).execute();
    if (holidays.length)
      await trx
        .insertInto("holidays")
        .values(holidays.map((h) => ({ agency_id: actor.agencyId, day: h.day, name: h.name })))
        .execute();
    await recordAudit(trx, {
      actor,
      action: "deadline.holidays",
      entity: "agency",
      entityId: actor.agencyId,
      before: before.map((h) => h.day),
      after: holidays.map((h) => h.day),
      at: now,
    });
  });
}
