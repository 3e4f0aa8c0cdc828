/** Renaming an agency (explicit, with a reason) and its history of names. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { validate } from "../validate.ts";
import { agencyHistory, renameAgency, renameSchema } from "./rename-agency.ts";

export function registerAgencyIdentityRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
) {
  app.post("/api/admin/agencies/:id/rename", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const input = validate(renameSchema, request.body);
    return renameAgency(ctx, actor, id, input);
  });
  api.add({
    method: "POST",
    url: "/api/admin/agencies/:id/rename",
    summary:
      "Rename an agency, with a reason and the day the name holds from; kept in its history (its own admin, its parent's, or the installation admin)",
    tag: "admin",
    auth: "session",
    body: renameSchema,
    responses: {
      200: "{id, name, oldName}",
      403: "Not an owner (AGENCY_NOT_OWNED)",
      404: "No such agency",
      409: "The name is taken (AGENCY_EXISTS) or unchanged",
    },
  });

  app.get("/api/agencies/:id/history", async (request) => {
    requireActor(request);
    const { id } = request.params as { id: string };
    return { items: await agencyHistory(ctx, id) };
  });
  api.add({
    method: "GET",
    url: "/api/agencies/:id/history",
    summary: "An agency's former names: old, new, reason, valid from, who, when",
    tag: "agencies",
    auth: "session",
    responses: { 200: "{items}" },
  });
}
