#include "web/opportunity_search_pages.h"

#include <fmt/format.h>

#include "domain/collaboration/model.h"
#include "domain/market/availability.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/opportunity_search.h"
#include "web/organisation_form.h"

namespace samskab::web {
namespace {

// The parameters the form and the paging links carry, in this order.
constexpr std::string_view kParameters[] = {"q",         "welfare_area", "target_group",      "near",
                                            "within_km", "weekday",      "organisation_kind", "municipality"};

std::string T(const OpportunitySearchPageDependencies& deps, const http::Request& request,
              std::string_view key) {
  return Message(deps.pages, request, key);
}

// The form: the words, then the facets. A select's first option ("All") is the empty value.
Form SearchForm(const OpportunitySearchPageDependencies& deps, const http::Request& request,
                const text::Params& params) {
  const auto value = [&](std::string_view name) {
    return std::string(text::Find(params, name).value_or(""));
  };
  const auto select = [&](const std::string& name, std::string_view label_key,
                          std::vector<std::pair<std::string, std::string>> options) {
    Field field = MakeField(deps.pages, request, name, "select", label_key, "off", 0, value(name));
    options.insert(options.begin(), {"", T(deps, request, "search.any")});
    field.options = std::move(options);
    return field;
  };
  Form form;
  form.method = "get";
  form.action = "/opportunities";
  form.submit = T(deps, request, "search.submit");
  Field q = MakeField(deps.pages, request, "q", "search", "search.query", "off",
                      static_cast<int>(storage::kMaxSearchTextLength), value("q"));
  q.hint = T(deps, request, "search.query_hint");
  form.fields.push_back(std::move(q));

  std::vector<std::pair<std::string, std::string>> areas, groups, days, kinds;
  for (const auto key : domain::BuiltInTerms(domain::Vocabulary::kWelfareArea))
    areas.emplace_back(key, T(deps, request, domain::BuiltInLabelKey(domain::Vocabulary::kWelfareArea, key)));
  for (const auto key : domain::BuiltInTerms(domain::Vocabulary::kTargetGroup))
    groups.emplace_back(key,
                        T(deps, request, domain::BuiltInLabelKey(domain::Vocabulary::kTargetGroup, key)));
  for (int day = 0; day < domain::kDaysPerWeek; ++day)
    days.emplace_back(domain::DayKey(day),
                      T(deps, request, fmt::format("availability.day.{}", domain::DayKey(day))));
  kinds.emplace_back("municipality", T(deps, request, "search.municipality_kind"));
  for (const auto kind : domain::kAllOrganisationKinds)
    kinds.emplace_back(domain::OrganisationKindName(kind), KindLabel(deps.pages, request, kind));

  Field areas_field = select("welfare_area", "search.welfare_area", std::move(areas));
  areas_field.heading = T(deps, request, "search.filters");
  form.fields.push_back(std::move(areas_field));
  form.fields.push_back(select("target_group", "search.target_group", std::move(groups)));
  Field near = MakeField(deps.pages, request, "near", "text", "search.near", "postal-code", 4, value("near"));
  near.hint = T(deps, request, "search.near_hint");
  form.fields.push_back(std::move(near));
  std::vector<std::pair<std::string, std::string>> distances;
  for (const int km : {5, 10, 25, 50, 100}) distances.emplace_back(std::to_string(km), std::to_string(km));
  Field within =
      MakeField(deps.pages, request, "within_km", "select", "search.within_km", "off", 0,
                value("within_km").empty() ? std::to_string(api::kDefaultWithinKm) : value("within_km"));
  within.options = std::move(distances);
  // A distance typed into the URL that the list does not offer is still shown (and checked).
  if (std::none_of(within.options.begin(), within.options.end(),
                   [&](const auto& o) { return o.first == within.value; }))
    within.options.emplace_back(within.value, within.value);
  form.fields.push_back(std::move(within));
  form.fields.push_back(select("weekday", "search.weekday", std::move(days)));
  form.fields.push_back(select("organisation_kind", "search.organisation_kind", std::move(kinds)));
  if (const auto municipality = value("municipality"); !municipality.empty())
    form.hidden.emplace_back("municipality", municipality);
  return form;
}

std::string PageHref(const text::Params& params, int page) {
  std::string href = "/opportunities?";
  for (const auto name : kParameters) {
    const auto value = text::Find(params, name);
    if (value && !value->empty()) href += fmt::format("{}={}&", name, text::PercentEncode(*value));
  }
  return href + fmt::format("page={}", page);
}

void AddResults(const OpportunitySearchPageDependencies& deps,
                const storage::OpportunitySearchRequest& search,
                const storage::OpportunitySearchResult& result, const text::Params& params,
                ctemplate::TemplateDictionary& content) {
  auto* counted = content.AddSectionDictionary("COUNTED");
  counted->SetIntValue("COUNT", static_cast<long>(result.total));
  if (result.horizon_reached) counted->ShowSection("HORIZON");
  if (result.hits.empty()) counted->ShowSection("NONE");
  auto* results = result.hits.empty() ? nullptr : counted->AddSectionDictionary("RESULTS");
  if (results) results->SetIntValue("START", (search.page - 1) * search.per_page + 1);
  for (const auto& hit : result.hits) {
    auto* row = results->AddSectionDictionary("HIT");
    row->SetValue("HREF", fmt::format("/opportunities/{}", hit.id));
    row->SetValue("TITLE", hit.title);
    if (!hit.poster.empty()) row->AddSectionDictionary("POSTER")->SetValue("NAME", hit.poster);
    if (hit.postcode) {
      auto* place = row->AddSectionDictionary("PLACE");
      place->SetValue("POSTCODE", *hit.postcode);
      if (auto postcode = deps.search.postcodes.Lookup(*hit.postcode))
        place->SetValue("TOWN", postcode->town);
    }
    // Each part is escaped by the template like any text; only the markers become <mark>.
    for (const auto& part : storage::SplitSnippet(hit.snippet)) {
      auto* shown = row->AddSectionDictionary("PART");
      shown->AddSectionDictionary(part.match ? "MATCH" : "PLAIN")->SetValue("TEXT", part.text);
    }
  }
  const int64_t pages = (result.total + search.per_page - 1) / search.per_page;
  if (pages > 1) {
    auto* paging = counted->AddSectionDictionary("PAGING");
    paging->SetIntValue("PAGE", search.page);
    paging->SetIntValue("PAGES", static_cast<long>(pages));
    if (search.page > 1)
      paging->AddSectionDictionary("PREVIOUS")->SetValue("HREF", PageHref(params, search.page - 1));
    if (search.page < pages)
      paging->AddSectionDictionary("NEXT")->SetValue("HREF", PageHref(params, search.page + 1));
  }
}

Result<http::Response> SearchPage(const OpportunitySearchPageDependencies& deps, http::Request& request) {
  auto site = SiteMunicipality(deps.pages);
  if (!site.ok()) return site.status();
  const auto parsed = text::ParseUrlEncoded(request.query);
  if (!parsed) return Status(ErrorCode::kMalformed, "malformed query string");
  const text::Params& params = *parsed;

  Form form = SearchForm(deps, request, params);
  ctemplate::TemplateDictionary content("opportunity_search");
  int status = 200;
  auto search = api::ReadOpportunitySearch(deps.search, params);
  if (search.ok()) {
    auto result = storage::SearchOpportunities(deps.search.database, *search);
    if (!result.ok()) return result.status();
    AddResults(deps, *search, *result, params, content);
  } else if (search.status().code() == ErrorCode::kInvalidArgument) {
    form.problems = search.status().fields();
    status = 422;
  } else {
    return search.status();
  }
  http::Response extra;
  content.SetValue("FORM", RenderForm(deps.pages.views, request, extra, form, deps.pages.secure_cookies));
  const Frame frame{PageTitle(deps.pages, request, T(deps, request, "search.title"), status != 200),
                    site->name, ""};
  return HtmlPage(deps.pages.views.Page(request, frame, "opportunity_search", content), status, extra);
}

}  // namespace

void RegisterOpportunitySearchPages(http::Router& router, const OpportunitySearchPageDependencies& deps) {
  router.Add("GET", "/opportunities", domain::Access::Public(),
             [&deps](http::Request& request) { return SearchPage(deps, request); });
}

}  // namespace samskab::web
