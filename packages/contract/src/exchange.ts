/**
 * Exchange with other systems (issue 17): an agency's identifier and contacts as other systems
 * see them, and the directory of agencies outside this installation (imported from a CSV or
 * edited by the installation admin).
 */
import { z } from "zod";
import { endpoint } from "./endpoint.ts";
import { id, items, ok, timestamp } from "./common.ts";
import { organId } from "./agencies.ts";

const text = (max: number) => z.string().trim().max(max);
const contacts = {
  address: text(300).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  telephone: text(50).nullable().optional(),
  website: text(200).nullable().optional(),
};

export const exchangeIdentitySchema = z.strictObject({
  /** null: none (the agency is not on the exchange yet). */
  organId: organId.nullable(),
  ...contacts,
  /** Refuse received packages whose XML signature does not hold (unsigned ones too). */
  requireSignedPackages: z.boolean().optional(),
});
export type ExchangeIdentity = z.input<typeof exchangeIdentitySchema>;

export const directoryEntrySchema = z.strictObject({
  name: z.string().trim().min(2).max(300),
  parentOrganId: organId.nullable().optional(),
  ...contacts,
});

export const directoryEntry = z.strictObject({
  organId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  telephone: z.string().nullable(),
  website: z.string().nullable(),
  parentOrganId: z.string().nullable(),
  /** An agency of this installation (its identity is edited on its own page), or the directory's. */
  hosted: z.boolean(),
  /** The hosted agency's id; null for the directory's. */
  agencyId: id.nullable(),
  /** A hosted agency refuses received packages without a valid XML signature; null for the directory's. */
  requireSignedPackages: z.boolean().nullable(),
  updatedAt: timestamp.nullable(),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export const directoryImportReply = z.strictObject({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** Where packages for an agency identifier go: another vanthu's inbox, or a folder. */
export const exchangePeerInputSchema = z
  .strictObject({
    transport: z.enum(["http", "folder"]),
    /** http: the peer's inbox (https://…/api/exchange/inbox); folder: an absolute path. */
    address: z.string().trim().min(1).max(2000),
    /** The shared secret of HTTP requests both ways (kept sealed, never shown); omitted: unchanged. */
    secret: z.string().min(16).max(500).optional(),
  })
  .refine(
    (p) =>
      p.transport === "http" ? /^https?:\/\/[^\s]+$/.test(p.address) : p.address.startsWith("/"),
    { message: "http: an http(s):// address; folder: an absolute path", path: ["address"] },
  );
export type ExchangePeerInput = z.output<typeof exchangePeerInputSchema>;

export const exchangePeer = z.strictObject({
  organId: z.string(),
  /** From the directory, when it lists the identifier. */
  name: z.string().nullable(),
  transport: z.enum(["http", "folder"]),
  address: z.string(),
  hasSecret: z.boolean(),
  updatedAt: timestamp,
});
export type ExchangePeer = z.infer<typeof exchangePeer>;

export const EXCHANGE_STATES = ["pending", "sent", "failed", "received", "refused"] as const;

/** One package of the exchange log. */
export const exchangeMessage = z.strictObject({
  id: id,
  messageId: z.string(),
  direction: z.enum(["out", "in"]),
  /** The other side's identifier, and its name where the directory or the package gives one. */
  peerOrganId: z.string(),
  peerName: z.string().nullable(),
  kind: z.enum(["document", "status"]),
  /** 0 new, 1 recall, 2 update, 3 replace. */
  businessType: z.number().int().nullable(),
  statusCode: z.string().nullable(),
  exchangeDocumentId: z.string().nullable(),
  /** Our record: the original sent, or the record a received package made. */
  documentId: id.nullable(),
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  state: z.enum(EXCHANGE_STATES),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  packageSize: z.number().int().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
export type ExchangeMessage = z.infer<typeof exchangeMessage>;

export const exchangeLogQuery = z.strictObject({
  direction: z.enum(["out", "in"]).optional(),
  state: z.enum(EXCHANGE_STATES).optional(),
  documentId: id.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const inboxReply = z.strictObject({
  messageId: z.string(),
  /** Received before: nothing new was stored. */
  duplicate: z.boolean(),
  kind: z.enum(["document", "status"]),
  records: z.number().int(),
});

export const recallSchema = z.strictObject({
  reason: z.string().trim().min(3).max(2000),
});
export const recallAnswerSchema = z.strictObject({
  accept: z.boolean(),
  reason: z.string().trim().max(2000).optional(),
});

export const exchangeEndpoints = {
  "POST /api/exchange/inbox": endpoint({
    summary:
      "Receive an edXML package from another vanthu installation (multipart field file; headers x-vanthu-from, x-vanthu-to, x-vanthu-message-id and x-vanthu-signature, the HMAC-SHA256 of the shared secret over message id, sender, receiver and the package's SHA-256)",
    tag: "exchange",
    auth: "none",
    upload: "one",
    replies: "Stored (or received before: duplicate)",
    reply: inboxReply,
    errors: {
      401: "Unknown peer or wrong signature (EXCHANGE_UNAUTHENTICATED)",
      403: "The package names another sender (EXCHANGE_SENDER_MISMATCH)",
      413: "Too large (PACKAGE_TOO_LARGE)",
      422: "Malformed (PACKAGE_INVALID), unsigned where signatures are required (PACKAGE_UNSIGNED), addressed to no agency here (EXCHANGE_NOT_ADDRESSED)",
    },
  }),
  "GET /api/exchange/messages": endpoint({
    summary:
      "The exchange log of the agency: every package sent or received, when, its status, and why one failed",
    tag: "exchange",
    auth: "session",
    roles: ["clerk", "admin", "installer"],
    query: exchangeLogQuery,
    replies: "Newest first",
    reply: z.strictObject({ items: z.array(exchangeMessage), total: z.number().int() }),
  }),
  "POST /api/exchange/messages/:id/retry": endpoint({
    summary: "Send a failed package again now",
    tag: "exchange",
    auth: "session",
    roles: ["clerk", "admin"],
    replies: "Due now",
    reply: ok,
    errors: { 404: "No such failed package of the agency (EXCHANGE_MESSAGE_NOT_FOUND)" },
  }),
  "GET /api/admin/exchange/peers": endpoint({
    summary: "Where packages go: the peers by agency identifier",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    replies: "By identifier",
    reply: items(exchangePeer),
  }),
  "PUT /api/admin/exchange/peers/:organId": endpoint({
    summary: "Add or change a peer (HTTP inbox with a shared secret, or a folder)",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    body: exchangePeerInputSchema,
    replies: "Saved",
    reply: exchangePeer,
    errors: { 422: "Not an identifier, or an HTTP peer without a secret" },
  }),
  "DELETE /api/admin/exchange/peers/:organId": endpoint({
    summary: "Remove a peer",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    replies: "Removed",
    reply: ok,
    errors: { 404: "No such peer (PEER_NOT_FOUND)" },
  }),
  "POST /api/documents/:id/recall": endpoint({
    summary:
      "Recall an issued document (ND30 Điều 18): every recipient's copy is frozen and withdrawn until it answers; other systems get a recall package",
    tag: "exchange",
    auth: "session",
    roles: ["clerk"],
    body: recallSchema,
    replies: "Recalled: how many recipients were asked",
    reply: z.strictObject({ recipients: z.number().int() }),
    errors: { 409: "Not issued, or recalled already (NOT_RECALLABLE)" },
  }),
  "POST /api/documents/:id/recall-answer": endpoint({
    summary:
      "Answer the recall of a received document: accept (15: it stays withdrawn) or refuse (16: it is back), with a reason",
    tag: "exchange",
    auth: "session",
    roles: ["clerk"],
    body: recallAnswerSchema,
    replies: "Answered",
    reply: ok,
    errors: { 409: "No recall waiting (NOT_RECALLED)" },
  }),
  "PUT /api/admin/agencies/:id/exchange": endpoint({
    summary:
      "Set an agency's exchange identifier (mã định danh) and contacts (its own admin, its parent's, or the installation admin)",
    tag: "admin",
    auth: "session",
    roles: ["admin", "installer"],
    body: exchangeIdentitySchema,
    replies: "Saved",
    reply: ok,
    errors: {
      403: "Not an owner (AGENCY_NOT_OWNED)",
      404: "No such agency",
      409: "The identifier is another agency's (ORGAN_ID_TAKEN)",
    },
  }),
  "GET /api/admin/directory": endpoint({
    summary:
      "The exchange directory: the agencies hosted here with their identifiers, and those of other systems",
    tag: "admin",
    auth: "session",
    roles: ["admin", "installer"],
    replies: "By identifier",
    reply: items(directoryEntry),
  }),
  "POST /api/admin/directory/import": endpoint({
    summary:
      "Import the directory from CSV (columns: mã định danh, tên, địa chỉ, thư điện tử, điện thoại, trang web, mã cấp trên): all rows or none",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    body: z.strictObject({ csv: z.string().min(1).max(5_000_000) }),
    replies: "What was added, changed, left as it was",
    reply: directoryImportReply,
    errors: { 422: "A row that cannot be read (DIRECTORY_INVALID, issues name each line)" },
  }),
  "PUT /api/admin/directory/:organId": endpoint({
    summary: "Add or change one agency of the directory",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    body: directoryEntrySchema,
    replies: "Saved",
    reply: ok,
    errors: {
      409: "The identifier is an agency hosted here (ORGAN_ID_TAKEN)",
      422: "Not an identifier",
    },
  }),
  "DELETE /api/admin/directory/:organId": endpoint({
    summary: "Remove an agency from the directory",
    tag: "admin",
    auth: "session",
    roles: ["installer"],
    replies: "Removed",
    reply: ok,
    errors: { 404: "Not in the directory" },
  }),
};
