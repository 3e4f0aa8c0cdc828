-- The first schema: agencies and their units, people, sessions, audit, documents, registers,
-- files. Runs unchanged on PGlite and PostgreSQL 15.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Vietnamese full-text search: words lower-cased with their diacritics folded, so that
-- "tuyen truyen" finds "TUYÊN TRUYỀN" (unaccent maps đ to d).
CREATE TEXT SEARCH CONFIGURATION vn (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vn
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH unaccent, simple;

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Short stable code, the prefix of the demo logins: stttt-ls.
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  -- The issuing body's part of a document symbol: STTTT, UBND, TU.
  abbreviation text NOT NULL CHECK (length(abbreviation) BETWEEN 1 AND 30),
  kind text NOT NULL CHECK (kind IN ('state', 'party', 'union', 'press', 'broadcaster', 'other')),
  parent_id uuid REFERENCES agencies (id),
  -- The parent body printed above the issuer's name (UBND TỈNH LẠNG SƠN).
  parent_line text,
  place text,
  portal_domain text,
  -- State bodies number from 01 each 1 January; Party bodies per type within a term.
  numbering text NOT NULL DEFAULT 'yearly' CHECK (numbering IN ('yearly', 'term-per-type')),
  term text,
  valid_from date,
  valid_to date,
  replaced_by uuid REFERENCES agencies (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  name text NOT NULL,
  abbreviation text NOT NULL,
  UNIQUE (agency_id, abbreviation)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  unit_id uuid REFERENCES units (id),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,60}$'),
  full_name text NOT NULL,
  title text,
  roles text[] NOT NULL CHECK (roles <@ ARRAY['clerk', 'specialist', 'leader', 'admin']::text[] AND cardinality(roles) > 0),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_agency ON users (agency_id);

CREATE TABLE sessions (
  -- sha256 of the token in the cookie: a leaked table does not leak sessions.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_recent ON login_attempts (username, at);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  agency_id uuid REFERENCES agencies (id),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_events_entity ON audit_events (entity, entity_id);

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The agency whose record this is: the writer of an outgoing document, the receiver of an
  -- incoming one.
  agency_id uuid NOT NULL REFERENCES agencies (id),
  direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  status text NOT NULL CHECK (status IN ('draft', 'issued', 'registered', 'revoked')),
  format text NOT NULL DEFAULT 'state' CHECK (format IN ('state', 'party')),
  type_code text,
  type_name text,
  number text,
  symbol text,
  reference text,
  issuer_name text,
  place text,
  document_date date,
  subject text,
  -- The document as the layout and the parser see it (LayoutSource fields), and its text.
  content jsonb NOT NULL,
  body text NOT NULL DEFAULT '',
  signer_name text,
  is_public boolean NOT NULL DEFAULT false,
  -- A correction is a new document (ND30 Điều 18); it points to the one it corrects.
  corrects_id uuid REFERENCES documents (id),
  content_sha256 text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  issued_by uuid REFERENCES users (id),
  issued_at timestamptz,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('vn', coalesce(reference, '')), 'A') ||
    setweight(to_tsvector('vn', coalesce(subject, '')), 'A') ||
    setweight(to_tsvector('vn', coalesce(issuer_name, '')), 'B') ||
    setweight(to_tsvector('vn', left(body, 300000)), 'C')
  ) STORED
);
CREATE INDEX documents_box ON documents (agency_id, direction, status, document_date DESC, created_at DESC);
CREATE INDEX documents_search ON documents USING gin (search);
CREATE INDEX documents_public ON documents (document_date DESC) WHERE is_public;
-- Importing the same file twice into one agency is one document.
CREATE UNIQUE INDEX documents_imported_once ON documents (agency_id, content_sha256)
  WHERE content_sha256 IS NOT NULL;

-- Sổ văn bản: one row per agency, book, period (a year, or a Party term) and type ('' = all).
CREATE TABLE registers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  book text NOT NULL CHECK (book IN ('outgoing', 'incoming')),
  period text NOT NULL,
  type_code text NOT NULL DEFAULT '',
  next_number integer NOT NULL DEFAULT 1 CHECK (next_number >= 1),
  UNIQUE (agency_id, book, period, type_code)
);

CREATE TABLE register_entries (
  register_id uuid NOT NULL REFERENCES registers (id),
  number integer NOT NULL CHECK (number >= 1),
  document_id uuid NOT NULL REFERENCES documents (id),
  registered_by uuid REFERENCES users (id),
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (register_id, number),
  UNIQUE (register_id, document_id)
);
CREATE INDEX register_entries_document ON register_entries (document_id);

-- File contents, addressed by their sha256 (the bytes live under DATA_DIR/files).
CREATE TABLE files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  media_type text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE document_files (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name ~ '^[^/\\]{1,200}$'),
  sha256 text NOT NULL REFERENCES files (sha256),
  role text NOT NULL CHECK (role IN ('original', 'rendered', 'attachment')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, name)
);

-- Values every server process must share (the session secret when none is configured).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
