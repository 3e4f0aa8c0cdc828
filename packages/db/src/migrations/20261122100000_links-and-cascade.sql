-- Citations become links, and follow-on documents form a tree.
-- reference_key finds a document by its reference however it is spaced, cased or zero-padded
-- (core's referenceKey computes the same key for citations).

ALTER TABLE documents ADD COLUMN reference_key text GENERATED ALWAYS AS (
  regexp_replace(upper(regexp_replace(reference, '\s+', '', 'g')), '^0+([0-9])', '\1')
) STORED;
CREATE INDEX documents_reference_key ON documents (reference_key) WHERE reference_key IS NOT NULL;

-- The document this one carries out (văn bản triển khai): the author's record of the parent
-- (its incoming copy, or an imported document).
ALTER TABLE documents ADD COLUMN parent_id uuid REFERENCES documents (id);
CREATE INDEX documents_parent ON documents (parent_id) WHERE parent_id IS NOT NULL;

-- The documents each document cites, as read from its text.
CREATE TABLE document_citations (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position integer NOT NULL,
  reference text NOT NULL,
  reference_key text NOT NULL,
  type_name text,
  cited_date date,
  issuer text,
  PRIMARY KEY (document_id, position)
);
CREATE INDEX document_citations_key ON document_citations (reference_key);
