-- Importing received files as background work: an upload (one file, many, a folder) stores the
-- files and makes a batch with one item per file, and answers at once; workers in every server
-- process (and `vanthu import`) take the items through the database, read and parse each file
-- and make one incoming draft per document in it. An item is a job: taken with FOR UPDATE SKIP
-- LOCKED, held by a lease that its worker renews while it reads (OCR takes seconds a page), and
-- taken again when the lease runs out (the process died). Its documents and its "done" are
-- written in one transaction, so a file is imported once however often it is taken.
CREATE TABLE import_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  created_by uuid NOT NULL REFERENCES users (id),
  source text NOT NULL CHECK (source IN ('web', 'cli')),
  -- What the person chose (a folder's name, the directory given to the CLI).
  label text CHECK (length(label) <= 500),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batches_agency ON import_batches (agency_id, created_at DESC);

CREATE TABLE import_items (
  id bigserial PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  position integer NOT NULL,
  -- The stored name (document_files.name) and the path as uploaded (inside a folder).
  name text NOT NULL CHECK (name ~ '^[^/\\]{1,200}$'),
  path text NOT NULL CHECK (length(path) BETWEEN 1 AND 1000),
  -- Null when the file was refused before it was stored (wrong type, empty, too large).
  sha256 text REFERENCES files (sha256),
  size bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'reading', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL DEFAULT now(),
  -- The claim (worker and a token of this taking) and until when it holds.
  locked_by text,
  lease_until timestamptz,
  error_code text,
  error_detail text,
  -- [{id, part, created, pages}]: the documents the file holds, new or found already imported.
  documents jsonb NOT NULL DEFAULT '[]',
  -- How many of them this item made (the others were there already).
  documents_created integer NOT NULL DEFAULT 0,
  -- The notes of the reading (codes and messages), for the clerk checking the fields.
  notes jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  UNIQUE (batch_id, position)
);
-- The queue: items waiting, and items being read (their leases run out).
CREATE INDEX import_items_open ON import_items (position, id) WHERE status IN ('queued', 'reading');

-- One file may hold several documents (a PDF with three letters): each is its own record, the
-- n-th document of the file is part n. Imported once per agency and part.
ALTER TABLE documents ADD COLUMN content_part integer NOT NULL DEFAULT 0 CHECK (content_part >= 0);
DROP INDEX documents_imported_once;
CREATE UNIQUE INDEX documents_imported_once ON documents (agency_id, content_sha256, content_part)
  WHERE content_sha256 IS NOT NULL;
