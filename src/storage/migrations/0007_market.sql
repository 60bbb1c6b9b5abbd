-- The two-sided market (issue 5): volunteer profiles, opportunities (recruitment posts) and the
-- applications to them, needs posted by municipal units, offers posted by organisations,
-- companies and volunteers, the marks users put on proposed matches, and the change log the
-- matching index follows. Key lists are ",a,b," as elsewhere (one LIKE '%,a,%' finds a key);
-- `availability` is the weekly grid as bits (domain/market/availability.h: bit day * 3 + slot,
-- Monday morning = bit 0, Sunday evening = bit 20).

-- A volunteer's one platform-wide profile (PRODUCT.md "Whose data is whose"). `visibility`:
-- 'private' (only the volunteer), 'municipalities' (staff of every municipality may see it and
-- the matchmaking may propose it), 'public' (also listed publicly without contact details).
-- `consent_matching`: the volunteer agreed to be proposed for needs; without it the engine never
-- proposes the profile, whatever the visibility. The child-protection certificate is recorded as
-- a status and a date, never the certificate itself (Børneattestloven, PRODUCT.md).
CREATE TABLE volunteer_profiles (
  id                     {{ID}},
  user_id                BIGINT NOT NULL UNIQUE REFERENCES users (id),
  about                  TEXT NOT NULL DEFAULT '',
  skills                 TEXT NOT NULL DEFAULT ',',
  skill_tags             TEXT NOT NULL DEFAULT ',',
  languages              TEXT NOT NULL DEFAULT ',',
  availability           INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 2097151),
  postcode               TEXT,
  travel_km              INTEGER NOT NULL DEFAULT 10 CHECK (travel_km BETWEEN 0 AND 500),
  welfare_areas          TEXT NOT NULL DEFAULT ',',
  target_groups          TEXT NOT NULL DEFAULT ',',
  child_certificate      TEXT NOT NULL DEFAULT 'none' CHECK (child_certificate IN ('none', 'requested', 'obtained')),
  child_certificate_on   TEXT,
  visibility             TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'municipalities', 'public')),
  consent_matching       INTEGER NOT NULL DEFAULT 0 CHECK (consent_matching IN (0, 1)),
  active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  revision               BIGINT NOT NULL DEFAULT 1,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK (child_certificate <> 'obtained' OR child_certificate_on IS NOT NULL)
);

-- A recruitment post by a municipal unit or an organisation, in one municipality (the one whose
-- volunteers it addresses). `language` picks the stemmer of its full-text index ('da', 'nb').
-- `involves_children`: children under 15 take part, so a child-protection certificate is
-- required before an application can be agreed.
CREATE TABLE opportunities (
  id                 {{ID}},
  municipality_code  TEXT NOT NULL REFERENCES municipalities (code),
  unit_id            BIGINT,
  organisation_id    BIGINT REFERENCES organisations (id),
  title              TEXT NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  skills             TEXT NOT NULL DEFAULT ',',
  welfare_areas      TEXT NOT NULL DEFAULT ',',
  target_groups      TEXT NOT NULL DEFAULT ',',
  availability       INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 2097151),
  time_note          TEXT NOT NULL DEFAULT '',
  postcode           TEXT,
  capacity           INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  starts_on          TEXT,
  ends_on            TEXT,
  involves_children  INTEGER NOT NULL DEFAULT 0 CHECK (involves_children IN (0, 1)),
  status             TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  language           TEXT NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'nb')),
  organisation_kind  TEXT,
  created_by         BIGINT REFERENCES users (id),
  revision           BIGINT NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  FOREIGN KEY (municipality_code, unit_id) REFERENCES units (municipality_code, id),
  CHECK (unit_id IS NOT NULL OR organisation_id IS NOT NULL),
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);
CREATE INDEX opportunities_municipality ON opportunities (municipality_code, status, id);
CREATE INDEX opportunities_organisation ON opportunities (organisation_id);

-- An application to an opportunity: by a logged-in person (user_id) or by e-mail, verified by a
-- link before the poster sees it (state 'unverified' until then; only the hash of the link's
-- token is kept). One application per opportunity and e-mail address.
CREATE TABLE applications (
  id                 {{ID}},
  opportunity_id     BIGINT NOT NULL REFERENCES opportunities (id),
  user_id            BIGINT REFERENCES users (id),
  email              TEXT NOT NULL,
  name               TEXT NOT NULL,
  phone              TEXT NOT NULL DEFAULT '',
  motivation         TEXT NOT NULL DEFAULT '',
  state              TEXT NOT NULL CHECK (state IN ('unverified', 'new', 'contacted', 'agreed', 'active', 'ended',
                                                    'declined', 'withdrawn')),
  verify_token_hash  TEXT,
  revision           BIGINT NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (opportunity_id, email)
);
CREATE INDEX applications_opportunity ON applications (opportunity_id, state);
CREATE INDEX applications_user ON applications (user_id);

-- Messages between an applicant and the poster, in order.
CREATE TABLE application_messages (
  id              {{ID}},
  application_id  BIGINT NOT NULL REFERENCES applications (id),
  author_user_id  BIGINT REFERENCES users (id),
  from_applicant  INTEGER NOT NULL CHECK (from_applicant IN (0, 1)),
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX application_messages_application ON application_messages (application_id, id);

-- A need posted by a municipal unit: what it wants help with, for whom, where and when. Municipal
-- data: 'private' needs are seen by the municipality's staff only; 'public' ones also by
-- organisations, companies and volunteers (and the public page). A target group marked
-- `vulnerable` (seed 004) requires the approval of the partner organisation that works with it
-- before a company's offer is taken on, and no direct contact with the target group unless
-- `direct_contact` is set.
CREATE TABLE needs (
  id                       {{ID}},
  municipality_code        TEXT NOT NULL REFERENCES municipalities (code),
  unit_id                  BIGINT NOT NULL,
  title                    TEXT NOT NULL,
  description              TEXT NOT NULL DEFAULT '',
  skills                   TEXT NOT NULL DEFAULT ',',
  languages                TEXT NOT NULL DEFAULT ',',
  welfare_area             TEXT,
  target_group             TEXT,
  vulnerable               INTEGER NOT NULL DEFAULT 0 CHECK (vulnerable IN (0, 1)),
  direct_contact           INTEGER NOT NULL DEFAULT 1 CHECK (direct_contact IN (0, 1)),
  partner_organisation_id  BIGINT REFERENCES organisations (id),
  involves_children        INTEGER NOT NULL DEFAULT 0 CHECK (involves_children IN (0, 1)),
  availability             INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 2097151),
  postcode                 TEXT,
  places                   INTEGER NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 10000),
  starts_on                TEXT,
  ends_on                  TEXT,
  visibility               TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public')),
  status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by               BIGINT REFERENCES users (id),
  revision                 BIGINT NOT NULL DEFAULT 1,
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  UNIQUE (municipality_code, id),
  FOREIGN KEY (municipality_code, unit_id) REFERENCES units (municipality_code, id),
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);
CREATE INDEX needs_municipality ON needs (municipality_code, status, id);

-- An offer: what an organisation, a company (an organisation of kind 'company') or a volunteer
-- can give. `kind`: 'skills' (skills-based volunteering), 'hours', 'event_day' (a day with a
-- date and a capacity), 'materials', 'rooms'. `municipalities` lists the municipalities it is
-- offered to; ',' means every municipality.
CREATE TABLE offers (
  id                 {{ID}},
  organisation_id    BIGINT REFERENCES organisations (id),
  user_id            BIGINT REFERENCES users (id),
  kind               TEXT NOT NULL CHECK (kind IN ('skills', 'hours', 'event_day', 'materials', 'rooms')),
  title              TEXT NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  skills             TEXT NOT NULL DEFAULT ',',
  languages          TEXT NOT NULL DEFAULT ',',
  welfare_areas      TEXT NOT NULL DEFAULT ',',
  target_groups      TEXT NOT NULL DEFAULT ',',
  availability       INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 2097151),
  hours              INTEGER CHECK (hours IS NULL OR hours BETWEEN 1 AND 100000),
  event_on           TEXT,
  event_capacity     INTEGER CHECK (event_capacity IS NULL OR event_capacity BETWEEN 1 AND 10000),
  postcode           TEXT,
  travel_km          INTEGER NOT NULL DEFAULT 25 CHECK (travel_km BETWEEN 0 AND 500),
  municipalities     TEXT NOT NULL DEFAULT ',',
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by         BIGINT REFERENCES users (id),
  revision           BIGINT NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (organisation_id IS NOT NULL OR user_id IS NOT NULL),
  CHECK (kind <> 'event_day' OR (event_on IS NOT NULL AND event_capacity IS NOT NULL))
);
CREATE INDEX offers_organisation ON offers (organisation_id);
CREATE INDEX offers_user ON offers (user_id);

-- What a user said about a proposed match: 'contacted' or 'not_relevant' (the engine stops
-- proposing a candidate marked not relevant for that need or offer). Subject: the need or offer
-- the matches were asked for; candidate: what was proposed ('volunteer', 'organisation',
-- 'offer', 'need', 'unit').
CREATE TABLE match_marks (
  subject_kind    TEXT NOT NULL CHECK (subject_kind IN ('need', 'offer')),
  subject_id      BIGINT NOT NULL,
  candidate_kind  TEXT NOT NULL CHECK (candidate_kind IN ('volunteer', 'organisation', 'offer', 'need', 'unit')),
  candidate_id    BIGINT NOT NULL,
  mark            TEXT NOT NULL CHECK (mark IN ('contacted', 'not_relevant')),
  marked_by       BIGINT REFERENCES users (id),
  marked_at       TEXT NOT NULL,
  PRIMARY KEY (subject_kind, subject_id, candidate_kind, candidate_id)
);

-- The change log the in-memory matching index follows (storage/market_changes.h): every write of
-- a volunteer profile appends the profile's id here in the same transaction. Each `samskab serve`
-- instance reads the entries after the last one it applied before it matches, so instances that
-- share one PostgreSQL agree. On PostgreSQL writers take an advisory lock first, so ids become
-- visible in order and a reader never skips an id that commits late.
CREATE TABLE market_changes (
  id          {{ID}},
  kind        TEXT NOT NULL CHECK (kind IN ('volunteer')),
  record_id   BIGINT NOT NULL,
  changed_at  TEXT NOT NULL
);
