#include "web/offer_pages.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "api/need_offer_fields.h"
#include "auth/request_context.h"
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"
#include "web/collaboration_form.h"

namespace samskab::web {
namespace {

using Deps = OfferPageDependencies;
using domain::Offer;

constexpr char kMine[] = "/account/offers";
constexpr char kSelf[] = "self";  // the owner choice "my own offer"
constexpr int64_t kPublicPageSize = 50;

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}
std::string OfferPath(int64_t id) { return fmt::format("{}/{}", kMine, id); }

std::string CellLabel(const Deps& deps, const http::Request& request, int day, int slot) {
  return T(deps, request, fmt::format("availability.day.{}", domain::DayKey(day))) + " " +
         text::FoldCase(T(deps, request, fmt::format("availability.slot.{}", domain::SlotKey(slot))));
}

Result<http::Response> Render(const Deps& deps, const http::Request& request, const std::string& title,
                              std::string_view body_template, ctemplate::TemplateDictionary& body, int status,
                              const http::Response& cookies, bool failed = false) {
  return RenderOfferPage(deps.pages, request, title, body_template, body, status, cookies, failed);
}

// The organisations the person may post offers for, by id with their names.
std::vector<std::pair<int64_t, std::string>> OwnOrganisations(const Deps& deps,
                                                              const domain::OfferViewer& viewer) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (int64_t id : viewer.organisation_ids) {
    auto name = deps.pages.accounts.OrganisationName(id);
    if (name.ok()) out.emplace_back(id, *name);
  }
  return out;
}

// --- the form ---

text::Params FormValuesOf(const Offer& o) {
  text::Params values = {{"owner", o.organisation_id ? std::to_string(*o.organisation_id) : kSelf},
                         {"kind", std::string(domain::OfferKindName(o.kind))},
                         {"title", o.title},
                         {"description", o.description},
                         {"hours", o.hours ? std::to_string(*o.hours) : ""},
                         {"event_on", o.event_on.value_or("")},
                         {"event_capacity", o.event_capacity ? std::to_string(*o.event_capacity) : ""},
                         {"postcode", o.postcode.value_or("")},
                         {"travel_km", std::to_string(o.travel_km)},
                         {"municipalities", fmt::format("{}", fmt::join(o.municipalities, ", "))},
                         {"status", std::string(domain::MarketStatusName(o.status))},
                         {"revision", std::to_string(o.revision)}};
  for (const auto& key : o.skills) values.emplace_back("skills", key);
  for (const auto& key : o.languages) values.emplace_back("languages", key);
  for (const auto& key : o.welfare_areas) values.emplace_back("welfare_areas", key);
  for (const auto& key : o.target_groups) values.emplace_back("target_groups", key);
  for (const auto& cell : o.availability.CellKeys()) values.emplace_back("availability", cell);
  return values;
}

// The posted form as the API's body (the owner is read on creation only).
nlohmann::json BodyOf(const text::Params& posted, bool creating) {
  const auto value = [&](std::string_view name) { return FormValue(posted, name); };
  const auto optional_text = [&](std::string_view name) { return TextOrNull(value(name)); };
  const auto optional_number = [&](std::string_view name) { return NumberOrNull(value(name)); };
  nlohmann::json body = {{"kind", value("kind")},
                         {"title", value("title")},
                         {"description", value("description")},
                         {"skills", FormValues(posted, "skills")},
                         {"languages", FormValues(posted, "languages")},
                         {"welfare_areas", FormValues(posted, "welfare_areas")},
                         {"target_groups", FormValues(posted, "target_groups")},
                         {"hours", optional_number("hours")},
                         {"event_on", optional_text("event_on")},
                         {"event_capacity", optional_number("event_capacity")},
                         {"postcode", optional_text("postcode")},
                         {"travel_km", NumberOrText(value("travel_km"))},
                         {"status", value("status").empty() ? std::string("open") : value("status")}};
  if (creating && value("owner") != kSelf) body["organisation_id"] = NumberOrText(value("owner"));
  // "0190, 0151": the codes; empty: every municipality.
  std::vector<std::string> codes;
  std::string list = value("municipalities");
  for (char& c : list) {
    if (c == ';' || c == ' ') c = ',';
  }
  for (auto& code : domain::SplitKeyList("," + list + ",")) {
    if (!code.empty()) codes.push_back(code);
  }
  body["municipalities"] = codes.empty() ? nlohmann::json("all") : nlohmann::json(codes);
  auto grid = domain::WeeklyAvailability::FromCellKeys(FormValues(posted, "availability"));
  body["availability"] = grid.ok() ? grid->ToJson() : nlohmann::json(FormValues(posted, "availability"));
  return body;
}

Form OfferForm(const Deps& deps, const http::Request& request, std::string action,
               const std::vector<std::pair<int64_t, std::string>>& organisations, const text::Params& values,
               std::vector<FieldProblem> problems, bool creating) {
  const auto value = [&](std::string_view name) {
    return std::string(text::Find(values, name).value_or(""));
  };
  const auto field = [&](const std::string& name, std::string type, int max_length) {
    return MakeField(deps.pages, request, name, std::move(type), "offers.field." + name, "off", max_length,
                     value(name));
  };
  Form form;
  form.action = std::move(action);
  form.submit = T(deps, request, creating ? "offers.create" : "offers.save");
  // The owner is "organisation_id" in the API: its problems show at the owner's select.
  for (auto& problem : problems) {
    if (problem.field == "organisation_id") problem.field = "owner";
  }
  form.problems = std::move(problems);
  if (creating) {
    Field owner = field("owner", "select", 0);
    owner.options.emplace_back(kSelf, T(deps, request, "offers.owner_self"));
    for (const auto& [id, name] : organisations) owner.options.emplace_back(std::to_string(id), name);
    form.fields.push_back(std::move(owner));
  }
  Field kind = field("kind", "select", 0);
  kind.hint = T(deps, request, "offers.field.kind_hint");
  for (const auto k : domain::kAllOfferKinds) {
    const std::string name(domain::OfferKindName(k));
    kind.options.emplace_back(name, T(deps, request, "offers.kind." + name));
  }
  form.fields.push_back(std::move(kind));
  form.fields.push_back(field("title", "text", static_cast<int>(domain::kMaxMarketTitleLength)));
  form.fields.push_back(
      field("description", "textarea", static_cast<int>(domain::kMaxMarketDescriptionLength)));
  Field hours = field("hours", "text", 6);
  hours.hint = T(deps, request, "offers.field.hours_hint");
  form.fields.push_back(std::move(hours));
  Field event_on = field("event_on", "date", 10);
  event_on.hint = T(deps, request, "offers.field.event_hint");
  form.fields.push_back(std::move(event_on));
  form.fields.push_back(field("event_capacity", "text", 5));

  Field skills = field("skills", "checkboxes", 0);
  skills.heading = T(deps, request, "offers.part_what");
  skills.values = FormValues(values, "skills");
  for (const auto key : domain::SkillKeys())
    skills.options.emplace_back(std::string(key), T(deps, request, domain::SkillLabelKey(key)));
  form.fields.push_back(std::move(skills));
  Field languages = field("languages", "checkboxes", 0);
  languages.values = FormValues(values, "languages");
  for (const auto code : domain::LanguageCodes())
    languages.options.emplace_back(std::string(code), T(deps, request, domain::LanguageLabelKey(code)));
  form.fields.push_back(std::move(languages));
  for (const auto vocabulary : {domain::Vocabulary::kWelfareArea, domain::Vocabulary::kTargetGroup}) {
    const std::string name = std::string(domain::VocabularyName(vocabulary)) + "s";
    Field terms = field(name, "checkboxes", 0);
    terms.values = FormValues(values, name);
    for (const auto key : domain::BuiltInTerms(vocabulary))
      terms.options.emplace_back(std::string(key),
                                 T(deps, request, domain::BuiltInLabelKey(vocabulary, key)));
    form.fields.push_back(std::move(terms));
  }
  Field availability = field("availability", "checkboxes", 0);
  availability.heading = T(deps, request, "offers.part_where");
  availability.values = FormValues(values, "availability");
  for (int day = 0; day < domain::kDaysPerWeek; ++day) {
    for (int slot = 0; slot < domain::kSlotsPerDay; ++slot)
      availability.options.emplace_back(domain::WeeklyAvailability::CellKey(day, slot),
                                        CellLabel(deps, request, day, slot));
  }
  form.fields.push_back(std::move(availability));
  Field postcode = field("postcode", "text", 4);
  postcode.autocomplete = "postal-code";
  form.fields.push_back(std::move(postcode));
  Field travel = field("travel_km", "text", 3);
  travel.hint = T(deps, request, "offers.field.travel_km_hint");
  form.fields.push_back(std::move(travel));
  Field municipalities = field("municipalities", "text", 500);
  municipalities.hint = T(deps, request, "offers.field.municipalities_hint");
  form.fields.push_back(std::move(municipalities));
  if (!creating) {
    Field status = field("status", "select", 0);
    for (const char* s : {"open", "closed"})
      status.options.emplace_back(s, T(deps, request, fmt::format("needs.status.{}", s)));
    form.fields.push_back(std::move(status));
  }
  if (const auto revision = text::Find(values, "revision")) form.hidden.emplace_back("revision", *revision);
  return form;
}

Result<http::Response> FormPageWith(const Deps& deps, const http::Request& request, const Offer* current,
                                    const text::Params& values, std::vector<FieldProblem> problems,
                                    int status) {
  const auto viewer = domain::OfferViewerOf(auth::PrincipalOf(request));
  http::Response cookies;
  ctemplate::TemplateDictionary body("offer_edit");
  body.SetValue("BACK_HREF", current ? OfferPath(current->id) : std::string(kMine));
  body.SetValue("LEAD", T(deps, request, "offers.form_lead"));
  const bool failed = !problems.empty();
  const std::string action = current ? OfferPath(current->id) + "/edit" : std::string(kMine) + "/new";
  body.SetValue("FORM", RenderForm(deps.pages.views, request, cookies,
                                   OfferForm(deps, request, action, OwnOrganisations(deps, viewer), values,
                                             std::move(problems), !current),
                                   deps.pages.secure_cookies));
  const std::string title = current ? Fill(T(deps, request, "offers.edit_heading"), "title", current->title)
                                    : T(deps, request, "offers.new_heading");
  return Render(deps, request, title, "offer_edit", body, status, cookies, failed);
}

Result<Offer> LoadOwn(const Deps& deps, const http::Request& request) {
  const auto id = text::ParsePositiveId(request.PathParam("id"));
  if (!id) return NotFound("offer id is not a number", "offer.error.not_found");
  const auto viewer = domain::OfferViewerOf(auth::PrincipalOf(request));
  auto offer = deps.offers.Get(viewer, *id);
  if (!offer.ok()) return offer.status();
  // These are the owner's pages: an offer the person only sees as staff is not theirs here.
  if (!domain::OwnsOffer(viewer, *offer)) return NotFound("not the person's offer", "offer.error.not_found");
  return offer;
}

Status CsrfChecked(const http::Request& request, const text::Params& params) {
  if (!FormCsrfValid(request, params))
    return Status(ErrorCode::kPermissionDenied, "form without its CSRF token", "validation.csrf");
  return Status::Ok();
}

Result<http::Response> Refused(const Deps& deps, const http::Request& request, const Offer* current,
                               const text::Params& params, const Status& failure) {
  if (failure.code() == ErrorCode::kPreconditionFailed)
    return FormPageWith(deps, request, current, params,
                        {{std::string(kFormLevel), "error.precondition_failed"}}, 412);
  if (failure.code() == ErrorCode::kInvalidArgument && !failure.fields().empty())
    return FormPageWith(deps, request, current, params, failure.fields(), 422);
  if (failure.code() == ErrorCode::kPermissionDenied && failure.user_message_key() == "offer.error.not_yours")
    return FormPageWith(deps, request, current, params, {{"owner", "offer.error.not_yours"}}, 403);
  return failure;
}

Result<http::Response> NewPage(const Deps& deps, http::Request& request) {
  Offer fresh;
  text::Params values = FormValuesOf(fresh);
  std::erase_if(values, [](const auto& p) { return p.first == "revision"; });
  return FormPageWith(deps, request, nullptr, values, {}, 200);
}

Result<http::Response> Create(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  SAMSKAB_RETURN_IF_ERROR(CsrfChecked(request, *params));
  Offer o;
  Status read = api::ReadOfferFields(BodyOf(*params, true), o, /*creating=*/true);
  if (!read.ok()) return Refused(deps, request, nullptr, *params, read);
  if (!o.organisation_id) o.user_id = auth::PrincipalOf(request).user_id;
  auto created =
      deps.offers.Create(domain::OfferViewerOf(auth::PrincipalOf(request)), auth::ActorOf(request), o);
  if (!created.ok()) return Refused(deps, request, nullptr, *params, created.status());
  return http::Redirect(303, OfferPath(created->id) + "?notice=offer.created");
}

Result<http::Response> EditPage(const Deps& deps, http::Request& request) {
  auto current = LoadOwn(deps, request);
  if (!current.ok()) return current.status();
  return FormPageWith(deps, request, &*current, FormValuesOf(*current), {}, 200);
}

Result<http::Response> Update(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  SAMSKAB_RETURN_IF_ERROR(CsrfChecked(request, *params));
  auto current = LoadOwn(deps, request);
  if (!current.ok()) return current.status();
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  Offer o;
  o.id = current->id;
  o.organisation_id = current->organisation_id;
  o.user_id = current->user_id;
  Status read = api::ReadOfferFields(BodyOf(*params, false), o, /*creating=*/false);
  if (!read.ok()) return Refused(deps, request, &*current, *params, read);
  auto updated = deps.offers.Update(domain::OfferViewerOf(auth::PrincipalOf(request)), auth::ActorOf(request),
                                    o, *revision);
  if (!updated.ok()) return Refused(deps, request, &*current, *params, updated.status());
  return http::Redirect(303, OfferPath(o.id) + "?notice=offer.saved");
}

Result<http::Response> ChangeStatus(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  SAMSKAB_RETURN_IF_ERROR(CsrfChecked(request, *params));
  auto current = LoadOwn(deps, request);
  if (!current.ok()) return current.status();
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  const auto status = domain::ParseMarketStatus(FormValue(*params, "status"));
  if (!revision || !status) return Status(ErrorCode::kMalformed, "revision or status missing");
  Offer o = *current;
  o.status = *status;
  auto updated = deps.offers.Update(domain::OfferViewerOf(auth::PrincipalOf(request)), auth::ActorOf(request),
                                    o, *revision);
  if (!updated.ok()) return updated.status();
  return http::Redirect(
      303, OfferPath(o.id) + (*status == domain::MarketStatus::kClosed ? "?notice=offer.closed"
                                                                       : "?notice=offer.reopened"));
}

// --- an offer's page and the person's list ---

void AddFact(ctemplate::TemplateDictionary& body, const std::string& label, const std::string& value) {
  auto* fact = body.AddSectionDictionary("FACT");
  fact->SetValue("LABEL", label);
  fact->SetValue("VALUE", value);
}

std::string Joined(const std::vector<std::string>& items, const std::string& none) {
  return items.empty() ? none : fmt::format("{}", fmt::join(items, ", "));
}

// The offer's facts as people read them (its page and the public list).
void AddOfferFacts(const Deps& deps, const http::Request& request, const Offer& o,
                   ctemplate::TemplateDictionary& body) {
  const auto label = [&](std::string_view field) {
    return T(deps, request, fmt::format("offers.field.{}", field));
  };
  const std::string none = T(deps, request, "needs.none");
  AddFact(body, T(deps, request, "offers.owner"), o.owner_name);
  AddFact(body, label("kind"),
          T(deps, request, fmt::format("offers.kind.{}", domain::OfferKindName(o.kind))));
  AddFact(body, label("status"),
          T(deps, request, fmt::format("needs.status.{}", domain::MarketStatusName(o.status))));
  if (o.hours) AddFact(body, label("hours"), std::to_string(*o.hours));
  if (o.event_on) AddFact(body, label("event_on"), *o.event_on);
  if (o.event_capacity) AddFact(body, label("event_capacity"), std::to_string(*o.event_capacity));
  std::vector<std::string> items;
  for (const auto& key : o.skills) items.push_back(T(deps, request, domain::SkillLabelKey(key)));
  AddFact(body, label("skills"), Joined(items, none));
  items.clear();
  for (const auto& key : o.languages) items.push_back(T(deps, request, domain::LanguageLabelKey(key)));
  AddFact(body, label("languages"), Joined(items, none));
  items.clear();
  for (const auto& key : o.welfare_areas)
    items.push_back(T(deps, request, domain::BuiltInLabelKey(domain::Vocabulary::kWelfareArea, key)));
  AddFact(body, label("welfare_areas"), Joined(items, none));
  items.clear();
  for (const auto& key : o.target_groups)
    items.push_back(T(deps, request, domain::BuiltInLabelKey(domain::Vocabulary::kTargetGroup, key)));
  AddFact(body, label("target_groups"), Joined(items, none));
  items.clear();
  for (int day = 0; day < domain::kDaysPerWeek; ++day) {
    for (int slot = 0; slot < domain::kSlotsPerDay; ++slot) {
      if (o.availability.Has(day, slot)) items.push_back(CellLabel(deps, request, day, slot));
    }
  }
  AddFact(body, label("availability"), Joined(items, none));
  AddFact(body, label("postcode"), o.postcode ? fmt::format("{} {}", *o.postcode, o.town) : none);
  AddFact(body, label("travel_km"), std::to_string(o.travel_km));
  AddFact(body, label("municipalities"),
          o.municipalities.empty() ? T(deps, request, "offers.all_municipalities")
                                   : Joined(o.municipalities, none));
}

Result<http::Response> ShowPage(const Deps& deps, http::Request& request) {
  auto o = LoadOwn(deps, request);
  if (!o.ok()) return o.status();
  http::Response cookies;
  ctemplate::TemplateDictionary body("offer");
  body.SetValue("BACK_HREF", kMine);
  const std::string notice = NoticeText(deps.pages, request);
  if (!notice.empty()) body.AddSectionDictionary("NOTICE")->SetValue("TEXT", notice);
  if (!o->description.empty()) body.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", o->description);
  AddOfferFacts(deps, request, *o, body);
  body.SetValue("EDIT_HREF", OfferPath(o->id) + "/edit");
  body.SetValue("MATCHES_HREF", OfferPath(o->id) + "/matches");
  const bool open = o->status == domain::MarketStatus::kOpen;
  Form status =
      ButtonForm(OfferPath(o->id) + "/status", T(deps, request, open ? "offers.close" : "offers.reopen"),
                 o->title, {{"revision", std::to_string(o->revision)}, {"status", open ? "closed" : "open"}});
  body.SetValue("STATUS_FORM",
                RenderForm(deps.pages.views, request, cookies, status, deps.pages.secure_cookies));
  return Render(deps, request, o->title, "offer", body, 200, cookies);
}

Result<http::Response> MinePage(const Deps& deps, http::Request& request) {
  storage::OfferFilter filter;
  filter.own_only = true;
  filter.limit = 100;
  auto page = deps.offers.List(domain::OfferViewerOf(auth::PrincipalOf(request)), filter);
  if (!page.ok()) return page.status();
  ctemplate::TemplateDictionary body("offers_mine");
  body.SetValue("NEW_HREF", std::string(kMine) + "/new");
  body.SetValue("LEAD", T(deps, request, "offers.mine_lead"));
  if (page->items.empty()) body.ShowSection("NONE");
  auto* table = page->items.empty() ? nullptr : body.AddSectionDictionary("LIST");
  for (const auto& o : page->items) {
    auto* row = table->AddSectionDictionary("ROW");
    row->SetValue("HREF", OfferPath(o.id));
    row->SetValue("TITLE", o.title);
    row->SetValue("OWNER", o.owner_name);
    row->SetValue("KIND", T(deps, request, fmt::format("offers.kind.{}", domain::OfferKindName(o.kind))));
    row->SetValue("STATUS",
                  T(deps, request, fmt::format("needs.status.{}", domain::MarketStatusName(o.status))));
  }
  return Render(deps, request, T(deps, request, "offers.mine_heading"), "offers_mine", body, 200, {});
}

// --- the public lists ---

Result<http::Response> PublicNeeds(const Deps& deps, http::Request& request) {
  storage::NeedFilter filter;
  filter.limit = kPublicPageSize;
  auto page = deps.needs.ListPublic(filter);
  if (!page.ok()) return page.status();
  ctemplate::TemplateDictionary body("public_needs");
  body.SetValue("LEAD", T(deps, request, "public_needs.lead"));
  if (page->items.empty()) body.ShowSection("NONE");
  const std::string none = T(deps, request, "needs.none");
  for (const auto& n : page->items) {
    auto* item = body.AddSectionDictionary("NEED");
    item->SetValue("TITLE", n.title);
    item->SetValue("UNIT", n.unit_name);
    auto municipality = deps.pages.municipalities.Get(n.municipality_code);
    item->SetValue("MUNICIPALITY", municipality.ok() ? municipality->name : n.municipality_code);
    item->SetValue("PLACE", n.postcode ? fmt::format("{} {}", *n.postcode, n.town) : none);
    item->SetValue("DESCRIPTION", n.description);
    std::vector<std::string> skills;
    for (const auto& key : n.skills) skills.push_back(T(deps, request, domain::SkillLabelKey(key)));
    item->SetValue("SKILLS", Joined(skills, none));
    item->SetIntValue("PLACES", static_cast<long>(n.places));
    if (n.vulnerable) item->ShowSection("VULNERABLE");
  }
  return Render(deps, request, T(deps, request, "public_needs.heading"), "public_needs", body, 200, {});
}

Result<http::Response> PublicOffers(const Deps& deps, http::Request& request) {
  storage::OfferFilter filter;
  filter.limit = kPublicPageSize;
  auto page = deps.offers.ListPublic(filter);
  if (!page.ok()) return page.status();
  ctemplate::TemplateDictionary body("public_offers");
  body.SetValue("LEAD", T(deps, request, "public_offers.lead"));
  if (page->items.empty()) body.ShowSection("NONE");
  for (const auto& o : page->items) {
    auto* item = body.AddSectionDictionary("OFFER");
    item->SetValue("TITLE", o.title);
    item->SetValue("DESCRIPTION", o.description);
    AddOfferFacts(deps, request, o, *item);
  }
  return Render(deps, request, T(deps, request, "public_offers.heading"), "public_offers", body, 200, {});
}

}  // namespace

Result<http::Response> RenderOfferPage(const PageDependencies& pages, const http::Request& request,
                                       const std::string& title, std::string_view body_template,
                                       ctemplate::TemplateDictionary& body, int status,
                                       const http::Response& cookies, bool failed) {
  auto site = SiteMunicipality(pages);
  if (!site.ok()) return site.status();
  body.SetValue("HEADING", title);
  const Frame frame{PageTitle(pages, request, title, failed), site->name, ""};
  return HtmlPage(pages.views.Page(request, frame, body_template, body), status, cookies);
}

void RegisterOfferPages(http::Router& router, const OfferPageDependencies& deps) {
  const auto page = [&deps](Result<http::Response> (*handler)(const Deps&, http::Request&)) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  const domain::Access person = domain::Access::Person();
  router.Add("GET", "/account/offers", person, page(MinePage));
  // Before the offer's pages: /account/offers/new is not an offer's {id}.
  router.Add("GET", "/account/offers/new", person, page(NewPage));
  router.Add("POST", "/account/offers/new", person, page(Create));
  router.Add("GET", "/account/offers/{id}", person, page(ShowPage));
  router.Add("GET", "/account/offers/{id}/edit", person, page(EditPage));
  router.Add("POST", "/account/offers/{id}/edit", person, page(Update));
  router.Add("POST", "/account/offers/{id}/status", person, page(ChangeStatus));
  router.Add("GET", "/needs", domain::Access::Public(), page(PublicNeeds));
  router.Add("GET", "/offers", domain::Access::Public(), page(PublicOffers));
}

}  // namespace samskab::web
