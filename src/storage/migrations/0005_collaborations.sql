-- Organisation profiles, the collaboration registry, partnership agreements, center worksheets
-- (issue 4). Booleans are INTEGER 0/1 on both backends. Lists of vocabulary keys are stored as
-- ",key1,key2," so that one LIKE '%,key,%' finds a key without a join; keys are [a-z0-9_].

-- The organisation profile (seed 004's last page: resources, roles it can and cannot play, the
-- frames it works under). `municipality_code` is set when a municipality registered the
-- organisation itself (a community or an individual not on the platform): then the record is that
-- municipality's data. NULL: the organisation keeps its own platform-wide profile.
-- `is_public`: the public sees the profile. `organisation_shares` lists the municipalities a
-- non-public profile is shared with.
ALTER TABLE organisations ADD COLUMN municipality_code TEXT REFERENCES municipalities (code);
ALTER TABLE organisations ADD COLUMN is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1));
ALTER TABLE organisations ADD COLUMN cvr TEXT;
ALTER TABLE organisations ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN postcode TEXT;
ALTER TABLE organisations ADD COLUMN town TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN icnpo TEXT;
ALTER TABLE organisations ADD COLUMN welfare_areas TEXT NOT NULL DEFAULT ',';
ALTER TABLE organisations ADD COLUMN target_groups TEXT NOT NULL DEFAULT ',';
ALTER TABLE organisations ADD COLUMN resources TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN roles_can TEXT NOT NULL DEFAULT ',';
ALTER TABLE organisations ADD COLUMN roles_cannot TEXT NOT NULL DEFAULT ',';
ALTER TABLE organisations ADD COLUMN frames TEXT NOT NULL DEFAULT '';
-- The lower-cased (text::FoldCase) name, description, resources, frames and town, for the free-text
-- filter of the directory and the municipality's list.
ALTER TABLE organisations ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX organisations_municipality ON organisations (municipality_code, name);
CREATE INDEX organisations_public ON organisations (is_public, name);

CREATE TABLE organisation_shares (
  organisation_id   BIGINT NOT NULL REFERENCES organisations (id),
  municipality_code TEXT NOT NULL REFERENCES municipalities (code),
  created_at        TEXT NOT NULL,
  PRIMARY KEY (organisation_id, municipality_code)
);
CREATE INDEX organisation_shares_municipality ON organisation_shares (municipality_code);

-- Contact people of an organisation (personal data, docs/PRIVACY.md): shown to the public only
-- when both the profile and the contact are public.
CREATE TABLE organisation_contacts (
  id              {{ID}},
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  name            TEXT NOT NULL,
  title           TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  is_public       INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX organisation_contacts_organisation ON organisation_contacts (organisation_id, position);

-- A municipality's own terms beside the built-in welfare areas and target groups
-- (src/domain/vocabulary): the built-in ones are in the code and the message catalogs.
CREATE TABLE vocabulary_terms (
  municipality_code TEXT NOT NULL REFERENCES municipalities (code),
  vocabulary        TEXT NOT NULL CHECK (vocabulary IN ('welfare_area', 'target_group')),
  term_key          TEXT NOT NULL,
  label_da          TEXT NOT NULL,
  label_nb          TEXT NOT NULL,
  label_en          TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  PRIMARY KEY (municipality_code, vocabulary, term_key)
);

-- Collaborations (samarbejdsforløb). The placement columns (derived_level, level, volunteer_type,
-- quadrant) are derived by the model (src/domain/collaboration/model.h) from the facts, the
-- override and the partners' kinds, and written with every change (also when a partner's kind
-- changes), so the overview and the matrix filter on them in SQL. `search_text` is the lower-cased
-- title, description, locality and funding source for the free-text filter; `partner_kinds` the
-- partners' kinds as bits (1 << the kind's position in domain::OrganisationKind), kept like the
-- placement, so the kind filter is one integer test per row on both backends. `import_key` identifies a row that
-- came from a CSV import, so a re-import does not duplicate it.
CREATE TABLE collaborations (
  id                     {{ID}},
  municipality_code      TEXT NOT NULL REFERENCES municipalities (code),
  title                  TEXT NOT NULL,
  description            TEXT NOT NULL DEFAULT '',
  welfare_area           TEXT,
  target_group           TEXT,
  starts_on              TEXT,
  ends_on                TEXT,
  status                 TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'active', 'paused', 'ended')),
  form                   TEXT NOT NULL CHECK (form IN ('ad_hoc', 'ongoing', 'partnership')),
  staff_hours_per_year   BIGINT,
  budget_dkk             BIGINT,
  funding_source         TEXT NOT NULL DEFAULT '',
  locality               TEXT NOT NULL DEFAULT '',
  postcode               TEXT,
  activity_registered    INTEGER NOT NULL DEFAULT 0 CHECK (activity_registered IN (0, 1)),
  evaluated              INTEGER NOT NULL DEFAULT 0 CHECK (evaluated IN (0, 1)),
  rooms_lent             INTEGER NOT NULL DEFAULT 0 CHECK (rooms_lent IN (0, 1)),
  citizens_referred      INTEGER NOT NULL DEFAULT 0 CHECK (citizens_referred IN (0, 1)),
  contact_person         INTEGER NOT NULL DEFAULT 0 CHECK (contact_person IN (0, 1)),
  coordination           INTEGER NOT NULL DEFAULT 0 CHECK (coordination IN (0, 1)),
  staff_take_part        INTEGER NOT NULL DEFAULT 0 CHECK (staff_take_part IN (0, 1)),
  partnership_agreement  INTEGER NOT NULL DEFAULT 0 CHECK (partnership_agreement IN (0, 1)),
  dedicated_budget       INTEGER NOT NULL DEFAULT 0 CHECK (dedicated_budget IN (0, 1)),
  override_level         TEXT CHECK (override_level IN ('low', 'medium', 'high')),
  override_reason        TEXT NOT NULL DEFAULT '',
  derived_level          TEXT NOT NULL CHECK (derived_level IN ('low', 'medium', 'high')),
  level                  TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  volunteer_type         TEXT CHECK (volunteer_type IN ('associations', 'communities_and_individuals')),
  quadrant               INTEGER CHECK (quadrant BETWEEN 1 AND 4),
  inspiration            INTEGER NOT NULL DEFAULT 0 CHECK (inspiration IN (0, 1)),
  inspiration_note       TEXT NOT NULL DEFAULT '',
  responsible_user_id    BIGINT REFERENCES users (id),
  import_key             TEXT,
  search_text            TEXT NOT NULL DEFAULT '',
  partner_kinds          INTEGER NOT NULL DEFAULT 0,
  revision               BIGINT NOT NULL DEFAULT 1,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  UNIQUE (municipality_code, id),
  CHECK (override_level IS NULL OR override_reason <> ''),
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);
CREATE INDEX collaborations_title ON collaborations (municipality_code, title, id);
CREATE INDEX collaborations_status ON collaborations (municipality_code, status);
CREATE INDEX collaborations_placement ON collaborations (municipality_code, level, quadrant);
CREATE INDEX collaborations_inspiration ON collaborations (municipality_code, inspiration);
CREATE UNIQUE INDEX collaborations_import_key ON collaborations (municipality_code, import_key);

CREATE TABLE collaboration_units (
  collaboration_id  BIGINT NOT NULL,
  municipality_code TEXT NOT NULL,
  unit_id           BIGINT NOT NULL,
  PRIMARY KEY (collaboration_id, unit_id),
  FOREIGN KEY (municipality_code, collaboration_id) REFERENCES collaborations (municipality_code, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_code, unit_id) REFERENCES units (municipality_code, id)
);
CREATE INDEX collaboration_units_unit ON collaboration_units (municipality_code, unit_id, collaboration_id);

CREATE TABLE collaboration_partners (
  collaboration_id BIGINT NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
  organisation_id  BIGINT NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (collaboration_id, organisation_id)
);
CREATE INDEX collaboration_partners_organisation ON collaboration_partners (organisation_id, collaboration_id);

-- Partnership agreements (seed 004): each side's obligations, signed and review dates. The
-- responsible employee sees the agreement in their task list from 30 days before the review date.
CREATE TABLE partnership_agreements (
  id                       {{ID}},
  municipality_code        TEXT NOT NULL,
  collaboration_id         BIGINT NOT NULL,
  municipality_obligations TEXT NOT NULL DEFAULT '',
  partner_obligations      TEXT NOT NULL DEFAULT '',
  signed_on                TEXT,
  review_on                TEXT,
  status                   TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'under_review', 'ended')),
  responsible_user_id      BIGINT REFERENCES users (id),
  revision                 BIGINT NOT NULL DEFAULT 1,
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  UNIQUE (municipality_code, id),
  FOREIGN KEY (municipality_code, collaboration_id) REFERENCES collaborations (municipality_code, id) ON DELETE CASCADE
);
CREATE INDEX partnership_agreements_collaboration ON partnership_agreements (municipality_code, collaboration_id);
CREATE INDEX partnership_agreements_review ON partnership_agreements (responsible_user_id, review_on);

-- The center worksheet (the memo's discussion guide, seed 003): one per center and year.
-- `quadrants` is ",1,3," (the quadrants the center wants to work with).
CREATE TABLE center_worksheets (
  id                  {{ID}},
  municipality_code   TEXT NOT NULL,
  unit_id             BIGINT NOT NULL,
  year                INTEGER NOT NULL,
  work_areas          TEXT NOT NULL DEFAULT '',
  priorities          TEXT NOT NULL DEFAULT '',
  quadrants           TEXT NOT NULL DEFAULT ',',
  quadrants_note      TEXT NOT NULL DEFAULT '',
  spreading           TEXT NOT NULL DEFAULT '',
  relatives           TEXT NOT NULL DEFAULT '',
  local_possibilities TEXT NOT NULL DEFAULT '',
  contact_owner       TEXT NOT NULL DEFAULT '',
  revision            BIGINT NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (municipality_code, unit_id, year),
  FOREIGN KEY (municipality_code, unit_id) REFERENCES units (municipality_code, id)
);
