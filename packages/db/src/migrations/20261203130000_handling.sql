-- Handling received documents (issue #15, item 4): who presented a document to a leader and
-- when; a deadline notification sent once per handler and deadline (the recurring job's key in
-- params.once); the late work the follow-up list reads.
ALTER TABLE documents ADD COLUMN presented_by uuid REFERENCES users (id);
ALTER TABLE documents ADD COLUMN presented_at timestamptz;
CREATE UNIQUE INDEX notifications_once_per_person ON notifications (user_id, code, (params->>'once'))
  WHERE params ? 'once';
CREATE INDEX handlers_open_due ON handlers (due_on) WHERE status <> 'done' AND due_on IS NOT NULL;
CREATE INDEX documents_open_due ON documents (agency_id, due_on)
  WHERE due_on IS NOT NULL AND handling IS DISTINCT FROM 'done';
CREATE INDEX documents_answers ON documents (answers_id) WHERE answers_id IS NOT NULL;
CREATE INDEX documents_attached ON documents (attached_to) WHERE attached_to IS NOT NULL;
