/** Who is signed in: the person, their agency, and the session's CSRF token for writes. */
import type { ApiReply } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";

export async function currentUser(
  ctx: AppContext,
  actor: Actor,
  csrfToken: string,
): Promise<ApiReply<"GET /api/auth/me">> {
  const agency = await ctx.db
    .selectFrom("agencies")
    .select(["id", "code", "name", "abbreviation", "kind", "place", "parent_line"])
    .where("id", "=", actor.agencyId)
    .executeTakeFirstOrThrow();
  return {
    user: {
      userId: actor.userId,
      agencyId: actor.agencyId,
      username: actor.username,
      fullName: actor.fullName,
      roles: actor.roles,
    },
    agency: {
      id: agency.id,
      code: agency.code,
      name: agency.name,
      abbreviation: agency.abbreviation,
      kind: agency.kind,
      place: agency.place,
      parentLine: agency.parent_line,
    },
    timeZone: ctx.config.timeZone,
    csrfToken,
  };
}
