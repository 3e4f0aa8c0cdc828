-- The two text vectors of a document (search: words, weighted; exact: the words as written) were
-- generated columns, computed again on every insert and on every update of the row, whatever
-- changed. Issuing to 100 agencies wrote 100 copies of one text and computed both vectors 100
-- times (about 1 ms a copy on PostgreSQL, inside the issue that holds the register's lock).
-- They are now plain columns kept by a trigger, with the same expressions:
--   * an update that leaves reference, subject, issuer and body as they were keeps the vectors;
--   * a new record whose source (source_id: a recipient's copy, a forwarded record) has the same
--     reference, subject, issuer and body takes the source's vectors, which are these texts';
--   * anything else is computed, as before. What is written to the columns directly is ignored.
ALTER TABLE documents ALTER COLUMN search DROP EXPRESSION;
ALTER TABLE documents ALTER COLUMN exact DROP EXPRESSION;

CREATE FUNCTION documents_vectors() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.reference IS NOT DISTINCT FROM OLD.reference
     AND NEW.subject IS NOT DISTINCT FROM OLD.subject
     AND NEW.issuer_name IS NOT DISTINCT FROM OLD.issuer_name
     AND NEW.body IS NOT DISTINCT FROM OLD.body THEN
    NEW.search := OLD.search;
    NEW.exact := OLD.exact;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.source_id IS NOT NULL THEN
    SELECT s.search, s.exact INTO NEW.search, NEW.exact
    FROM documents s
    WHERE s.id = NEW.source_id
      AND s.reference IS NOT DISTINCT FROM NEW.reference
      AND s.subject IS NOT DISTINCT FROM NEW.subject
      AND s.issuer_name IS NOT DISTINCT FROM NEW.issuer_name
      AND s.body IS NOT DISTINCT FROM NEW.body;
    IF FOUND THEN
      RETURN NEW;
    END IF;
  END IF;
  NEW.search :=
    setweight(to_tsvector('vn', vn_split_codes(coalesce(NEW.reference, ''))), 'A') ||
    setweight(to_tsvector('vn', vn_split_codes(coalesce(NEW.subject, ''))), 'A') ||
    setweight(to_tsvector('vn', coalesce(NEW.issuer_name, '')), 'B') ||
    setweight(to_tsvector('vn', vn_split_codes(left(NEW.body, 300000))), 'C');
  NEW.exact := to_tsvector('simple', vn_lower(vn_split_codes(
    coalesce(NEW.reference, '') || ' ' || coalesce(NEW.subject, '') || ' ' || left(NEW.body, 300000))));
  RETURN NEW;
END
$$;

CREATE TRIGGER documents_vectors BEFORE INSERT OR UPDATE ON documents
FOR EACH ROW EXECUTE FUNCTION documents_vectors();
