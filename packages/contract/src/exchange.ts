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
  updatedAt: timestamp.nullable(),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export const directoryImportReply = z.strictObject({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const exchangeEndpoints = {
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
