#include "web/volunteer_pages.h"

#include <charconv>

#include <fmt/format.h>

#include "auth/request_context.h"
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"
#include "web/account_pages.h"
#include "web/admin_frame.h"

namespace samskab::web {
namespace {

using Deps = VolunteerPageDependencies;
using domain::VolunteerProfile;

constexpr char kPath[] = "/account/volunteer";

std::string T(const Deps& deps, const http::Request& request, std::string_view key) {
  return Message(deps.pages, request, key);
}

// The form's values of a stored profile (or of a new one).
text::Params ValuesOf(const VolunteerProfile& p, int64_t revision) {
  text::Params values = {
      {"about", p.about},
      {"skill_tags", fmt::format("{}", fmt::join(p.skill_tags, ", "))},
      {"postcode", p.postcode.value_or("")},
      {"travel_km", std::to_string(p.travel_km)},
      {"child_certificate", std::string(domain::ChildCertificateName(p.child_certificate))},
      {"child_certificate_on", p.child_certificate_on.value_or("")},
      {"visibility", std::string(domain::VolunteerVisibilityName(p.visibility))},
      {"consent_matching", p.consent_matching ? "1" : ""},
      {"active", p.active ? "1" : ""},
      {"revision", std::to_string(revision)},
  };
  for (const auto& key : p.skills) values.emplace_back("skills", key);
  for (const auto& code : p.languages) values.emplace_back("languages", code);
  for (const auto& cell : p.availability.CellKeys()) values.emplace_back("availability", cell);
  for (const auto& key : p.welfare_areas) values.emplace_back("welfare_areas", key);
  for (const auto& key : p.target_groups) values.emplace_back("target_groups", key);
  return values;
}

std::string Value(const text::Params& values, std::string_view name) {
  return std::string(text::Find(values, name).value_or(""));
}

Field Checkboxes(const Deps& deps, const http::Request& request, const std::string& name,
                 std::string_view label_key, const text::Params& values) {
  Field field = MakeField(deps.pages, request, name, "checkboxes", label_key, "off", 0);
  field.values = FormValues(values, name);
  return field;
}

Form ProfileForm(const Deps& deps, const http::Request& request, const text::Params& values,
                 std::vector<FieldProblem> problems) {
  Form form;
  form.action = kPath;
  form.submit = T(deps, request, "volunteer_form.submit");
  form.problems = std::move(problems);
  form.hidden.emplace_back("revision", Value(values, "revision").empty() ? "0" : Value(values, "revision"));

  Field about = MakeField(deps.pages, request, "about", "textarea", "volunteer_form.about", "off",
                          static_cast<int>(domain::kMaxAboutLength), Value(values, "about"));
  about.hint = T(deps, request, "volunteer_form.about_hint");
  about.heading = T(deps, request, "volunteer_form.part_what");
  form.fields.push_back(std::move(about));

  Field skills = Checkboxes(deps, request, "skills", "volunteer_form.skills", values);
  for (const auto key : domain::SkillKeys())
    skills.options.emplace_back(std::string(key), T(deps, request, domain::SkillLabelKey(key)));
  form.fields.push_back(std::move(skills));

  Field tags = MakeField(deps.pages, request, "skill_tags", "text", "volunteer_form.skill_tags", "off", 900,
                         Value(values, "skill_tags"));
  tags.hint = T(deps, request, "volunteer_form.skill_tags_hint");
  form.fields.push_back(std::move(tags));

  Field languages = Checkboxes(deps, request, "languages", "volunteer_form.languages", values);
  for (const auto code : domain::LanguageCodes())
    languages.options.emplace_back(std::string(code), T(deps, request, domain::LanguageLabelKey(code)));
  form.fields.push_back(std::move(languages));

  Field availability = AvailabilityField(deps.pages, request, "volunteer_form.availability",
                                         FormValues(values, "availability"));
  availability.heading = T(deps, request, "volunteer_form.part_when");
  availability.hint = T(deps, request, "volunteer_form.availability_hint");
  form.fields.push_back(std::move(availability));

  Field postcode = MakeField(deps.pages, request, "postcode", "text", "volunteer_form.postcode",
                             "postal-code", 4, Value(values, "postcode"));
  form.fields.push_back(std::move(postcode));
  Field travel = MakeField(deps.pages, request, "travel_km", "text", "volunteer_form.travel_km", "off", 3,
                           Value(values, "travel_km"));
  travel.hint = T(deps, request, "volunteer_form.travel_km_hint");
  form.fields.push_back(std::move(travel));

  const auto vocabulary = [&](domain::Vocabulary which, const std::string& name, std::string_view label_key) {
    Field field = Checkboxes(deps, request, name, label_key, values);
    for (const auto key : domain::BuiltInTerms(which))
      field.options.emplace_back(std::string(key), T(deps, request, domain::BuiltInLabelKey(which, key)));
    return field;
  };
  Field areas = vocabulary(domain::Vocabulary::kWelfareArea, "welfare_areas", "volunteer_form.welfare_areas");
  areas.heading = T(deps, request, "volunteer_form.part_care");
  form.fields.push_back(std::move(areas));
  form.fields.push_back(
      vocabulary(domain::Vocabulary::kTargetGroup, "target_groups", "volunteer_form.target_groups"));

  Field certificate =
      MakeField(deps.pages, request, "child_certificate", "select", "volunteer_form.child_certificate", "off",
                0, Value(values, "child_certificate"));
  certificate.hint = T(deps, request, "volunteer_form.child_certificate_hint");
  for (const auto status : domain::kAllChildCertificates) {
    const std::string name(domain::ChildCertificateName(status));
    certificate.options.emplace_back(name, T(deps, request, "volunteer_form.certificate." + name));
  }
  form.fields.push_back(std::move(certificate));
  Field certificate_on =
      MakeField(deps.pages, request, "child_certificate_on", "date", "volunteer_form.child_certificate_on",
                "off", 10, Value(values, "child_certificate_on"));
  certificate_on.hint = T(deps, request, "volunteer_form.child_certificate_on_hint");
  form.fields.push_back(std::move(certificate_on));

  Field visibility = MakeField(deps.pages, request, "visibility", "select", "volunteer_form.visibility",
                               "off", 0, Value(values, "visibility"));
  visibility.heading = T(deps, request, "volunteer_form.part_who");
  visibility.hint = T(deps, request, "volunteer_form.visibility_hint");
  for (const auto choice : domain::kAllVolunteerVisibilities) {
    const std::string name(domain::VolunteerVisibilityName(choice));
    visibility.options.emplace_back(name, T(deps, request, "volunteer_form.visibility_choice." + name));
  }
  form.fields.push_back(std::move(visibility));
  Field consent = MakeField(deps.pages, request, "consent_matching", "checkbox",
                            "volunteer_form.consent_matching", "off", 0, Value(values, "consent_matching"));
  consent.hint = T(deps, request, "volunteer_form.consent_matching_hint");
  form.fields.push_back(std::move(consent));
  Field active = MakeField(deps.pages, request, "active", "checkbox", "volunteer_form.active", "off", 0,
                           Value(values, "active"));
  active.hint = T(deps, request, "volunteer_form.active_hint");
  form.fields.push_back(std::move(active));
  return form;
}

Result<http::Response> PageWith(const Deps& deps, const http::Request& request,
                                const std::optional<VolunteerProfile>& saved, const text::Params& values,
                                std::vector<FieldProblem> problems, int status) {
  auto municipality = SiteMunicipality(deps.pages);
  if (!municipality.ok()) return municipality.status();
  http::Response cookies;
  ctemplate::TemplateDictionary content("volunteer_profile");
  if (problems.empty()) {
    if (const std::string notice = NoticeText(deps.pages, request); !notice.empty())
      content.AddSectionDictionary("NOTICE")->SetValue("TEXT", notice);
  }
  const bool failed = !problems.empty();
  content.SetValue(
      "FORM", RenderForm(deps.pages.views, request, cookies,
                         ProfileForm(deps, request, values, std::move(problems)), deps.pages.secure_cookies));
  if (saved) {
    auto* section = content.AddSectionDictionary("SAVED");
    section->SetValue("UPDATED", ShowTime(saved->updated_at));
    section->SetValue("DELETE_FORM", RenderForm(deps.pages.views, request, cookies,
                                                ButtonForm(std::string(kPath) + "/delete",
                                                           T(deps, request, "volunteer_form.delete"), "",
                                                           {{"revision", std::to_string(saved->revision)}}),
                                                deps.pages.secure_cookies));
  } else {
    content.ShowSection("NEW");
  }
  const std::string title =
      PageTitle(deps.pages, request, T(deps, request, "volunteer_form.heading"), failed);
  const Frame frame{title, municipality->name, "account"};
  return HtmlPage(deps.pages.views.Page(request, frame, "volunteer_profile", content), status, cookies);
}

Result<std::optional<VolunteerProfile>> Own(const Deps& deps, const http::Request& request) {
  auto own = deps.volunteers.GetOwn(auth::PrincipalOf(request).user_id);
  if (own.ok()) return std::optional<VolunteerProfile>(std::move(own).value());
  if (own.status().code() == ErrorCode::kNotFound) return std::optional<VolunteerProfile>();
  return own.status();
}

Result<http::Response> ProfilePage(const Deps& deps, http::Request& request) {
  auto own = Own(deps, request);
  if (!own.ok()) return own.status();
  const text::Params values = *own ? ValuesOf(**own, (*own)->revision) : ValuesOf(VolunteerProfile{}, 0);
  return PageWith(deps, request, *own, values, {}, 200);
}

// The profile a posted form describes; problems of the form's own kind (a number that is none,
// cells that are no cells) go to `problems`, the profile's rules are the store's.
VolunteerProfile Read(const text::Params& params, std::vector<FieldProblem>& problems) {
  VolunteerProfile p;
  p.about = FormValue(params, "about");
  p.skills = FormValues(params, "skills");
  p.skill_tags.clear();
  const std::string tags = FormValue(params, "skill_tags");
  for (size_t start = 0; start <= tags.size();) {
    const size_t comma = std::min(tags.find(',', start), tags.size());
    p.skill_tags.push_back(tags.substr(start, comma - start));
    start = comma + 1;
  }
  p.languages = FormValues(params, "languages");
  auto grid = domain::WeeklyAvailability::FromCellKeys(FormValues(params, "availability"));
  if (grid.ok()) {
    p.availability = *grid;
  } else {
    problems.push_back({"availability", grid.status().user_message_key()});
  }
  p.postcode = FormValue(params, "postcode");
  const std::string km(text::Trim(FormValue(params, "travel_km")));
  int value = 0;
  auto [end, ec] = std::from_chars(km.data(), km.data() + km.size(), value);
  if (km.empty() || ec != std::errc() || end != km.data() + km.size()) {
    problems.push_back({"travel_km", "volunteer.error.travel_km"});
  } else {
    p.travel_km = value;
  }
  p.welfare_areas = FormValues(params, "welfare_areas");
  p.target_groups = FormValues(params, "target_groups");
  if (auto status = domain::ParseChildCertificate(FormValue(params, "child_certificate"))) {
    p.child_certificate = *status;
  } else {
    problems.push_back({"child_certificate", "volunteer.error.child_certificate"});
  }
  p.child_certificate_on = FormValue(params, "child_certificate_on");
  if (auto visibility = domain::ParseVolunteerVisibility(FormValue(params, "visibility"))) {
    p.visibility = *visibility;
  } else {
    problems.push_back({"visibility", "volunteer.error.visibility"});
  }
  p.consent_matching = FormValue(params, "consent_matching") == "1";
  p.active = FormValue(params, "active") == "1";
  return p;
}

Result<http::Response> Submit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  auto own = Own(deps, request);
  if (!own.ok()) return own.status();
  if (!FormCsrfValid(request, *params))
    return PageWith(deps, request, *own, *params, {{std::string(kFormLevel), "validation.csrf"}}, 403);
  const std::string revision_text = FormValue(*params, "revision");
  const auto revision = text::ParsePositiveId(revision_text);
  if (!revision && revision_text != "0")
    return Status(ErrorCode::kMalformed, "revision missing or not a number");

  std::vector<FieldProblem> problems;
  VolunteerProfile p = Read(*params, problems);
  VolunteerProfile checked = p;
  for (auto& problem : deps.volunteers.Normalise(checked)) {
    const bool named = std::any_of(problems.begin(), problems.end(),
                                   [&](const FieldProblem& known) { return known.field == problem.field; });
    if (!named) problems.push_back(std::move(problem));
  }
  if (!problems.empty()) return PageWith(deps, request, *own, *params, std::move(problems), 422);
  auto saved = deps.volunteers.SaveOwn(auth::ActorOf(request), auth::PrincipalOf(request).user_id, p,
                                       revision.value_or(0));
  if (!saved.ok()) {
    const Status& failure = saved.status();
    if (failure.code() == ErrorCode::kPreconditionFailed) {
      // Changed elsewhere in between: keep what was typed, say so, and let the next save knowingly
      // replace the newer version.
      auto latest = Own(deps, request);
      if (!latest.ok()) return latest.status();
      text::Params values = *params;
      std::erase_if(values, [](const auto& param) { return param.first == "revision"; });
      values.emplace_back("revision", *latest ? std::to_string((*latest)->revision) : "0");
      return PageWith(deps, request, *latest, values, {{std::string(kFormLevel), "volunteer.error.stale"}},
                      412);
    }
    if (failure.code() != ErrorCode::kInvalidArgument || failure.fields().empty()) return failure;
    return PageWith(deps, request, *own, *params, failure.fields(), 422);
  }
  return http::Redirect(303, std::string(kPath) + "?notice=market.volunteer_saved");
}

Result<http::Response> DeleteSubmit(const Deps& deps, http::Request& request) {
  auto params = ReadForm(request);
  if (!params.ok()) return params.status();
  auto own = Own(deps, request);
  if (!own.ok()) return own.status();
  const text::Params values = *own ? ValuesOf(**own, (*own)->revision) : ValuesOf(VolunteerProfile{}, 0);
  if (!FormCsrfValid(request, *params))
    return PageWith(deps, request, *own, values, {{std::string(kFormLevel), "validation.csrf"}}, 403);
  if (!*own) return NotFound("no volunteer profile to delete", "volunteer.error.not_found");
  const auto revision = text::ParsePositiveId(FormValue(*params, "revision"));
  if (!revision) return Status(ErrorCode::kMalformed, "revision missing or not a number");
  const Status deleted =
      deps.volunteers.DeleteOwn(auth::ActorOf(request), auth::PrincipalOf(request).user_id, *revision);
  if (deleted.code() == ErrorCode::kPreconditionFailed)
    return PageWith(deps, request, *own, values, {{std::string(kFormLevel), "volunteer.error.stale"}}, 412);
  if (!deleted.ok()) return deleted;
  return http::Redirect(303, std::string(kPath) + "?notice=market.volunteer_deleted");
}

}  // namespace

Field AvailabilityField(const PageDependencies& deps, const http::Request& request,
                        std::string_view label_key, std::vector<std::string> ticked) {
  Field field = MakeField(deps, request, "availability", "grid", label_key, "off", 0);
  field.values = std::move(ticked);
  for (int day = 0; day < domain::kDaysPerWeek; ++day) {
    const std::string key(domain::DayKey(day));
    field.options.emplace_back(key, Message(deps, request, "availability.day." + key));
  }
  for (int slot = 0; slot < domain::kSlotsPerDay; ++slot) {
    const std::string key(domain::SlotKey(slot));
    field.columns.emplace_back(key, Message(deps, request, "availability.slot." + key));
  }
  return field;
}

void RegisterVolunteerPages(http::Router& router, const VolunteerPageDependencies& deps) {
  using domain::Access;
  const auto page = [&deps](auto handler) {
    return [&deps, handler](http::Request& request) { return handler(deps, request); };
  };
  router.Add("GET", kPath, Access::Person(), page(ProfilePage));
  router.Add("POST", kPath, Access::Person(), page(Submit));
  router.Add("POST", std::string(kPath) + "/delete", Access::Person(), page(DeleteSubmit));
}

}  // namespace samskab::web
