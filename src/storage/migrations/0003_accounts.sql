-- People, their roles, sessions and the security records around them (issue 3).
-- Accounts and organisations are platform-wide: an association or a volunteer has one profile
-- across municipalities (PRODUCT.md, "Whose data is whose"). Municipal data carries its
-- municipality. Personal data: see docs/PRIVACY.md for why and for how long.

-- Secrets this installation shares between its `samskab serve` instances (the key that signs
-- session cookies). Generated once, at the first start; never shown through the product.
CREATE TABLE instance_secrets (
  name       TEXT PRIMARY KEY,
  secret     TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Organisations (associations, communities, companies …). Issue 4 adds the profile; here they
-- exist so that organisation roles and invitations have something to point at.
CREATE TABLE organisations (
  id         {{ID}},
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  revision   BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Accounts. `email` is stored lower-cased and trimmed; erased accounts keep their row (so
-- statistics and the audit trail still count them) with the personal fields replaced.
CREATE TABLE users (
  id                {{ID}},
  email             TEXT NOT NULL UNIQUE,
  display_name      TEXT NOT NULL,
  password_hash     TEXT NOT NULL,
  email_verified_at TEXT,
  created_at        TEXT NOT NULL,
  erased_at         TEXT,
  revision          BIGINT NOT NULL DEFAULT 1
);

-- A user's roles, each in its scope: platform_admin (none), municipal_admin (municipality),
-- municipal_employee (municipality + unit), organisation_admin/member (organisation),
-- volunteer (themselves).
CREATE TABLE role_grants (
  id                {{ID}},
  user_id           BIGINT NOT NULL REFERENCES users (id),
  role              TEXT NOT NULL CHECK (role IN ('platform_admin', 'municipal_admin', 'municipal_employee',
                                                  'organisation_admin', 'organisation_member', 'volunteer')),
  municipality_code TEXT REFERENCES municipalities (code),
  unit_id           BIGINT,
  organisation_id   BIGINT REFERENCES organisations (id),
  created_at        TEXT NOT NULL,
  FOREIGN KEY (municipality_code, unit_id) REFERENCES units (municipality_code, id),
  CHECK (role <> 'municipal_admin' OR (municipality_code IS NOT NULL AND unit_id IS NULL)),
  CHECK (role <> 'municipal_employee' OR (municipality_code IS NOT NULL AND unit_id IS NOT NULL)),
  CHECK (role NOT IN ('organisation_admin', 'organisation_member') OR organisation_id IS NOT NULL)
);
CREATE INDEX role_grants_user ON role_grants (user_id);
CREATE INDEX role_grants_municipality ON role_grants (municipality_code, role);
CREATE UNIQUE INDEX role_grants_unique
  ON role_grants (user_id, role, COALESCE(municipality_code, ''), COALESCE(unit_id, 0), COALESCE(organisation_id, 0));

-- Login sessions, shared by every instance. The cookie carries a random token; only its hash is
-- stored, so a copy of the database does not log anyone in.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users (id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use, expiring links sent by e-mail: e-mail verification, password reset, invitations.
-- Only the hash of the token is stored. `payload` is JSON (an invitation's role and scope).
CREATE TABLE one_time_tokens (
  token_hash        TEXT PRIMARY KEY,
  purpose           TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'invitation')),
  email             TEXT NOT NULL,
  user_id           BIGINT REFERENCES users (id),
  municipality_code TEXT REFERENCES municipalities (code),
  organisation_id   BIGINT REFERENCES organisations (id),
  payload           TEXT NOT NULL DEFAULT '{}',
  created_by        BIGINT REFERENCES users (id),
  created_at        TEXT NOT NULL,
  expires_at        TEXT NOT NULL,
  used_at           TEXT
);
CREATE INDEX one_time_tokens_municipality ON one_time_tokens (municipality_code, purpose, created_at);

-- E-mail waiting to be sent (SMTP delivery comes later; a platform admin can read it meanwhile).
CREATE TABLE outbox (
  id         {{ID}},
  recipient  TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at    TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);

-- API tokens for integrations: one municipality and one role each; only the hash is stored.
CREATE TABLE api_tokens (
  id                {{ID}},
  token_hash        TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  municipality_code TEXT REFERENCES municipalities (code),
  role              TEXT NOT NULL,
  created_by        BIGINT REFERENCES users (id),
  created_at        TEXT NOT NULL,
  last_used_at      TEXT,
  revoked_at        TEXT,
  CHECK (role IN ('platform_admin', 'municipal_admin', 'municipal_employee')),
  CHECK (role = 'platform_admin' OR municipality_code IS NOT NULL)
);
CREATE INDEX api_tokens_municipality ON api_tokens (municipality_code, id);

-- Failed logins, per account and per client address, in a sliding window (see auth/throttle).
CREATE TABLE login_failures (
  subject      TEXT PRIMARY KEY,
  failures     BIGINT NOT NULL,
  window_start TEXT NOT NULL
);

-- Every change to tenant data: who, when, from which request, what, before and after (JSON).
-- The product only ever inserts here; no route updates or deletes a row.
CREATE TABLE audit_log (
  id                {{ID}},
  municipality_code TEXT,
  actor_user_id     BIGINT,
  actor_token_id    BIGINT,
  actor_label       TEXT NOT NULL,
  request_id        TEXT NOT NULL,
  action            TEXT NOT NULL,
  entity            TEXT NOT NULL,
  entity_id         TEXT NOT NULL,
  before_json       TEXT,
  after_json        TEXT,
  at                TEXT NOT NULL
);
CREATE INDEX audit_log_municipality ON audit_log (municipality_code, id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id);

-- Consents a person has given (and withdrawn), with the version of the text they saw.
CREATE TABLE consents (
  id           {{ID}},
  user_id      BIGINT NOT NULL REFERENCES users (id),
  purpose      TEXT NOT NULL,
  text_version TEXT NOT NULL,
  given_at     TEXT NOT NULL,
  withdrawn_at TEXT
);
CREATE INDEX consents_user ON consents (user_id, purpose);
