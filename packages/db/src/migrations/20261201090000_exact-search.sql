-- Quoted phrases ("thiên tai") match as written, diacritics included, through an index rather
-- than a scan of bodies: a second text vector keeps the words lower-cased but not folded, with
-- their positions, so that a phrase is found by GIN and checked on the few documents that hold
-- all of its words.

-- Lower case for Vietnamese whatever the database's locale (PGlite's is C, where lower() only
-- folds ASCII).
CREATE FUNCTION vn_lower(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT lower(translate(t,
    'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ',
    'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'))
$$;

ALTER TABLE documents ADD COLUMN exact tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', vn_lower(
    coalesce(reference, '') || ' ' || coalesce(subject, '') || ' ' || left(body, 300000)))
) STORED;
CREATE INDEX documents_exact ON documents USING gin (exact);
