#include "api/advisor_api.h"

#include <fmt/format.h>

#include "api/collaboration_fields.h"
#include "api/json_api.h"
#include "domain/collaboration/guidance.h"
#include "domain/collaboration/model.h"

namespace samskab::api {

void RegisterAdvisorApi(http::Router& router, Translate translate) {
  router.Add(
      "POST", "/api/v1/advisor", domain::Access::MunicipalStaff(),
      [translate = std::move(translate)](http::Request& request) -> Result<http::Response> {
        auto body = ParseJsonObject(request);
        if (!body.ok()) return body.status();
        for (const auto& [key, value] : body->items()) {
          if (key != "partner_kinds" && key != "involvement_facts")
            return InvalidArgument(fmt::format("unknown field {}", key), "error.unknown_field");
        }
        auto kinds = ReadKinds(body->value("partner_kinds", nlohmann::json::array()));
        if (!kinds.ok()) return kinds.status();
        domain::InvolvementFacts facts;
        SAMSKAB_RETURN_IF_ERROR(ReadFacts(body->value("involvement_facts", nlohmann::json::object()), facts));
        auto placement = domain::PlaceCollaboration(facts, *kinds, std::nullopt, "");
        if (!placement.ok()) return placement.status();
        nlohmann::json out = domain::PlacementToJson(*placement);
        auto& points = out["attention_points"] = nlohmann::json::array();
        for (const auto& point : domain::AttentionPointsFor(*placement)) {
          points.push_back(
              {{"quadrant", point.quadrant},
               {"aspect", domain::AspectName(point.aspect)},
               {"aspect_label", translate(request.lang, fmt::format("collaboration.aspect.{}",
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
