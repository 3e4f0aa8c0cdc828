-- Work inside an agency (ND30 Điều 20-24): units and the people in them, delegation, urgency and
-- secrecy, drafts sent up for approval with their versions, received documents presented,
-- instructed (bút phê), assigned, handled and followed up, and notifications as codes.

-- Units open, are renamed and close; a closed unit keeps its documents and history.
ALTER TABLE units ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE units ADD COLUMN closed_at timestamptz;
CREATE TABLE unit_history (
  id bigserial PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES units (id),
  old_name text NOT NULL,
  new_name text NOT NULL,
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);

-- The head of a unit (Trưởng phòng) reviews its drafts and passes its documents on; the person
-- in charge of follow-up (đôn đốc) sees everything late.
ALTER TABLE users ADD COLUMN unit_head boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN follows_up boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN email text;

-- A leader away hands their approvals and instructions to a deputy for a period (ủy quyền).
CREATE TABLE delegations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  from_user_id uuid NOT NULL REFERENCES users (id),
  to_user_id uuid NOT NULL REFERENCES users (id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  note text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK (from_user_id <> to_user_id),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX delegations_to ON delegations (to_user_id, starts_on);

-- Urgency (độ khẩn) and secrecy (độ mật), as printed or set on a draft.
ALTER TABLE documents ADD COLUMN urgency text CHECK (urgency IN ('khan', 'thuong-khan', 'hoa-toc'));
ALTER TABLE documents ADD COLUMN secrecy text CHECK (secrecy IN ('mat', 'toi-mat', 'tuyet-mat'));
-- The people named on a secret document: only they (and its author) see it.
CREATE TABLE document_readers (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (document_id, user_id)
);
CREATE INDEX document_readers_user ON document_readers (user_id);

-- A draft's review (trình ký): open (being written), submitted (waiting for reviewer_id),
-- sent-back (with comments), approved (by approved_by; only then may it be issued).
ALTER TABLE documents ADD COLUMN review text NOT NULL DEFAULT 'open'
  CHECK (review IN ('open', 'submitted', 'sent-back', 'approved'));
ALTER TABLE documents ADD COLUMN reviewer_id uuid REFERENCES users (id);
ALTER TABLE documents ADD COLUMN approved_by uuid REFERENCES users (id);
ALTER TABLE documents ADD COLUMN approved_at timestamptz;
ALTER TABLE documents ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE INDEX documents_reviewer ON documents (reviewer_id) WHERE review = 'submitted';
-- An outgoing document that answers a received one (the reply), and a received record attached
-- to the earlier record of the same document instead of being registered twice.
ALTER TABLE documents ADD COLUMN answers_id uuid REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN attached_to uuid REFERENCES documents (id);
-- A received document's handling: its processing deadline and where it stands inside.
ALTER TABLE documents ADD COLUMN due_on date;
ALTER TABLE documents ADD COLUMN handling text
  CHECK (handling IN ('presented', 'instructed', 'assigned', 'in-progress', 'done'));
ALTER TABLE documents ADD COLUMN presented_to uuid REFERENCES users (id);

-- Every version of a draft, as written (content as stored, and the text it composes).
CREATE TABLE document_versions (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version integer NOT NULL,
  content jsonb NOT NULL,
  text text NOT NULL,
  author_id uuid REFERENCES users (id),
  note text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (document_id, version)
);

-- The steps of a review: sent up, forwarded up, approved, sent back, edited by the reviewer.
CREATE TABLE review_steps (
  id bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version integer NOT NULL,
  action text NOT NULL CHECK (action IN ('submit', 'forward', 'approve', 'send-back', 'edit')),
  actor_id uuid NOT NULL REFERENCES users (id),
  to_user_id uuid REFERENCES users (id),
  -- Acting for a leader away (the delegation's from_user_id).
  on_behalf_of uuid REFERENCES users (id),
  note text,
  at timestamptz NOT NULL
);
CREATE INDEX review_steps_document ON review_steps (document_id, id);

-- Asking other units for their views before approval (lấy ý kiến).
CREATE TABLE consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES units (id),
  asked_by uuid NOT NULL REFERENCES users (id),
  asked_at timestamptz NOT NULL,
  due_on date,
  answer text CHECK (answer IN ('agree', 'disagree', 'other')),
  comment text,
  answered_by uuid REFERENCES users (id),
  answered_at timestamptz,
  UNIQUE (document_id, unit_id)
);

-- A leader's instruction on a received document (bút phê); a clerk may enter one written on
-- paper, on the leader's behalf (on_paper, entered_by the clerk).
CREATE TABLE instructions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  text text NOT NULL,
  due_on date,
  given_by uuid NOT NULL REFERENCES users (id),
  entered_by uuid NOT NULL REFERENCES users (id),
  on_paper boolean NOT NULL DEFAULT false,
  on_behalf_of uuid REFERENCES users (id),
  at timestamptz NOT NULL
);
CREATE INDEX instructions_document ON instructions (document_id, at);

-- Who handles a received document: a unit (lead, cooperating, for information) or a person,
-- passed down from a unit (parent_id) by its head.
CREATE TABLE handlers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  instruction_id uuid REFERENCES instructions (id) ON DELETE CASCADE,
  parent_id uuid REFERENCES handlers (id) ON DELETE CASCADE,
  unit_id uuid REFERENCES units (id),
  user_id uuid REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('lead', 'cooperate', 'inform')),
  assigned_by uuid REFERENCES users (id),
  assigned_at timestamptz NOT NULL,
  due_on date,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'in-progress', 'done')),
  done_at timestamptz,
  result text,
  CHECK (unit_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX handlers_document ON handlers (document_id);
CREATE INDEX handlers_unit ON handlers (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX handlers_user ON handlers (user_id) WHERE user_id IS NOT NULL;

-- Notes and files added while handling.
CREATE TABLE handling_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users (id),
  text text NOT NULL,
  file_name text,
  file_sha256 text REFERENCES files (sha256),
  at timestamptz NOT NULL
);
CREATE INDEX handling_notes_document ON handling_notes (document_id, at);

-- Reminders about late work, counted as iOffice counts them (nhắc nhở, phê bình).
CREATE TABLE reminders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  handler_id uuid REFERENCES handlers (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('nhac-nho', 'phe-binh')),
  sent_by uuid NOT NULL REFERENCES users (id),
  note text,
  at timestamptz NOT NULL
);
CREATE INDEX reminders_document ON reminders (document_id);

-- Default processing deadlines, in working days, per type and urgency ('' for any), and the
-- days off besides weekends.
CREATE TABLE deadline_rules (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  type_code text NOT NULL DEFAULT '',
  urgency text NOT NULL DEFAULT '',
  working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 365),
  PRIMARY KEY (agency_id, type_code, urgency)
);
CREATE TABLE holidays (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  day date NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (agency_id, day)
);

-- A received document passed on to another agency (chuyển tiếp), and what the recipient did.
ALTER TABLE deliveries ADD COLUMN forwarded_from_id uuid REFERENCES documents (id);
ALTER TABLE deliveries ADD COLUMN note text;
ALTER TABLE deliveries ADD COLUMN result text;
ALTER TABLE deliveries ADD COLUMN reply_id uuid REFERENCES documents (id);

-- Notifications as a code and its parameters, rendered by the reader's message catalogue, to a
-- person (user_id) or to the agency (user_id null), about a document where there is one.
ALTER TABLE notifications ADD COLUMN user_id uuid REFERENCES users (id);
ALTER TABLE notifications ADD COLUMN code text;
ALTER TABLE notifications ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE notifications ADD COLUMN document_id uuid REFERENCES documents (id) ON DELETE CASCADE;
ALTER TABLE notifications ALTER COLUMN message DROP NOT NULL;
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC) WHERE user_id IS NOT NULL;
