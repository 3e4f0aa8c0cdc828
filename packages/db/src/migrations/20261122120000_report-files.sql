-- Files attached to a result report (photos of events, lists, scans).
CREATE TABLE report_files (
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name ~ '^[^/\\]{1,200}$'),
  sha256 text NOT NULL REFERENCES files (sha256),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (report_id, name)
);
