// Reading needs and offers from JSON: one reader for the API and the pages (the forms are turned
// into the same JSON), so a field means the same everywhere. Every problem of a body is reported
// at once (ValidationFailed naming each field); unknown fields are refused.
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "domain/market/need.h"
#include "domain/market/offer.h"

namespace samskab::api {

// Sets the fields `body` names on `need` (PATCH names only what changes; PUT and POST start from
// a fresh need). With `creating`, title and unit_id are required. Applies the vulnerable rule's
// default (ApplyVulnerableDefault) against `was_vulnerable`.
Status ReadNeedFields(const nlohmann::json& body, domain::Need& need, bool creating, bool was_vulnerable);

// Sets the fields `body` names on `offer`. With `creating`, title and kind are required and
// `organisation_id` may name the owning organisation (else the offer is the caller's own);
// otherwise `organisation_id` must be absent or the current owner.
Status ReadOfferFields(const nlohmann::json& body, domain::Offer& offer, bool creating);

}  // namespace samskab::api
