#include "web/organisation_form.h"

#include <fmt/format.h>

#include "domain/vocabulary/vocabulary.h"
#include "web/admin_frame.h"

namespace samskab::web {
namespace {

using domain::Organisation;
using domain::Vocabulary;

std::string T(const PageDependencies& deps, const http::Request& request, std::string_view key) {
  return Message(deps, request, key);
}

Field Text(const PageDependencies& deps, const http::Request& request, const std::string& name,
           std::string value, int max_length, std::string_view hint_key = {}, std::string type = "text") {
  Field field = MakeField(deps, request, name, std::move(type), "organisation.field." + name, "off",
                          max_length, std::move(value));
  if (!hint_key.empty()) field.hint = T(deps, request, hint_key);
  return field;
}

Field KindField(const PageDependencies& deps, const http::Request& request, domain::OrganisationKind kind) {
  Field field = MakeField(deps, request, "kind", "select", "organisation.field.kind", "off", 0,
                          std::string(domain::OrganisationKindName(kind)));
  for (const auto k : domain::kAllOrganisationKinds)
    field.options.emplace_back(std::string(domain::OrganisationKindName(k)), KindLabel(deps, request, k));
  return field;
}

Field VocabularyField(const PageDependencies& deps, const http::Request& request, const std::string& name,
                      Vocabulary vocabulary, const std::vector<std::string>& checked) {
  Field field = MakeField(deps, request, name, "checkboxes", "organisation.field." + name, "off", 0);
  for (const auto key : domain::BuiltInTerms(vocabulary))
    field.options.emplace_back(std::string(key), T(deps, request, domain::BuiltInLabelKey(vocabulary, key)));
  field.values = checked;
  return field;
}

Field RolesField(const PageDependencies& deps, const http::Request& request, const std::string& name,
                 const std::vector<std::string>& checked) {
  Field field = MakeField(deps, request, name, "checkboxes", "organisation.field." + name, "off", 0);
  for (const auto role : domain::kAllOrganisationRoles)
    field.options.emplace_back(std::string(domain::OrganisationRoleName(role)),
                               T(deps, request, domain::OrganisationRoleLabelKey(role)));
  field.values = checked;
  return field;
}

Field IcnpoField(const PageDependencies& deps, const http::Request& request, const std::string& value) {
  Field field = MakeField(deps, request, "icnpo", "select", "organisation.field.icnpo", "off", 0, value);
  field.hint = T(deps, request, "organisation.field.icnpo_hint");
  field.options.emplace_back("", T(deps, request, "organisation.field.icnpo_none"));
  for (const auto& category : deps.icnpo.All())
    field.options.emplace_back(category.code, fmt::format("{} ({})", category.name, category.group));
  return field;
}

// Contact number `index` (0-based) of the form: name, title, e-mail, phone, public.
void AddContactFields(const PageDependencies& deps, const http::Request& request, Form& form, size_t index,
                      const domain::OrganisationContact& contact) {
  const std::string n = std::to_string(index + 1);
  const auto field = [&](const std::string& part, std::string type, std::string value, int max_length,
                         std::string autocomplete) {
    Field f;
    f.name = fmt::format("contacts.{}.{}", index, part);
    f.type = std::move(type);
    f.label = Fill(T(deps, request, "organisation.field.contact_" + part), "n", n);
    f.value = std::move(value);
    f.max_length = max_length;
    f.autocomplete = std::move(autocomplete);
    form.fields.push_back(std::move(f));
  };
  field("name", "text", contact.name, static_cast<int>(domain::kMaxContactTextLength), "off");
  field("title", "text", contact.title, static_cast<int>(domain::kMaxContactTextLength), "off");
  field("email", "email", contact.email, static_cast<int>(domain::kMaxEmailLength), "off");
  field("phone", "tel", contact.phone, static_cast<int>(domain::kMaxPhoneLength), "off");
  field("public", "checkbox", contact.is_public ? "1" : "", 0, "off");
}

std::string Labels(const PageDependencies& deps, const http::Request& request, Vocabulary vocabulary,
                   const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& key : keys) {
    if (!out.empty()) out += ", ";
    out += T(deps, request, domain::BuiltInLabelKey(vocabulary, key));
  }
  return out;
}

void AddRoles(const PageDependencies& deps, const http::Request& request, ctemplate::TemplateDictionary& dict,
              const char* section, const std::vector<std::string>& roles) {
  if (roles.empty()) return;
  auto* list = dict.AddSectionDictionary(section);
  for (const auto& name : roles) {
    const auto role = domain::ParseOrganisationRole(name);
    if (role)
      list->AddSectionDictionary("ROLE")->SetValue("TEXT",
                                                   T(deps, request, domain::OrganisationRoleLabelKey(*role)));
  }
}

}  // namespace

std::string KindLabel(const PageDependencies& deps, const http::Request& request,
                      domain::OrganisationKind kind) {
  return T(deps, request, domain::OrganisationKindLabelKey(kind));
}

Form ProfileForm(const PageDependencies& deps, const http::Request& request, const Organisation& o,
                 ProfileQuestions questions, std::string action, std::string submit,
                 std::vector<FieldProblem> problems) {
  Form form;
  form.action = std::move(action);
  form.submit = std::move(submit);
  form.problems = std::move(problems);
  if (o.id != 0) form.hidden.emplace_back("revision", std::to_string(o.revision));
  const bool all = questions == ProfileQuestions::kAll;
  form.fields.push_back(
      Text(deps, request, "name", o.name, static_cast<int>(domain::kMaxOrganisationNameLength)));
  form.fields.back().autocomplete = "organization";
  form.fields.push_back(KindField(deps, request, o.kind));
  form.fields.push_back(Text(deps, request, "cvr", o.cvr.value_or(""), 20, "organisation.field.cvr_hint"));
  form.fields.push_back(Text(deps, request, "street", o.street, static_cast<int>(domain::kMaxStreetLength),
                             "organisation.field.street_hint"));
  form.fields.back().autocomplete = "street-address";
  form.fields.push_back(
      Text(deps, request, "postcode", o.postcode.value_or(""), 4, "organisation.field.postcode_hint"));
  form.fields.back().autocomplete = "postal-code";
  form.fields.push_back(Text(deps, request, "website", o.website, static_cast<int>(domain::kMaxWebsiteLength),
                             "organisation.field.website_hint", "url"));
  form.fields.back().autocomplete = "url";
  form.fields.push_back(Text(deps, request, "description", o.description,
                             static_cast<int>(domain::kMaxProfileTextLength),
                             "organisation.field.description_hint", "textarea"));
  if (all) {
    form.fields.push_back(IcnpoField(deps, request, o.icnpo.value_or("")));
    form.fields.push_back(
        VocabularyField(deps, request, "welfare_areas", Vocabulary::kWelfareArea, o.welfare_areas));
    form.fields.push_back(
        VocabularyField(deps, request, "target_groups", Vocabulary::kTargetGroup, o.target_groups));
    // Seed 004's questions, in its words and order.
    form.fields.push_back(Text(deps, request, "resources", o.resources,
                               static_cast<int>(domain::kMaxProfileTextLength),
                               "organisation.field.resources_hint", "textarea"));
    form.fields.push_back(RolesField(deps, request, "roles_can", o.roles_can));
    form.fields.push_back(RolesField(deps, request, "roles_cannot", o.roles_cannot));
    form.fields.push_back(Text(deps, request, "frames", o.frames,
                               static_cast<int>(domain::kMaxProfileTextLength),
                               "organisation.field.frames_hint", "textarea"));
  }
  Field is_public = MakeField(deps, request, "is_public", "checkbox", "organisation.field.is_public", "off",
                              0, o.is_public ? "1" : "");
  is_public.hint = T(deps, request, "organisation.field.is_public_hint");
  form.fields.push_back(std::move(is_public));
  if (all) {
    // The contacts there are, and two empty rows to add more (up to the limit).
    const size_t rows = std::min(o.contacts.size() + 2, domain::kMaxContacts);
    for (size_t i = 0; i < rows; ++i)
      AddContactFields(deps, request, form, i,
                       i < o.contacts.size() ? o.contacts[i] : domain::OrganisationContact{});
  }
  return form;
}

std::vector<FieldProblem> ReadProfileForm(const text::Params& params, ProfileQuestions questions,
                                          Organisation& o) {
  std::vector<FieldProblem> problems;
  const auto value = [&](std::string_view name) { return FormValue(params, name); };
  const auto optional = [&](std::string_view name) -> std::optional<std::string> {
    std::string v = value(name);
    if (text::Trim(v).empty()) return std::nullopt;
    return v;
  };
  o.name = value("name");
  if (auto kind = domain::ParseOrganisationKind(value("kind"))) {
    o.kind = *kind;
  } else {
    problems.push_back({"kind", "organisation.error.kind"});
  }
  o.cvr = optional("cvr");
  o.street = value("street");
  o.postcode = optional("postcode");
  o.website = value("website");
  o.description = value("description");
  o.is_public = value("is_public") == "1";
  if (questions == ProfileQuestions::kRegistration) return problems;
  o.icnpo = optional("icnpo");
  o.welfare_areas = FormValues(params, "welfare_areas");
  o.target_groups = FormValues(params, "target_groups");
  o.resources = value("resources");
  o.roles_can = FormValues(params, "roles_can");
  o.roles_cannot = FormValues(params, "roles_cannot");
  o.frames = value("frames");
  o.contacts.clear();
  for (size_t i = 0; i < domain::kMaxContacts + 1; ++i) {
    const std::string prefix = fmt::format("contacts.{}.", i);
    domain::OrganisationContact contact{value(prefix + "name"), value(prefix + "title"),
                                        value(prefix + "email"), value(prefix + "phone"),
                                        value(prefix + "public") == "1"};
    const bool empty = text::Trim(contact.name).empty() && text::Trim(contact.title).empty() &&
                       text::Trim(contact.email).empty() && text::Trim(contact.phone).empty();
    if (!empty) o.contacts.push_back(std::move(contact));
  }
  return problems;
}

int64_t PostedRevision(const text::Params& params) {
  return text::ParsePositiveId(FormValue(params, "revision")).value_or(0);
}

std::string ProfileDetails(const PageDependencies& deps, const http::Request& request, const Organisation& o,
                           bool full) {
  ctemplate::TemplateDictionary dict("organisation_details");
  dict.SetValue("KIND", KindLabel(deps, request, o.kind));
  if (!o.description.empty()) dict.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", o.description);
  if (o.cvr) dict.AddSectionDictionary("CVR")->SetValue("VALUE", *o.cvr);
  if (!o.street.empty() || o.postcode) {
    auto* address = dict.AddSectionDictionary("ADDRESS");
    address->SetValue("STREET", o.street);
    address->SetValue("TOWN", o.postcode ? fmt::format("{} {}", *o.postcode, o.town) : "");
  }
  if (!o.website.empty()) dict.AddSectionDictionary("WEBSITE")->SetValue("HREF", o.website);
  if (o.icnpo) {
    const auto category = deps.icnpo.Find(*o.icnpo);
    dict.AddSectionDictionary("ICNPO")->SetValue("TEXT", category ? category->name : *o.icnpo);
  }
  if (!o.welfare_areas.empty())
    dict.AddSectionDictionary("WELFARE_AREAS")
        ->SetValue("TEXT", Labels(deps, request, Vocabulary::kWelfareArea, o.welfare_areas));
  if (!o.target_groups.empty())
    dict.AddSectionDictionary("TARGET_GROUPS")
        ->SetValue("TEXT", Labels(deps, request, Vocabulary::kTargetGroup, o.target_groups));
  if (!o.resources.empty()) dict.AddSectionDictionary("RESOURCES")->SetValue("TEXT", o.resources);
  AddRoles(deps, request, dict, "ROLES_CAN", o.roles_can);
  AddRoles(deps, request, dict, "ROLES_CANNOT", o.roles_cannot);
  if (!o.frames.empty()) dict.AddSectionDictionary("FRAMES")->SetValue("TEXT", o.frames);
  const auto contacts = full ? o.contacts : domain::PublicContacts(o);
  if (!contacts.empty()) {
    auto* list = dict.AddSectionDictionary("CONTACTS");
    for (const auto& contact : contacts) {
      auto* item = list->AddSectionDictionary("CONTACT");
      item->SetValue("NAME", contact.name);
      if (!contact.title.empty()) item->AddSectionDictionary("TITLE")->SetValue("TEXT", contact.title);
      if (!contact.email.empty()) item->AddSectionDictionary("EMAIL")->SetValue("VALUE", contact.email);
      if (!contact.phone.empty()) item->AddSectionDictionary("PHONE")->SetValue("VALUE", contact.phone);
    }
  }
  return deps.views.Fragment(request.lang, "organisation_details", dict);
}

}  // namespace samskab::web
