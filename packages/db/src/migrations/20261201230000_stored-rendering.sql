-- The ND30 HTML of an issued document, drawn once when it is issued, so that the portal (and
-- any reader) is served stored bytes instead of laying the document out, and never linting it,
-- on every anonymous view. A column rather than a file in the file store: it is written in the
-- issuing transaction with the content it is drawn from (no orphan, no second write to fail),
-- it is read with the row the page needs anyway, and it is small (about 1.5x the text).
-- SQL cannot run the layout, so documents issued before this migration are drawn on their first
-- view and stored then (documents/stored-rendering.ts): once per document, never per view.
ALTER TABLE documents ADD COLUMN rendered_html text;
