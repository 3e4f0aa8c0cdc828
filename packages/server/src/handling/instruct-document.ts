/**
 * The leader's instruction on a received document (bút phê, ND30 Điều 20-21): its text, the lead
 * unit (chủ trì), the cooperating units (phối hợp), the units for information (để biết) and the
 * processing deadline: the one given, else the document's, else the default (printed in the text,
 * else the agency's rules counted in working days from the day it arrived). Given by a leader, or
 * a deputy acting for one (`leaderAuthority`: the leader recorded in on_behalf_of), or entered by
 * a clerk from a paper instruction on the leader's behalf (on_paper, entered_by the clerk,
 * given_by the leader). One instruction per document: the second, even at the same moment, is
 * ALREADY_INSTRUCTED. The units' heads are notified (`document.instructed`).
 */
import { defaultDeadline, mayAct, stepAfter, viDate, type HandlingStep } from "@vanthu/core";
import type { InstructBody } from "@vanthu/contract";
import type { Transaction } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "../workflow/notify.ts";
import { leaderAuthority } from "../workflow/delegation.ts";
import { deadlineContext } from "./deadline-settings.ts";
import { openUnit } from "./assign-handler.ts";
import { assertStep, documentParams, lockReceived, unitPeople } from "./handling-rules.ts";

/** The day a registered record arrived (its register entry's; else the day it was registered). */
export async function arrivalOf(
  ctx: AppContext,
  db: Transaction<Database> | AppContext["db"],
  id: string,
): Promise<string | null> {
  const entry = await db
    .selectFrom("register_entries")
    .select(["arrived_on", "registered_at"])
    .where("document_id", "=", id)
    .executeTakeFirst();
  if (!entry) return null;
  return entry.arrived_on ?? localDate(ctx, entry.registered_at);
}

/** The default deadline of a registered record, counted from the day it arrived. */
export async function defaultDueOf(
  ctx: AppContext,
  db: Transaction<Database> | AppContext["db"],
  row: DocumentRow,
) {
  const arrivedOn = await arrivalOf(ctx, db, row.id);
  if (!arrivedOn) return { arrivedOn, deadline: null };
  const { rules, holidays } = await deadlineContext(db, row.agency_id);
  return {
    arrivedOn,
    deadline: defaultDeadline({
      arrivedOn,
      typeCode: row.type_code,
      urgency: row.urgency,
      text: row.body,
      rules,
      holidays,
    }),
  };
}

/** Whose instruction it is: the actor's own, for a leader away, or a paper one of `givenBy`. */
async function authorityOf(
  trx: Transaction<Database>,
  actor: Actor,
  givenBy: string | undefined,
  today: string,
) {
  const own = await leaderAuthority(trx, actor, today);
  if (!givenBy || givenBy === actor.userId) {
    if (!own)
      throw fail("NOT_A_LEADER", `${actor.username} is no leader`, [
        {
          path: "givenBy",
          message: "Nhập ý kiến chỉ đạo ghi trên giấy: chọn lãnh đạo đã cho ý kiến.",
        },
      ]);
    return { givenBy: actor.userId, onPaper: false, onBehalfOf: own.onBehalfOf };
  }
  if (!mayAct(actor.roles, "instructOnPaper"))
    throw fail("NOT_A_LEADER", `${actor.username} may not enter another's instruction`);
  const leader = await trx
    .selectFrom("users")
    .select(["id", "roles"])
    .where("id", "=", givenBy)
    .where("agency_id", "=", actor.agencyId)
    .executeTakeFirst();
  if (!leader || !leader.roles.includes("leader"))
    throw fail("NOT_A_LEADER", `${givenBy} is not a leader of the agency`, [
      { path: "givenBy", message: "Người cho ý kiến chỉ đạo phải là lãnh đạo của cơ quan." },
    ]);
  return { givenBy: leader.id, onPaper: true, onBehalfOf: null };
}

export async function instructDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: InstructBody,
): Promise<{ id: string; dueOn: string | null; step: HandlingStep }> {
  const now = ctx.now();
  const today = localDate(ctx, now);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "instruct");
    const who = await authorityOf(trx, actor, body.givenBy, today);
    // Each unit once: the lead, then the cooperating, then those informed.
    const named: Array<{ unitId: string; role: "lead" | "cooperate" | "inform"; path: string }> = [
      { unitId: body.lead, role: "lead", path: "lead" },
      ...body.cooperate.map((u, i) => ({
        unitId: u,
        role: "cooperate" as const,
        path: `cooperate.${i}`,
      })),
      ...body.inform.map((u, i) => ({ unitId: u, role: "inform" as const, path: `inform.${i}` })),
    ];
    const seen = new Set<string>();
    const units = [];
    for (const n of named) {
      if (seen.has(n.unitId.toLowerCase()))
        throw fail("VALIDATION_FAILED", `unit ${n.unitId} named twice`, [
          { path: n.path, message: "Một đơn vị chỉ được nêu một lần." },
        ]);
      seen.add(n.unitId.toLowerCase());
      units.push({ ...n, unit: await openUnit(trx, actor.agencyId, n.unitId, n.path) });
    }
    const { arrivedOn, deadline } = await defaultDueOf(ctx, trx, row);
    const dueOn = body.dueOn !== undefined ? body.dueOn : (row.due_on ?? deadline?.due ?? null);
    if (dueOn && arrivedOn && dueOn < arrivedOn)
      throw fail("DUE_BEFORE_ARRIVAL", `due ${dueOn}, arrived ${arrivedOn}`, [
        { path: "dueOn", message: `Hạn ${viDate(dueOn)} trước ngày đến ${viDate(arrivedOn)}.` },
      ]);
    const instruction = await trx
      .insertInto("instructions")
      .values({
        document_id: id,
        text: body.text,
        due_on: dueOn,
        given_by: who.givenBy,
        entered_by: actor.userId,
        on_paper: who.onPaper,
        on_behalf_of: who.onBehalfOf,
        at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("handlers")
      .values(
        units.map((u) => ({
          document_id: id,
          instruction_id: instruction.id,
          parent_id: null,
          unit_id: u.unit.id,
          user_id: null,
          role: u.role,
          assigned_by: who.givenBy,
          assigned_at: now,
          due_on: u.role === "inform" ? null : dueOn,
          result: null,
        })),
      )
      .execute();
    const step = stepAfter(row.handling, "instruct")!;
    await trx
      .updateTable("documents")
      .set({ handling: step, due_on: dueOn, updated_at: now })
      .where("id", "=", id)
      .execute();
    const leader = await trx
      .selectFrom("users")
      .select("full_name")
      .where("id", "=", who.givenBy)
      .executeTakeFirstOrThrow();
    for (const role of ["lead", "cooperate", "inform"] as const) {
      const ids = units.filter((u) => u.role === role).map((u) => u.unit.id);
      if (!ids.length) continue;
      await notify(trx, {
        code: "document.instructed",
        agencyId: actor.agencyId,
        userIds: await unitPeople(trx, actor.agencyId, ids),
        documentId: id,
        params: {
          ...documentParams(row),
          role,
          by: leader.full_name,
          due: dueOn ?? null,
        },
        at: now,
      });
    }
    await recordAudit(trx, {
      actor,
      action: "handling.instruct",
      entity: "document",
      entityId: id,
      before: { step: row.handling, dueOn: row.due_on },
      after: {
        step,
        instruction: instruction.id,
        givenBy: who.givenBy,
        onPaper: who.onPaper,
        onBehalfOf: who.onBehalfOf,
        units: units.map((u) => [u.role, u.unit.id]),
        dueOn,
      },
      at: now,
    });
    return { id: instruction.id, dueOn, step };
  });
}
