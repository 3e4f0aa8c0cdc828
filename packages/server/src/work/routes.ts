/** GET /api/my-work: Việc của tôi (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { myWork } from "../workflow/my-work.ts";

export function workRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/my-work": async ({ actor }) => myWork(ctx, actor),
  };
}
