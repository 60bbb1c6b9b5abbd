-- Municipalities are the tenants. Danish ones come from DAWA's list (see NOTICE); the
-- platform admin activates a municipality before it appears on the platform.
-- `revision` grows on every change and gives the API its ETag.
CREATE TABLE municipalities (
  code        TEXT PRIMARY KEY,
  country     TEXT NOT NULL CHECK (country IN ('dk', 'no')),
  name        TEXT NOT NULL,
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  revision    BIGINT NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL
);
CREATE INDEX municipalities_active ON municipalities (active, code);

-- Messages sent through the public contact form of a municipality ("Kontakt os").
-- Personal data (name, e-mail): see docs/PRIVACY.md for why and for how long.
CREATE TABLE inquiries (
  id                {{ID}},
  municipality_code TEXT NOT NULL REFERENCES municipalities (code),
  name              TEXT NOT NULL,
  email             TEXT NOT NULL,
  topic             TEXT NOT NULL,
  message           TEXT NOT NULL,
  request_id        TEXT NOT NULL,
  created_at        TEXT NOT NULL
);
CREATE INDEX inquiries_municipality ON inquiries (municipality_code, created_at);
