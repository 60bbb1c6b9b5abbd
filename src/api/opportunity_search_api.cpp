#include "api/opportunity_search_api.h"

#include <charconv>

#include "api/json_api.h"
#include "domain/collaboration/model.h"
#include "domain/market/availability.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/vocabulary_store.h"

namespace samskab::api {
namespace {

using nlohmann::json;

std::optional<int> ParseInt(std::string_view text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return std::nullopt;
  return value;
}

std::string_view Param(const text::Params& params, std::string_view name) {
  return text::Trim(text::Find(params, name).value_or(""));
}

}  // namespace

Result<storage::OpportunitySearchRequest> ReadOpportunitySearch(const OpportunitySearchDependencies& deps,
                                                                const text::Params& params) {
  storage::OpportunitySearchRequest request;
  request.today = deps.today();
  std::vector<FieldProblem> problems;
  auto problem = [&](std::string field, std::string key) {
    problems.push_back({std::move(field), std::move(key)});
  };

  auto words = storage::SearchTextWords(text::Find(params, "q").value_or(""));
  if (words.ok()) {
    request.words = std::move(words).value();
  } else {
    problem("q", words.status().user_message_key());
  }

  if (const auto code = Param(params, "municipality"); !code.empty()) {
    auto municipality = deps.municipalities.Get(std::string(code));
    if (municipality.ok() && municipality->active) {
      request.municipality = std::string(code);
    } else if (municipality.ok() || municipality.status().code() == ErrorCode::kNotFound) {
      problem("municipality", "search.error.municipality");
    } else {
      return municipality.status();
    }
  }

  // A term key: built-in, or one of the chosen municipality's own terms.
  auto read_term = [&](std::string_view name, domain::Vocabulary vocabulary, std::string& out) -> Status {
    const auto key = Param(params, name);
    if (key.empty()) return Status::Ok();
    bool known = domain::CheckTermKey(key).ok() && domain::IsBuiltInTerm(vocabulary, key);
    if (!known && domain::CheckTermKey(key).ok() && !request.municipality.empty()) {
      auto lease = deps.database.Acquire();
      if (!lease.ok()) return lease.status();
      auto own =
          storage::IsKnownTerm(**lease, domain::MunicipalityScope{request.municipality}, vocabulary, key);
      if (!own.ok()) return own.status();
      known = *own;
    }
    if (known) {
      out = std::string(key);
    } else {
      problem(std::string(name), "search.error." + std::string(name));
    }
    return Status::Ok();
  };
  SAMSKAB_RETURN_IF_ERROR(read_term("welfare_area", domain::Vocabulary::kWelfareArea, request.welfare_area));
  SAMSKAB_RETURN_IF_ERROR(read_term("target_group", domain::Vocabulary::kTargetGroup, request.target_group));

  const auto near = Param(params, "near");
  const auto within = Param(params, "within_km");
  std::optional<int> within_km = kDefaultWithinKm;
  if (!within.empty()) {
    within_km = ParseInt(within, 1, kMaxWithinKm);
    // Without `near` a (valid) distance is ignored: the page's form always sends one.
    if (!within_km) problem("within_km", "search.error.within_km");
  }
  if (!near.empty()) {
    auto postcode = deps.postcodes.NormalisePostcode(near);
    if (!postcode.ok()) {
      problem("near", postcode.status().user_message_key());
    } else if (!postcode->centroid) {
      problem("near", "search.error.near_no_place");
    } else if (within_km) {
      request.postcodes = storage::PostcodesWithin(deps.postcodes, *postcode->centroid, *within_km);
    }
  }

  if (const auto day = Param(params, "weekday"); !day.empty()) {
    request.weekday = domain::ParseDay(day);
    if (!request.weekday) problem("weekday", "search.error.weekday");
  }

  if (const auto kind = Param(params, "organisation_kind"); !kind.empty()) {
    if (kind == "municipality" || domain::ParseOrganisationKind(kind)) {
      request.organisation_kind = std::string(kind);
    } else {
      problem("organisation_kind", "search.error.organisation_kind");
    }
  }

  if (const auto page = Param(params, "page"); !page.empty()) {
    const auto value = ParseInt(page, 1, storage::kMaxSearchPage);
    if (value) {
      request.page = *value;
    } else {
      problem("page", "search.error.page");
    }
  }
  if (const auto per_page = Param(params, "per_page"); !per_page.empty()) {
    const auto value = ParseInt(per_page, 1, storage::kMaxSearchPerPage);
    if (value) {
      request.per_page = *value;
    } else {
      problem("per_page", "search.error.per_page");
    }
  }
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  return request;
}

json SnippetToJson(std::string_view marked) {
  json parts = json::array();
  for (const auto& part : storage::SplitSnippet(marked))
    parts.push_back({{"text", part.text}, {"match", part.match}});
  return parts;
}

Result<json> SearchOpportunitiesJson(const OpportunitySearchDependencies& deps,
                                     const storage::OpportunitySearchRequest& request) {
  auto result = storage::SearchOpportunities(deps.database, request);
  if (!result.ok()) return result.status();
  json items = json::array();
  for (const auto& hit : result->hits) {
    json item = {{"id", hit.id},
                 {"title", hit.title},
                 {"poster_name", hit.poster},
                 {"municipality_code", hit.municipality_code},
                 {"postcode", hit.postcode ? json(*hit.postcode) : json(nullptr)},
                 {"town", nullptr},
                 {"language", hit.language},
                 {"url", "/opportunities/" + std::to_string(hit.id)},
                 {"snippet", SnippetToJson(hit.snippet)}};
    if (hit.postcode) {
      if (auto postcode = deps.postcodes.Lookup(*hit.postcode)) item["town"] = postcode->town;
    }
    items.push_back(std::move(item));
  }
  const int64_t pages = (result->total + request.per_page - 1) / request.per_page;
  return json{{"items", std::move(items)},
              {"total", result->total},
              {"horizon_reached", result->horizon_reached},
              {"page", request.page},
              {"per_page", request.per_page},
              {"pages", pages}};
}

void RegisterOpportunitySearchApi(http::Router& router, const OpportunitySearchDependencies& deps) {
  router.Add("GET", "/api/v1/opportunities/search", domain::Access::Public(),
             [&deps](http::Request& request) -> Result<http::Response> {
               const auto params = text::ParseUrlEncoded(request.query);
               if (!params) return Status(ErrorCode::kMalformed, "malformed query string");
               auto search = ReadOpportunitySearch(deps, *params);
               if (!search.ok()) return search.status();
               auto body = SearchOpportunitiesJson(deps, *search);
               if (!body.ok()) return body.status();
               return Json(200, *body);
             });
}

}  // namespace samskab::api
