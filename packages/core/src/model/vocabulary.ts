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

/** Độ khẩn, least to most urgent; printed "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC". */
export const URGENCIES = ["khan", "thuong-khan", "hoa-toc"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_NAMES: Record<Urgency, string> = {
  khan: "Khẩn",
  "thuong-khan": "Thượng khẩn",
  "hoa-toc": "Hỏa tốc",
};

/** Độ mật, least to most secret; printed "MẬT", "TỐI MẬT", "TUYỆT MẬT". */
export const SECRECY_LEVELS = ["mat", "toi-mat", "tuyet-mat"] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];
export const SECRECY_NAMES: Record<Secrecy, string> = {
  mat: "Mật",
  "toi-mat": "Tối mật",
  "tuyet-mat": "Tuyệt mật",
};

/**
 * A draft's review (trình ký): open while written, submitted to a reviewer, sent back with
 * comments, approved (only then issued).
 */
export const REVIEW_STATES = ["open", "submitted", "sent-back", "approved"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
/** The steps of a review: sent up, passed further up, approved, sent back, edited by a reviewer. */
export const REVIEW_ACTIONS = ["submit", "forward", "approve", "send-back", "edit"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
/** A unit's answer when asked for its views (lấy ý kiến). */
export const CONSULTATION_ANSWERS = ["agree", "disagree", "other"] as const;
export type ConsultationAnswer = (typeof CONSULTATION_ANSWERS)[number];

/** How a unit takes part in handling a received document: chủ trì, phối hợp, để biết. */
export const HANDLER_ROLES = ["lead", "cooperate", "inform"] as const;
export type HandlerRole = (typeof HANDLER_ROLES)[number];
export const HANDLER_STATUSES = ["waiting", "in-progress", "done"] as const;
export type HandlerStatus = (typeof HANDLER_STATUSES)[number];
/**
 * Where a registered received document stands inside the agency: presented to a leader (trình),
 * instructed (bút phê), assigned to a person, in progress, done. Null: just registered.
 */
export const HANDLING_STEPS = [
  "presented",
  "instructed",
  "assigned",
  "in-progress",
  "done",
] as const;
export type HandlingStep = (typeof HANDLING_STEPS)[number];
/** Reminders about late work, as iOffice counts them: nhắc nhở, phê bình. */
export const REMINDER_KINDS = ["nhac-nho", "phe-binh"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * What a notification says, as a code: the message catalogues (web `i18n.ts`, `i18n.en.ts`)
 * render each with its parameters, so a notification reads in the reader's language.
 */
export const NOTIFICATION_CODES = [
  /** A document arrived for the agency (delivered in the system or imported). */
  "document.arrived",
  /** A document the agency sent was returned by its recipient (02), with the reason. */
  "document.returned",
  /** A received document was presented to this leader. */
  "document.presented",
  /** A leader's instruction (bút phê) named this unit or person. */
  "document.instructed",
  /** A received document was assigned to this person (or unit). */
  "document.assigned",
  /** A draft was sent up to this reviewer. */
  "draft.submitted",
  /** This person's draft was approved. */
  "draft.approved",
  /** This person's draft was sent back with comments. */
  "draft.sent-back",
  /** A comment or view on a draft or handling. */
  "comment.added",
  /** A unit was asked for its views on a draft. */
  "draft.consulted",
  /** A recipient reported on a task of the agency's directive. */
  "report.received",
  /** A report or a handling deadline is near. */
  "deadline.near",
  /** A report or a handling deadline has passed. */
  "deadline.overdue",
  /** A reminder about late work (nhắc nhở or phê bình). */
  "reminder.sent",
  /** A recipient moved a delivered document on (03, 04, 05, 06). */
  "delivery.progress",
  /** The issuer recalled a document the agency received (ND30 Điều 18): answer it. */
  "document.recalled",
  /** A recipient answered the agency's recall: accepted (15) or refused (16). */
  "recall.answered",
] as const;
export type NotificationCode = (typeof NOTIFICATION_CODES)[number];
