/**
 * Passing a received document on (chuyển, phân công): the head of a unit named in the
 * instruction gives it to a specialist of the unit, who may pass it further down to another; each
 * is a handler row under the one it came from. A row is passed on once: two heads assigning at
 * once, the second is told ALREADY_ASSIGNED. The document becomes "assigned" and the sender is
 * sent 04; the person is notified (`document.assigned`).
 *
 * A clerk may also pass a document at once when registering it, to a unit or a person
 * (`routeAtRegistration`), without a leader's instruction.
 */
import { deliveryStatusOf, stepAfter, type HandlingStep } from "@vanthu/core";
import type { AssignBody } from "@vanthu/contract";
import type { Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "../workflow/notify.ts";
import { sendStatus, withAttached } from "./delivery-progress.ts";
import {
  assertStep,
  documentParams,
  handlersOf,
  holds,
  lockReceived,
  unitOfRow,
  unitPeople,
  type Db,
} from "./handling-rules.ts";

/** An open unit of the agency, or UNIT_NOT_IN_AGENCY. */
export async function openUnit(db: Db, agencyId: string, unitId: string, path: string) {
  const unit = await db
    .selectFrom("units")
    .select(["id", "name", "abbreviation"])
    .where("id", "=", unitId)
    .where("agency_id", "=", agencyId)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  if (!unit)
    throw fail("UNIT_NOT_IN_AGENCY", `unit ${unitId}`, [
      { path, message: "Đơn vị không thuộc cơ quan hoặc đã giải thể." },
    ]);
  return unit;
}

/** An active user of the agency, in `unitId` when one is given; else PERSON_NOT_IN_UNIT. */
export async function personIn(db: Db, agencyId: string, userId: string, unitId: string | null) {
  const user = await db
    .selectFrom("users")
    .select(["id", "full_name", "unit_id"])
    .where("id", "=", userId)
    .where("agency_id", "=", agencyId)
    .where("disabled", "=", false)
    .executeTakeFirst();
  if (!user || (unitId && user.unit_id !== unitId))
    throw fail("PERSON_NOT_IN_UNIT", `user ${userId} not in unit ${unitId}`, [
      { path: "userId", message: "Người được chọn không thuộc đơn vị xử lý." },
    ]);
  return user;
}

/** Moves the document to the step after `event`, and sends the sender its status. */
export async function advance(
  trx: Transaction<Database>,
  documentId: string,
  from: HandlingStep | null,
  to: HandlingStep | null,
  at: Date,
  result?: string,
): Promise<void> {
  if (to !== from)
    await trx
      .updateTable("documents")
      .set({ handling: to, updated_at: at })
      .where("id", "=", documentId)
      .execute();
  const status = deliveryStatusOf(to);
  if (status)
    await sendStatus(
      trx,
      await withAttached(trx, documentId),
      status,
      at,
      result ? { result } : {},
    );
}

export async function assignHandler(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: AssignBody,
): Promise<{ id: string; step: HandlingStep }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "assign");
    const rows = await handlersOf(trx, id);
    const from = rows.find((r) => r.id === body.handlerId);
    if (!from) throw fail("HANDLER_NOT_FOUND", `handler ${body.handlerId} of ${id}`);
    if (from.role === "inform" || !holds(actor, from))
      throw fail("NOT_A_HANDLER", `${actor.username} does not hold ${from.id}`);
    if (from.status === "done") throw fail("HANDLING_DONE", `handler ${from.id} is done`);
    if (rows.some((r) => r.parent_id === from.id))
      throw fail("ALREADY_ASSIGNED", `handler ${from.id} was passed on already`);
    const unitId = unitOfRow(rows, from);
    const user = await personIn(trx, actor.agencyId, body.userId, unitId);
    if (user.id === from.user_id)
      throw fail("PERSON_NOT_IN_UNIT", `${user.id} holds ${from.id} already`, [
        { path: "userId", message: "Hãy chọn người khác trong đơn vị." },
      ]);
    const dueOn = body.dueOn ?? from.due_on;
    const added = await trx
      .insertInto("handlers")
      .values({
        document_id: id,
        instruction_id: from.instruction_id,
        parent_id: from.id,
        unit_id: null,
        user_id: user.id,
        role: from.role,
        assigned_by: actor.userId,
        assigned_at: now,
        due_on: dueOn,
        result: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (body.note)
      await trx
        .insertInto("handling_notes")
        .values({ document_id: id, author_id: actor.userId, text: body.note, at: now })
        .execute();
    const step = stepAfter(row.handling, "assign")!;
    await advance(trx, id, row.handling, step, now);
    await notify(trx, {
      code: "document.assigned",
      agencyId: actor.agencyId,
      userIds: [user.id],
      documentId: id,
      params: { ...documentParams(row), by: actor.fullName, due: dueOn ?? null },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "handling.assign",
      entity: "document",
      entityId: id,
      before: { step: row.handling, from: from.id },
      after: { step, handler: added.id, userId: user.id, dueOn },
      at: now,
    });
    return { id: added.id, step };
  });
}

/**
 * At registration, the clerk passes the document at once: to a unit (its head assigns next), to a
 * person, or to a person of a unit. In the registering transaction, on the row it locked.
 */
export async function routeAtRegistration(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  to: { unitId: string | null; userId: string | null; dueOn: string | null; at: Date },
): Promise<void> {
  const unit = to.unitId ? await openUnit(trx, actor.agencyId, to.unitId, "handlerUnitId") : null;
  const user = to.userId ? await personIn(trx, actor.agencyId, to.userId, unit?.id ?? null) : null;
  const base = {
    document_id: id,
    instruction_id: null,
    role: "lead" as const,
    assigned_by: actor.userId,
    assigned_at: to.at,
    due_on: to.dueOn,
    result: null,
  };
  const unitRow = unit
    ? await trx
        .insertInto("handlers")
        .values({ ...base, parent_id: null, unit_id: unit.id, user_id: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    : null;
  if (user)
    await trx
      .insertInto("handlers")
      .values({ ...base, parent_id: unitRow?.id ?? null, unit_id: null, user_id: user.id })
      .execute();
  const step: HandlingStep = user ? "assigned" : "instructed";
  await advance(trx, id, null, step, to.at);
  const row = await trx
    .selectFrom("documents")
    .select(["reference", "subject", "issuer_name"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  await notify(trx, {
    code: "document.assigned",
    agencyId: actor.agencyId,
    userIds: user ? [user.id] : await unitPeople(trx, actor.agencyId, [unit!.id]),
    documentId: id,
    params: {
      ...documentParams(row),
      by: actor.fullName,
      unit: unit?.name ?? null,
      due: to.dueOn ?? null,
    },
    at: to.at,
  });
  await recordAudit(trx, {
    actor,
    action: "handling.route",
    entity: "document",
    entityId: id,
    after: { step, unitId: unit?.id ?? null, userId: user?.id ?? null, dueOn: to.dueOn },
    at: to.at,
  });
}
