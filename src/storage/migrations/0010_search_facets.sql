-- The search's filters inside SQLite's full-text index (decisions/0015-search.md, "Filters in
-- the index"). Migration 0008 indexed title and text only, so every match had to be looked up in
-- opportunities to learn whether it is public and fits the facets: one B-tree search per match,
-- as costly as ranking it. Here each row also indexes a third column, `facets`, of made-up words
-- that say what the filters ask (open, municipality, welfare areas, target groups, weekdays,
-- organisation kind, end date); the search adds them to the MATCH expression, where
-- FTS5 intersects sorted lists of row ids instead of looking rows up. Distance stays a lookup
-- (opportunity_search.cpp says why). PostgreSQL gets indexes for the two lists (below).

-- @sqlite-only
DROP TRIGGER opportunity_search_insert;
DROP TRIGGER opportunity_search_delete;
DROP TRIGGER opportunity_search_update;
DROP TABLE opportunity_search_da;
DROP TABLE opportunity_search_nb;

-- The words of `facets`. Each is letters and digits ending in "z", so the unicode61 tokenizer keeps
-- it whole and neither stemmer changes it (no Danish or Norwegian ending is "z"). Keys
-- ([a-z0-9_], vocabulary.h) and kinds are written in hex because "_" would split a word. The
-- words (storage/opportunity_search.cpp writes the same ones into the query):
--   zopenz                 status 'open'
--   km<hex code>z          the municipality ("no-0301" has a "-")
--   ok<hex kind>z / okz    an organisation's post and its kind / a municipal unit's post
--   wa<hex key>z           each welfare area;  tg<hex key>z  each target group
--   wd<0-6>z               each weekday with some part of the day in the availability grid
--   eyoldz, ey<yyyy>z, em<yyyymm>z, ed<yyyymmdd>z   the end date: before 2000, its year, month, day
-- The view is also the index's content table: the FTS tables read title and description (for
-- snippets) through it, and the triggers below take the values to index or forget from it.
CREATE VIEW opportunity_search_rows AS SELECT
  id, language, title, description,
  CASE status WHEN 'open' THEN 'zopenz ' ELSE '' END
  || 'km' || hex(municipality_code) || 'z '
  || CASE WHEN organisation_id IS NULL THEN 'okz ' ELSE 'ok' || hex(COALESCE(organisation_kind, '')) || 'z ' END
  || CASE WHEN length(welfare_areas) > 2
       THEN 'wa' || replace(substr(hex(welfare_areas), 3, length(hex(welfare_areas)) - 4), '2C', 'z wa') || 'z '
       ELSE '' END
  || CASE WHEN length(target_groups) > 2
       THEN 'tg' || replace(substr(hex(target_groups), 3, length(hex(target_groups)) - 4), '2C', 'z tg') || 'z '
       ELSE '' END
  || CASE WHEN availability & 7 <> 0 THEN 'wd0z ' ELSE '' END
  || CASE WHEN availability & 56 <> 0 THEN 'wd1z ' ELSE '' END
  || CASE WHEN availability & 448 <> 0 THEN 'wd2z ' ELSE '' END
  || CASE WHEN availability & 3584 <> 0 THEN 'wd3z ' ELSE '' END
  || CASE WHEN availability & 28672 <> 0 THEN 'wd4z ' ELSE '' END
  || CASE WHEN availability & 229376 <> 0 THEN 'wd5z ' ELSE '' END
  || CASE WHEN availability & 1835008 <> 0 THEN 'wd6z ' ELSE '' END
  || CASE WHEN ends_on IS NULL THEN ''
          WHEN ends_on < '2000' THEN 'eyoldz'
          ELSE 'ey' || substr(ends_on, 1, 4) || 'z em' || substr(ends_on, 1, 4) || substr(ends_on, 6, 2)
               || 'z ed' || replace(ends_on, '-', '') || 'z' END
  AS facets
FROM opportunities;

CREATE VIRTUAL TABLE opportunity_search_da USING fts5(
  title, description, facets, content = 'opportunity_search_rows', content_rowid = 'id',
  tokenize = 'snowball danish');
CREATE VIRTUAL TABLE opportunity_search_nb USING fts5(
  title, description, facets, content = 'opportunity_search_rows', content_rowid = 'id',
  tokenize = 'snowball norwegian');

CREATE TRIGGER opportunity_search_insert AFTER INSERT ON opportunities BEGIN
  INSERT INTO opportunity_search_da (rowid, title, description, facets)
    SELECT id, title, description, facets FROM opportunity_search_rows WHERE id = new.id AND language = 'da';
  INSERT INTO opportunity_search_nb (rowid, title, description, facets)
    SELECT id, title, description, facets FROM opportunity_search_rows WHERE id = new.id AND language = 'nb';
END;

-- An external-content table forgets a row by being told the values it indexed: read them through
-- the view before the row goes.
CREATE TRIGGER opportunity_search_delete BEFORE DELETE ON opportunities BEGIN
  INSERT INTO opportunity_search_da (opportunity_search_da, rowid, title, description, facets)
    SELECT 'delete', id, title, description, facets FROM opportunity_search_rows
    WHERE id = old.id AND language = 'da';
  INSERT INTO opportunity_search_nb (opportunity_search_nb, rowid, title, description, facets)
    SELECT 'delete', id, title, description, facets FROM opportunity_search_rows
    WHERE id = old.id AND language = 'nb';
END;

-- Every column the view reads; the old entry goes before the update, the new one comes after.
CREATE TRIGGER opportunity_search_update_before BEFORE UPDATE OF
  title, description, language, status, municipality_code, organisation_id, organisation_kind,
  welfare_areas, target_groups, availability, ends_on ON opportunities BEGIN
  INSERT INTO opportunity_search_da (opportunity_search_da, rowid, title, description, facets)
    SELECT 'delete', id, title, description, facets FROM opportunity_search_rows
    WHERE id = old.id AND language = 'da';
  INSERT INTO opportunity_search_nb (opportunity_search_nb, rowid, title, description, facets)
    SELECT 'delete', id, title, description, facets FROM opportunity_search_rows
    WHERE id = old.id AND language = 'nb';
END;
CREATE TRIGGER opportunity_search_update_after AFTER UPDATE OF
  title, description, language, status, municipality_code, organisation_id, organisation_kind,
  welfare_areas, target_groups, availability, ends_on ON opportunities BEGIN
  INSERT INTO opportunity_search_da (rowid, title, description, facets)
    SELECT id, title, description, facets FROM opportunity_search_rows WHERE id = new.id AND language = 'da';
  INSERT INTO opportunity_search_nb (rowid, title, description, facets)
    SELECT id, title, description, facets FROM opportunity_search_rows WHERE id = new.id AND language = 'nb';
END;

INSERT INTO opportunity_search_da (rowid, title, description, facets)
  SELECT id, title, description, facets FROM opportunity_search_rows WHERE language = 'da';
INSERT INTO opportunity_search_nb (rowid, title, description, facets)
  SELECT id, title, description, facets FROM opportunity_search_rows WHERE language = 'nb';
-- @end

-- @postgres-only
-- PostgreSQL: the welfare areas and target groups as arrays in GIN indexes, so a facet is
-- intersected with the text's matches (a BitmapAnd) instead of being checked row by row: a
-- frequent word with a facet read 39,000 rows for 7,000 results.
CREATE INDEX opportunities_welfare_areas ON opportunities USING GIN (string_to_array(btrim(welfare_areas, ','), ','));
CREATE INDEX opportunities_target_groups ON opportunities USING GIN (string_to_array(btrim(target_groups, ','), ','));
-- @end
