-- The partner organisation's approval of an offer for a need whose target group is vulnerable
-- (issue 5 item 4, seed 004; docs/decisions/0018-approval.md). The municipality's staff ask
-- (decision 'pending'); the admins of the need's partner organisation approve or decline, and
-- only they may allow direct contact with the target group: `direct_contact` is 0 unless an
-- approval says otherwise (the CHECK makes a declined or pending row without contact).
--
-- `organisation_id` is the partner asked and deciding; when a need's partner changes, the need's
-- rows are put back to 'pending' for the new partner in the same transaction (NeedStore::Update),
-- so a decision always comes from the need's current partner. Rows go with their need or offer:
-- NeedStore::Delete and OfferStore::Delete remove them in the deletion's transaction (the foreign
-- keys, without ON DELETE, refuse a deletion that forgot them). No retention of its own: an
-- approval lives as long as both its need and its offer.
CREATE TABLE need_approvals (
  need_id          BIGINT NOT NULL REFERENCES needs (id),
  offer_id         BIGINT NOT NULL REFERENCES offers (id),
  organisation_id  BIGINT NOT NULL REFERENCES organisations (id),
  decision         TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'declined')),
  direct_contact   INTEGER NOT NULL DEFAULT 0 CHECK (direct_contact IN (0, 1)),
  note             TEXT NOT NULL DEFAULT '',
  requested_by     BIGINT REFERENCES users (id),
  requested_at     TEXT NOT NULL,
  decided_by       BIGINT REFERENCES users (id),
  decided_at       TEXT,
  revision         BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (need_id, offer_id),
  CHECK (direct_contact = 0 OR decision = 'approved'),
  CHECK ((decision = 'pending') = (decided_at IS NULL))
);
-- The partner's list ("waiting for us" first) and the offer's deletion.
CREATE INDEX need_approvals_organisation ON need_approvals (organisation_id, decision, requested_at);
CREATE INDEX need_approvals_offer ON need_approvals (offer_id);
