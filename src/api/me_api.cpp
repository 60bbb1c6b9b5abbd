#include "api/me_api.h"

#include "api/json_api.h"
#include "auth/request_context.h"

namespace samskab::api {

void RegisterMeApi(http::Router& router) {
  router.Add(
      "GET", "/api/v1/me", domain::Access::SignedIn(), [](http::Request& request) -> Result<http::Response> {
        const domain::Principal& principal = auth::PrincipalOf(request);
        nlohmann::json body;
        if (principal.kind == domain::Principal::Kind::kUser) {
          body["kind"] = "user";
          body["user"] = {{"id", principal.user_id},
                          {"email", principal.email},
                          {"display_name", principal.display_name},
                          {"email_verified", principal.email_verified}};
          body["token"] = nullptr;
        } else {
          body["kind"] = "token";
          body["user"] = nullptr;
          body["token"] = {{"id", principal.token_id}, {"name", principal.display_name}};
        }
        auto& roles = body["roles"] = nlohmann::json::array();
        for (const auto& grant : principal.grants) {
          roles.push_back(
              {{"role", domain::RoleName(grant.role)},
               {"municipality_code", grant.municipality_code.empty()
                                         ? nlohmann::json(nullptr)
                                         : nlohmann::json(grant.municipality_code)},
               {"unit_id", grant.unit_id ? nlohmann::json(*grant.unit_id) : nlohmann::json(nullptr)},
               {"organisation_id",
                grant.organisation_id ? nlohmann::json(*grant.organisation_id) : nlohmann::json(nullptr)}});
        }
        auto response = Json(200, body);
        response.headers.Add("Cache-Control", "no-store");
        return response;
      });
}

}  // namespace samskab::api
