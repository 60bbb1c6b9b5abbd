#include "domain/market/volunteer.h"

#include <array>

#include "core/text.h"
#include "domain/inquiry/inquiry.h"  // CharacterCount
#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"

namespace samskab::domain {
namespace {

constexpr std::array<std::string_view, 3> kCertificateNames = {"none", "requested", "obtained"};
constexpr std::array<std::string_view, 3> kVisibilityNames = {"private", "municipalities", "public"};

template <size_t N>
std::optional<size_t> IndexOf(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return i;
  }
  return std::nullopt;
}

// Replaces `keys` by their normalised form, or records the normaliser's message for `field`.
void NormaliseList(std::vector<std::string>& keys, Result<std::vector<std::string>> normalised,
                   std::string field, std::vector<FieldProblem>& problems) {
  if (normalised.ok()) {
    keys = std::move(normalised).value();
  } else {
    problems.push_back({std::move(field), normalised.status().user_message_key()});
  }
}

nlohmann::json OptionalText(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// What every view shares: what the volunteer can do, when and where.
nlohmann::json CommonJson(const VolunteerProfile& p) {
  return {
      {"id", p.id},
      {"about", p.about},
      {"skills", p.skills},
      {"skill_tags", p.skill_tags},
      {"languages", p.languages},
      {"availability", p.availability.ToJson()},
      {"postcode", OptionalText(p.postcode)},
      {"town", p.town},
      {"travel_km", p.travel_km},
      {"welfare_areas", p.welfare_areas},
      {"target_groups", p.target_groups},
      {"active", p.active},
  };
}

}  // namespace

std::string_view ChildCertificateName(ChildCertificate status) {
  return kCertificateNames.at(static_cast<size_t>(status));
}

std::optional<ChildCertificate> ParseChildCertificate(std::string_view name) {
  const auto index = IndexOf(kCertificateNames, name);
  if (!index) return std::nullopt;
  return static_cast<ChildCertificate>(*index);
}

std::string_view VolunteerVisibilityName(VolunteerVisibility visibility) {
  return kVisibilityNames.at(static_cast<size_t>(visibility));
}

std::optional<VolunteerVisibility> ParseVolunteerVisibility(std::string_view name) {
  const auto index = IndexOf(kVisibilityNames, name);
  if (!index) return std::nullopt;
  return static_cast<VolunteerVisibility>(*index);
}

std::vector<FieldProblem> NormaliseVolunteerProfile(VolunteerProfile& p, const PostcodeDirectory& postcodes,
                                                    std::string_view today) {
  std::vector<FieldProblem> problems;
  p.about = std::string(text::Trim(p.about));
  if (CharacterCount(p.about) > kMaxAboutLength) problems.push_back({"about", "validation.too_long"});
  NormaliseList(p.skills, NormaliseSkills(p.skills), "skills", problems);
  NormaliseList(p.skill_tags, NormaliseSkillTags(p.skill_tags), "skill_tags", problems);
  NormaliseList(p.languages, NormaliseLanguages(p.languages), "languages", problems);
  NormaliseList(p.welfare_areas, NormaliseBuiltInKeys(Vocabulary::kWelfareArea, p.welfare_areas),
                "welfare_areas", problems);
  NormaliseList(p.target_groups, NormaliseBuiltInKeys(Vocabulary::kTargetGroup, p.target_groups),
                "target_groups", problems);
  p.town.clear();
  if (p.postcode && text::Trim(*p.postcode).empty()) p.postcode.reset();
  if (p.postcode) {
    auto postcode = postcodes.NormalisePostcode(*p.postcode);
    if (postcode.ok()) {
      p.postcode = postcode->code;
      p.town = postcode->town;
    } else {
      problems.push_back({"postcode", postcode.status().user_message_key()});
    }
  }
  if (p.travel_km < 0 || p.travel_km > kMaxTravelKm)
    problems.push_back({"travel_km", "volunteer.error.travel_km"});
  if (p.child_certificate_on) {
    p.child_certificate_on = std::string(text::Trim(*p.child_certificate_on));
    if (p.child_certificate_on->empty()) p.child_certificate_on.reset();
  }
  if (p.child_certificate == ChildCertificate::kNone) {
    p.child_certificate_on.reset();  // a date without a certificate means nothing; do not keep it
  } else if (p.child_certificate_on) {
    if (!text::IsIsoDate(*p.child_certificate_on)) {
      problems.push_back({"child_certificate_on", "validation.date"});
    } else if (*p.child_certificate_on > today) {  // ISO dates compare as text
      problems.push_back({"child_certificate_on", "volunteer.error.certificate_future"});
    }
  } else if (p.child_certificate == ChildCertificate::kObtained) {
    problems.push_back({"child_certificate_on", "volunteer.error.certificate_date"});
  }
  return problems;
}

bool SharedWithMunicipalities(const VolunteerProfile& p) {
  return p.active && p.visibility != VolunteerVisibility::kPrivate;
}

nlohmann::json VolunteerOwnJson(const VolunteerProfile& p) {
  nlohmann::json out = CommonJson(p);
  out["user_id"] = p.user_id;
  out["display_name"] = p.display_name;
  out["email"] = p.email;
  out["child_certificate"] = ChildCertificateName(p.child_certificate);
  out["child_certificate_on"] = OptionalText(p.child_certificate_on);
  out["visibility"] = VolunteerVisibilityName(p.visibility);
  out["consent_matching"] = p.consent_matching;
  out["revision"] = p.revision;
  out["created_at"] = p.created_at;
  out["updated_at"] = p.updated_at;
  return out;
}

nlohmann::json VolunteerStaffJson(const VolunteerProfile& p) {
  nlohmann::json out = CommonJson(p);
  out["display_name"] = p.display_name;
  // Only a volunteer who agreed to be proposed for needs agreed to be contacted about them.
  out["email"] = p.consent_matching ? nlohmann::json(p.email) : nlohmann::json(nullptr);
  out["child_certificate"] = ChildCertificateName(p.child_certificate);
  out["child_certificate_on"] = OptionalText(p.child_certificate_on);
  out["consent_matching"] = p.consent_matching;
  out["updated_at"] = p.updated_at;
  return out;
}

std::optional<nlohmann::json> VolunteerPublicJson(const VolunteerProfile& p) {
  if (!p.active || p.visibility != VolunteerVisibility::kPublic) return std::nullopt;
  return CommonJson(p);
}

std::vector<std::string_view> AllVolunteerMessageKeys() {
  return {"validation.too_long",
          "validation.date",
          "validation.postcode",
          "validation.postcode_unknown",
          "skill.error.unknown",
          "skill.error.tag",
          "spoken_language.error.unknown",
          "vocabulary.error.unknown_term",
          "availability.error.shape",
          "volunteer.error.travel_km",
          "volunteer.error.certificate_date",
          "volunteer.error.certificate_future",
          "volunteer.error.child_certificate",
          "volunteer.error.visibility",
          "volunteer.error.stale",
          "volunteer.error.not_found"};
}

}  // namespace samskab::domain
