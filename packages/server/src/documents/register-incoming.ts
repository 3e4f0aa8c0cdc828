/**
 * Registering a received document (vào sổ đến): the clerk confirms or corrects the parsed fields,
 * and the document takes the next number of the agency's incoming register for the year.
 */
import { mayAct } from "@vanthu/core";
import type { RegisterCorrections, RegisterReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { takeNextNumber } from "../registers/next-number.ts";
import { loadDocument } from "./load-document.ts";

export async function registerIncoming(
  ctx: AppContext,
  actor: Actor,
  id: string,
  corrections: RegisterCorrections,
): Promise<RegisterReply> {
  if (!mayAct(actor.roles, "register"))
    throw fail("FORBIDDEN", `${actor.username} may not register documents`);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
    if (row.direction !== "incoming") throw fail("NOT_A_DRAFT", `document ${id} is not incoming`);
    if (row.status !== "draft") throw fail("ALREADY_REGISTERED", `document ${id} is ${row.status}`);
    const date = localDate(ctx, now);
    const { registerId, number } = await takeNextNumber(trx, {
      agencyId: actor.agencyId,
      book: "incoming",
      period: date.slice(0, 4),
      typeCode: "",
    });
    const set = {
      status: "registered" as const,
      updated_at: now,
      ...(corrections.reference ? { reference: corrections.reference } : {}),
      ...(corrections.subject ? { subject: corrections.subject } : {}),
      ...(corrections.issuer ? { issuer_name: corrections.issuer } : {}),
      ...(corrections.date ? { document_date: corrections.date } : {}),
      ...(corrections.typeCode ? { type_code: corrections.typeCode } : {}),
    };
    await trx.updateTable("documents").set(set).where("id", "=", id).execute();
    if (row.source_id)
      await trx
        .updateTable("deliveries")
        .set({ status: "03", registered_at: now, updated_at: now })
        .where("received_id", "=", id)
        .execute();
    await trx
      .insertInto("register_entries")
      .values({
        register_id: registerId,
        number,
        document_id: id,
        registered_by: actor.userId,
        registered_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: "document.register",
      entity: "document",
      entityId: id,
      before: { status: row.status, reference: row.reference, subject: row.subject },
      after: { ...corrections, status: "registered", incomingNumber: number, date },
      at: now,
    });
    return { number, date, reference: corrections.reference ?? row.reference };
  });
}
