#include "domain/organisation/organisation.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount, LooksLikeEmail
#include "domain/organisation/cvr.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 7> kRoleNames = {"advocate", "provider",  "partner", "critic",
                                                        "watchdog", "developer", "supplier"};

void Trim(std::string& value) { value = std::string(text::Trim(value)); }

// Empty after trimming is "not given".
void TrimOptional(std::optional<std::string>& value) {
  if (!value) return;
  Trim(*value);
  if (value->empty()) value.reset();
}

bool IsPhoneCharacter(char c) {
  return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')';
}

// http:// or https://, a host, and nothing a browser would read differently from what is shown.
// A bare "www.forening.dk" gets "https://": that is how people write their address, and without a
// colon it cannot be another scheme (javascript:, data:).
bool NormaliseWebsite(std::string& website) {
  if (website.find(':') == std::string::npos) website = "https://" + website;
  const std::string lower = text::ToLower(website);
  size_t host = 0;
  if (lower.rfind("https://", 0) == 0) {
    host = 8;
  } else if (lower.rfind("http://", 0) == 0) {
    host = 7;
  } else {
    return false;
  }
  if (host >= website.size() || website[host] == '/' || website[host] == '.') return false;
  return std::none_of(website.begin(), website.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '"' || c == '\\';
  });
}

// Known roles, in the enum's order, without duplicates; false when one is unknown.
bool NormaliseRoles(std::vector<std::string>& roles) {
  std::vector<std::string> ordered;
  bool known = true;
  for (const auto role : kAllOrganisationRoles) {
    const std::string_view name = OrganisationRoleName(role);
    if (std::find(roles.begin(), roles.end(), name) != roles.end()) ordered.emplace_back(name);
  }
  for (const auto& name : roles) known = known && ParseOrganisationRole(name).has_value();
  if (known) roles = std::move(ordered);
  return known;
}

void CheckLength(std::vector<FieldProblem>& problems, const std::string& field, const std::string& value,
                 size_t max) {
  if (CharacterCount(value) > max) problems.push_back({field, "validation.too_long"});
}

void NormaliseContact(std::vector<FieldProblem>& problems, size_t index, OrganisationContact& contact) {
  const std::string prefix = fmt::format("contacts.{}.", index);
  Trim(contact.name);
  Trim(contact.title);
  Trim(contact.email);
  Trim(contact.phone);
  if (contact.name.empty()) {
    problems.push_back({prefix + "name", "validation.required"});
  } else {
    CheckLength(problems, prefix + "name", contact.name, kMaxContactTextLength);
  }
  CheckLength(problems, prefix + "title", contact.title, kMaxContactTextLength);
  if (!contact.email.empty() && !LooksLikeEmail(contact.email))
    problems.push_back({prefix + "email", "validation.email"});
  if (CharacterCount(contact.phone) > kMaxPhoneLength ||
      !std::all_of(contact.phone.begin(), contact.phone.end(), IsPhoneCharacter))
    problems.push_back({prefix + "phone", "validation.phone"});
}

// The built-in keys of one vocabulary, sorted; the problem when one is unknown.
void NormaliseKeys(std::vector<FieldProblem>& problems, const std::string& field, Vocabulary vocabulary,
                   std::vector<std::string>& keys) {
  for (auto& key : keys) Trim(key);
  auto normalised = NormaliseBuiltInKeys(vocabulary, keys);
  if (normalised.ok()) {
    keys = std::move(normalised).value();
  } else {
    problems.push_back({field, normalised.status().user_message_key()});
  }
}

}  // namespace

std::string_view OrganisationRoleName(OrganisationRole role) {
  return kRoleNames.at(static_cast<size_t>(role));
}

std::optional<OrganisationRole> ParseOrganisationRole(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<OrganisationRole>(i);
  }
  return std::nullopt;
}

std::string OrganisationRoleLabelKey(OrganisationRole role) {
  return fmt::format("organisation.roles.{}", OrganisationRoleName(role));
}

std::string OrganisationKindLabelKey(OrganisationKind kind) {
  return fmt::format("collaboration.kind.{}", OrganisationKindName(kind));
}

std::vector<FieldProblem> NormaliseOrganisation(Organisation& o, const PostcodeDirectory& postcodes,
                                                const IcnpoCatalog& icnpo) {
  std::vector<FieldProblem> problems;
  Trim(o.name);
  Trim(o.street);
  Trim(o.description);
  Trim(o.website);
  Trim(o.resources);
  Trim(o.frames);
  TrimOptional(o.cvr);
  TrimOptional(o.postcode);
  TrimOptional(o.icnpo);

  if (o.name.empty()) {
    problems.push_back({"name", "validation.required"});
  } else {
    CheckLength(problems, "name", o.name, kMaxOrganisationNameLength);
  }
  if (o.cvr) {
    if (Status valid = ValidateCvr(*o.cvr); !valid.ok())
      problems.push_back({"cvr", valid.user_message_key()});
  }
  CheckLength(problems, "street", o.street, kMaxStreetLength);
  o.town.clear();
  if (o.postcode) {
    auto found = postcodes.NormalisePostcode(*o.postcode);
    if (found.ok()) {
      o.postcode = found->code;
      o.town = found->town;
    } else {
      problems.push_back({"postcode", found.status().user_message_key()});
    }
  }
  if (!o.website.empty() && (CharacterCount(o.website) > kMaxWebsiteLength || !NormaliseWebsite(o.website)))
    problems.push_back({"website", "validation.website"});
  if (o.icnpo && !icnpo.Find(*o.icnpo)) problems.push_back({"icnpo", "organisation.error.icnpo"});
  NormaliseKeys(problems, "welfare_areas", Vocabulary::kWelfareArea, o.welfare_areas);
  NormaliseKeys(problems, "target_groups", Vocabulary::kTargetGroup, o.target_groups);
  const bool can_known = NormaliseRoles(o.roles_can);
  const bool cannot_known = NormaliseRoles(o.roles_cannot);
  if (!can_known) problems.push_back({"roles_can", "organisation.error.role"});
  if (!cannot_known) problems.push_back({"roles_cannot", "organisation.error.role"});
  if (can_known && cannot_known &&
      std::any_of(o.roles_cannot.begin(), o.roles_cannot.end(), [&](const std::string& role) {
        return std::find(o.roles_can.begin(), o.roles_can.end(), role) != o.roles_can.end();
      }))
    problems.push_back({"roles_cannot", "organisation.error.roles_overlap"});
  CheckLength(problems, "description", o.description, kMaxProfileTextLength);
  CheckLength(problems, "resources", o.resources, kMaxProfileTextLength);
  CheckLength(problems, "frames", o.frames, kMaxProfileTextLength);
  if (o.contacts.size() > kMaxContacts) {
    problems.push_back({"contacts", "organisation.error.too_many_contacts"});
  } else {
    for (size_t i = 0; i < o.contacts.size(); ++i) NormaliseContact(problems, i, o.contacts[i]);
  }
  return problems;
}

std::vector<OrganisationContact> PublicContacts(const Organisation& organisation) {
  std::vector<OrganisationContact> shown;
  if (!organisation.is_public) return shown;
  for (const auto& contact : organisation.contacts) {
    if (contact.is_public) shown.push_back(contact);
  }
  return shown;
}

nlohmann::json OrganisationToJson(const Organisation& o, bool full) {
  const auto optional_text = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& contact : full ? o.contacts : PublicContacts(o)) {
    nlohmann::json item = {
        {"name", contact.name}, {"title", contact.title}, {"email", contact.email}, {"phone", contact.phone}};
    if (full) item["is_public"] = contact.is_public;
    contacts.push_back(std::move(item));
  }
  nlohmann::json out = {
      {"id", o.id},
      {"name", o.name},
      {"kind", OrganisationKindName(o.kind)},
      {"cvr", optional_text(o.cvr)},
      {"street", o.street},
      {"postcode", optional_text(o.postcode)},
      {"town", o.town},
      {"description", o.description},
      {"website", o.website},
      {"icnpo", optional_text(o.icnpo)},
      {"welfare_areas", o.welfare_areas},
      {"target_groups", o.target_groups},
      {"resources", o.resources},
      {"roles_can", o.roles_can},
      {"roles_cannot", o.roles_cannot},
      {"frames", o.frames},
      {"contacts", std::move(contacts)},
  };
  if (full) {
    out["municipality_code"] = optional_text(o.municipality_code);
    out["is_public"] = o.is_public;
    out["revision"] = o.revision;
    out["created_at"] = o.created_at;
    out["updated_at"] = o.updated_at;
  }
  return out;
}

std::vector<std::string_view> AllOrganisationMessageKeys() {
  return {"validation.required",
          "validation.too_long",
          "validation.cvr_format",
          "validation.cvr_checksum",
          "validation.postcode",
          "validation.postcode_unknown",
          "validation.website",
          "validation.email",
          "validation.phone",
          "organisation.error.icnpo",
          "vocabulary.error.unknown_term",
          "organisation.error.role",
          "organisation.error.roles_overlap",
          "organisation.error.too_many_contacts"};
}

}  // namespace samskab::domain
