/** /api/forms: the instruction slip, the follow-up register, the handling report (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { sendFile } from "../http/files.ts";
import { handlingReport } from "./handling-report.ts";
import { readFollowUpRegister } from "./read-follow-up-register.ts";
import { handlingSlipPdf, readHandlingSlip } from "./read-handling-slip.ts";

export function formRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/forms/handling-slip/:id": async ({ actor, params }) =>
      readHandlingSlip(ctx, actor, params.id),
    "GET /api/forms/handling-slip/:id/pdf": async ({ actor, params, reply }) =>
      sendFile(reply, await handlingSlipPdf(ctx, actor, params.id)),
    "GET /api/forms/follow-up-register": async ({ actor, query }) =>
      readFollowUpRegister(ctx, actor, query),
    "GET /api/forms/handling-report": async ({ actor, query }) => handlingReport(ctx, actor, query),
  };
}
