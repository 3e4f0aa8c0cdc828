-- The exchange's DocumentId of a document (issue 17, QCVN 102:2016): "OrganId,yyyy/MM/dd,số/ký
-- hiệu" as the issuer writes it, recorded at issuing when the agency has an identifier, carried
-- by every copy, and kept as it arrives on a received package (a UUID too). A received record with
-- the DocumentId of an earlier one is the same document.
ALTER TABLE documents ADD COLUMN exchange_id text;
CREATE INDEX documents_agency_exchange_id ON documents (agency_id, exchange_id)
  WHERE exchange_id IS NOT NULL;
