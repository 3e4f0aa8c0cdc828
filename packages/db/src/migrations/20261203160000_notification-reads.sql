-- Notifications as codes (issue 15, part 6): the follow-up job's older rows, written as Vietnamese
-- sentences with kind 'reminder' or 'overdue', take the codes the job now writes, so that the
-- job does not write the same notice again beside them (the unique index on kind, task, period)
-- and the API names their code. Their parameters are filled where the database knows them (the
-- directive's reference, the task's item, the period); their message stays as the text shown
-- when a parameter is missing (the deadline of a period is computed, not stored).
UPDATE notifications n
SET kind = CASE n.kind WHEN 'reminder' THEN 'deadline.near' ELSE 'deadline.overdue' END,
    code = CASE n.kind WHEN 'reminder' THEN 'deadline.near' ELSE 'deadline.overdue' END,
    params = jsonb_build_object(
      'reference', d.reference,
      'subject', d.subject,
      'item', t.item_label,
      'period', n.period,
      'due', NULL
    )
FROM tasks t
JOIN documents d ON d.id = t.document_id
WHERE n.task_id = t.id AND n.code IS NULL AND n.kind IN ('reminder', 'overdue');

-- Who has read a notification addressed to the whole agency (user_id null): each person reads it
-- for themselves. A notification addressed to one person keeps its own read_at. An agency-wide
-- row read before this table (read_at set) stays read for everyone.
CREATE TABLE notification_reads (
  notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX notification_reads_user ON notification_reads (user_id);
