-- Norwegian municipalities beside the Danish ones. Kommunenummer are four digits like Danish
-- codes and may collide with them, so the platform key `code` is "no-" and the kommunenummer
-- for Norway ("no-0301") and stays the official code for Denmark ("0190"); `official_code`
-- holds each country's own code. See docs/decisions/0004-municipality-keys.md.
ALTER TABLE municipalities ADD COLUMN official_code TEXT NOT NULL DEFAULT '';
UPDATE municipalities SET official_code = code WHERE country = 'dk';
