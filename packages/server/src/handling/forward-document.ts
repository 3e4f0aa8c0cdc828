/**
 * Forwarding a registered received document to another agency in the system (chuyển tiếp), with
 * a note: the agency gets its own incoming record (deliver-document.ts `deliverCopy`, from the
 * forwarder, `forwarded_from_id` the record forwarded) in status 01, to register like any other;
 * its steps come back to the forwarder. An agency that has the document already is refused.
 */
import type { AgencyRef } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { notify } from "../workflow/notify.ts";
import { deliverableAgencies } from "../deliveries/plan-delivery.ts";
import { deliverCopy } from "../deliveries/deliver-document.ts";
import { assertStep, documentParams, lockReceived } from "./handling-rules.ts";

export async function forwardDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { agencyId: string; note: string },
): Promise<{ agency: AgencyRef }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReceived(trx, actor, id);
    assertStep(row, "forward");
    const agency = await deliverableAgencies(trx)
      .select(["id", "code", "name"])
      .where("id", "=", body.agencyId)
      .executeTakeFirst();
    if (!agency || agency.id === actor.agencyId)
      throw fail("AGENCY_NOT_FOUND", `no agency ${body.agencyId} to forward to`, [
        { path: "agencyId", message: "Hãy chọn một cơ quan khác trong hệ thống." },
      ]);
    const originalId = row.source_id ?? row.id;
    const held = await trx
      .selectFrom("documents")
      .select("id")
      .where("agency_id", "=", agency.id)
      .where((eb) => eb.or([eb("source_id", "=", originalId), eb("id", "=", originalId)]))
      .executeTakeFirst();
    if (held) throw fail("ALREADY_FORWARDED", `${agency.code} holds ${originalId} already`);
    const { receivedId, deliveryId } = await deliverCopy(trx, row, {
      agencyId: agency.id,
      kind: "action",
      line: null,
      at: now,
      forward: { originalId, note: body.note },
    });
    const forwarder = await trx
      .selectFrom("agencies")
      .select("name")
      .where("id", "=", actor.agencyId)
      .executeTakeFirstOrThrow();
    const clerks = await trx
      .selectFrom("users")
      .select(["id", "roles"])
      .where("agency_id", "=", agency.id)
      .where("disabled", "=", false)
      .execute();
    await notify(trx, {
      code: "document.arrived",
      agencyId: agency.id,
      userIds: clerks.filter((u) => u.roles.includes("clerk")).map((u) => u.id),
      documentId: receivedId,
      params: { ...documentParams(row), from: forwarder.name, note: body.note, forwarded: 1 },
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "handling.forward",
      entity: "document",
      entityId: id,
      after: { agencyId: agency.id, delivery: deliveryId, note: body.note },
      at: now,
    });
    return { agency: { id: agency.id, code: agency.code, name: agency.name } };
  });
}
