/** /api/registers: the agency's registers and their entries (wiring only). */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { listRegisters } from "./list-registers.ts";
import { readRegister } from "./read-register.ts";

export function registersRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/registers": async ({ actor }) => ({ items: await listRegisters(ctx, actor) }),
    "GET /api/registers/:id": async ({ actor, params }) => readRegister(ctx, actor, params.id),
  };
}
