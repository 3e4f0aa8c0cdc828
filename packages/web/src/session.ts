/** The signed-in user, read once through the query cache; pages call useMe(). */
import { useQuery } from "@tanstack/react-query";
import { api, setCsrfToken, type ApiError, type Me, type Role } from "./api.ts";
import { setTimeZone } from "./format.ts";

export function useMe() {
  return useQuery<Me, ApiError>({
    queryKey: ["me"],
    queryFn: async () => {
      const me = await api.call("GET /api/auth/me");
      setCsrfToken(me.csrfToken);
      setTimeZone(me.timeZone);
      return me;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export const can = (me: Me | undefined, ...roles: Role[]) =>
  !!me && roles.some((r) => me.user.roles.includes(r));
