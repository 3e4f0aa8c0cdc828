-- Follow-through: the tasks an issued directive gives each addressee, the reports on them,
-- notifications (reminders), and the jobs that send them. Jobs are rows: any server process may
-- take one (FOR UPDATE SKIP LOCKED), none takes it twice.

-- Before issuing, the tasks as the author edited them: {"items":[{label,title}],"cycles":[],"due":null}.
ALTER TABLE documents ADD COLUMN task_plan jsonb;

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents (id),
  issuer_agency_id uuid NOT NULL REFERENCES agencies (id),
  assignee_agency_id uuid NOT NULL REFERENCES agencies (id),
  item_label text NOT NULL,
  title text NOT NULL,
  cycles text[] NOT NULL
    CHECK (cycles <@ ARRAY['once', 'on-request', 'monthly', 'quarterly', 'half-yearly', 'yearly']::text[]),
  due_date date,
  starts_on date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (document_id, assignee_agency_id, item_label)
);
CREATE INDEX tasks_assignee ON tasks (assignee_agency_id);

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  period text NOT NULL,
  figures jsonb NOT NULL DEFAULT '{}',
  narrative text NOT NULL DEFAULT '',
  late boolean NOT NULL,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  UNIQUE (task_id, period)
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  kind text NOT NULL,
  task_id uuid REFERENCES tasks (id),
  period text,
  message text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
-- One reminder per task, period and kind, however many processes send them.
CREATE UNIQUE INDEX notifications_once ON notifications (kind, task_id, period);
CREATE INDEX notifications_agency ON notifications (agency_id, created_at DESC);

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  run_at timestamptz NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  locked_by text,
  locked_at timestamptz,
  done_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
-- At most one pending job of a recurring kind.
CREATE UNIQUE INDEX jobs_recurring_once ON jobs (kind) WHERE done_at IS NULL AND kind LIKE 'recurring:%';
