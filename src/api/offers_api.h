// /api/v1/offers: offers for anyone signed in, as far as they may see them (their own and their
// organisations', and for municipal staff the offers made to their municipality); changed by
// their owners only, with If-Match. /api/v1/public/offers: the open offers of organisations with
// a public profile, for everyone (docs/decisions/0013-needs-offers.md).
#pragma once

#include "http/router.h"
#include "storage/offer_store.h"

namespace samskab::api {

void RegisterOfferApi(http::Router& router, storage::OfferStore& offers);

// The list's query: status, kind, organisation_id, mine (true: only the caller's own offers),
// organisation_kind (the public list), limit, cursor. kInvalidArgument naming each bad parameter.
Result<storage::OfferFilter> ReadOfferFilter(const http::Request& request);

}  // namespace samskab::api
