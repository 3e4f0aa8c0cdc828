-- Login throttling that holds under parallel attempts: one counter row per key, reserved with
-- one INSERT ... ON CONFLICT DO UPDATE ... RETURNING before the password is checked, so that
-- concurrent attempts are serialised by the row lock (a count of past rows followed by an insert
-- let 40 of 40 parallel attempts through on PostgreSQL). Keys: "pair:<name>\n<address>",
-- "addr:<address>", "user:<name>". A window starts with its first attempt.
CREATE TABLE login_counters (
  key text PRIMARY KEY,
  -- Attempts in the window that have not ended in success (failed or still being checked).
  attempts integer NOT NULL,
  window_start timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX login_counters_updated ON login_counters (updated_at);

-- login_attempts is now the record of checked passwords only (never read by a login); the purge
-- job deletes it by age, through this index.
CREATE INDEX login_attempts_at ON login_attempts (at);
