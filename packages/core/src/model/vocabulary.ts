/**
 * The words the whole product shares: who people are (roles), what kind an agency is, which way a
 * document goes and where it stands, the registers, how a recipient is addressed, how an import
 * came and where its files stand. One list each, read by the database types, the API contract and
 * the web app; delivery statuses are in delivery-status.ts, document types in document-types.ts.
 */

/** "installer": the installation admin (creates top-level agencies and their first admins). */
export const ROLES = ["clerk", "specialist", "leader", "admin", "installer"] as const;
export type Role = (typeof ROLES)[number];
/** The roles an agency admin may give; "installer" is given only by the first start. */
export const AGENCY_ROLES = ["clerk", "specialist", "leader", "admin"] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/** The kinds an agency is made with. */
export const AGENCY_KINDS = ["state", "party", "union", "press", "broadcaster", "other"] as const;
/** "installation": the one pseudo-agency of the installation admin, owner of the top level. */
export type AgencyKind = (typeof AGENCY_KINDS)[number] | "installation";

export const DIRECTIONS = ["outgoing", "incoming"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DOCUMENT_STATUSES = ["draft", "issued", "registered", "returned", "revoked"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The registers (sổ văn bản đi, sổ văn bản đến). */
export const BOOKS = ["outgoing", "incoming"] as const;
export type Book = (typeof BOOKS)[number];

/** A recipient to act (Kính gửi) or for information (Nơi nhận). */
export const DELIVERY_KINDS = ["action", "copy"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const IMPORT_SOURCES = ["web", "cli"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
export const IMPORT_ITEM_STATUSES = ["queued", "reading", "done", "failed"] as const;
export type ImportItemStatus = (typeof IMPORT_ITEM_STATUSES)[number];

/** How an agency numbers its outgoing documents: one series a year, or a term per type. */
export const NUMBERING_SCHEMES = ["yearly", "term-per-type"] as const;
export type NumberingScheme = (typeof NUMBERING_SCHEMES)[number];
