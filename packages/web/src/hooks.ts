/** Behaviour several pages share: filters kept in the address, and a write with its state. */
import { useState } from "react";
import { useSearchParams } from "react-router";
import { notifications } from "@mantine/notifications";
import { queryClient } from "./api.ts";

/**
 * Filters live in the URL (a page can be bookmarked and sent); changing one goes back to the
 * first page of results.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("trang") ?? 1) || 1;
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("trang" in changes)) next.delete("trang");
    setParams(next);
  };
  return {
    params,
    page,
    set: (key: string, value: string | null) => update({ [key]: value }),
    update,
    setPage: (p: number) => update({ trang: String(p) }),
  };
}

/**
 * A write: busy while it runs, its error kept for an ErrorAlert; on success the cached reads
 * are refreshed and an optional message is shown.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async <T>(
    fn: () => Promise<T>,
    options: { success?: (result: T) => string; then?: (result: T) => void } = {},
  ): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await fn();
      await queryClient.invalidateQueries();
      if (options.success) notifications.show({ color: "green", message: options.success(result) });
      options.then?.(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** A value from the address, if it is one of the options (else none: the filter is off). */
export const oneOf = <T extends string>(options: readonly T[], value: string | null) =>
  options.find((o) => o === value);
