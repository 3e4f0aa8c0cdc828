-- Finding a document by a reference typed loosely ("313 UBND KGVX", "313/ubnd-kgvx"): the key
-- without its separators.
CREATE INDEX documents_reference_loose ON documents ((regexp_replace(reference_key, '[-/. ]', '', 'g')))
  WHERE reference_key IS NOT NULL;
