-- Full-text search of opportunities (issue 5, decisions/0015-search.md): Danish and Norwegian
-- text with stemming, so "frivillige" finds "frivillig". Each row is indexed with the stemmer of
-- its own `language` ('da' → danish, 'nb' → norwegian). The index follows the table by itself
-- (triggers on SQLite, a generated column on PostgreSQL): code that writes opportunities never
-- has to know about it. Every row is indexed whatever its status; the search filters on status.

-- @sqlite-only
-- External-content FTS5 tables: they keep only the index and read the text from opportunities
-- (snippets). The tokenizer `snowball` is registered on every connection
-- (storage/sqlite/snowball_tokenizer.h). One table per language, because a table has one
-- tokenizer.
CREATE VIRTUAL TABLE opportunity_search_da USING fts5(
  title, description, content = 'opportunities', content_rowid = 'id', tokenize = 'snowball danish');
CREATE VIRTUAL TABLE opportunity_search_nb USING fts5(
  title, description, content = 'opportunities', content_rowid = 'id', tokenize = 'snowball norwegian');

CREATE TRIGGER opportunity_search_insert AFTER INSERT ON opportunities BEGIN
  INSERT INTO opportunity_search_da (rowid, title, description)
    SELECT new.id, new.title, new.description WHERE new.language = 'da';
  INSERT INTO opportunity_search_nb (rowid, title, description)
    SELECT new.id, new.title, new.description WHERE new.language = 'nb';
END;

-- An external-content table forgets a row by being told the values it indexed: the old ones.
CREATE TRIGGER opportunity_search_delete AFTER DELETE ON opportunities BEGIN
  INSERT INTO opportunity_search_da (opportunity_search_da, rowid, title, description)
    SELECT 'delete', old.id, old.title, old.description WHERE old.language = 'da';
  INSERT INTO opportunity_search_nb (opportunity_search_nb, rowid, title, description)
    SELECT 'delete', old.id, old.title, old.description WHERE old.language = 'nb';
END;

-- Only when indexed text or the language changes (status changes, the common update, cost nothing).
CREATE TRIGGER opportunity_search_update AFTER UPDATE OF title, description, language ON opportunities BEGIN
  INSERT INTO opportunity_search_da (opportunity_search_da, rowid, title, description)
    SELECT 'delete', old.id, old.title, old.description WHERE old.language = 'da';
  INSERT INTO opportunity_search_nb (opportunity_search_nb, rowid, title, description)
    SELECT 'delete', old.id, old.title, old.description WHERE old.language = 'nb';
  INSERT INTO opportunity_search_da (rowid, title, description)
    SELECT new.id, new.title, new.description WHERE new.language = 'da';
  INSERT INTO opportunity_search_nb (rowid, title, description)
    SELECT new.id, new.title, new.description WHERE new.language = 'nb';
END;

-- The search's filters (status, end date, the facets) for each match, read from this covering
-- index instead of the wide rows with their texts (opportunity_search.cpp names it, INDEXED BY).
CREATE INDEX opportunities_search_filter ON opportunities (
  id, status, ends_on, municipality_code, availability, organisation_id, organisation_kind, postcode,
  welfare_areas, target_groups);

-- Rows written before this migration.
INSERT INTO opportunity_search_da (rowid, title, description)
  SELECT id, title, description FROM opportunities WHERE language = 'da';
INSERT INTO opportunity_search_nb (rowid, title, description)
  SELECT id, title, description FROM opportunities WHERE language = 'nb';
-- @end

-- @postgres-only
-- A stored generated column: to_tsvector with a constant configuration is immutable, and the
-- CASE picks one of two constants. The title weighs more than the text (weight A over D).
ALTER TABLE opportunities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(CASE language WHEN 'nb' THEN 'norwegian'::regconfig ELSE 'danish'::regconfig END, title), 'A')
  || to_tsvector(CASE language WHEN 'nb' THEN 'norwegian'::regconfig ELSE 'danish'::regconfig END, description)
) STORED;
CREATE INDEX opportunities_search ON opportunities USING GIN (search_vector);
-- @end

-- The public list without words: open opportunities, newest first.
CREATE INDEX opportunities_public ON opportunities (status, id);
