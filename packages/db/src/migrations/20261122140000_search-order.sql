-- Newest first: an index in the exact order searches and boxes sort by, so that "the newest
-- matches" stop after a page instead of testing every document's words.
CREATE INDEX documents_newest ON documents (document_date DESC NULLS LAST, created_at DESC);
