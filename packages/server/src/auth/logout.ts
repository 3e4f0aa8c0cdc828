/** Signing out: the session ends (its row deleted) and, for a signed-in person, an audit event. */
import type { Actor, AppContext } from "../context.ts";
import { recordAudit } from "../audit.ts";
import { deleteSession } from "./sessions.ts";

export async function logout(
  ctx: AppContext,
  actor: Actor | null,
  token: string | undefined,
): Promise<void> {
  if (token) await deleteSession(ctx, token);
  if (actor)
    await recordAudit(ctx.db, {
      actor,
      action: "logout",
      entity: "user",
      entityId: actor.userId,
      at: ctx.now(),
    });
}
