// Volunteer profiles over JSON (issue 5, items 1 and 6; docs/decisions/0011-volunteers.md):
//   a logged-in person   GET/PUT/DELETE /api/v1/volunteers/me (their own profile; PUT creates it,
//                        or replaces it with If-Match; creating makes them a volunteer)
//   municipal staff      GET /api/v1/volunteers (the profiles shared with municipalities, paged,
//                        filters skill, language, postcode), GET /api/v1/volunteers/{id}
// API tokens act for a municipality, not a person, so they have no own profile. A body naming an
// unknown field, or bad values, is refused with 422 naming every bad field; nothing changes.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/market/volunteer.h"
#include "http/router.h"
#include "storage/volunteer_store.h"

namespace samskab::api {

// Reads a PUT body onto `profile` (fields not named keep their value). Every problem is reported
// at once, with the profile's rules (the store's Normalise).
Status ReadVolunteerBody(const nlohmann::json& body, const storage::VolunteerStore& store,
                         domain::VolunteerProfile& profile);

void RegisterVolunteerApi(http::Router& router, storage::VolunteerStore& volunteers,
                          const domain::PostcodeDirectory& postcodes);

}  // namespace samskab::api
