/**
 * The one way the pages talk to the server: JSON over fetch with the session cookie, the CSRF
 * header on writes, and failures as ApiError carrying the server's stable code, its Vietnamese
 * message and the path of each problem.
 *
 * Every call names its route as @vanthu/contract declares it ("GET /api/documents/:id"): the
 * parameters, the query, the body and the reply are the contract's types, so a field the server
 * renames or drops breaks this app's type check. Only types are imported from the contract
 * (`import type`): no schema reaches the browser.
 */
import { t } from "./i18n.ts";
import type {
  ApiBody,
  ApiParams,
  ApiQuery,
  ApiReply,
  EndpointKey,
  ErrorBody,
  GetKey,
  Issue,
} from "@vanthu/contract";
import { QueryClient, useQuery } from "@tanstack/react-query";

export type { Issue };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload ?? null, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.");
  }
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e = (data as Partial<ErrorBody> | null)?.error;
    throw new ApiError(
      res.status,
      e?.code ?? "HTTP_" + res.status,
      e?.message ?? "Máy chủ trả lời lỗi.",
      e?.issues ?? [],
    );
  }
  return data as T;
}

/** What a call of route K sends: its path parameters, its query, its body. */
export type Input<K extends EndpointKey> = (keyof ApiParams<K> extends never
  ? { params?: undefined }
  : { params: ApiParams<K> }) & { query?: ApiQuery<K> } & ([ApiBody<K>] extends [never]
    ? { body?: undefined }
    : undefined extends ApiBody<K>
      ? { body?: ApiBody<K> }
      : { body: ApiBody<K> });
/** The input may be left out when nothing in it is required. */
type InputArg<K extends EndpointKey> =
  Record<never, never> extends Input<K> ? [input?: Input<K>] : [input: Input<K>];

/** The URL of route K: its parameters in the path (each encoded), its query after it. */
export function urlOf<K extends EndpointKey>(key: K, ...[input]: InputArg<K>): string {
  const params = (input?.params ?? {}) as Record<string, string>;
  const path = key.slice(key.indexOf(" ") + 1).replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${key}: no ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((input?.query ?? {}) as Record<string, unknown>))
    if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

const methodOf = (key: EndpointKey) => key.slice(0, key.indexOf(" "));

export const api = {
  /** Calls route K and resolves to its reply. */
  call: <K extends EndpointKey>(key: K, ...args: InputArg<K>): Promise<ApiReply<K>> => {
    const method = methodOf(key);
    return request<ApiReply<K>>(
      method,
      urlOf(key, ...args),
      method === "GET" ? undefined : (args[0]?.body ?? {}),
    );
  },
  /** One file (field "file") to an upload route. */
  upload: <K extends EndpointKey>(key: K, file: File, ...args: InputArg<K>) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request<ApiReply<K>>(methodOf(key), urlOf(key, ...args), form);
  },
  /** Many files in one request, each under its path (a folder's relative path), fields first. */
  uploadMany: <K extends EndpointKey>(
    key: K,
    files: Array<{ file: File; path: string }>,
    fields: Record<string, string>,
    ...args: InputArg<K>
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append("file", f.file, f.path);
    return request<ApiReply<K>>(methodOf(key), urlOf(key, ...args), form);
  },
};

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      staleTime: 10_000,
      refetchOnWindowFocus: true,
    },
  },
});

/**
 * A GET of route K through the cache, keyed by its URL (`urlOf`); `null` for no request yet (a
 * page waiting for what it needs to ask).
 */
export function useApi<K extends GetKey>(
  key: K | null,
  ...[input, options = {}]: [...InputArg<K>, { refetchInterval?: number }?]
) {
  const url = key ? urlOf(key, ...([input] as InputArg<K>)) : null;
  return useQuery<ApiReply<K>, ApiError>({
    queryKey: [url],
    queryFn: () => request<ApiReply<K>>("GET", url!),
    enabled: !!url,
    ...options,
  });
}

/** Where a problem is, in the words of the form: "Tệp: công văn.xml", not "file: công văn.xml". */
const place = (path: string): string => {
  const places: Record<string, string> = t.places;
  return places[path] ?? places[path.split(".")[0]!] ?? path;
};

/** The text of an error for a person: the server's message and each problem's place. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError)
    return [e.message, ...e.issues.map((i) => `${place(i.path)}: ${i.message}`)].join("\n");
  return "Có lỗi không mong muốn. Vui lòng tải lại trang.";
}

// ---- The shapes the pages read: the contract's ----
export type {
  AgencyEntry,
  BatchCounts as ImportCounts,
  BatchSummary as ImportBatchSummary,
  BatchView as ImportBatch,
  ChainNode,
  Dashboard,
  DashboardCell,
  Delivery,
  DeliveryPlan,
  DocumentContent,
  DocumentDetail,
  DocumentSignatures,
  DirectoryEntry,
  ExchangeMessage,
  ExchangePeer,
  FileSignatureLevelName,
  TrustAnchorEntry,
  DocumentLinks,
  DocumentSummary,
  DocumentView as View,
  Finding,
  ImportItem,
  Me,
  Notification,
  OpenedDocument,
  OwedTask,
  RegisterEntry,
  RegisterInfo,
  SearchHit,
  SearchResult,
  TaskPlan,
  UnitEntry,
  UserEntry,
  // Handling received documents (contract/src/handling.ts).
  DeadlineSettings,
  Duplicate,
  HandlerEntry,
  HandlingPeople,
  HandlingView,
  OverdueReply,
  MyWork,
  WorkGroup,
  WorkRow,
} from "@vanthu/contract";
export type { Role } from "@vanthu/core";
