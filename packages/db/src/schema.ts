/**
 * The tables as Kysely sees them (migrations/*.sql is the truth; keep this in step).
 * `Generated` columns have defaults; dates are "YYYY-MM-DD" strings; timestamps are Dates.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
// The vocabularies are core's (model/vocabulary.ts, model/delivery-status.ts), shared with the
// API contract and the web app.
import type {
  AgencyKind,
  Book,
  DeliveryKind,
  DeliveryStatus,
  Direction,
  DocumentStatus,
  ImportItemStatus,
  ImportSource,
  NumberingScheme,
  Role,
  Urgency,
  Secrecy,
  ReviewState,
  ReviewAction,
  ConsultationAnswer,
  HandlerRole,
  HandlerStatus,
  HandlingStep,
  ReminderKind,
} from "@vanthu/core";
export type {
  AgencyKind,
  Book,
  DeliveryStatus,
  Direction,
  DocumentStatus,
  ImportItemStatus,
  Role,
} from "@vanthu/core";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a default (now()). */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** A nullable timestamp that may be left out of an insert. */
type OptionalTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, string, string>;

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  /** Generated: the folded name (= core's foldKey); unique within a parent. */
  name_key: Generated<string>;
  abbreviation: string;
  kind: AgencyKind;
  parent_id: string | null;
  parent_line: string | null;
  place: string | null;
  portal_domain: string | null;
  numbering: Generated<NumberingScheme>;
  term: string | null;
  valid_from: string | null;
  valid_to: string | null;
  replaced_by: string | null;
  created_at: CreatedAt;
  /** The exchange's agency identifier (mã định danh, "000.00.00.H37"); null: none yet. */
  organ_id: ColumnType<string | null, string | null | undefined, string | null>;
  address: ColumnType<string | null, string | null | undefined, string | null>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  telephone: ColumnType<string | null, string | null | undefined, string | null>;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  /** Packages whose XML signature does not hold are refused (migration 20261208080000). */
  exchange_require_signed: Generated<boolean>;
}

/** An agency outside this installation, in the exchange's directory (issue 17). */
export interface DirectoryEntryTable {
  /** The id a delivery plan names it by, as it names a hosted agency. */
  id: Generated<string>;
  organ_id: string;
  name: string;
  address: string | null;
  email: string | null;
  telephone: string | null;
  website: string | null;
  parent_organ_id: string | null;
  updated_by: string | null;
  updated_at: Date;
}

/** Renames of an agency: the old name stays findable. */
export interface AgencyHistoryTable {
  id: Generated<number>;
  agency_id: string;
  old_name: string;
  new_name: string;
  old_name_key: Generated<string>;
  reason: string;
  /** "YYYY-MM-DD": the day the new name holds from. */
  valid_from: string;
  actor_id: string | null;
  at: CreatedAt;
}

export interface UnitTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  abbreviation: string;
  created_at: CreatedAt;
  /** A closed unit keeps its documents and history; nobody new is placed in it. */
  closed_at: OptionalTimestamp;
}

/** Renames of a unit. */
export interface UnitHistoryTable {
  id: Generated<number>;
  unit_id: string;
  old_name: string;
  new_name: string;
  actor_id: string | null;
  at: CreatedAt;
}

/** A leader's approvals and instructions handed to a deputy for a period (ủy quyền). */
export interface DelegationTable {
  id: Generated<string>;
  agency_id: string;
  from_user_id: string;
  to_user_id: string;
  /** "YYYY-MM-DD", both days included. */
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: OptionalTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  agency_id: string;
  unit_id: string | null;
  username: string;
  full_name: string;
  title: string | null;
  roles: Role[];
  password_hash: string;
  disabled: Generated<boolean>;
  /** Head of their unit (Trưởng phòng): reviews its drafts, passes its documents on. */
  unit_head: Generated<boolean>;
  /** In charge of follow-up (đôn đốc): sees everything late, sends reminders. */
  follows_up: Generated<boolean>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: CreatedAt;
}

/** Throttling counters, one per key ("pair:<name>\n<address>", "addr:<address>", "user:<name>"). */
export interface LoginCounterTable {
  key: string;
  attempts: number;
  window_start: Date;
  updated_at: Date;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  agency_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface DocumentTable {
  id: Generated<string>;
  agency_id: string;
  direction: Direction;
  status: DocumentStatus;
  format: Generated<"state" | "party">;
  type_code: string | null;
  type_name: string | null;
  number: string | null;
  symbol: string | null;
  reference: string | null;
  issuer_name: string | null;
  place: string | null;
  document_date: string | null;
  subject: string | null;
  content: Json<unknown>;
  body: Generated<string>;
  signer_name: string | null;
  is_public: Generated<boolean>;
  corrects_id: string | null;
  /** For a delivered copy: the issued original. */
  source_id: Generated<string | null>;
  /** The document this one carries out (the author's record of it). */
  parent_id: Generated<string | null>;
  /** Before issuing: the tasks as edited ({items, cycles, due}). */
  task_plan: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** The reference without spaces and leading zeros, upper case (generated). */
  reference_key: ColumnType<string | null, never, never>;
  /** reference_key without its separators (the loose lookup). */
  reference_loose: ColumnType<string | null, never, never>;
  content_sha256: string | null;
  /** Which document of the imported file this is (0: the first or only one). */
  content_part: Generated<number>;
  /** The ND30 HTML fragment drawn when issued (null for drafts and until first drawn). */
  rendered_html: Generated<string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  issued_by: string | null;
  issued_at: MaybeTimestamp;
  search: ColumnType<string, never, never>;
  /** The words as written, lower-cased, not folded, with positions (generated; quoted phrases). */
  exact: ColumnType<string, never, never>;
  /** Reference, subject and issuer only (a match there ranks first). */
  head: ColumnType<string, never, never>;
  /** The head as written, lower-cased, not folded, with positions (generated; quoted phrases). */
  head_exact: ColumnType<string, never, never>;
  /** The codes written in the body ("97/2015/HD-SCT"), split into parts, folded (generated). */
  codes: ColumnType<string, never, never>;
  urgency: ColumnType<Urgency | null, Urgency | null | undefined, Urgency | null>;
  secrecy: ColumnType<Secrecy | null, Secrecy | null | undefined, Secrecy | null>;
  /** A draft's review: only an approved draft is issued. */
  review: Generated<ReviewState>;
  /** Whom a submitted draft waits for. */
  reviewer_id: ColumnType<string | null, string | null | undefined, string | null>;
  approved_by: ColumnType<string | null, string | null | undefined, string | null>;
  approved_at: OptionalTimestamp;
  /** The draft's current version (document_versions keeps each one). */
  version: Generated<number>;
  /** The received record an outgoing document answers (the reply). */
  answers_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A received record attached to the earlier record of the same document. */
  attached_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** "YYYY-MM-DD": a received document's processing deadline. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where a registered received document stands inside the agency (null: just registered). */
  handling: ColumnType<HandlingStep | null, HandlingStep | null | undefined, HandlingStep | null>;
  /** The leader a received document was presented to. */
  presented_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who presented it, and when (migration 20261203130000). */
  presented_by: ColumnType<string | null, string | null | undefined, string | null>;
  presented_at: OptionalTimestamp;
  /** The exchange's DocumentId ("000.00.21.H37,2026/12/03,01/STTTT-TTBCXB"); null: none. */
  exchange_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A copy its issuer recalled: frozen while its agency answers, withdrawn once it accepts. */
  recall_pending: Generated<boolean>;
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Where a received package's fields differ from the parse of its document. */
  exchange_mismatches: ColumnType<unknown, string | null | undefined, string | null>;
  /** The document this one updates or replaces, and which of the two. */
  replaces_id: ColumnType<string | null, string | null | undefined, string | null>;
  replace_kind: ColumnType<
    "update" | "replace" | null,
    "update" | "replace" | null | undefined,
    "update" | "replace" | null
  >;
}

/** The people named on a secret document. */
export interface DocumentReaderTable {
  document_id: string;
  user_id: string;
}

export interface DocumentVersionTable {
  document_id: string;
  version: number;
  content: Json<unknown>;
  text: string;
  author_id: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface ReviewStepTable {
  id: Generated<number>;
  document_id: string;
  version: number;
  action: ReviewAction;
  actor_id: string;
  to_user_id: string | null;
  on_behalf_of: string | null;
  note: string | null;
  at: Timestamp;
}

export interface ConsultationTable {
  id: Generated<string>;
  document_id: string;
  unit_id: string;
  asked_by: string;
  asked_at: Timestamp;
  due_on: string | null;
  answer: ConsultationAnswer | null;
  comment: string | null;
  answered_by: string | null;
  answered_at: OptionalTimestamp;
}

/** A leader's instruction on a received document (bút phê). */
export interface InstructionTable {
  id: Generated<string>;
  document_id: string;
  text: string;
  due_on: string | null;
  /** The leader whose instruction it is. */
  given_by: string;
  /** Who typed it: the leader, or a clerk for one written on paper. */
  entered_by: string;
  on_paper: Generated<boolean>;
  on_behalf_of: string | null;
  at: Timestamp;
}

/** A unit or a person handling a received document. */
export interface HandlerTable {
  id: Generated<string>;
  document_id: string;
  instruction_id: string | null;
  parent_id: string | null;
  unit_id: string | null;
  user_id: string | null;
  role: HandlerRole;
  assigned_by: string | null;
  assigned_at: Timestamp;
  due_on: string | null;
  status: Generated<HandlerStatus>;
  done_at: OptionalTimestamp;
  result: string | null;
}

export interface HandlingNoteTable {
  id: Generated<string>;
  document_id: string;
  author_id: string;
  text: string;
  file_name: string | null;
  file_sha256: string | null;
  at: Timestamp;
}

export interface ReminderTable {
  id: Generated<string>;
  document_id: string;
  handler_id: string | null;
  kind: ReminderKind;
  sent_by: string;
  note: string | null;
  at: Timestamp;
}

/** Default processing deadlines ('' matches any type or urgency). */
export interface DeadlineRuleTable {
  agency_id: string;
  type_code: Generated<string>;
  urgency: Generated<string>;
  working_days: number;
}

export interface HolidayTable {
  agency_id: string;
  day: string;
  name: string;
}

/** A column that may be null, and is left out of inserts that have nothing for it. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface DeliveryTable {
  id: Generated<string>;
  /** The original; null for a delivery from an external agency (from_organ_id). */
  document_id: Nullable<string>;
  from_agency_id: Nullable<string>;
  /** The recipient here; null for an external agency (to_organ_id). */
  to_agency_id: Nullable<string>;
  kind: DeliveryKind;
  line: string | null;
  /** The recipient's record; null for an external agency. */
  received_id: Nullable<string>;
  status: Generated<DeliveryStatus>;
  sent_at: Timestamp;
  returned_at: OptionalTimestamp;
  return_reason: Generated<string | null>;
  registered_at: OptionalTimestamp;
  assigned_at: OptionalTimestamp;
  in_progress_at: OptionalTimestamp;
  done_at: OptionalTimestamp;
  updated_at: Timestamp;
  /** The received record this delivery passes on (chuyển tiếp), with the forwarder's note. */
  forwarded_from_id: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the recipient did (the summary given with 06). */
  result: ColumnType<string | null, string | null | undefined, string | null>;
  /** The recipient's reply, an outgoing document of theirs. */
  reply_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Exchange with other systems (migration 20261208080000): the external agency's identifier. */
  to_organ_id: Nullable<string>;
  from_organ_id: Nullable<string>;
  /** The external agency's name when the package went or came. */
  external_name: Nullable<string>;
  /** The package's DocumentId, as it came (from) or went (to). */
  exchange_document_id: Nullable<string>;
  recall_status: Nullable<"13" | "15" | "16">;
  recall_reason: Nullable<string>;
  recall_answer: Nullable<string>;
  recalled_at: Nullable<Date>;
  recall_answered_at: Nullable<Date>;
}

export interface DocumentCitationTable {
  document_id: string;
  position: number;
  reference: string;
  reference_key: string;
  type_name: string | null;
  cited_date: string | null;
  issuer: string | null;
}

export interface TaskTable {
  id: Generated<string>;
  document_id: string;
  issuer_agency_id: string;
  assignee_agency_id: string;
  item_label: string;
  title: string;
  cycles: string[];
  due_date: string | null;
  starts_on: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportTable {
  id: Generated<string>;
  task_id: string;
  agency_id: string;
  period: string;
  figures: Json<Record<string, number>>;
  narrative: string;
  late: boolean;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

export interface ReportFileTable {
  report_id: string;
  name: string;
  sha256: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  agency_id: string;
  kind: string;
  task_id: string | null;
  period: string | null;
  /** Rows written before codes: the message in Vietnamese. */
  message: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  read_at: OptionalTimestamp;
  /** The person it is for; null: the agency. */
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** One of core's NOTIFICATION_CODES, rendered through the message catalogue with `params`. */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  params: ColumnType<Record<string, string | number | null>, string | undefined, string>;
  document_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Who has read a notification addressed to the whole agency (one row per person). */
export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  run_at: Timestamp;
  payload: Json<unknown>;
  locked_by: string | null;
  locked_at: OptionalTimestamp;
  done_at: OptionalTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

/** An upload of files to import (one file, many, a folder; or `vanthu import DIR`). */
export interface ImportBatchTable {
  id: Generated<string>;
  agency_id: string;
  created_by: string;
  source: ImportSource;
  label: string | null;
  created_at: CreatedAt;
}

/** A document an import item made (or found imported already): part n of the file. */
export interface ImportedPart {
  id: string;
  part: number;
  created: boolean;
  pages: [number, number] | null;
}

/** One file of a batch: a job taken by a worker under a lease. */
export interface ImportItemTable {
  id: Generated<number>;
  batch_id: string;
  position: number;
  name: string;
  path: string;
  sha256: string | null;
  size: ColumnType<number, number | undefined, number>;
  status: Generated<ImportItemStatus>;
  attempts: Generated<number>;
  run_after: Timestamp;
  locked_by: string | null;
  lease_until: OptionalTimestamp;
  error_code: string | null;
  error_detail: string | null;
  documents: ColumnType<ImportedPart[], string | undefined, string>;
  documents_created: Generated<number>;
  notes: ColumnType<Array<{ code: string; message: string }>, string | undefined, string>;
  created_at: CreatedAt;
  started_at: OptionalTimestamp;
  finished_at: OptionalTimestamp;
}

export interface RegisterTable {
  id: Generated<string>;
  agency_id: string;
  book: Book;
  period: string;
  type_code: Generated<string>;
  next_number: Generated<number>;
}

export interface RegisterEntryTable {
  register_id: string;
  number: number;
  document_id: string;
  registered_by: string | null;
  registered_at: CreatedAt;
  /** "YYYY-MM-DD": the day a received document arrived (incoming entries; null for outgoing). */
  arrived_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** What signature verification found when the clerk registered it (incoming entries). */
  signature_level: ColumnType<
    FileSignatureLevel | null,
    FileSignatureLevel | null | undefined,
    FileSignatureLevel | null
  >;
  /** Who acknowledged that the document changed after signing, before registering it. */
  signature_acknowledged_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A file's signatures over all: none, broken, chain unknown, valid, or not readable. */
export type FileSignatureLevel =
  "none" | "broken" | "unknown-chain" | "invalid-certificate" | "valid" | "unreadable";

/** A root certificate an admin trusts (issue 16). */
export interface TrustAnchorTable {
  sha256: string;
  subject: string;
  not_before: Date | null;
  not_after: Date | null;
  der: Uint8Array;
  added_by: string | null;
  added_at: CreatedAt;
}

/** What verification found in a stored file, against the trust anchors named by anchors_key. */
export interface FileVerificationTable {
  sha256: string;
  level: FileSignatureLevel;
  signature_count: number;
  anchors_key: string;
  problem: ColumnType<unknown, string | null | undefined, string | null>;
  verified_at: Date;
}

/** One signature of a verified file; `report` is the whole SignatureReport. */
export interface FileSignatureTable {
  sha256: string;
  position: number;
  field: string | null;
  signer_name: string | null;
  signer_organization: string | null;
  signer_unit: string | null;
  issuer: string | null;
  signing_time: Date | null;
  timestamp_time: Date | null;
  intact: boolean;
  covers_whole_file: boolean;
  level: "broken" | "unknown-chain" | "invalid-certificate" | "valid";
  report: ColumnType<unknown, string, string>;
}

export interface FileTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: CreatedAt;
}

export interface DocumentFileTable {
  document_id: string;
  name: string;
  sha256: string;
  role: "original" | "rendered" | "attachment" | "signed-draft";
  created_at: CreatedAt;
  /** A signed draft's blanks and signature block (render's PdfPlacements) and what it was drawn from. */
  placements: ColumnType<unknown, string | null | undefined, string | null>;
}

/** Who signs: an agency's own signer (user_id null) or a leader's (migration 20261206090000). */
export interface SignerTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string | null;
  kind: "pkcs12" | "remote";
  /** Encrypted with the installation's secret key (server/src/signing/secret-store.ts). */
  p12_sealed: Uint8Array | null;
  /** The agency's PKCS#12 password, encrypted; never a leader's. */
  password_sealed: Uint8Array | null;
  remote_url: string | null;
  remote_user: string | null;
  remote_client_id: string | null;
  remote_secret_sealed: Uint8Array | null;
  subject: string;
  issuer: string;
  not_after: Date;
  tsa_url: string | null;
  updated_by: string | null;
  updated_at: Date;
}

/** A person's signature image or an agency's seal (PNG). */
export interface SignatureImageTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string | null;
  kind: "signature" | "seal";
  png: Uint8Array;
  width: number;
  height: number;
  updated_by: string | null;
  updated_at: Date;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: CreatedAt;
}

export interface Database {
  agencies: AgencyTable;
  directory_entries: DirectoryEntryTable;
  agency_history: AgencyHistoryTable;
  units: UnitTable;
  unit_history: UnitHistoryTable;
  delegations: DelegationTable;
  document_readers: DocumentReaderTable;
  document_versions: DocumentVersionTable;
  review_steps: ReviewStepTable;
  consultations: ConsultationTable;
  instructions: InstructionTable;
  handlers: HandlerTable;
  handling_notes: HandlingNoteTable;
  reminders: ReminderTable;
  deadline_rules: DeadlineRuleTable;
  holidays: HolidayTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_counters: LoginCounterTable;
  audit_events: AuditEventTable;
  documents: DocumentTable;
  registers: RegisterTable;
  deliveries: DeliveryTable;
  document_citations: DocumentCitationTable;
  tasks: TaskTable;
  reports: ReportTable;
  report_files: ReportFileTable;
  notifications: NotificationTable;
  notification_reads: NotificationReadTable;
  jobs: JobTable;
  import_batches: ImportBatchTable;
  import_items: ImportItemTable;
  register_entries: RegisterEntryTable;
  files: FileTable;
  trust_anchors: TrustAnchorTable;
  file_verifications: FileVerificationTable;
  file_signatures: FileSignatureTable;
  document_files: DocumentFileTable;
  signers: SignerTable;
  signature_images: SignatureImageTable;
  settings: SettingTable;
  exchange_peers: ExchangePeerTable;
  exchange_messages: ExchangeMessageTable;
  schema_migrations: SchemaMigrationTable;
}

/** Where packages for an agency identifier go (migration 20261208080000). */
export interface ExchangePeerTable {
  organ_id: string;
  transport: "http" | "folder";
  address: string;
  secret_sealed: Nullable<Uint8Array>;
  updated_by: Nullable<string>;
  updated_at: Date;
}

export type ExchangeState = "pending" | "sent" | "failed" | "received" | "refused";

/** A package sent (the outbox) or received (migration 20261208080000). */
export interface ExchangeMessageTable {
  id: Generated<string>;
  message_id: string;
  direction: "out" | "in";
  agency_id: Nullable<string>;
  peer_organ_id: string;
  kind: "document" | "status";
  business_type: Nullable<number>;
  status_code: Nullable<string>;
  exchange_document_id: Nullable<string>;
  document_id: Nullable<string>;
  delivery_id: Nullable<string>;
  payload: ColumnType<unknown, string | undefined, string>;
  package_sha256: Nullable<string>;
  package_size: Nullable<number>;
  state: ExchangeState;
  attempts: Generated<number>;
  next_attempt_at: Nullable<Date>;
  locked_by: Nullable<string>;
  locked_at: Nullable<Date>;
  error_code: Nullable<string>;
  error: Nullable<string>;
  created_at: Date;
  sent_at: Nullable<Date>;
  updated_at: Date;
}
export type ExchangeMessageRow = Selectable<ExchangeMessageTable>;

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type User = Selectable<UserTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type NewDocument = Insertable<DocumentTable>;
export type DocumentUpdate = Updateable<DocumentTable>;
/** A unit or a person handling a received document (issue #15, item 4). */
export type HandlerRow = Selectable<HandlerTable>;
