-- Agency identity: a name is unique within its parent (the top level counts as one parent),
-- compared by a folded key (no diacritics, đ -> d, case and spacing folded: core's foldKey, which
-- is also how the delivery plan matches a Kính gửi line to an agency). Renames are kept in
-- agency_history. The installation admin (role 'installer') belongs to one pseudo-agency of kind
-- 'installation', which owns the top level and is never a recipient or in the directory.

ALTER TABLE agencies DROP CONSTRAINT agencies_kind_check;
ALTER TABLE agencies ADD CONSTRAINT agencies_kind_check
  CHECK (kind IN ('state', 'party', 'union', 'press', 'broadcaster', 'other', 'installation'));
-- At most one installation.
CREATE UNIQUE INDEX agencies_one_installation ON agencies ((true)) WHERE kind = 'installation';

ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check
  CHECK (roles <@ ARRAY['clerk', 'specialist', 'leader', 'admin', 'installer']::text[]
         AND cardinality(roles) > 0);

-- The folded key of a name, as core's foldKey makes it (no diacritics, đ -> d, lower case, runs of
-- white space as one space; a test compares the two): unaccent maps đ to d, and lower() after it
-- only meets ASCII, so PGlite's C locale is enough. The dictionary is named so that the function
-- can be IMMUTABLE, as a generated column requires; both are schema-qualified, because pg_dump's
-- restore runs with an empty search_path (an unqualified name made pg_restore fail).
CREATE FUNCTION vn_fold_key(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(
    lower(public.unaccent('public.unaccent'::regdictionary, normalize(t, NFC))), '[[:space:]]+', ' ', 'g'))
$$;

ALTER TABLE agencies ADD COLUMN name_key text GENERATED ALWAYS AS (vn_fold_key(name)) STORED;

CREATE TABLE agency_history (
  id bigserial PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies (id),
  old_name text NOT NULL,
  new_name text NOT NULL,
  old_name_key text GENERATED ALWAYS AS (vn_fold_key(old_name)) STORED,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- The day the new name holds from (a decision's effective date), which may precede the change.
  valid_from date NOT NULL,
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_history_agency ON agency_history (agency_id, at);
CREATE INDEX agency_history_old_name ON agency_history (old_name_key);

-- Existing duplicates (the same name twice under one parent, such as a clone made by another
-- agency's admin): the first created keeps its name; every later copy gets its code after the
-- name, so that a Kính gửi line finds one agency again, and the rename is in the history.
CREATE TEMPORARY TABLE agency_duplicates ON COMMIT DROP AS
SELECT id, name, left(name, 250) || ' (' || code || ')' AS new_name
FROM (
  SELECT id, name, code,
         row_number() OVER (PARTITION BY parent_id, name_key ORDER BY created_at, id) AS n
  FROM agencies
) ranked
WHERE n > 1;
INSERT INTO agency_history (agency_id, old_name, new_name, reason, valid_from)
SELECT id, name, new_name, 'Trùng tên với cơ quan khác cùng cấp (đổi khi nâng cấp)', current_date
FROM agency_duplicates;
UPDATE agencies a SET name = d.new_name FROM agency_duplicates d WHERE d.id = a.id;

CREATE UNIQUE INDEX agencies_name_in_parent
  ON agencies (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name_key);
CREATE INDEX agencies_name_key ON agencies (name_key);
