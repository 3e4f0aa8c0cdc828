/**
 * Registering a received document (vào sổ đến): the clerk confirms or corrects the parsed fields,
 * gives its type (of core's vocabulary) and the day it arrived (today in Vietnam unless said;
 * core's `arrivalDateProblem` refuses a day to come or one before the document's date), and the
 * document takes the next number of the agency's incoming register for the year.
 */
import { arrivalDateProblem, mayAct, typeByCode, viDate } from "@vanthu/core";
import type { RegisterCorrections, RegisterReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { takeNextNumber } from "../registers/next-number.ts";
import { loadDocument } from "./load-document.ts";
import { notifyDeliveryProgress } from "../workflow/delivery-notice.ts";

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
    const type = corrections.typeCode ? typeByCode(corrections.typeCode, row.format) : null;
    if (corrections.typeCode && !type)
      throw fail("UNKNOWN_DOCUMENT_TYPE", `no type ${corrections.typeCode} (${row.format})`, [
        { path: "typeCode", message: `Không có loại văn bản “${corrections.typeCode}”.` },
      ]);
    const arrivedOn = corrections.arrivedOn ?? date;
    const documentDate = corrections.date ?? row.document_date;
    const problem = arrivalDateProblem(arrivedOn, { today: date, documentDate });
    // Said of the day the clerk gave, or of the document's date when the day was left as today.
    const path = corrections.arrivedOn || !documentDate ? "arrivedOn" : "date";
    if (problem === "ARRIVAL_IN_FUTURE")
      throw fail("ARRIVAL_IN_FUTURE", `arrived ${arrivedOn}, today is ${date}`, [
        {
          path,
          message: `Ngày đến ${viDate(arrivedOn)} sau ngày hôm nay (${viDate(date)}).`,
        },
      ]);
    if (problem === "ARRIVAL_BEFORE_DOCUMENT")
      throw fail("ARRIVAL_BEFORE_DOCUMENT", `arrived ${arrivedOn}, dated ${documentDate}`, [
        {
          path,
          message: `Ngày đến ${viDate(arrivedOn)} trước ngày của văn bản (${viDate(documentDate)}): hãy sửa ngày đến hoặc ngày văn bản.`,
        },
      ]);
    if (problem === "INVALID_DATE")
      throw fail("INVALID_DATE", `arrived ${arrivedOn}`, [
        { path: "arrivedOn", message: "Ngày đến không có thật." },
      ]);
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
      ...(type ? { type_code: type.code, type_name: type.name } : {}),
    };
    await trx.updateTable("documents").set(set).where("id", "=", id).execute();
    if (row.source_id)
      await trx
        .updateTable("deliveries")
        .set({ status: "03", registered_at: now, updated_at: now })
        .where("received_id", "=", id)
        .execute();
    if (row.source_id) await notifyDeliveryProgress(trx, id, "03", now);
    await trx
      .insertInto("register_entries")
      .values({
        register_id: registerId,
        number,
        document_id: id,
        registered_by: actor.userId,
        registered_at: now,
        arrived_on: arrivedOn,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: "document.register",
      entity: "document",
      entityId: id,
      before: { status: row.status, reference: row.reference, subject: row.subject },
      after: { ...corrections, status: "registered", incomingNumber: number, date, arrivedOn },
      at: now,
    });
    return { number, date, arrivedOn, reference: corrections.reference ?? row.reference };
  });
}
