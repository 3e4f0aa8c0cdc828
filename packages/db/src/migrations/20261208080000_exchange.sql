-- Exchange with other systems (issue 17): deliveries to and from agencies outside this
-- installation, the peers packages go to, and the messages sent and received.

-- A directory entry can be named in a delivery plan like a hosted agency: it needs an id of the
-- same kind.
ALTER TABLE directory_entries ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX directory_entries_id ON directory_entries (id);

-- A delivery to an external agency has no recipient here (no agency row, no received record):
-- it names the agency by its identifier, with the name it had when the document went. A delivery
-- from an external agency has no original here: its sender is named the same way, and the
-- package's DocumentId is kept as it arrived.
ALTER TABLE deliveries
  ALTER COLUMN to_agency_id DROP NOT NULL,
  ALTER COLUMN received_id DROP NOT NULL,
  ALTER COLUMN document_id DROP NOT NULL,
  ALTER COLUMN from_agency_id DROP NOT NULL,
  ADD COLUMN to_organ_id text,
  ADD COLUMN from_organ_id text,
  ADD COLUMN external_name text,
  ADD COLUMN exchange_document_id text,
  -- A recall (ND30 Điều 18): asked by the issuer, then answered 15 (accepted) or 16 (refused).
  ADD COLUMN recall_status text CHECK (recall_status IN ('13', '15', '16')),
  ADD COLUMN recall_reason text,
  ADD COLUMN recall_answer text,
  ADD COLUMN recalled_at timestamptz,
  ADD COLUMN recall_answered_at timestamptz,
  ADD CONSTRAINT deliveries_to_one CHECK ((to_agency_id IS NULL) <> (to_organ_id IS NULL)),
  ADD CONSTRAINT deliveries_from_one CHECK (
    (document_id IS NOT NULL AND from_agency_id IS NOT NULL AND from_organ_id IS NULL)
    OR (document_id IS NULL AND from_agency_id IS NULL AND from_organ_id IS NOT NULL)
  ),
  ADD CONSTRAINT deliveries_received CHECK ((received_id IS NULL) = (to_agency_id IS NULL));
-- 00: sent to another system, no status back yet (its 01 moves it on).
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
  CHECK (status IN ('01', '02', '03', '04', '05', '06') OR (status = '00' AND to_organ_id IS NOT NULL));
CREATE UNIQUE INDEX deliveries_document_organ ON deliveries (document_id, to_organ_id)
  WHERE to_organ_id IS NOT NULL;
CREATE INDEX deliveries_exchange ON deliveries (exchange_document_id)
  WHERE exchange_document_id IS NOT NULL;

-- A copy the issuer recalled is frozen (no step moves it) and left out of the lists until its
-- agency answers: accepted, it stays withdrawn; refused, it is back.
ALTER TABLE documents ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE documents ADD COLUMN recall_pending boolean NOT NULL DEFAULT false;
-- An update (cập nhật) or replacement (thay thế) names the document it follows: the issuer's new
-- document, and each recipient's new copy, point to the old one.
ALTER TABLE documents ADD COLUMN replaces_id uuid REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN replace_kind text CHECK (replace_kind IN ('update', 'replace'));
CREATE INDEX documents_replaces ON documents (replaces_id) WHERE replaces_id IS NOT NULL;
-- An agency may refuse packages whose XML signature does not hold (unsigned ones included).
ALTER TABLE agencies ADD COLUMN exchange_require_signed boolean NOT NULL DEFAULT false;

-- What the package said where it differs from the parse of the attached document (the parser is
-- the second opinion): [{field, package, parsed}].
ALTER TABLE documents ADD COLUMN exchange_mismatches jsonb;

-- Installations and systems packages are sent to, by the agency identifier they reach.
CREATE TABLE exchange_peers (
  organ_id text PRIMARY KEY CHECK (organ_id ~ '^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,4}$'),
  -- http: another vanthu's inbox (url); folder: a drop directory (path) of a system exchanging files.
  transport text NOT NULL CHECK (transport IN ('http', 'folder')),
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 2000),
  -- The shared secret of HTTP requests both ways, sealed by the installation's key.
  secret_sealed bytea,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

-- Every package sent or received. Sending goes through here: rows in state pending are taken by
-- the job loop of any server process (locked_by, locked_at), sent, and retried with backoff.
CREATE TABLE exchange_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stable across retries; the receiver keeps one record per (sender, message id).
  message_id text NOT NULL CHECK (length(message_id) BETWEEN 1 AND 200),
  direction text NOT NULL CHECK (direction IN ('out', 'in')),
  -- Our side: the sending agency (out), the agency addressed (in; null when none was found).
  agency_id uuid REFERENCES agencies (id),
  peer_organ_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('document', 'status')),
  business_type smallint CHECK (business_type BETWEEN 0 AND 3),
  status_code text,
  exchange_document_id text,
  document_id uuid REFERENCES documents (id),
  delivery_id uuid REFERENCES deliveries (id),
  -- What a package to send says beyond its document: a status's description, a recall's reason.
  payload jsonb NOT NULL DEFAULT '{}',
  package_sha256 text REFERENCES files (sha256),
  package_size integer,
  state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'received', 'refused')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  locked_by text,
  locked_at timestamptz,
  error_code text,
  error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX exchange_messages_once ON exchange_messages (direction, peer_organ_id, message_id)
  WHERE state <> 'refused';
CREATE INDEX exchange_messages_due ON exchange_messages (next_attempt_at)
  WHERE state = 'pending';
CREATE INDEX exchange_messages_agency ON exchange_messages (agency_id, created_at);
CREATE INDEX exchange_messages_document ON exchange_messages (document_id)
  WHERE document_id IS NOT NULL;
