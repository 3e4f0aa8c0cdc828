-- A reference is a single "file" token to PostgreSQL's text parser ("1184/stttt-ttbcxb",
-- "kh/tu"), so searching "1184", "1184/STTTT" or "230-KH" found nothing. Codes are now split at
-- their slashes and hyphens before they are indexed ("1184 stttt ttbcxb"), and the query is split
-- the same way (search-documents.ts), as a phrase: the parts must stand together and in order.
CREATE FUNCTION vn_split_codes(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT regexp_replace(t, '([^[:space:]/-])[/-]+(?=[^[:space:]/-])', '\1 ', 'g')
$$;

ALTER TABLE documents DROP COLUMN search;
ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('vn', vn_split_codes(coalesce(reference, ''))), 'A') ||
  setweight(to_tsvector('vn', vn_split_codes(coalesce(subject, ''))), 'A') ||
  setweight(to_tsvector('vn', coalesce(issuer_name, '')), 'B') ||
  setweight(to_tsvector('vn', vn_split_codes(left(body, 300000))), 'C')
) STORED;
CREATE INDEX documents_search ON documents USING gin (search);

ALTER TABLE documents DROP COLUMN exact;
ALTER TABLE documents ADD COLUMN exact tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', vn_lower(vn_split_codes(
    coalesce(reference, '') || ' ' || coalesce(subject, '') || ' ' || left(body, 300000))))
) STORED;
CREATE INDEX documents_exact ON documents USING gin (exact);
