-- The municipal unit hierarchy: administration (forvaltning) -> center -> department (afdeling).
-- Every unit belongs to one municipality; a parent is always in the same municipality (the
-- store checks it, and the composite foreign key makes it impossible to store otherwise).
CREATE TABLE units (
  id                {{ID}},
  municipality_code TEXT NOT NULL REFERENCES municipalities (code),
  parent_id         BIGINT,
  kind              TEXT NOT NULL CHECK (kind IN ('administration', 'center', 'department')),
  name              TEXT NOT NULL,
  revision          BIGINT NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (municipality_code, id),
  FOREIGN KEY (municipality_code, parent_id) REFERENCES units (municipality_code, id)
);
CREATE INDEX units_municipality_parent ON units (municipality_code, parent_id, name);
