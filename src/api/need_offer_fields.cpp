#include "api/need_offer_fields.h"

#include <algorithm>

#include "api/market_fields.h"

namespace samskab::api {
namespace {

using nlohmann::json;

// The nullable number of a body (partner_organisation_id …): null clears.
void ReadOptionalNumber(const json& value, const std::string& field, std::optional<int64_t>& out,
                        FieldProblems& problems) {
  if (value.is_null()) {
    out.reset();
    return;
  }
  int64_t number = 0;
  ReadInteger(value, field, number, problems);
  if (value.is_number_integer()) out = number;
}

void ReadStatus(const json& value, domain::MarketStatus& out, FieldProblems& problems) {
  ReadChoice(value, "status", domain::ParseMarketStatus, out, problems, "market.error.status");
}

}  // namespace

Status ReadNeedFields(const json& body, domain::Need& n, bool creating, bool was_vulnerable) {
  FieldProblems problems;
  for (const auto& [key, value] : body.items()) {
    if (key == "unit_id") {
      ReadInteger(value, key, n.unit_id, problems);
    } else if (key == "title") {
      ReadText(value, key, n.title, problems);
    } else if (key == "description") {
      ReadText(value, key, n.description, problems);
    } else if (key == "skills") {
      ReadTextList(value, key, n.skills, problems);
    } else if (key == "languages") {
      ReadTextList(value, key, n.languages, problems);
    } else if (key == "welfare_area") {
      ReadOptionalText(value, key, n.welfare_area, problems);
    } else if (key == "target_group") {
      ReadOptionalText(value, key, n.target_group, problems);
    } else if (key == "vulnerable") {
      ReadFlag(value, key, n.vulnerable, problems);
    } else if (key == "direct_contact") {
      ReadFlag(value, key, n.direct_contact, problems);
    } else if (key == "partner_organisation_id") {
      ReadOptionalNumber(value, key, n.partner_organisation_id, problems);
    } else if (key == "involves_children") {
      ReadFlag(value, key, n.involves_children, problems);
    } else if (key == "availability") {
      ReadAvailability(value, "availability", n.availability, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, n.postcode, problems);
    } else if (key == "places") {
      ReadInteger(value, key, n.places, problems);
    } else if (key == "starts_on") {
      ReadOptionalText(value, key, n.starts_on, problems);
    } else if (key == "ends_on") {
      ReadOptionalText(value, key, n.ends_on, problems);
    } else if (key == "visibility") {
      ReadChoice(value, key, domain::ParseNeedVisibility, n.visibility, problems, "need.error.visibility");
    } else if (key == "status") {
      ReadStatus(value, n.status, problems);
    } else if (key == "id" || key == "municipality_code" || key == "unit_name" ||
               key == "partner_organisation_name" || key == "town" || key == "revision" ||
               key == "created_at" || key == "updated_at" || key == "created_by") {
      // Read-only fields a client may send back as it read them (PUT): not its to set.
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (creating && !body.contains("title")) problems.Add("title", "validation.required");
  if (creating && !body.contains("unit_id")) problems.Add("unit_id", "validation.required");
  domain::ApplyVulnerableDefault(n, was_vulnerable, body.contains("direct_contact"));
  return problems.empty() ? Status::Ok() : std::move(problems).Failed();
}

Status ReadOfferFields(const json& body, domain::Offer& o, bool creating) {
  FieldProblems problems;
  for (const auto& [key, value] : body.items()) {
    if (key == "organisation_id") {
      std::optional<int64_t> organisation;
      ReadOptionalNumber(value, key, organisation, problems);
      if (creating) {
        o.organisation_id = organisation;
      } else if (organisation != o.organisation_id) {
        problems.Add(key, "offer.error.owner_fixed");
      }
    } else if (key == "kind") {
      ReadChoice(value, key, domain::ParseOfferKind, o.kind, problems, "offer.error.kind");
    } else if (key == "title") {
      ReadText(value, key, o.title, problems);
    } else if (key == "description") {
      ReadText(value, key, o.description, problems);
    } else if (key == "skills") {
      ReadTextList(value, key, o.skills, problems);
    } else if (key == "languages") {
      ReadTextList(value, key, o.languages, problems);
    } else if (key == "welfare_areas") {
      ReadTextList(value, key, o.welfare_areas, problems);
    } else if (key == "target_groups") {
      ReadTextList(value, key, o.target_groups, problems);
    } else if (key == "availability") {
      ReadAvailability(value, "availability", o.availability, problems);
    } else if (key == "hours") {
      ReadOptionalNumber(value, key, o.hours, problems);
    } else if (key == "event_on") {
      ReadOptionalText(value, key, o.event_on, problems);
    } else if (key == "event_capacity") {
      ReadOptionalNumber(value, key, o.event_capacity, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, o.postcode, problems);
    } else if (key == "travel_km") {
      ReadInteger(value, key, o.travel_km, problems);
    } else if (key == "municipalities") {
      if (value.is_string() && value.get<std::string>() == "all") {
        o.municipalities.clear();
      } else {
        ReadTextList(value, key, o.municipalities, problems);
        if (value.is_array() && value.empty()) problems.Add(key, "offer.error.unknown_municipality");
      }
    } else if (key == "status") {
      ReadStatus(value, o.status, problems);
    } else if (key == "id" || key == "user_id" || key == "owner_name" || key == "organisation_kind" ||
               key == "town" || key == "revision" || key == "created_at" || key == "updated_at") {
      // Read-only fields a client may send back as it read them (PUT): not its to set.
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (creating && !body.contains("title")) problems.Add("title", "validation.required");
  if (creating && !body.contains("kind")) problems.Add("kind", "validation.required");
  return problems.empty() ? Status::Ok() : std::move(problems).Failed();
}

}  // namespace samskab::api
