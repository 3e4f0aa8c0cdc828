-- Delivery of issued documents to the agencies they are addressed to (ND30; statuses of the
-- edXML exchange: 01 arrived, 02 returned, 03 registered, 04 assigned, 05 in progress, 06 done).
-- The recipient's record is its own incoming document (source_id points to the original), so
-- that delivered and imported documents are registered the same way.

ALTER TABLE documents ADD COLUMN source_id uuid REFERENCES documents (id);
ALTER TABLE documents DROP CONSTRAINT documents_status_check;
ALTER TABLE documents ADD CONSTRAINT documents_status_check
  CHECK (status IN ('draft', 'issued', 'registered', 'returned', 'revoked'));
CREATE INDEX documents_source ON documents (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id),
  from_agency_id uuid NOT NULL REFERENCES agencies (id),
  to_agency_id uuid NOT NULL REFERENCES agencies (id),
  -- Kính gửi (to act) or Nơi nhận (a copy, to know).
  kind text NOT NULL CHECK (kind IN ('action', 'copy')),
  -- The line of the document it came from ("Phòng Văn hóa và Thông tin các huyện, thành phố").
  line text,
  received_id uuid NOT NULL REFERENCES documents (id),
  status text NOT NULL DEFAULT '01' CHECK (status IN ('01', '02', '03', '04', '05', '06')),
  sent_at timestamptz NOT NULL,
  returned_at timestamptz,
  return_reason text,
  registered_at timestamptz,
  assigned_at timestamptz,
  in_progress_at timestamptz,
  done_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (document_id, to_agency_id),
  UNIQUE (received_id)
);
CREATE INDEX deliveries_to ON deliveries (to_agency_id, status);
