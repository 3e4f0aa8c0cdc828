-- The codes written in a document's body ("97/2015/HD-SCT", "1184/STTTT-TTBCXB", "đồng/tháng"):
-- a code typed in the search box ("97/HD", "HD-SCT") is a phrase of its parts, and a phrase
-- needs the positions of the body's whole vector, kept apart (TOAST) and decompressed row by row.
-- When the code is in the head of few documents, the body was read for the rest: at 100,000
-- documents the planner expected 2,094 matches of "97 <-> hd" in the bodies, walked the date
-- index for them and decompressed every body's vector without finding one (3 s). The body's codes
-- alone make a small vector kept in the row, with its index and statistics: a code is looked up
-- there. Codes are joined by a word that is in none ("vnsep"), so that a code's last part and the
-- next one's first are never next to each other. Adding the column rewrites the table.
CREATE FUNCTION vn_codes(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(string_agg(m[1], ' vnsep '), '')
  FROM regexp_matches(t, '([^\s]*[^\s/-][/-]+[^\s/-][^\s]*)', 'g') AS m
$$;

ALTER TABLE documents ADD COLUMN codes tsvector GENERATED ALWAYS AS (
  to_tsvector('vn', vn_split_codes(vn_codes(left(coalesce(body, ''), 300000))))
) STORED;
ALTER TABLE documents ALTER COLUMN codes SET STORAGE MAIN;
CREATE INDEX documents_codes ON documents USING gin (codes);
