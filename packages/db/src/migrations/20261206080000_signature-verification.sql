-- Digital signatures checked on what arrives (issue 16, ND30 Điều 21): the roots an admin trusts,
-- and what verification found in each stored file. A received copy points to the original's
-- files, so a result is kept per file (by its sha256), once, for every agency that holds it.

-- The root certificates (Vietnamese government and public CAs) an installation's admin trusts,
-- uploaded as files. No network lookups: a chain ends here or is "unknown".
CREATE TABLE trust_anchors (
  sha256 text PRIMARY KEY,
  subject text NOT NULL,
  not_before timestamptz,
  not_after timestamptz,
  der bytea NOT NULL,
  added_by uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);

-- What verification of a file found: its level over all signatures (none: no signature;
-- unreadable: the reader could not go through it), and the trust anchors it was checked
-- against (anchors_key), so that a result is checked again when the admin changes them.
CREATE TABLE file_verifications (
  sha256 text PRIMARY KEY REFERENCES files (sha256) ON DELETE CASCADE,
  level text NOT NULL CHECK (level IN ('none', 'broken', 'unknown-chain', 'invalid-certificate', 'valid', 'unreadable')),
  signature_count integer NOT NULL,
  anchors_key text NOT NULL,
  problem jsonb,
  verified_at timestamptz NOT NULL
);

-- Each signature of a verified file, in the order they were made, with the whole report.
CREATE TABLE file_signatures (
  sha256 text NOT NULL REFERENCES file_verifications (sha256) ON DELETE CASCADE,
  position integer NOT NULL,
  field text,
  signer_name text,
  signer_organization text,
  signer_unit text,
  issuer text,
  signing_time timestamptz,
  timestamp_time timestamptz,
  intact boolean NOT NULL,
  covers_whole_file boolean NOT NULL,
  level text NOT NULL CHECK (level IN ('broken', 'unknown-chain', 'invalid-certificate', 'valid')),
  report jsonb NOT NULL,
  PRIMARY KEY (sha256, position)
);

-- The incoming register records what the clerk saw when registering; a changed document is
-- registered only once the clerk has acknowledged it (who).
ALTER TABLE register_entries
  ADD COLUMN signature_level text
    CHECK (signature_level IN ('none', 'broken', 'unknown-chain', 'invalid-certificate', 'valid', 'unreadable')),
  ADD COLUMN signature_acknowledged_by uuid REFERENCES users (id) ON DELETE SET NULL;
