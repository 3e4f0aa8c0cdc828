/**
 * The server's configuration, read once at start from the environment by one schema that reports
 * every bad variable at once.
 */
import { resolve } from "node:path";
import { z } from "zod";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  SESSION_SECRET: z.string().min(16, "at least 16 characters").optional(),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  MAX_UPLOAD_MB: z.coerce.number().min(0.01).max(200).default(20),
  // Reading untrusted files (packages/extract: limits.ts for why these defaults).
  MAX_PDF_PAGES: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Extracted text, in millions of characters. */
  MAX_TEXT_MB: z.coerce.number().min(0.01).max(50).default(1),
  READER_MEMORY_MB: z.coerce.number().int().min(192).max(16_384).default(512),
  READER_TIMEOUT_S: z.coerce.number().min(1).max(3600).default(60),
  READER_WORKERS: z.coerce.number().int().min(1).max(32).default(2),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO: z.enum(["0", "1"]).default("1"),
  /** The demo world's digital signatures (demo/demo-signing.ts); 0: a demo that signs nothing. */
  DEMO_SIGNING: z.enum(["0", "1"]).default("1"),
  /**
   * The agency's time zone (an IANA name): the calendar day of an issue, a report, a reminder or a
   * register line is the day there, not in UTC. All of Vietnam is on Asia/Ho_Chi_Minh (UTC+7).
   */
  TIME_ZONE: z
    .string()
    .default("Asia/Ho_Chi_Minh")
    .refine(isTimeZone, "an IANA time zone such as Asia/Ho_Chi_Minh"),
  /** How long `serve` waits for an unreachable PostgreSQL at start before giving up (0: not at all). */
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** How often each process looks for due background jobs (reminders). */
  JOBS_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * How long an import item's taking holds without renewal (renewed every third of it while the
   * file is read): after a process dies, its items are taken again this much later.
   */
  IMPORT_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  /**
   * Files each server process's import worker reads at once (at most READER_WORKERS). One by
   * default: reading is CPU work in the readers, and on a small machine a second reader at work
   * slowed every other request (health p95 over 200 ms on two cores); the other readers stay
   * free for single-file uploads.
   */
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  /** Real use (DEMO=0): the installation admin's password on first start; generated when unset. */
  ADMIN_PASSWORD: z.string().max(200).optional(),
  WEB_DIR: z.string().min(1).optional(),
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: addresses or CIDRs, comma-separated. */
  TRUST_PROXY: z
    .string()
    .regex(
      /^\s*[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*\s*$/,
      "comma-separated addresses or CIDR ranges (127.0.0.1,10.0.0.0/8)",
    )
    .optional(),
  /** The address the public reaches the service at (feeds, e-mails): https://vanban.example.gov.vn */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, "an http:// or https:// address without ?query")
    .optional(),
  /**
   * Root certificates signatures are checked against (the Vietnamese government and public CAs):
   * files or directories, comma-separated, each file PEM (one or several) or DER. The installation
   * admin may upload more in the app.
   */
  TRUST_ANCHORS: z.string().optional(),
  /**
   * The installation's master key for the secrets it keeps (PKCS#12 files, their passwords, a
   * signing service's secret): 32 bytes as 64 hex digits or base64. When unset, a key file is
   * made once in DATA_DIR (signing/secret-store.ts).
   */
  VANTHU_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$/, "32 bytes: 64 hex digits or base64")
    .optional(),
  /** An RFC 3161 timestamp authority: the agency's signature at issuing is then PAdES B-T. */
  VANTHU_TSA_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, "an http:// or https:// address")
    .optional(),
  /** How often each process sends what waits in the exchange's outbox (seconds). */
  EXCHANGE_EVERY_SECONDS: z.coerce.number().min(0.2).max(3600).default(2),
  /** A folder other systems drop edXML packages into; each is taken, read and moved aside. */
  EXCHANGE_PICKUP_DIR: z.string().optional(),
  /** The largest edXML package received or sent, in MB. */
  EXCHANGE_MAX_PACKAGE_MB: z.coerce.number().min(1).max(500).default(60),
  /** How long a package being sent stays taken: after a process dies, it is sent again. */
  EXCHANGE_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(60),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  sessionSecret: string | null;
  sessionHours: number;
  maxUploadBytes: number;
  /** The isolated file reader: workers, their heap cap and time limit, and extraction limits. */
  reader: {
    workers: number;
    memoryMb: number;
    timeoutMs: number;
    limits: { maxPdfPages: number; maxTextChars: number };
  };
  logLevel: string;
  demo: boolean;
  /** DEMO_SIGNING: the demo world is seeded with signers (a development CA). */
  demoSigning: boolean;
  /** TIME_ZONE: where the calendar days of issues, reports, reminders and registers are counted. */
  timeZone: string;
  /** Seconds to wait for PostgreSQL at start while it is unreachable. */
  databaseWaitSeconds: number;
  /** Seconds between two looks for due background jobs. */
  jobsEverySeconds: number;
  /** IMPORT_LEASE_SECONDS, in milliseconds. */
  importLeaseMs: number;
  /** IMPORT_CONCURRENCY: files read at once by a server's import worker. */
  importConcurrency: number;
  /** ADMIN_PASSWORD: read on the first start of a real installation only. */
  adminPassword: string | null;
  /** The web application's build; packages/web/dist when unset. */
  webDir: string | null;
  /** Proxies trusted for X-Forwarded-*; empty: the socket's address is the client's. */
  trustProxy: string[];
  /** The public base address without a trailing slash, or null (then links use the request's own address). */
  publicUrl: string | null;
  /** TRUST_ANCHORS: files and directories of root certificates; empty: none configured. */
  trustAnchorPaths: string[];
  /** VANTHU_SECRET_KEY, as given; null: the key file in the data directory. */
  secretKey: string | null;
  /** VANTHU_TSA_URL: the timestamp authority of agencies that name none. */
  tsaUrl: string | null;
  /** The exchange with other systems (exchange/): outbox tick, pick-up folder, package size. */
  exchange: {
    everyMs: number;
    leaseMs: number;
    pickupDir: string | null;
    maxPackageBytes: number;
  };
}

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const READER_KEYS = [
  "MAX_PDF_PAGES",
  "MAX_TEXT_MB",
  "READER_MEMORY_MB",
  "READER_TIMEOUT_S",
  "READER_WORKERS",
];

/** The reader's part alone (the CLI's parse and lint): other variables are not looked at. */
export function loadReaderConfig(
  env: Record<string, string | undefined> = process.env,
): Config["reader"] {
  return loadConfig(Object.fromEntries(READER_KEYS.map((k) => [k, env[k]]))).reader;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v !== ""),
  );
  const parsed = schema.safeParse(clean);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL ?? null,
    sessionSecret: c.SESSION_SECRET ?? null,
    sessionHours: c.SESSION_HOURS,
    maxUploadBytes: Math.round(c.MAX_UPLOAD_MB * 1024 * 1024),
    reader: {
      workers: c.READER_WORKERS,
      memoryMb: c.READER_MEMORY_MB,
      timeoutMs: Math.round(c.READER_TIMEOUT_S * 1000),
      limits: { maxPdfPages: c.MAX_PDF_PAGES, maxTextChars: Math.round(c.MAX_TEXT_MB * 1e6) },
    },
    logLevel: c.LOG_LEVEL,
    demo: c.DEMO === "1",
    demoSigning: c.DEMO_SIGNING === "1",
    timeZone: c.TIME_ZONE,
    databaseWaitSeconds: c.DATABASE_WAIT_SECONDS,
    jobsEverySeconds: c.JOBS_EVERY_SECONDS,
    importLeaseMs: c.IMPORT_LEASE_SECONDS * 1000,
    importConcurrency: Math.min(c.IMPORT_CONCURRENCY, c.READER_WORKERS),
    adminPassword: c.ADMIN_PASSWORD ?? null,
    webDir: c.WEB_DIR ? resolve(c.WEB_DIR) : null,
    trustProxy: c.TRUST_PROXY
      ? c.TRUST_PROXY.split(",")
          .map((a) => a.trim())
          .filter(Boolean)
      : [],
    publicUrl: c.PUBLIC_URL ? c.PUBLIC_URL.replace(/\/+$/, "") : null,
    trustAnchorPaths: c.TRUST_ANCHORS
      ? c.TRUST_ANCHORS.split(",")
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => resolve(p))
      : [],
    secretKey: c.VANTHU_SECRET_KEY ?? null,
    tsaUrl: c.VANTHU_TSA_URL ?? null,
    exchange: {
      everyMs: Math.round(c.EXCHANGE_EVERY_SECONDS * 1000),
      leaseMs: Math.round(c.EXCHANGE_LEASE_SECONDS * 1000),
      pickupDir: c.EXCHANGE_PICKUP_DIR ? resolve(c.EXCHANGE_PICKUP_DIR) : null,
      maxPackageBytes: Math.round(c.EXCHANGE_MAX_PACKAGE_MB * 1024 * 1024),
    },
  };
}
