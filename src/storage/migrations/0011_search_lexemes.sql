-- The search's filters inside PostgreSQL's full-text index too (decisions/0015-search.md,
-- "Filters in the index"). After migration 0010 a frequent word with a welfare area built two
-- bitmaps, 38,826 rows for the word and 16,630 for the area, and intersected them; each row then
-- still had its status read from the table. Here the filters are lexemes of the search vector, so
-- the GIN index intersects the word with its filters while it reads them, and hands the table
-- only the rows that match all. SQLite's index holds the same filters since migration 0010; it
-- gets a cheaper word for the status, and a narrow index for the distance search.

-- @sqlite-only
-- SQLite: a post that is not open gets the word zshutz in `facets`, instead of every open post
-- getting zopenz. The search then asks NOT zshutz, beside NOT the end dates before today, and FTS5
-- tests each match against the short list of 15,000 closed and draft posts instead of stepping
-- through the 85,000 open ones with every match (lektier: 5.1 to 4.0 ms). The other words of
-- migration 0010 stay. The triggers read the view by name, so they follow the new one.
DROP VIEW opportunity_search_rows;
CREATE VIEW opportunity_search_rows AS SELECT
  id, language, title, description,
  CASE status WHEN 'open' THEN '' ELSE 'zshutz ' END
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
-- Every row indexed again from the new view, each language in its own table ('rebuild' would read
-- the whole view into both).
INSERT INTO opportunity_search_da (opportunity_search_da) VALUES ('delete-all');
INSERT INTO opportunity_search_nb (opportunity_search_nb) VALUES ('delete-all');
INSERT INTO opportunity_search_da (rowid, title, description, facets)
  SELECT id, title, description, facets FROM opportunity_search_rows WHERE language = 'da';
INSERT INTO opportunity_search_nb (rowid, title, description, facets)
  SELECT id, title, description, facets FROM opportunity_search_rows WHERE language = 'nb';

-- SQLite's distance search reads each match's postcode (opportunity_search.cpp, SqliteArm): from
-- this narrow index a lookup costs about half of one in the wide covering index of migration 0008.
CREATE INDEX opportunities_place ON opportunities (id, postcode);
-- @end

-- @postgres-only
-- PostgreSQL: the searched documents move to a narrow table of their own, opportunity_search_docs,
-- kept by a trigger. A frequent word with a filter reads thousands of rows to rank them and to
-- keep the newest; in opportunities each also carried the title, the text and twenty more columns,
-- here only what the search reads (the vector is most of it), so the same rows lie on a fifth
-- fewer pages and are quicker to take apart (decisions/0015-search.md).
--
-- The vector: the title (weight A) and the text with the stems of the post's language, and the
-- filters as lexemes. A text lexeme never holds ":" (the parser splits there), so none of these is
-- ever found by typing; array_to_tsvector takes them as they are, without a stemmer:
--   open:da, open:nb     status 'open', and the post's language: a Danish query asks for
--                        open:da, so no row is read to learn its language
--   km:<code>            the municipality
--   ok: / ok:<kind>      a municipal unit's post / an organisation's post and its kind
--   wa:<key>, tg:<key>   each welfare area, each target group
--   wd:<0-6>             each weekday with some part of the day in the availability grid
-- opportunity_search.cpp writes the same ones into the query. The end date and the postcode stay
-- columns: "not before today" changes every day, and a distance is a list of postcodes.
ALTER TABLE opportunities DROP COLUMN search_vector;

CREATE FUNCTION opportunity_search_vector(title TEXT, description TEXT, language TEXT, status TEXT,
                                          municipality_code TEXT, organisation_id BIGINT,
                                          organisation_kind TEXT, welfare_areas TEXT, target_groups TEXT,
                                          availability INTEGER) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT
    setweight(to_tsvector(CASE language WHEN 'nb' THEN 'norwegian'::regconfig ELSE 'danish'::regconfig END, title), 'A')
    || to_tsvector(CASE language WHEN 'nb' THEN 'norwegian'::regconfig ELSE 'danish'::regconfig END, description)
    || array_to_tsvector(array_remove(string_to_array(
         CASE status WHEN 'open' THEN 'open:' || language || ',' ELSE '' END
         || 'km:' || municipality_code || ','
         || CASE WHEN organisation_id IS NULL THEN 'ok:' ELSE 'ok:' || COALESCE(organisation_kind, '') END || ','
         || CASE WHEN length(welfare_areas) > 2 THEN 'wa:' || replace(btrim(welfare_areas, ','), ',', ',wa:') ELSE '' END
         || ','
         || CASE WHEN length(target_groups) > 2 THEN 'tg:' || replace(btrim(target_groups, ','), ',', ',tg:') ELSE '' END
         || ','
         || CASE WHEN availability & 7 <> 0 THEN 'wd:0,' ELSE '' END
         || CASE WHEN availability & 56 <> 0 THEN 'wd:1,' ELSE '' END
         || CASE WHEN availability & 448 <> 0 THEN 'wd:2,' ELSE '' END
         || CASE WHEN availability & 3584 <> 0 THEN 'wd:3,' ELSE '' END
         || CASE WHEN availability & 28672 <> 0 THEN 'wd:4,' ELSE '' END
         || CASE WHEN availability & 229376 <> 0 THEN 'wd:5,' ELSE '' END
         || CASE WHEN availability & 1835008 <> 0 THEN 'wd:6,' ELSE '' END, ','), ''))
$$;

-- One row for each opportunity, whatever its status; gone with it.
CREATE TABLE opportunity_search_docs (
  id            BIGINT PRIMARY KEY REFERENCES opportunities (id) ON DELETE CASCADE,
  language      TEXT NOT NULL,
  ends_on       TEXT,
  postcode      TEXT,
  search_vector tsvector NOT NULL
);

CREATE FUNCTION opportunity_search_docs_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_search_docs (id, language, ends_on, postcode, search_vector)
  VALUES (NEW.id, NEW.language, NEW.ends_on, NEW.postcode,
          opportunity_search_vector(NEW.title, NEW.description, NEW.language, NEW.status, NEW.municipality_code,
                                    NEW.organisation_id, NEW.organisation_kind, NEW.welfare_areas,
                                    NEW.target_groups, NEW.availability))
  ON CONFLICT (id) DO UPDATE SET language = EXCLUDED.language, ends_on = EXCLUDED.ends_on,
    postcode = EXCLUDED.postcode, search_vector = EXCLUDED.search_vector;
  RETURN NULL;
END
$$;

-- Every column the vector or the row reads.
CREATE TRIGGER opportunity_search_docs_write AFTER INSERT OR UPDATE OF
  title, description, language, status, municipality_code, organisation_id, organisation_kind,
  welfare_areas, target_groups, availability, ends_on, postcode ON opportunities
  FOR EACH ROW EXECUTE FUNCTION opportunity_search_docs_write();

INSERT INTO opportunity_search_docs (id, language, ends_on, postcode, search_vector)
  SELECT id, language, ends_on, postcode,
         opportunity_search_vector(title, description, language, status, municipality_code, organisation_id,
                                   organisation_kind, welfare_areas, target_groups, availability)
  FROM opportunities;

-- fastupdate off: a new row goes straight into the index instead of a pending list that every
-- search reads through until VACUUM merges it (a fresh bench database searched 40 % slower).
-- Posts are written a few times a day and searched all the time.
CREATE INDEX opportunity_search_docs_vector ON opportunity_search_docs USING GIN (search_vector)
  WITH (fastupdate = off);
-- The list without words still filters by these two (opportunity_search.cpp, kPostgres).
ALTER INDEX opportunities_welfare_areas SET (fastupdate = off);
ALTER INDEX opportunities_target_groups SET (fastupdate = off);
-- @end
