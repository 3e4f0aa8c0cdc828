/**
 * Registering a received document (vào sổ đến): the clerk confirms or corrects the parsed fields,
 * gives its type (of core's vocabulary) and the day it arrived (today in Vietnam unless said;
 * core's `arrivalDateProblem` refuses a day to come or one before the document's date), and the
 * document takes the next number of the agency's incoming register for the year.
 *
 * Handling (issue #15): the urgency and the processing deadline are set here (the deadline by
 * default printed in the text, else the agency's rules in working days from arrival); earlier
 * records of the same document stop it with DUPLICATE_DOCUMENT unless the clerk confirms; the
 * clerk may pass it at once to a unit or a person; the sender is sent 03.
 *
 * Signatures (issue 16): its PDF is verified; one changed after signing (SIGNATURE_BROKEN) is
 * registered only once the clerk acknowledges it, and the register keeps the level and who did.
 */
import { arrivalDateProblem, defaultDeadline, mayAct, typeByCode, viDate } from "@vanthu/core";
import type { RegisterCorrections, RegisterReply } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { localDate } from "../context.ts";
import { assertNotFrozen } from "../exchange/recall.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { takeNextNumber } from "../registers/next-number.ts";
import { loadDocument } from "./load-document.ts";
import { findDuplicates } from "../handling/find-duplicates.ts";
import { deadlineContext } from "../handling/deadline-settings.ts";
import { sendStatus } from "../handling/delivery-progress.ts";
import { routeAtRegistration } from "../handling/assign-handler.ts";
import { documentSignatures } from "../verification/document-signatures.ts";

export async function registerIncoming(
  ctx: AppContext,
  actor: Actor,
  id: string,
  corrections: RegisterCorrections,
): Promise<RegisterReply> {
  if (!mayAct(actor.roles, "register"))
    throw fail("FORBIDDEN", `${actor.username} may not register documents`);
  // Its PDF's signatures are checked first, in the reader, outside the register's lock (ND30
  // Điều 21: authenticity and integrity before registering).
  const signatures = await documentSignatures(
    ctx,
    await loadDocument(ctx.db, actor, id, { own: true }),
  );
  const signatureLevel = signatures?.level ?? "none";
  // A reader that was full says nothing of the file: the clerk tries again in a moment.
  if (signatures?.problem?.code === "READER_BUSY" || signatures?.problem?.code === "READER_CLOSED")
    throw fail("READER_BUSY", `document ${id}: its signatures could not be checked now`);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
    if (row.direction !== "incoming") throw fail("NOT_A_DRAFT", `document ${id} is not incoming`);
    if (row.status !== "draft") throw fail("ALREADY_REGISTERED", `document ${id} is ${row.status}`);
    if (row.attached_to) throw fail("ALREADY_ATTACHED", `document ${id} is attached`);
    // Its issuer is recalling it (exchange/recall.ts): it waits for the clerk's answer.
    assertNotFrozen(row);
    if (row.withdrawn_at) throw fail("NOT_A_DRAFT", `document ${id} was withdrawn`);
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
    const duplicates = await findDuplicates(trx, row, {
      reference: corrections.reference ?? row.reference,
      issuer: corrections.issuer ?? row.issuer_name,
      date: documentDate,
    });
    if (duplicates.length && !corrections.confirmDuplicate)
      throw fail(
        "DUPLICATE_DOCUMENT",
        `document ${id}: registered before as ${duplicates.map((d) => d.id).join(", ")}`,
        duplicates.map((d) => ({
          path: `duplicates.${d.id}`,
          message: [
            d.reference ?? "",
            d.number === null ? null : `số đến ${d.number}`,
            d.registeredAt
              ? `vào sổ ngày ${viDate(localDate(ctx, new Date(d.registeredAt)))}`
              : null,
          ]
            .filter(Boolean)
            .join(", "),
        })),
      );
    // Changed after signing, or signatures that could not be checked (a file that cost its
    // reader its time or memory): registered only once the clerk has seen it.
    if (signatureLevel === "broken" && !corrections.acknowledgeSignature)
      throw fail(
        "SIGNATURE_BROKEN",
        `document ${id}: its PDF changed after it was signed`,
        signatures!.signatures
          .filter((s) => s.level === "broken")
          .map((s) => ({ path: "acknowledgeSignature", message: s.sentence })),
      );
    if (signatureLevel === "unreadable" && !corrections.acknowledgeSignature)
      throw fail("SIGNATURE_UNCHECKED", `document ${id}: its signatures could not be checked`, [
        { path: "acknowledgeSignature", message: signatures!.problem?.message ?? "" },
      ]);
    const urgency = corrections.urgency !== undefined ? corrections.urgency : row.urgency;
    let dueOn: string | null;
    if (corrections.dueOn !== undefined) dueOn = corrections.dueOn;
    else {
      const { rules, holidays } = await deadlineContext(trx, actor.agencyId);
      dueOn =
        defaultDeadline({
          arrivedOn,
          typeCode: type?.code ?? row.type_code,
          urgency,
          text: row.body,
          rules,
          holidays,
        })?.due ?? null;
    }
    if (dueOn && dueOn < arrivedOn)
      throw fail("DUE_BEFORE_ARRIVAL", `due ${dueOn}, arrived ${arrivedOn}`, [
        { path: "dueOn", message: `Hạn ${viDate(dueOn)} trước ngày đến ${viDate(arrivedOn)}.` },
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
      urgency,
      due_on: dueOn,
    };
    await trx.updateTable("documents").set(set).where("id", "=", id).execute();
    await sendStatus(trx, [id], "03", now);
    await trx
      .insertInto("register_entries")
      .values({
        register_id: registerId,
        number,
        document_id: id,
        registered_by: actor.userId,
        registered_at: now,
        arrived_on: arrivedOn,
        signature_level: signatureLevel,
        signature_acknowledged_by:
          (signatureLevel === "broken" || signatureLevel === "unreadable") &&
          corrections.acknowledgeSignature
            ? actor.userId
            : null,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: "document.register",
      entity: "document",
      entityId: id,
      before: { status: row.status, reference: row.reference, subject: row.subject },
      after: {
        ...corrections,
        status: "registered",
        incomingNumber: number,
        date,
        arrivedOn,
        urgency,
        dueOn,
        duplicates: duplicates.map((d) => d.id),
        signatureLevel,
      },
      at: now,
    });
    // Passed at once to a unit or a person, when the clerk said so.
    if (corrections.handlerUnitId || corrections.handlerUserId)
      await routeAtRegistration(trx, actor, id, {
        unitId: corrections.handlerUnitId ?? null,
        userId: corrections.handlerUserId ?? null,
        dueOn,
        at: now,
      });
    return {
      number,
      date,
      arrivedOn,
      reference: corrections.reference ?? row.reference,
      dueOn,
    };
  });
}
