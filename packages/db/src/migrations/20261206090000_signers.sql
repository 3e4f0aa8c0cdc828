-- Signing at issuing (issue 16): who signs with what. An agency's own signer (user_id null: the
-- clerk issues with it, nobody is asked) and a leader's (user_id: used when they approve). A
-- PKCS#12 is kept only encrypted with the installation's secret key (server/src/signing/
-- secret-store.ts, AES-256-GCM), as is the agency's PKCS#12 password and a remote service's
-- secret; a leader's password is never kept (asked when they approve). Subject, issuer and
-- not_after are read from the certificate when it is configured, for the admin's page.
CREATE TABLE signers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('pkcs12', 'remote')),
  p12_sealed bytea,
  password_sealed bytea,
  remote_url text,
  remote_user text,
  remote_client_id text,
  remote_secret_sealed bytea,
  subject text NOT NULL,
  issuer text NOT NULL,
  not_after timestamptz NOT NULL,
  -- PAdES B-T for the agency's signature: the timestamp authority (else VANTHU_TSA_URL).
  tsa_url text,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CHECK (kind <> 'pkcs12' OR p12_sealed IS NOT NULL),
  CHECK (kind <> 'remote' OR (remote_url IS NOT NULL AND remote_user IS NOT NULL)),
  -- A leader's password is asked at signing, never kept.
  CHECK (user_id IS NULL OR password_sealed IS NULL)
);
CREATE UNIQUE INDEX signers_of_user ON signers (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX signers_of_agency ON signers (agency_id) WHERE user_id IS NULL;

-- The images a visible signature draws: a person's signature, an agency's seal (PNG).
CREATE TABLE signature_images (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('signature', 'seal')),
  png bytea NOT NULL CHECK (octet_length(png) <= 524288),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((kind = 'seal') = (user_id IS NULL))
);
CREATE UNIQUE INDEX signature_images_of_user ON signature_images (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX signature_images_of_agency ON signature_images (agency_id) WHERE user_id IS NULL;

-- The draft a leader signed when approving ('signed-draft'), with where its number and date
-- blanks are (placements, render's PdfPlacements, and the content it was drawn from), so that
-- the clerk's issuing stamps them and signs it again for the agency.
ALTER TABLE document_files DROP CONSTRAINT document_files_role_check;
ALTER TABLE document_files ADD CONSTRAINT document_files_role_check
  CHECK (role IN ('original', 'rendered', 'attachment', 'signed-draft'));
ALTER TABLE document_files ADD COLUMN placements jsonb;
