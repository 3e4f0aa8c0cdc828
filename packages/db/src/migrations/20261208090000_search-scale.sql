-- Search at a million documents (issue 18).
--
-- The loose reference ("313 UBND KGVX") was an expression in a partial index: the planner had no
-- statistics for it and, at 1M rows, walked the date index instead. It is now a stored column
-- with its own index, so ANALYZE sees its values (the expression of reference_key, then without
-- separators: a generated column cannot read another).
DROP INDEX documents_reference_loose;
ALTER TABLE documents ADD COLUMN reference_loose text GENERATED ALWAYS AS (
  regexp_replace(
    regexp_replace(upper(regexp_replace(reference, '\s+', '', 'g')), '^0+([0-9])', '\1'),
    '[-/. ]', '', 'g')
) STORED;
CREATE INDEX documents_reference_loose ON documents (reference_loose);

-- The head of a document (reference split at its slashes and hyphens, subject, issuer): a small
-- vector kept in the row, not in TOAST. A match there ranks above a match in the body only, and
-- it is cheap to test row by row in date order, where the body's vector must be fetched and
-- decompressed. Adding the columns rewrites the table: existing rows get their values.
ALTER TABLE documents ADD COLUMN head tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('vn', vn_split_codes(coalesce(reference, ''))), 'A') ||
  setweight(to_tsvector('vn', vn_split_codes(coalesce(subject, ''))), 'A') ||
  setweight(to_tsvector('vn', coalesce(issuer_name, '')), 'B')
) STORED;
ALTER TABLE documents ALTER COLUMN head SET STORAGE MAIN;
CREATE INDEX documents_head ON documents USING gin (head);
