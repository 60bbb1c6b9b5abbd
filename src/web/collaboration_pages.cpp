#include "web/collaboration_pages.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "api/collaboration_fields.h"
#include "auth/request_context.h"
#include "core/text.h"
#include "domain/access/policy.h"
#include "storage/partner_choices.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/agreement_pages.h"
#include "web/collaboration_form.h"
#include "web/paging.h"

namespace samskab::web {
namespace {

using domain::Collaboration;
using Deps = CollaborationPageDependencies;

// The overview's filters as the query names them, in the order the filter form shows them.
constexpr std::string_view kFilterNames[] = {
    "q",     "unit_id",  "welfare_area", "target_group", "organisation_kind",
    "level", "quadrant", "form",         "status"};
// A page number beyond this is refused (the offset would overflow long before it mattered).
constexpr int64_t kMaxPage = 1'000'000;

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

std::string CollaborationsPath(const http::Request& request) {
  return fmt::format("/admin/{}/collaborations", auth::ScopeOf(request).code());
}

std::string CollaborationPath(const http::Request& request, int64_t id) {
  return fmt::format("{}/{}", CollaborationsPath(request), id);
}

std::string TermLabel(const Deps& deps, const http::Request& request, domain::Vocabulary vocabulary,
                      std::string_view key) {
  return deps.api.vocabularies.TermLabel(auth::ScopeOf(request), vocabulary, std::string(key), request.lang);
}

// The municipality's terms of a vocabulary as a select's options (built-in, then its own).
Result<std::vector<std::pair<std::string, std::string>>> TermOptions(const Deps& deps,
                                                                     const http::Request& request,
                                                                     domain::Vocabulary vocabulary) {
  auto terms = deps.api.vocabularies.Terms(auth::ScopeOf(request), vocabulary);
  if (!terms.ok()) return terms.status();
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& term : *terms)
    options.emplace_back(term.key, deps.api.vocabularies.Label(vocabulary, term, request.lang));
  return options;
}

std::string OptionalTermLabel(const Deps& deps, const http::Request& request, domain::Vocabulary vocabulary,
                              const std::optional<std::string>& key) {
  return key ? TermLabel(deps, request, vocabulary, *key) : T(deps, request, "collaborations.not_given");
}

std::string StatusLabel(const Deps& deps, const http::Request& request, domain::CollaborationStatus status) {
  return T(deps, request, fmt::format("collaboration.status.{}", domain::CollaborationStatusName(status)));
}

std::string LevelLabel(const Deps& deps, const http::Request& request, domain::InvolvementLevel level) {
  return T(deps, request, fmt::format("collaboration.level.{}", domain::InvolvementLevelName(level)));
}

std::string KindLabel(const Deps& deps, const http::Request& request, domain::OrganisationKind kind) {
  return T(deps, request, fmt::format("collaboration.kind.{}", domain::OrganisationKindName(kind)));
}

// The quadrant column: "1", "mellem 1 og 3" for medium involvement, "–" without a quadrant.
std::string QuadrantText(const Deps& deps, const http::Request& request, const domain::Placement& placement) {
  if (placement.quadrant) return std::to_string(*placement.quadrant);
  if (placement.adjacent_quadrants.size() == 2)
    return Fill(Fill(T(deps, request, "collaborations.between"), "first",
                     std::to_string(placement.adjacent_quadrants[0])),
                "second", std::to_string(placement.adjacent_quadrants[1]));
  return T(deps, request, "collaborations.no_quadrant_short");
}

std::string UnitNames(const Collaboration& c) {
  std::string names;
  for (const auto& unit : c.units) names += (names.empty() ? "" : ", ") + unit.name;
  return names;
}

std::string PartnerNames(const Collaboration& c) {
  std::string names;
  for (const auto& partner : c.partners) names += (names.empty() ? "" : ", ") + partner.name;
  return names;
}

// Whether the caller may change `c`: a unit in their reach takes part (the API's rule).
bool MayChange(const Deps& deps, const http::Request& request, const Collaboration& c) {
  return api::CheckUnitReach(request, deps.api.units, &c, {}).ok();
}

// --- listings: the overview and the inspiration list share the query, the links and the paging ---

struct Listing {
  text::Params params;  // the request's query as given
  api::OverviewQuery query;
  int64_t page = 1;
  std::vector<FieldProblem> problems;  // bad filter values, by query name
};

Result<Listing> ReadListing(const http::Request& request) {
  Listing listing;
  auto params = text::ParseUrlEncoded(request.query);
  if (!params) return Status(ErrorCode::kMalformed, "malformed query string", "error.bad_request");
  listing.params = std::move(*params);
  auto query = api::ParseOverviewQuery(listing.params);
  if (query.ok()) {
    listing.query = std::move(query).value();
  } else if (query.status().code() == ErrorCode::kInvalidArgument) {
    listing.problems = query.status().fields();
  } else {
    return query.status();
  }
  if (const auto page = text::Find(listing.params, "page"); page && !text::Trim(*page).empty()) {
    const auto number = text::ParsePositiveId(text::Trim(*page));
    if (!number || *number > kMaxPage) {
      listing.problems.push_back({"page", "validation.number"});
    } else {
      listing.page = *number;
    }
  }
  listing.query.limit = kCollaborationsPerPage;
  listing.query.offset = (listing.page - 1) * kCollaborationsPerPage;
  return listing;
}

bool HasProblem(const Listing& listing, std::string_view name) {
  return std::any_of(listing.problems.begin(), listing.problems.end(),
                     [&](const FieldProblem& p) { return p.field == name; });
}

// "q=b%C3%B8rn&level=high": the listing's filters (and sort) for links that keep them.
std::string QueryOf(const Listing& listing, bool with_sort) {
  std::string query;
  const auto add = [&](std::string_view name) {
    const std::string value(text::Trim(text::Find(listing.params, name).value_or("")));
    if (value.empty() || HasProblem(listing, name)) return;
    query += fmt::format("{}{}={}", query.empty() ? "" : "&", name, text::PercentEncode(value));
  };
  for (const auto name : kFilterNames) add(name);
  if (with_sort) add("sort");
  return query;
}

std::string WithQuery(const std::string& path, const std::string& query) {
  return query.empty() ? path : path + "?" + query;
}

// "Side 2 af 7" with links to the previous and next page, keeping filters and sort.
std::string PagingHtml(const Deps& deps, const http::Request& request, const Listing& listing,
                       const std::string& path, int64_t total) {
  const std::string query = QueryOf(listing, true);
  return web::PagingHtml(deps.pages.views, request, T(deps, request, "collaborations.paging"), listing.page,
                         PageCount(total, kCollaborationsPerPage), [&](int64_t page) {
                           return WithQuery(
                               path, query + (query.empty() ? "" : "&") + fmt::format("page={}", page));
                         });
}

Field SelectField(const Deps& deps, const http::Request& request, const Listing& listing,
                  const std::string& name, std::string_view label_key) {
  Field field = MakeField(deps.pages, request, name, "select", label_key, "off", 0,
                          std::string(text::Trim(text::Find(listing.params, name).value_or(""))));
  field.options.emplace_back("", T(deps, request, "collaborations.filter.all"));
  return field;
}

Field SearchField(const Deps& deps, const http::Request& request, const Listing& listing) {
  Field q = MakeField(deps.pages, request, "q", "search", "collaborations.filter.q", "off", 200,
                      std::string(text::Find(listing.params, "q").value_or("")));
  q.hint = T(deps, request, "collaborations.filter.q_hint");
  return q;
}

// The overview's filter form: a GET form, so filters are links that can be kept and shared.
Result<Form> FilterForm(const Deps& deps, const http::Request& request, const Listing& listing,
                        const std::vector<domain::Unit>& units, std::string action) {
  Form form;
  form.method = "get";
  form.action = std::move(action);
  form.submit = T(deps, request, "collaborations.filter.submit");
  form.problems = listing.problems;
  form.fields.push_back(SearchField(deps, request, listing));
  Field unit = SelectField(deps, request, listing, "unit_id", "collaborations.filter.unit");
  unit.hint = T(deps, request, "collaborations.filter.unit_hint");
  const auto depths = domain::UnitDepths(units);
  for (const auto& u : units)
    unit.options.emplace_back(std::to_string(u.id), IndentedUnitName(u, depths.at(u.id)));
  form.fields.push_back(std::move(unit));
  for (const auto vocabulary : {domain::Vocabulary::kWelfareArea, domain::Vocabulary::kTargetGroup}) {
    const std::string name(domain::VocabularyName(vocabulary));
    Field terms = SelectField(deps, request, listing, name, fmt::format("overview.column.{}", name));
    auto options = TermOptions(deps, request, vocabulary);
    if (!options.ok()) return options.status();
    terms.options.insert(terms.options.end(), options->begin(), options->end());
    form.fields.push_back(std::move(terms));
  }
  Field kind =
      SelectField(deps, request, listing, "organisation_kind", "collaborations.filter.organisation_kind");
  for (const auto k : {domain::OrganisationKind::kPopularEducationAssociation,
                       domain::OrganisationKind::kHumanitarianAssociation,
                       domain::OrganisationKind::kCommunity, domain::OrganisationKind::kIndividual,
                       domain::OrganisationKind::kCompany, domain::OrganisationKind::kSocialEnterprise})
    kind.options.emplace_back(std::string(domain::OrganisationKindName(k)), KindLabel(deps, request, k));
  form.fields.push_back(std::move(kind));
  Field level = SelectField(deps, request, listing, "level", "overview.column.involvement_level");
  for (const auto l :
       {domain::InvolvementLevel::kHigh, domain::InvolvementLevel::kMedium, domain::InvolvementLevel::kLow})
    level.options.emplace_back(std::string(domain::InvolvementLevelName(l)), LevelLabel(deps, request, l));
  form.fields.push_back(std::move(level));
  Field quadrant = SelectField(deps, request, listing, "quadrant", "overview.column.quadrant");
  for (int n = 1; n <= 4; ++n)
    quadrant.options.emplace_back(
        std::to_string(n), Fill(T(deps, request, "collaborations.quadrant_n"), "n", std::to_string(n)));
  form.fields.push_back(std::move(quadrant));
  Field kind_of_work = SelectField(deps, request, listing, "form", "overview.column.form");
  for (const auto f : domain::kAllCollaborationForms) {
    const std::string name(domain::CollaborationFormName(f));
    kind_of_work.options.emplace_back(name, T(deps, request, "collaboration.form." + name));
  }
  form.fields.push_back(std::move(kind_of_work));
  Field status = SelectField(deps, request, listing, "status", "overview.column.status");
  for (const auto s : domain::kAllCollaborationStatuses)
    status.options.emplace_back(std::string(domain::CollaborationStatusName(s)),
                                StatusLabel(deps, request, s));
  form.fields.push_back(std::move(status));
  // Filtering keeps the chosen order and starts again at the first page.
  if (const auto sort = text::Find(listing.params, "sort"); sort && !HasProblem(listing, "sort"))
    form.hidden.emplace_back("sort", std::string(*sort));
  return form;
}

// --- GET /admin/{municipality}/collaborations ---

struct Column {
  const char* label_key;
  const char* sort;  // the sort key, or null when the column cannot be sorted
};
constexpr Column kColumns[] = {
    {"overview.column.title", "title"},    {"overview.column.units", nullptr},
    {"overview.column.partners", nullptr}, {"overview.column.welfare_area", nullptr},
    {"overview.column.status", "status"},  {"overview.column.involvement_level", "level"},
    {"overview.column.quadrant", nullptr},
};

std::string_view SortName(storage::CollaborationSort sort) {
  switch (sort) {
    case storage::CollaborationSort::kTitle:
      return "title";
    case storage::CollaborationSort::kStatus:
      return "status";
    case storage::CollaborationSort::kLevel:
      return "level";
    case storage::CollaborationSort::kStartsOn:
      return "starts_on";
    case storage::CollaborationSort::kUpdatedAt:
      return "updated_at";
  }
  return "title";
}

void FillTable(const Deps& deps, const http::Request& request, const Listing& listing,
               const storage::CollaborationPage& page, ctemplate::TemplateDictionary* results) {
  const std::string filters = QueryOf(listing, false);
  const std::string current_sort(SortName(listing.query.order.sort));
  for (const auto& column : kColumns) {
    auto* head = results->AddSectionDictionary("HEAD");
    head->SetValue("LABEL", T(deps, request, column.label_key));
    if (!column.sort) {
      head->ShowSection("PLAIN");
      continue;
    }
    const bool sorted = current_sort == column.sort;
    // A sorted column's link turns the order around; another column's sorts ascending by it.
    const bool next_descending = sorted && !listing.query.order.descending;
    const std::string sort = fmt::format("sort={}{}", next_descending ? "-" : "", column.sort);
    head->AddSectionDictionary("SORTABLE")
        ->SetValue("HREF", WithQuery(CollaborationsPath(request),
                                     filters.empty() ? sort : fmt::format("{}&{}", filters, sort)));
    if (sorted)
      head->AddSectionDictionary("SORTED")->SetValue(
          "DIRECTION", listing.query.order.descending ? "descending" : "ascending");
  }
  for (const auto& c : page.items) {
    auto* row = results->AddSectionDictionary("ROW");
    row->SetValue("HREF", CollaborationPath(request, c.id));
    row->SetValue("TITLE", c.title);
    row->SetValue("UNITS", UnitNames(c));
    row->SetValue("PARTNERS", PartnerNames(c));
    row->SetValue("WELFARE_AREA",
                  OptionalTermLabel(deps, request, domain::Vocabulary::kWelfareArea, c.welfare_area));
    row->SetValue("STATUS", StatusLabel(deps, request, c.status));
    row->SetValue("LEVEL", T(deps, request,
                             fmt::format("collaborations.level_short.{}",
                                         domain::InvolvementLevelName(c.placement.effective_level))));
    row->SetValue("QUADRANT", QuadrantText(deps, request, c.placement));
  }
}

Result<http::Response> OverviewPage(const Deps& deps, http::Request& request) {
  auto listing = ReadListing(request);
  if (!listing.ok()) return listing.status();
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto units = deps.api.units.List(scope);
  if (!units.ok()) return units.status();
  auto frame = MunicipalPage(deps.pages, request, "collaborations", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !listing->problems.empty();
  http::Response cookies;
  ctemplate::TemplateDictionary body("collaborations");
  body.SetValue("NEW_HREF", CollaborationsPath(request) + "/new");
  auto filters = FilterForm(deps, request, *listing, *units, CollaborationsPath(request));
  if (!filters.ok()) return filters.status();
  body.SetValue("IMPORT_HREF", CollaborationsPath(request) + "/import");
  body.SetValue("FILTER_FORM",
                RenderForm(deps.pages.views, request, cookies, *filters, deps.pages.secure_cookies));
  if (!listing->problems.empty())
    return RenderAdmin(deps.pages, request, *frame, "collaborations", body, 422, cookies);

  auto page = deps.api.collaborations.List(scope, listing->query.filter, listing->query.order,
                                           listing->query.offset, listing->query.limit);
  if (!page.ok()) return page.status();
  auto* results = body.AddSectionDictionary("RESULTS");
  results->SetIntValue("TOTAL", static_cast<long>(page->total));
  // The exports run the same filters and order through the API (a session works there too).
  const std::string export_query =
      fmt::format("municipality={}{}{}", text::PercentEncode(scope.code()),
                  QueryOf(*listing, true).empty() ? "" : "&", QueryOf(*listing, true));
  results->SetValue("CSV_HREF", fmt::format("/api/v1/collaborations?format=csv&{}", export_query));
  results->SetValue("XLSX_HREF", fmt::format("/api/v1/collaborations?format=xlsx&{}", export_query));
  if (page->items.empty()) {
    results->ShowSection("NONE");
  } else {
    FillTable(deps, request, *listing, *page, results->AddSectionDictionary("TABLE"));
  }
  results->SetValue("PAGING", PagingHtml(deps, request, *listing, CollaborationsPath(request), page->total));
  return RenderAdmin(deps.pages, request, *frame, "collaborations", body, 200, cookies);
}

// --- GET /admin/{municipality}/inspiration ---

Result<http::Response> InspirationPage(const Deps& deps, http::Request& request) {
  auto listing = ReadListing(request);
  if (!listing.ok()) return listing.status();
  // Only the free text is the reader's to choose here; every collaboration listed is marked.
  listing->query.filter = storage::CollaborationFilter{};
  listing->query.filter.text = std::string(text::Trim(text::Find(listing->params, "q").value_or("")));
  listing->query.filter.inspiration_only = true;
  std::erase_if(listing->problems, [](const FieldProblem& p) { return p.field != "q" && p.field != "page"; });
  listing->params.erase(std::remove_if(listing->params.begin(), listing->params.end(),
                                       [](const auto& p) { return p.first != "q" && p.first != "page"; }),
                        listing->params.end());
  // Newest first: what colleagues marked lately is what they are talking about.
  listing->query.order = storage::CollaborationOrder{storage::CollaborationSort::kUpdatedAt, true};
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto frame = MunicipalPage(deps.pages, request, "inspiration", "");
  if (!frame.ok()) return frame.status();
  frame->form_problems = !listing->problems.empty();
  http::Response cookies;
  ctemplate::TemplateDictionary body("inspiration");
  Form search;
  search.method = "get";
  search.action = fmt::format("/admin/{}/inspiration", scope.code());
  search.submit = T(deps, request, "inspiration.search");
  search.problems = listing->problems;
  Field q = SearchField(deps, request, *listing);
  q.label = T(deps, request, "inspiration.q");
  search.fields.push_back(std::move(q));
  body.SetValue("SEARCH_FORM",
                RenderForm(deps.pages.views, request, cookies, search, deps.pages.secure_cookies));
  if (!listing->problems.empty())
    return RenderAdmin(deps.pages, request, *frame, "inspiration", body, 422, cookies);

  auto page = deps.api.collaborations.List(scope, listing->query.filter, listing->query.order,
                                           listing->query.offset, listing->query.limit);
  if (!page.ok()) return page.status();
  auto* results = body.AddSectionDictionary("RESULTS");
  results->SetIntValue("TOTAL", static_cast<long>(page->total));
  if (page->items.empty()) results->ShowSection("NONE");
  for (const auto& c : page->items) {
    auto* item = results->AddSectionDictionary("ITEM");
    item->SetValue("HREF", CollaborationPath(request, c.id));
    item->SetValue("TITLE", c.title);
    item->SetValue("UNITS", UnitNames(c));
    item->SetValue("PARTNERS",
                   c.partners.empty() ? T(deps, request, "collaborations.not_given") : PartnerNames(c));
    item->SetValue("QUADRANT", QuadrantText(deps, request, c.placement));
    if (!c.inspiration_note.empty()) item->AddSectionDictionary("NOTE")->SetValue("TEXT", c.inspiration_note);
  }
  results->SetValue("PAGING", PagingHtml(deps, request, *listing, search.action, page->total));
  return RenderAdmin(deps.pages, request, *frame, "inspiration", body, 200, cookies);
}

// --- GET /admin/{municipality}/collaborations/{id} ---

Result<int64_t> CollaborationId(const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("collaboration id is not a number");
  return *id;
}

// A frame for one collaboration's pages: its title as heading, the registry marked in the menu.
AdminPage CollaborationFrame(const Deps& deps, const http::Request& request, std::string heading,
                             std::string error_key) {
  AdminPage frame;
  frame.heading = std::move(heading);
  frame.notice = error_key.empty() ? NoticeText(deps.pages, request) : "";
  frame.error_key = std::move(error_key);
  frame.sidenav_label = T(deps, request, "admin.menu_label");
  frame.sidenav = MunicipalNav(deps.pages, request, auth::ScopeOf(request).code(), "collaborations");
  return frame;
}

void AddFact(ctemplate::TemplateDictionary& body, const std::string& label, const std::string& value) {
  auto* fact = body.AddSectionDictionary("FACT");
  fact->SetValue("LABEL", label);
  fact->AddSectionDictionary("TEXT")->SetValue("VALUE", value);
}

void AddListFact(ctemplate::TemplateDictionary& body, const std::string& label,
                 const std::vector<std::string>& items, const std::string& none) {
  if (items.empty()) return AddFact(body, label, none);
  auto* fact = body.AddSectionDictionary("FACT");
  fact->SetValue("LABEL", label);
  auto* list = fact->AddSectionDictionary("LIST");
  for (const auto& item : items) list->AddSectionDictionary("ITEM")->SetValue("VALUE", item);
}

// "12.500" in Danish and Norwegian (with a no-break space in Norwegian), "12,500" in English.
std::string Thousands(int64_t value, std::string_view lang) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  const std::string separator = lang == "en" ? "," : lang == "nb" ? "\u00a0" : ".";
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

void FillPlacement(const Deps& deps, const http::Request& request, const Collaboration& c,
                   ctemplate::TemplateDictionary& body) {
  const domain::Placement& placement = c.placement;
  std::string where = LevelLabel(deps, request, placement.effective_level);
  if (placement.quadrant) {
    where +=
        " · " + Fill(T(deps, request, "collaborations.quadrant_n"), "n", std::to_string(*placement.quadrant));
  } else if (placement.adjacent_quadrants.size() == 2) {
    where += " · " + Fill(Fill(T(deps, request, "collaborations.between_quadrants"), "first",
                               std::to_string(placement.adjacent_quadrants[0])),
                          "second", std::to_string(placement.adjacent_quadrants[1]));
  } else {
    where += " · " + T(deps, request, "collaborations.no_quadrant");
  }
  body.SetValue("PLACEMENT", where);
  body.SetValue("VOLUNTEER_TYPE", placement.volunteer_type
                                      ? T(deps, request,
                                          fmt::format("collaboration.volunteer_type.{}",
                                                      domain::VolunteerTypeName(*placement.volunteer_type)))
                                      : T(deps, request, "collaborations.not_given"));
  for (const auto& reason : placement.reasons)
    body.AddSectionDictionary("REASON")->SetValue("TEXT", T(deps, request, reason.key));
  if (placement.override) {
    auto* override = body.AddSectionDictionary("OVERRIDE");
    override->SetValue("DERIVED", LevelLabel(deps, request, placement.level));
    override->SetValue("EFFECTIVE", LevelLabel(deps, request, placement.effective_level));
    override->SetValue("REASON", placement.override->reason);
  }
  std::vector<int> quadrants = placement.adjacent_quadrants;
  if (placement.quadrant) quadrants = {*placement.quadrant};
  for (const int n : quadrants) {
    auto* link = body.AddSectionDictionary("GUIDANCE");
    link->SetValue("HREF", fmt::format("/model/quadrants/{}", n));
    link->SetValue("TEXT", T(deps, request, fmt::format("collaboration.quadrant.q{}.title", n)));
  }
}

Result<http::Response> DetailPageWith(const Deps& deps, const http::Request& request, const Collaboration& c,
                                      int status, std::string error_key) {
  AdminPage frame = CollaborationFrame(deps, request, c.title, std::move(error_key));
  http::Response cookies;
  ctemplate::TemplateDictionary body("collaboration");
  body.SetValue("BACK_HREF", CollaborationsPath(request));
  FillPlacement(deps, request, c, body);
  const std::string none = T(deps, request, "collaborations.not_given");
  const auto label = [&](std::string_view column) {
    return T(deps, request, fmt::format("overview.column.{}", column));
  };
  const auto yes_no = [&](bool value) { return T(deps, request, value ? "overview.yes" : "overview.no"); };
  AddFact(body, label("description"), c.description.empty() ? none : c.description);
  std::vector<std::string> units;
  for (const auto& unit : c.units) units.push_back(unit.name);
  AddListFact(body, label("units"), units, none);
  std::vector<std::string> partners;
  for (const auto& partner : c.partners)
    partners.push_back(fmt::format("{} ({})", partner.name, KindLabel(deps, request, partner.kind)));
  AddListFact(body, label("partners"), partners, none);
  AddFact(body, label("welfare_area"),
          OptionalTermLabel(deps, request, domain::Vocabulary::kWelfareArea, c.welfare_area));
  AddFact(body, label("target_group"),
          OptionalTermLabel(deps, request, domain::Vocabulary::kTargetGroup, c.target_group));
  AddFact(body, T(deps, request, "collaborations.period"),
          c.starts_on || c.ends_on
              ? fmt::format("{} – {}", c.starts_on.value_or("…"), c.ends_on.value_or("…"))
              : none);
  AddFact(body, label("status"), StatusLabel(deps, request, c.status));
  AddFact(body, label("form"),
          T(deps, request, fmt::format("collaboration.form.{}", domain::CollaborationFormName(c.form))));
  std::vector<std::string> facts;
  for (const auto& fact : domain::kFactFields) {
    if (c.facts.*(fact.member)) facts.push_back(label(fact.name));
  }
  AddListFact(body, T(deps, request, "collaborations.facts"), facts,
              T(deps, request, "collaborations.no_facts"));
  AddFact(body, label("staff_hours_per_year"),
          c.staff_hours_per_year ? Thousands(*c.staff_hours_per_year, request.lang) : none);
  AddFact(body, label("budget_dkk"), c.budget_dkk ? Thousands(*c.budget_dkk, request.lang) : none);
  AddFact(body, label("funding_source"), c.funding_source.empty() ? none : c.funding_source);
  AddFact(body, label("locality"), c.locality.empty() ? none : c.locality);
  AddFact(body, label("postcode"), c.postcode.value_or(none));
  AddFact(body, label("activity_registered"), yes_no(c.activity_registered));
  AddFact(body, label("evaluated"), yes_no(c.evaluated));
  AddFact(
      body, label("inspiration"),
      c.inspiration_note.empty() ? yes_no(c.inspiration) : yes_no(c.inspiration) + ": " + c.inspiration_note);
  AddFact(body, T(deps, request, "collaborations.updated_at"), c.updated_at.substr(0, 10));
  const bool may_change = MayChange(deps, request, c);
  SAMSKAB_RETURN_IF_ERROR(FillAgreements(deps, request, c, may_change, body));
  if (may_change) {
    auto* actions = body.AddSectionDictionary("ACTIONS");
    actions->SetValue("EDIT_HREF", CollaborationPath(request, c.id) + "/edit");
    Form remove;
    remove.action = CollaborationPath(request, c.id) + "/delete";
    remove.submit = T(deps, request, "collaborations.delete");
    remove.submit_context = c.title;
    remove.secondary = true;
    remove.hidden = {{"revision", std::to_string(c.revision)}};
    actions->SetValue("DELETE_FORM",
                      RenderForm(deps.pages.views, request, cookies, remove, deps.pages.secure_cookies));
  }
  return RenderAdmin(deps.pages, request, frame, "collaboration", body, status, cookies);
}

Result<http::Response> DetailPage(const Deps& deps, http::Request& request) {
  auto id = CollaborationId(request);
  if (!id.ok()) return id.status();
  auto c = deps.api.collaborations.Get(auth::ScopeOf(request), *id);
  if (!c.ok()) return c.status();
  return DetailPageWith(deps, request, *c, 200, "");
}

// --- the form: GET/POST …/collaborations/new and …/collaborations/{id}/edit ---

Result<CollaborationChoices> ChoicesFor(const Deps& deps, const http::Request& request,
                                        const Collaboration* current) {
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  auto units = deps.api.units.List(scope);
  if (!units.ok()) return units.status();
  const std::set<int64_t> reach = domain::UnitsInReach(auth::PrincipalOf(request), scope.code(), *units);
  CollaborationChoices choices;
  choices.unit_depths = domain::UnitDepths(*units);
  // The units the caller may add, and those already taking part (unticking one removes it; a
  // unit left out of the form would be removed without anyone choosing to).
  for (const auto& unit : *units) {
    const bool taking_part =
        current && std::binary_search(current->unit_ids.begin(), current->unit_ids.end(), unit.id);
    if (reach.contains(unit.id) || taking_part) choices.units.push_back(unit);
  }
  auto partners = storage::ListPartnerChoices(deps.database, scope);
  if (!partners.ok()) return partners.status();
  choices.partners = std::move(partners).value();
  if (current) {
    for (const auto& partner : current->partners) {
      const bool listed = std::any_of(choices.partners.begin(), choices.partners.end(),
                                      [&](const storage::PartnerChoice& p) { return p.id == partner.id; });
      if (!listed) choices.partners.push_back({partner.id, partner.name, partner.kind});
    }
  }
  for (const auto status : domain::kAllCollaborationStatuses) {
    if (!current || domain::CanChangeStatus(current->status, status)) choices.statuses.push_back(status);
  }
  for (const auto vocabulary : {domain::Vocabulary::kWelfareArea, domain::Vocabulary::kTargetGroup}) {
    auto options = TermOptions(deps, request, vocabulary);
    if (!options.ok()) return options.status();
    choices.terms[vocabulary] = std::move(options).value();
  }
  choices.term_label = [&deps, &request](domain::Vocabulary vocabulary, std::string_view key) {
    return TermLabel(deps, request, vocabulary, key);
  };
  return choices;
}

Result<http::Response> FormPageWith(const Deps& deps, const http::Request& request,
                                    const Collaboration* current, const text::Params& values,
                                    std::vector<FieldProblem> problems, int status) {
  auto choices = ChoicesFor(deps, request, current);
  if (!choices.ok()) return choices.status();
  const bool creating = current == nullptr;
  AdminPage frame = CollaborationFrame(
      deps, request,
      creating ? T(deps, request, "collaborations.new_heading")
               : Fill(T(deps, request, "collaborations.edit_heading"), "title", current->title),
      "");
  frame.notice.clear();
  frame.form_problems = !problems.empty();
  frame.lead = T(deps, request, "collaborations.form.lead");
  const std::string action =
      creating ? CollaborationsPath(request) + "/new" : CollaborationPath(request, current->id) + "/edit";
  http::Response cookies;
  ctemplate::TemplateDictionary body("collaboration_edit");
  body.SetValue("BACK_HREF",
                creating ? CollaborationsPath(request) : CollaborationPath(request, current->id));
  const Form form =
      CollaborationForm(deps.pages, request, action, *choices, values, std::move(problems), creating);
  body.SetValue("FORM", RenderForm(deps.pages.views, request, cookies, form, deps.pages.secure_cookies));
  return RenderAdmin(deps.pages, request, frame, "collaboration_edit", body, status, cookies);
}

// The collaboration an edit or delete works on: found in the municipality, and the caller's to change.
Result<Collaboration> ChangeTarget(const Deps& deps, const http::Request& request) {
  auto id = CollaborationId(request);
  if (!id.ok()) return id.status();
  auto current = deps.api.collaborations.Get(auth::ScopeOf(request), *id);
  if (!current.ok()) return current.status();
  SAMSKAB_RETURN_IF_ERROR(api::CheckUnitReach(request, deps.api.units, &*current, {}));
  return current;
}

Result<http::Response> NewPage(const Deps& deps, http::Request& request) {
  text::Params values = {{"status", "idea"}, {"form", "ad_hoc"}};
  // An employee of one unit most often records for that unit: it starts ticked.
  auto choices = ChoicesFor(deps, request, nullptr);
  if (!choices.ok()) return choices.status();
  if (choices->units.size() == 1) values.emplace_back("unit_ids", std::to_string(choices->units.front().id));
  return FormPageWith(deps, request, nullptr, values, {}, 200);
}

Result<http::Response> EditPage(const Deps& deps, http::Request& request) {
  auto current = ChangeTarget(deps, request);
  if (!current.ok()) return current.status();
  text::Params values = FormValuesOf(*current);
  values.emplace_back("revision", std::to_string(current->revision));
  return FormPageWith(deps, request, &*current, values, {}, 200);
}

// Adds the problems of `status` (a validation failure) at their form inputs, once per input.
void AddProblems(const Status& status, std::vector<FieldProblem>& problems) {
  for (const auto& problem : status.fields()) {
    const std::string input = FormInputOf(problem.field);
    const bool named = std::any_of(problems.begin(), problems.end(),
                                   [&](const FieldProblem& p) { return p.field == input; });
    if (!named) problems.push_back({input, problem.message_key});
  }
}

Result<http::Response> Submit(const Deps& deps, http::Request& request, bool creating) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  if (!FormCsrfValid(request, *params)) {
    // The typed input comes back with the problem; an edit of something not found has no form.
    const std::vector<FieldProblem> csrf = {{std::string(kFormLevel), "validation.csrf"}};
    if (creating) return FormPageWith(deps, request, nullptr, *params, csrf, 403);
    auto current = ChangeTarget(deps, request);
    if (!current.ok())
      return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
    return FormPageWith(deps, request, &*current, *params, csrf, 403);
  }
  std::optional<Collaboration> current;
  int64_t revision = 0;
  if (!creating) {
    auto target = ChangeTarget(deps, request);
    if (!target.ok()) return target.status();
    current = std::move(target).value();
    const auto posted = text::ParsePositiveId(FormValue(*params, "revision"));
    if (!posted) return Status(ErrorCode::kMalformed, "revision missing or not a number");
    revision = *posted;
  }
  const Collaboration* before = current ? &*current : nullptr;

  Collaboration c = current.value_or(Collaboration{});
  std::vector<FieldProblem> problems;
  AddProblems(api::ReadCollaborationFields(BodyOf(*params), c, creating), problems);
  const auto named = [&](std::string_view field) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const FieldProblem& p) { return p.field == field; });
  };
  if (!named("unit_ids")) {
    if (c.unit_ids.empty()) {
      problems.push_back({"unit_ids", "validation.required"});
    } else {
      Status reach = api::CheckUnitReach(request, deps.api.units, before, c.unit_ids);
      if (reach.code() != ErrorCode::kOk && reach.code() != ErrorCode::kInvalidArgument) return reach;
      AddProblems(reach, problems);
    }
  }
  if (!problems.empty()) {
    // Every problem at once: what the store would say about the fields that could be read too.
    auto lease = deps.database.Acquire();
    if (!lease.ok()) return lease.status();
    Collaboration checked = c;
    auto more = deps.api.collaborations.Check(**lease, scope, checked);
    if (!more.ok()) return more.status();
    if (!more->empty()) AddProblems(ValidationFailed(std::move(more).value()), problems);
    return FormPageWith(deps, request, before, *params, std::move(problems), 422);
  }

  auto saved = creating ? deps.api.collaborations.Create(scope, auth::ActorOf(request), c)
                        : deps.api.collaborations.Update(scope, auth::ActorOf(request), c, revision);
  if (!saved.ok()) {
    const Status& failure = saved.status();
    if (failure.code() == ErrorCode::kPreconditionFailed) {
      // Someone saved it in between: keep what was typed, and let the next save knowingly
      // replace the newer version (the message says so).
      auto latest = deps.api.collaborations.Get(scope, c.id);
      if (!latest.ok()) return latest.status();
      text::Params values = *params;
      std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
      values.emplace_back("revision", std::to_string(latest->revision));
      return FormPageWith(deps, request, &*latest, values,
                          {{std::string(kFormLevel), "collaborations.form.stale"}}, 412);
    }
    if (failure.code() != ErrorCode::kInvalidArgument) return failure;
    AddProblems(failure, problems);
    if (problems.empty()) problems.push_back({std::string(kFormLevel), failure.user_message_key()});
    return FormPageWith(deps, request, before, *params, std::move(problems), 422);
  }
  return http::Redirect(303, fmt::format("{}?notice={}", CollaborationPath(request, saved->id),
                                         creating ? "collaboration_created" : "collaboration_updated"));
}

Result<http::Response> CreateSubmit(const Deps& deps, http::Request& request) {
  return Submit(deps, request, true);
}
Result<http::Response> EditSubmit(const Deps& deps, http::Request& request) {
  return Submit(deps, request, false);
}

// --- POST /admin/{municipality}/collaborations/{id}/delete ---

Result<http::Response> DeleteSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  if (!FormCsrfValid(request, *params)) {
    auto current = ChangeTarget(deps, request);
    if (!current.ok())
      return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
    return DetailPageWith(deps, request, *current, 403, "validation.csrf");
  }
  auto current = ChangeTarget(deps, request);
  if (!current.ok()) return current.status();
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  const domain::MunicipalityScope scope = auth::ScopeOf(request);
  Status deleted = deps.api.collaborations.Delete(scope, auth::ActorOf(request), current->id, *revision);
  if (deleted.code() == ErrorCode::kPreconditionFailed) {
    auto latest = deps.api.collaborations.Get(scope, current->id);
    if (!latest.ok()) return latest.status();
    return DetailPageWith(deps, request, *latest, 412, "collaborations.stale_delete");
  }
  SAMSKAB_RETURN_IF_ERROR(deleted);
  return http::Redirect(303, CollaborationsPath(request) + "?notice=collaboration_deleted");
}

}  // namespace

Result<OverviewFilters> ReadOverviewFilters(const CollaborationPageDependencies& deps,
                                            const http::Request& request, std::string action) {
  auto listing = ReadListing(request);
  if (!listing.ok()) return listing.status();
  auto units = deps.api.units.List(auth::ScopeOf(request));
  if (!units.ok()) return units.status();
  auto form = FilterForm(deps, request, *listing, *units, std::move(action));
  if (!form.ok()) return form.status();
  return OverviewFilters{std::move(listing->query), std::move(listing->problems), std::move(form).value()};
}

void RegisterCollaborationPages(http::Router& router, const CollaborationPageDependencies& deps) {
  const domain::Access staff = domain::Access::MunicipalStaff("municipality");
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", "/admin/{municipality}/collaborations", staff, page(OverviewPage));
  // Before {id}: the router takes the first pattern that matches.
  router.Add("GET", "/admin/{municipality}/collaborations/new", staff, page(NewPage));
  router.Add("POST", "/admin/{municipality}/collaborations/new", staff, page(CreateSubmit));
  router.Add("GET", "/admin/{municipality}/collaborations/{id}", staff, page(DetailPage));
  router.Add("GET", "/admin/{municipality}/collaborations/{id}/edit", staff, page(EditPage));
  router.Add("POST", "/admin/{municipality}/collaborations/{id}/edit", staff, page(EditSubmit));
  router.Add("POST", "/admin/{municipality}/collaborations/{id}/delete", staff, page(DeleteSubmit));
  router.Add("GET", "/admin/{municipality}/inspiration", staff, page(InspirationPage));
}

}  // namespace samskab::web
