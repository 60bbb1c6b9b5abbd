#include "api/advisor_api.h"

#include <fmt/format.h>

#include "api/json_api.h"
#include "domain/collaboration/guidance.h"
#include "domain/collaboration/model.h"

namespace samskab::api {
namespace {

using domain::InvolvementFacts;
using domain::OrganisationKind;

// The seven facts by their API names, bound to the struct's members: one list for reading.
struct FactField {
  std::string_view name;
  bool InvolvementFacts::*member;
};
constexpr FactField kFactFields[] = {
    {"rooms_lent", &InvolvementFacts::rooms_lent},
    {"citizens_referred", &InvolvementFacts::citizens_referred},
    {"contact_person", &InvolvementFacts::contact_person},
    {"coordination", &InvolvementFacts::coordination},
    {"staff_take_part", &InvolvementFacts::staff_take_part},
    {"partnership_agreement", &InvolvementFacts::partnership_agreement},
    {"dedicated_budget", &InvolvementFacts::dedicated_budget},
};

Result<InvolvementFacts> ReadFacts(const nlohmann::json& value) {
  if (!value.is_object())
    return InvalidArgument("involvement_facts must be an object", "collaboration.error.facts");
  InvolvementFacts facts;
  for (const auto& [key, flag] : value.items()) {
    const FactField* field = nullptr;
    for (const auto& candidate : kFactFields) {
      if (candidate.name == key) field = &candidate;
    }
    if (!field) return InvalidArgument(fmt::format("unknown fact {}", key), "collaboration.error.facts");
    if (!flag.is_boolean())
      return InvalidArgument(fmt::format("{} must be a boolean", key), "collaboration.error.facts");
    facts.*(field->member) = flag.get<bool>();
  }
  return facts;
}

Result<std::vector<OrganisationKind>> ReadKinds(const nlohmann::json& value) {
  if (!value.is_array())
    return InvalidArgument("partner_kinds must be an array", "collaboration.error.partner_kind");
  std::vector<OrganisationKind> kinds;
  for (const auto& item : value) {
    auto kind = item.is_string() ? domain::ParseOrganisationKind(item.get<std::string>()) : std::nullopt;
    if (!kind) return InvalidArgument("unknown partner kind", "collaboration.error.partner_kind");
    kinds.push_back(*kind);
  }
  return kinds;
}

}  // namespace

void RegisterAdvisorApi(http::Router& router, Translate translate) {
  router.Add("POST", "/api/v1/advisor", domain::Access::MunicipalStaff(),
             [translate = std::move(translate)](http::Request& request) -> Result<http::Response> {
               auto body = ParseJsonObject(request);
               if (!body.ok()) return body.status();
               for (const auto& [key, value] : body->items()) {
                 if (key != "partner_kinds" && key != "involvement_facts")
                   return InvalidArgument(fmt::format("unknown field {}", key), "error.unknown_field");
               }
               auto kinds = ReadKinds(body->value("partner_kinds", nlohmann::json::array()));
               if (!kinds.ok()) return kinds.status();
               auto facts = ReadFacts(body->value("involvement_facts", nlohmann::json::object()));
               if (!facts.ok()) return facts.status();
               auto placement = domain::PlaceCollaboration(*facts, *kinds, std::nullopt, "");
               if (!placement.ok()) return placement.status();
               nlohmann::json out = domain::PlacementToJson(*placement);
               auto& points = out["attention_points"] = nlohmann::json::array();
               for (const auto& point : domain::AttentionPointsFor(*placement)) {
                 points.push_back({{"quadrant", point.quadrant},
                                   {"aspect", domain::AspectName(point.aspect)},
                                   {"aspect_label",
                                    translate(request.lang, fmt::format("collaboration.aspect.{}",
                                                                        domain::AspectName(point.aspect)))},
                                   {"expectation", domain::ExpectationName(point.expectation)},
                                   {"text", translate(request.lang, point.key)}});
               }
               auto response = Json(200, out);
               response.headers.Add("Cache-Control", "no-store");
               return response;
             });
}

}  // namespace samskab::api
