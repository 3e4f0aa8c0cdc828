/**
 * The one way the pages talk to the server: JSON over fetch with the session cookie, the CSRF
 * header on writes, and failures as ApiError carrying the server's stable code, its Vietnamese
 * message and the path of each problem.
 */
import type { DeliveryStatus } from "@vanthu/core";
import { t } from "./i18n.ts";
import { QueryClient, useQuery } from "@tanstack/react-query";

export interface Issue {
  path: string;
  message: string;
}

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
    const e = (data as { error?: { code: string; message: string; issues?: Issue[] } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      e?.code ?? "HTTP_" + res.status,
      e?.message ?? "Máy chủ trả lời lỗi.",
      e?.issues ?? [],
    );
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>("GET", url),
  post: <T>(url: string, body?: unknown) => request<T>("POST", url, body ?? {}),
  put: <T>(url: string, body: unknown) => request<T>("PUT", url, body),
  patch: <T>(url: string, body: unknown) => request<T>("PATCH", url, body),
  upload: <T>(url: string, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request<T>("POST", url, form);
  },
  /** Many files in one request, each under its path (a folder's relative path), fields first. */
  uploadMany: <T>(
    url: string,
    files: Array<{ file: File; path: string }>,
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append("file", f.file, f.path);
    return request<T>("POST", url, form);
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

/** A GET through the cache, keyed by its URL. */
export function useApi<T>(url: string | null, options: { refetchInterval?: number } = {}) {
  return useQuery<T, ApiError>({
    queryKey: [url],
    queryFn: () => api.get<T>(url!),
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

// ---- The shapes the pages read ----
export type Role = "clerk" | "specialist" | "leader" | "admin" | "installer";
export interface Me {
  user: { userId: string; username: string; fullName: string; roles: Role[]; agencyId: string };
  agency: {
    id: string;
    code: string;
    name: string;
    abbreviation: string;
    kind: string;
    place: string | null;
    parentLine: string | null;
  };
  csrfToken: string;
}
export interface DocumentSummary {
  id: string;
  direction: "outgoing" | "incoming";
  status: "draft" | "issued" | "registered" | "returned" | "revoked";
  reference: string | null;
  typeCode: string | null;
  typeName: string | null;
  subject: string | null;
  issuer: string | null;
  date: string | null;
  isPublic: boolean;
  createdAt: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  fix?: { start: number; end: number; text: string };
}
export interface View {
  html: string;
  text: string;
  /** The first findings by position (the server keeps at most 300). */
  findings: Finding[];
  /** All findings counted (at least this many when the linter stopped early). */
  findingsTotal: number;
  /** More findings than `findings` holds. */
  findingsTruncated: boolean;
  /** False when the server stopped counting: `findingsTotal` is a lower bound. */
  findingsComplete: boolean;
}
export interface DraftContent {
  type?: { code: string; name: string };
  subject?: string | null;
  issuer?: { unit?: string | null };
  addressees?: string[];
  paragraphs?: string[];
  recipients?: string[];
  archive?: string[];
  signature?: {
    authority: string | null;
    authorityTitle: string | null;
    signerTitle: string | null;
    signerName: string | null;
  };
}
export interface DocumentDetail extends DocumentSummary {
  agencyId: string;
  number: string | null;
  symbol: string | null;
  signerName: string | null;
  content: DraftContent;
  text: string;
  sourceId: string | null;
  parentId: string | null;
  issuedAt: string | null;
  files?: Array<{ name: string; role: string; size: number; mediaType: string }>;
  register?: { book: string; period: string; number: number; registered_at: string } | null;
  delivery?: {
    status: DeliveryStatus;
    kind: "action" | "copy";
    sentAt: string;
    returnReason: string | null;
  } | null;
}
export interface SearchHit {
  id: string;
  reference: string | null;
  subject: string | null;
  snippet: string;
  issuer: string | null;
  date: string | null;
  typeCode: string | null;
  status: string;
}
export interface SearchResult {
  items: SearchHit[];
  total: number;
  capped?: boolean;
  match?: { id: string; reference: string | null };
}
export interface OwedTask {
  taskId: string;
  document: { id: string; reference: string | null; subject: string | null; issuer: string | null };
  label: string;
  title: string;
  cycles: string[];
  due: string | null;
  reported: string[];
  overdue: string[];
  expected?: string[];
}

export interface ImportCounts {
  total: number;
  queued: number;
  reading: number;
  done: number;
  failed: number;
  documentsCreated: number;
  duplicates: number;
}
export interface ImportBatchSummary {
  id: string;
  source: "web" | "cli";
  label: string | null;
  createdAt: string;
  createdBy: string;
  counts: ImportCounts;
  finished: boolean;
}
export interface ImportItem {
  id: number;
  position: number;
  name: string;
  path: string;
  size: number;
  status: "queued" | "reading" | "done" | "failed";
  attempts: number;
  error: { code: string; message: string } | null;
  duplicate: boolean;
  notes: Array<{ code: string; message: string }>;
  documents: Array<{
    id: string;
    part: number;
    created: boolean;
    pages: [number, number] | null;
    reference: string | null;
    typeName: string | null;
    subject: string | null;
    issuer: string | null;
    date: string | null;
    status: DocumentSummary["status"];
  }>;
}
export interface ImportBatch extends ImportBatchSummary {
  items: ImportItem[];
}
