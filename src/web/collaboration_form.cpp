#include "web/collaboration_form.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace samskab::web {
namespace {

using domain::Collaboration;

// Optional texts of the API: empty in the form means "not given".
constexpr std::string_view kOptionalTexts[] = {"welfare_area", "target_group", "starts_on", "ends_on",
                                               "postcode"};
constexpr std::string_view kTexts[] = {
    "title", "description", "funding_source", "locality", "inspiration_note", "status", "form"};
constexpr std::string_view kNumbers[] = {"staff_hours_per_year", "budget_dkk"};
constexpr std::string_view kFlags[] = {"activity_registered", "evaluated", "inspiration"};
constexpr std::string_view kIdLists[] = {"unit_ids", "partner_ids"};

std::vector<std::string> AllValues(const text::Params& params, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : params) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::string Label(const PageDependencies& deps, const http::Request& request, std::string_view key) {
  return Message(deps, request, key);
}

}  // namespace

nlohmann::json NumberOrText(std::string_view raw) {
  const std::string_view trimmed = text::Trim(raw);
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (ec == std::errc() && end == trimmed.data() + trimmed.size()) return value;
  return std::string(raw);
}

nlohmann::json TextOrNull(std::string_view raw) {
  return text::Trim(raw).empty() ? nlohmann::json(nullptr) : nlohmann::json(std::string(raw));
}

nlohmann::json NumberOrNull(std::string_view raw) {
  return text::Trim(raw).empty() ? nlohmann::json(nullptr) : NumberOrText(raw);
}

std::string IndentedUnitName(const domain::Unit& unit, int depth) {
  std::string indent;
  for (int i = 0; i < depth; ++i) indent += "\u00a0\u00a0\u00a0";
  return indent + unit.name;
}

text::Params FormValuesOf(const Collaboration& c) {
  text::Params values = {
      {"title", c.title},
      {"description", c.description},
      {"welfare_area", c.welfare_area.value_or("")},
      {"target_group", c.target_group.value_or("")},
      {"starts_on", c.starts_on.value_or("")},
      {"ends_on", c.ends_on.value_or("")},
      {"status", std::string(domain::CollaborationStatusName(c.status))},
      {"form", std::string(domain::CollaborationFormName(c.form))},
      {"staff_hours_per_year", c.staff_hours_per_year ? std::to_string(*c.staff_hours_per_year) : ""},
      {"budget_dkk", c.budget_dkk ? std::to_string(*c.budget_dkk) : ""},
      {"funding_source", c.funding_source},
      {"locality", c.locality},
      {"postcode", c.postcode.value_or("")},
      {"inspiration_note", c.inspiration_note},
      {std::string(kOverrideLevelInput),
       c.override_level ? std::string(domain::InvolvementLevelName(*c.override_level)) : ""},
      {std::string(kOverrideReasonInput), c.override_reason}};
  if (c.activity_registered) values.emplace_back("activity_registered", "1");
  if (c.evaluated) values.emplace_back("evaluated", "1");
  if (c.inspiration) values.emplace_back("inspiration", "1");
  for (const int64_t id : c.unit_ids) values.emplace_back("unit_ids", std::to_string(id));
  for (const int64_t id : c.partner_ids) values.emplace_back("partner_ids", std::to_string(id));
  for (const auto& fact : domain::kFactFields) {
    if (c.facts.*(fact.member)) values.emplace_back(std::string(kFactsInput), std::string(fact.name));
  }
  return values;
}

nlohmann::json BodyOf(const text::Params& posted) {
  nlohmann::json body = nlohmann::json::object();
  const auto value = [&](std::string_view name) { return FormValue(posted, name); };
  for (const auto name : kTexts) body[std::string(name)] = value(name);
  for (const auto name : kOptionalTexts) body[std::string(name)] = TextOrNull(value(name));
  for (const auto name : kNumbers) body[std::string(name)] = NumberOrNull(value(name));
  // A checkbox is sent only when ticked.
  for (const auto name : kFlags) body[std::string(name)] = value(name) == "1";
  for (const auto name : kIdLists) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& id : AllValues(posted, name)) ids.push_back(NumberOrText(id));
    body[std::string(name)] = std::move(ids);
  }
  // Every fact is named, ticked or not; a value that names no fact is passed on to be refused.
  nlohmann::json facts = nlohmann::json::object();
  for (const auto& fact : domain::kFactFields) facts[std::string(fact.name)] = false;
  for (const auto& name : AllValues(posted, kFactsInput)) facts[name] = true;
  body["involvement_facts"] = std::move(facts);
  const std::string level = value(kOverrideLevelInput);
  body["involvement_override"] =
      level.empty() ? nlohmann::json(nullptr)
                    : nlohmann::json{{"level", level}, {"reason", value(kOverrideReasonInput)}};
  return body;
}

std::string FormInputOf(std::string_view api_field) {
  if (api_field == "involvement_override.reason") return std::string(kOverrideReasonInput);
  if (api_field.starts_with("involvement_override")) return std::string(kOverrideLevelInput);
  if (api_field.starts_with("involvement_facts")) return std::string(kFactsInput);
  return std::string(api_field);
}

Form CollaborationForm(const PageDependencies& deps, const http::Request& request, std::string action,
                       const CollaborationChoices& choices, const text::Params& values,
                       std::vector<FieldProblem> problems, bool creating) {
  const auto value = [&](std::string_view name) {
    return std::string(text::Find(values, name).value_or(""));
  };
  const auto field = [&](const std::string& name, std::string type, std::string_view label_key,
                         int max_length) {
    return MakeField(deps, request, name, std::move(type), label_key, "off", max_length, value(name));
  };
  Form form;
  form.action = std::move(action);
  form.submit = Label(deps, request, creating ? "collaborations.form.create" : "collaborations.form.save");
  form.problems = std::move(problems);

  // --- the collaboration ---
  Field title = field("title", "text", "overview.column.title", static_cast<int>(domain::kMaxTitleLength));
  title.heading = Label(deps, request, "collaborations.form.part_collaboration");
  form.fields.push_back(std::move(title));
  form.fields.push_back(field("description", "textarea", "overview.column.description",
                              static_cast<int>(domain::kMaxDescriptionLength)));
  Field units = field("unit_ids", "checkboxes", "overview.column.units", 0);
  units.hint = Label(deps, request, "collaborations.form.units_hint");
  units.values = AllValues(values, "unit_ids");
  for (const auto& unit : choices.units) {
    const auto depth = choices.unit_depths.find(unit.id);
    units.options.emplace_back(
        std::to_string(unit.id),
        IndentedUnitName(unit, depth == choices.unit_depths.end() ? 0 : depth->second));
  }
  form.fields.push_back(std::move(units));
  Field partners = field("partner_ids", "checkboxes", "overview.column.partners", 0);
  partners.hint = Label(
      deps, request,
      choices.partners.empty() ? "collaborations.form.no_partners" : "collaborations.form.partners_hint");
  partners.values = AllValues(values, "partner_ids");
  for (const auto& partner : choices.partners) {
    partners.options.emplace_back(
        std::to_string(partner.id),
        fmt::format("{} ({})", partner.name,
                    Label(deps, request,
                          fmt::format("collaboration.kind.{}", domain::OrganisationKindName(partner.kind)))));
  }
  form.fields.push_back(std::move(partners));
  for (const auto vocabulary : {domain::Vocabulary::kWelfareArea, domain::Vocabulary::kTargetGroup}) {
    const std::string name(domain::VocabularyName(vocabulary));
    Field terms = field(name, "select", fmt::format("overview.column.{}", name), 0);
    terms.options.emplace_back("", Label(deps, request, "collaborations.form.choose"));
    const auto offered = choices.terms.find(vocabulary);
    if (offered != choices.terms.end())
      terms.options.insert(terms.options.end(), offered->second.begin(), offered->second.end());
    // A term no longer offered stays choosable on the collaboration that has it (the store keeps
    // terms in use, but a stored value is never dropped silently by a form).
    const bool listed = std::any_of(terms.options.begin(), terms.options.end(),
                                    [&](const auto& option) { return option.first == terms.value; });
    if (!terms.value.empty() && !listed)
      terms.options.emplace_back(terms.value, choices.term_label(vocabulary, terms.value));
    form.fields.push_back(std::move(terms));
  }
  for (const char* date : {"starts_on", "ends_on"}) {
    Field f = field(date, "date", fmt::format("overview.column.{}", date), 10);
    f.hint = Label(deps, request, "collaborations.form.date_hint");
    form.fields.push_back(std::move(f));
  }
  Field status = field("status", "select", "overview.column.status", 0);
  if (!creating) status.hint = Label(deps, request, "collaborations.form.status_hint");
  for (const auto s : choices.statuses) {
    const std::string name(domain::CollaborationStatusName(s));
    status.options.emplace_back(name, Label(deps, request, "collaboration.status." + name));
  }
  form.fields.push_back(std::move(status));
  Field kind = field("form", "select", "overview.column.form", 0);
  for (const auto f : domain::kAllCollaborationForms) {
    const std::string name(domain::CollaborationFormName(f));
    kind.options.emplace_back(name, Label(deps, request, "collaboration.form." + name));
  }
  form.fields.push_back(std::move(kind));

  // --- resources and place ---
  Field hours = field("staff_hours_per_year", "text", "overview.column.staff_hours_per_year", 12);
  hours.heading = Label(deps, request, "collaborations.form.part_resources");
  hours.hint = Label(deps, request, "collaborations.form.number_hint");
  form.fields.push_back(std::move(hours));
  Field budget = field("budget_dkk", "text", "overview.column.budget_dkk", 15);
  budget.hint = Label(deps, request, "collaborations.form.number_hint");
  form.fields.push_back(std::move(budget));
  Field funding = field("funding_source", "text", "overview.column.funding_source",
                        static_cast<int>(domain::kMaxShortTextLength));
  funding.hint = Label(deps, request, "collaborations.form.funding_hint");
  form.fields.push_back(std::move(funding));
  form.fields.push_back(
      field("locality", "text", "overview.column.locality", static_cast<int>(domain::kMaxShortTextLength)));
  Field postcode = field("postcode", "text", "overview.column.postcode", 4);
  postcode.autocomplete = "postal-code";
  form.fields.push_back(std::move(postcode));
  form.fields.push_back(
      field("activity_registered", "checkbox", "collaborations.form.activity_registered", 0));
  form.fields.push_back(field("evaluated", "checkbox", "collaborations.form.evaluated", 0));

  // --- the municipality's involvement: the facts, and an override with its reason ---
  Field facts = field(std::string(kFactsInput), "checkboxes", "collaborations.form.facts", 0);
  facts.heading = Label(deps, request, "collaborations.form.part_involvement");
  facts.hint = Label(deps, request, "collaborations.form.facts_hint");
  facts.values = AllValues(values, kFactsInput);
  for (const auto& fact : domain::kFactFields) {
    facts.options.emplace_back(std::string(fact.name),
                               Label(deps, request, fmt::format("collaboration.reason.fact.{}", fact.name)));
  }
  form.fields.push_back(std::move(facts));
  Field override_level = field(std::string(kOverrideLevelInput), "select", "collaborations.form.override", 0);
  override_level.hint = Label(deps, request, "collaborations.form.override_hint");
  override_level.options.emplace_back("", Label(deps, request, "collaborations.form.override_none"));
  for (const auto level :
       {domain::InvolvementLevel::kLow, domain::InvolvementLevel::kMedium, domain::InvolvementLevel::kHigh}) {
    const std::string name(domain::InvolvementLevelName(level));
    override_level.options.emplace_back(name, Label(deps, request, "collaboration.level." + name));
  }
  form.fields.push_back(std::move(override_level));
  Field reason = field(std::string(kOverrideReasonInput), "textarea", "collaborations.form.override_reason",
                       static_cast<int>(domain::kMaxOverrideReasonLength));
  reason.hint = Label(deps, request, "collaborations.form.override_reason_hint");
  form.fields.push_back(std::move(reason));

  // --- inspiration for colleagues ---
  Field inspiration = field("inspiration", "checkbox", "collaborations.form.inspiration", 0);
  inspiration.heading = Label(deps, request, "collaborations.form.part_inspiration");
  form.fields.push_back(std::move(inspiration));
  Field note = field("inspiration_note", "textarea", "collaborations.form.inspiration_note",
                     static_cast<int>(domain::kMaxShortTextLength));
  note.hint = Label(deps, request, "collaborations.form.inspiration_note_hint");
  form.fields.push_back(std::move(note));

  if (const auto revision = text::Find(values, "revision")) form.hidden.emplace_back("revision", *revision);
  return form;
}

}  // namespace samskab::web
