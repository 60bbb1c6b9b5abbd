-- CSV imports of a municipality's overview spreadsheet between upload and import
-- (docs/decisions/0009-collaboration-import.md). The pages work without JavaScript, so the
-- uploaded file must outlive the request that brought it: it waits here while the user maps its
-- columns and reads the preview. `content` is the file as uploaded (only files that read as UTF-8
-- CSV are kept), `mapping` a JSON array with our field for each column ("" = not imported).
-- After the import `content` is emptied and `result` holds the counts (the result page reads
-- them); retention deletes every row a week after `created_at`.
CREATE TABLE collaboration_imports (
  id                {{ID}},
  municipality_code TEXT NOT NULL REFERENCES municipalities (code),
  user_id           BIGINT NOT NULL REFERENCES users (id),
  filename          TEXT NOT NULL,
  content           TEXT NOT NULL,
  content_hash      TEXT NOT NULL,
  mapping           TEXT NOT NULL,
  result            TEXT,
  created_at        TEXT NOT NULL,
  imported_at       TEXT
);
CREATE INDEX collaboration_imports_created ON collaboration_imports (created_at);
