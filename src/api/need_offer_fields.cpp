#include "api/need_offer_fields.h"

#include <algorithm>

namespace samskab::api {
namespace {

using nlohmann::json;

// Collects every problem of one body; the first problem of a field is the one reported.
class Problems {
 public:
  void Add(const std::string& field, const std::string& key) {
    const bool known =
        std::any_of(list_.begin(), list_.end(), [&](const auto& p) { return p.field == field; });
    if (!known) list_.push_back({field, key});
  }
  Status ToStatus() { return list_.empty() ? Status::Ok() : ValidationFailed(std::move(list_)); }

 private:
  std::vector<FieldProblem> list_;
};

void ReadText(const json& value, const std::string& field, std::string& out, Problems& problems) {
  if (value.is_string()) {
    out = value.get<std::string>();
  } else {
    problems.Add(field, "validation.type_text");
  }
}

void ReadOptionalText(const json& value, const std::string& field, std::optional<std::string>& out,
                      Problems& problems) {
  if (value.is_null()) {
    out.reset();
  } else if (value.is_string()) {
    out = value.get<std::string>();
  } else {
    problems.Add(field, "validation.type_text");
  }
}

void ReadNumber(const json& value, const std::string& field, int64_t& out, Problems& problems) {
  if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else {
    problems.Add(field, "validation.number");
  }
}

void ReadOptionalNumber(const json& value, const std::string& field, std::optional<int64_t>& out,
                        Problems& problems) {
  if (value.is_null()) {
    out.reset();
  } else if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else {
    problems.Add(field, "validation.number");
  }
}

void ReadBool(const json& value, const std::string& field, bool& out, Problems& problems) {
  if (value.is_boolean()) {
    out = value.get<bool>();
  } else {
    problems.Add(field, "validation.type_boolean");
  }
}

void ReadList(const json& value, const std::string& field, std::vector<std::string>& out,
              Problems& problems) {
  const bool strings = value.is_array() &&
                       std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
  if (!strings) {
    problems.Add(field, "validation.type_list");
    return;
  }
  out = value.get<std::vector<std::string>>();
}

void ReadAvailability(const json& value, domain::WeeklyAvailability& out, Problems& problems) {
  auto grid = domain::WeeklyAvailability::FromJson(value);
  if (grid.ok()) {
    out = *grid;
  } else {
    problems.Add("availability", "availability.error.shape");
  }
}

void ReadStatus(const json& value, domain::MarketStatus& out, Problems& problems) {
  auto status = value.is_string() ? domain::ParseMarketStatus(value.get<std::string>()) : std::nullopt;
  if (status) {
    out = *status;
  } else {
    problems.Add("status", "market.error.status");
  }
}

}  // namespace

Status ReadNeedFields(const json& body, domain::Need& n, bool creating, bool was_vulnerable) {
  Problems problems;
  for (const auto& [key, value] : body.items()) {
    if (key == "unit_id") {
      ReadNumber(value, key, n.unit_id, problems);
    } else if (key == "title") {
      ReadText(value, key, n.title, problems);
    } else if (key == "description") {
      ReadText(value, key, n.description, problems);
    } else if (key == "skills") {
      ReadList(value, key, n.skills, problems);
    } else if (key == "languages") {
      ReadList(value, key, n.languages, problems);
    } else if (key == "welfare_area") {
      ReadOptionalText(value, key, n.welfare_area, problems);
    } else if (key == "target_group") {
      ReadOptionalText(value, key, n.target_group, problems);
    } else if (key == "vulnerable") {
      ReadBool(value, key, n.vulnerable, problems);
    } else if (key == "direct_contact") {
      ReadBool(value, key, n.direct_contact, problems);
    } else if (key == "partner_organisation_id") {
      ReadOptionalNumber(value, key, n.partner_organisation_id, problems);
    } else if (key == "involves_children") {
      ReadBool(value, key, n.involves_children, problems);
    } else if (key == "availability") {
      ReadAvailability(value, n.availability, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, n.postcode, problems);
    } else if (key == "places") {
      ReadNumber(value, key, n.places, problems);
    } else if (key == "starts_on") {
      ReadOptionalText(value, key, n.starts_on, problems);
    } else if (key == "ends_on") {
      ReadOptionalText(value, key, n.ends_on, problems);
    } else if (key == "visibility") {
      auto visibility =
          value.is_string() ? domain::ParseNeedVisibility(value.get<std::string>()) : std::nullopt;
      if (visibility) {
        n.visibility = *visibility;
      } else {
        problems.Add(key, "need.error.visibility");
      }
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
  return problems.ToStatus();
}

Status ReadOfferFields(const json& body, domain::Offer& o, bool creating) {
  Problems problems;
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
      auto kind = value.is_string() ? domain::ParseOfferKind(value.get<std::string>()) : std::nullopt;
      if (kind) {
        o.kind = *kind;
      } else {
        problems.Add(key, "offer.error.kind");
      }
    } else if (key == "title") {
      ReadText(value, key, o.title, problems);
    } else if (key == "description") {
      ReadText(value, key, o.description, problems);
    } else if (key == "skills") {
      ReadList(value, key, o.skills, problems);
    } else if (key == "languages") {
      ReadList(value, key, o.languages, problems);
    } else if (key == "welfare_areas") {
      ReadList(value, key, o.welfare_areas, problems);
    } else if (key == "target_groups") {
      ReadList(value, key, o.target_groups, problems);
    } else if (key == "availability") {
      ReadAvailability(value, o.availability, problems);
    } else if (key == "hours") {
      ReadOptionalNumber(value, key, o.hours, problems);
    } else if (key == "event_on") {
      ReadOptionalText(value, key, o.event_on, problems);
    } else if (key == "event_capacity") {
      ReadOptionalNumber(value, key, o.event_capacity, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, o.postcode, problems);
    } else if (key == "travel_km") {
      ReadNumber(value, key, o.travel_km, problems);
    } else if (key == "municipalities") {
      if (value.is_string() && value.get<std::string>() == "all") {
        o.municipalities.clear();
      } else {
        ReadList(value, key, o.municipalities, problems);
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
  return problems.ToStatus();
}

}  // namespace samskab::api
