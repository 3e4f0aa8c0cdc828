/** Delivery: the plan before issuing, the statuses for the issuer, the recipient's actions. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { validate } from "../validate.ts";
import { loadDocument } from "../documents/load-document.ts";
import { planDelivery } from "./plan-delivery.ts";
import {
  progressDelivered,
  progressSchema,
  returnDelivered,
  returnSchema,
} from "./update-delivery.ts";

export function registerDeliveryRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
) {
  app.get("/api/documents/:id/delivery-plan", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const row = await loadDocument(ctx.db, actor, id, { own: true });
    if (row.direction !== "outgoing")
      throw fail("NOT_DELIVERED", "an incoming document is not delivered by us");
    return planDelivery(ctx.db, row);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/delivery-plan",
    summary: "Who the document goes to, read from Kính gửi and Nơi nhận (groups to confirm)",
    tag: "delivery",
    auth: "session",
    responses: { 200: "{lines,recipients,needsConfirmation,agencies}", 404: "Not found" },
  });

  app.get("/api/documents/:id/deliveries", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    await loadDocument(ctx.db, actor, id, { own: true });
    const rows = await ctx.db
      .selectFrom("deliveries")
      .innerJoin("agencies", "agencies.id", "deliveries.to_agency_id")
      .select([
        "deliveries.id",
        "deliveries.kind",
        "deliveries.line",
        "deliveries.status",
        "deliveries.sent_at",
        "deliveries.returned_at",
        "deliveries.return_reason",
        "deliveries.registered_at",
        "deliveries.assigned_at",
        "deliveries.in_progress_at",
        "deliveries.done_at",
        "agencies.id as agency_id",
        "agencies.code as agency_code",
        "agencies.name as agency_name",
      ])
      .where("deliveries.document_id", "=", id)
      .where("deliveries.from_agency_id", "=", actor.agencyId)
      .orderBy("agencies.name")
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
        kind: r.kind,
        line: r.line,
        status: r.status,
        sentAt: r.sent_at,
        returnedAt: r.returned_at,
        returnReason: r.return_reason,
        registeredAt: r.registered_at,
        assignedAt: r.assigned_at,
        inProgressAt: r.in_progress_at,
        doneAt: r.done_at,
      })),
    };
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/deliveries",
    summary: "The issuer's view: each recipient's status (01 arrived ... 06 done) and times",
    tag: "delivery",
    auth: "session",
    responses: { 200: "{items}", 404: "Not found" },
  });

  app.post("/api/documents/:id/return", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    await returnDelivered(ctx, actor, id, validate(returnSchema, request.body).reason);
    return { status: "02" };
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/return",
    summary: "The recipient returns a misaddressed document, with a reason (status 02)",
    tag: "delivery",
    auth: "session",
    body: returnSchema,
    responses: { 200: '{"status":"02"}', 409: "Already registered or returned" },
  });

  app.post("/api/documents/:id/progress", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const { status } = validate(progressSchema, request.body);
    await progressDelivered(ctx, actor, id, status);
    return { status };
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/progress",
    summary: "The recipient moves a registered document on: 04 assigned, 05 in progress, 06 done",
    tag: "delivery",
    auth: "session",
    body: progressSchema,
    responses: { 200: "{status}", 409: "Not a forward step" },
  });
}
