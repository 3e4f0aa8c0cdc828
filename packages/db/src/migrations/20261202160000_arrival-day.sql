-- The day a received document arrived (ngày đến, the first column of the incoming register in
-- ND30 Phụ lục IV), which the clerk gives when registering it: a document that came on Friday
-- may be registered on Monday. Outgoing entries have none. Entries made before this column
-- arrived on the day they were registered, in Vietnam (UTC+7 all year).
ALTER TABLE register_entries ADD COLUMN arrived_on date;
UPDATE register_entries AS e
   SET arrived_on = ((e.registered_at AT TIME ZONE 'UTC') + interval '7 hours')::date
  FROM registers AS r
 WHERE r.id = e.register_id AND r.book = 'incoming';
