-- Agency identifiers of the document exchange (issue 17: mã định danh, the OrganId of QCVN
-- 102:2016 packages) in their own unique column: `code` stays the short slug of logins and
-- addresses. With them, how another system reaches the agency: address, e-mail, telephone, website.
ALTER TABLE agencies
  ADD COLUMN organ_id text CHECK (organ_id IS NULL OR organ_id ~ '^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,4}$'),
  ADD COLUMN address text,
  ADD COLUMN email text,
  ADD COLUMN telephone text,
  ADD COLUMN website text;
CREATE UNIQUE INDEX agencies_organ_id ON agencies (organ_id) WHERE organ_id IS NOT NULL;

-- The directory of agencies outside this installation (other systems on the exchange axis):
-- imported from a CSV or edited by the installation admin. An agency hosted here is not in it.
CREATE TABLE directory_entries (
  organ_id text PRIMARY KEY CHECK (organ_id ~ '^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,4}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  address text,
  email text,
  telephone text,
  website text,
  parent_organ_id text,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);
