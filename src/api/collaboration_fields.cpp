#include "api/collaboration_fields.h"

#include <charconv>

#include <fmt/format.h>

namespace samskab::api {
namespace {

using domain::Collaboration;

// Collects every problem of one body, so the caller hears about all fields at once.
class Problems {
 public:
  void Add(std::string field, std::string key) { list_.push_back({std::move(field), std::move(key)}); }
  bool empty() const { return list_.empty(); }
  Status ToStatus() { return list_.empty() ? Status::Ok() : ValidationFailed(std::move(list_)); }

 private:
  std::vector<FieldProblem> list_;
};

void ReadText(const nlohmann::json& value, const std::string& field, std::string& out, Problems& problems) {
  if (value.is_string()) {
    out = value.get<std::string>();
  } else {
    problems.Add(field, "validation.type_text");
  }
}

void ReadOptionalText(const nlohmann::json& value, const std::string& field, std::optional<std::string>& out,
                      Problems& problems) {
  if (value.is_null()) {
    out.reset();
  } else if (value.is_string()) {
    out = value.get<std::string>();
  } else {
    problems.Add(field, "validation.type_text");
  }
}

void ReadOptionalNumber(const nlohmann::json& value, const std::string& field, std::optional<int64_t>& out,
                        Problems& problems) {
  if (value.is_null()) {
    out.reset();
  } else if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else {
    problems.Add(field, "validation.number");
  }
}

void ReadBool(const nlohmann::json& value, const std::string& field, bool& out, Problems& problems) {
  if (value.is_boolean()) {
    out = value.get<bool>();
  } else {
    problems.Add(field, "validation.type_boolean");
  }
}

void ReadIds(const nlohmann::json& value, const std::string& field, std::vector<int64_t>& out,
             Problems& problems) {
  if (!value.is_array()) {
    problems.Add(field, "validation.id_list");
    return;
  }
  std::vector<int64_t> ids;
  for (const auto& item : value) {
    if (!item.is_number_integer() || item.get<int64_t>() <= 0) {
      problems.Add(field, "validation.id_list");
      return;
    }
    ids.push_back(item.get<int64_t>());
  }
  out = std::move(ids);
}

void ReadOverride(const nlohmann::json& value, Collaboration& c, Problems& problems) {
  if (value.is_null()) {
    c.override_level.reset();
    c.override_reason.clear();
    return;
  }
  if (!value.is_object()) {
    problems.Add("involvement_override", "collaboration.error.override");
    return;
  }
  for (const auto& [key, item] : value.items()) {
    if (key == "level") {
      auto level = item.is_string() ? domain::ParseInvolvementLevel(item.get<std::string>()) : std::nullopt;
      if (!level) {
        problems.Add("involvement_override.level", "collaboration.error.override");
      } else {
        c.override_level = level;
      }
    } else if (key == "reason") {
      ReadText(item, "involvement_override.reason", c.override_reason, problems);
    } else {
      problems.Add("involvement_override." + key, "error.unknown_field");
    }
  }
  if (!value.contains("level")) problems.Add("involvement_override.level", "collaboration.error.override");
}

std::optional<int64_t> ParseInteger(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Status ReadFacts(const nlohmann::json& value, domain::InvolvementFacts& facts) {
  if (!value.is_object()) return ValidationFailed({{"involvement_facts", "collaboration.error.facts"}});
  std::vector<FieldProblem> problems;
  for (const auto& [key, flag] : value.items()) {
    const domain::FactField* field = nullptr;
    for (const auto& candidate : domain::kFactFields) {
      if (candidate.name == key) field = &candidate;
    }
    if (!field || !flag.is_boolean()) {
      problems.push_back({"involvement_facts." + key, "collaboration.error.facts"});
      continue;
    }
    facts.*(field->member) = flag.get<bool>();
  }
  return problems.empty() ? Status::Ok() : ValidationFailed(std::move(problems));
}

Result<std::vector<domain::OrganisationKind>> ReadKinds(const nlohmann::json& value) {
  if (!value.is_array()) return ValidationFailed({{"partner_kinds", "collaboration.error.partner_kind"}});
  std::vector<domain::OrganisationKind> kinds;
  for (const auto& item : value) {
    auto kind = item.is_string() ? domain::ParseOrganisationKind(item.get<std::string>()) : std::nullopt;
    if (!kind) return ValidationFailed({{"partner_kinds", "collaboration.error.partner_kind"}});
    kinds.push_back(*kind);
  }
  return kinds;
}

Status ReadCollaborationFields(const nlohmann::json& body, Collaboration& c, bool creating) {
  Problems problems;
  for (const auto& [key, value] : body.items()) {
    if (key == "title") {
      ReadText(value, key, c.title, problems);
    } else if (key == "description") {
      ReadText(value, key, c.description, problems);
    } else if (key == "welfare_area") {
      ReadOptionalText(value, key, c.welfare_area, problems);
    } else if (key == "target_group") {
      ReadOptionalText(value, key, c.target_group, problems);
    } else if (key == "starts_on") {
      ReadOptionalText(value, key, c.starts_on, problems);
    } else if (key == "ends_on") {
      ReadOptionalText(value, key, c.ends_on, problems);
    } else if (key == "postcode") {
      ReadOptionalText(value, key, c.postcode, problems);
    } else if (key == "status") {
      auto status =
          value.is_string() ? domain::ParseCollaborationStatus(value.get<std::string>()) : std::nullopt;
      if (status) {
        c.status = *status;
      } else {
        problems.Add(key, "collaboration.error.status");
      }
    } else if (key == "form") {
      auto form = value.is_string() ? domain::ParseCollaborationForm(value.get<std::string>()) : std::nullopt;
      if (form) {
        c.form = *form;
      } else {
        problems.Add(key, "collaboration.error.form");
      }
    } else if (key == "staff_hours_per_year") {
      ReadOptionalNumber(value, key, c.staff_hours_per_year, problems);
    } else if (key == "budget_dkk") {
      ReadOptionalNumber(value, key, c.budget_dkk, problems);
    } else if (key == "responsible_user_id") {
      ReadOptionalNumber(value, key, c.responsible_user_id, problems);
    } else if (key == "funding_source") {
      ReadText(value, key, c.funding_source, problems);
    } else if (key == "locality") {
      ReadText(value, key, c.locality, problems);
    } else if (key == "inspiration_note") {
      ReadText(value, key, c.inspiration_note, problems);
    } else if (key == "activity_registered") {
      ReadBool(value, key, c.activity_registered, problems);
    } else if (key == "evaluated") {
      ReadBool(value, key, c.evaluated, problems);
    } else if (key == "inspiration") {
      ReadBool(value, key, c.inspiration, problems);
    } else if (key == "unit_ids") {
      ReadIds(value, key, c.unit_ids, problems);
    } else if (key == "partner_ids") {
      ReadIds(value, key, c.partner_ids, problems);
    } else if (key == "involvement_facts") {
      Status facts = ReadFacts(value, c.facts);
      for (const auto& problem : facts.fields()) problems.Add(problem.field, problem.message_key);
    } else if (key == "involvement_override") {
      ReadOverride(value, c, problems);
    } else {
      problems.Add(key, "error.unknown_field");
    }
  }
  if (creating && !body.contains("title")) problems.Add("title", "validation.required");
  if (creating && !body.contains("unit_ids")) problems.Add("unit_ids", "validation.required");
  return problems.ToStatus();
}

Result<OverviewQuery> ParseOverviewQuery(const text::Params& params) {
  OverviewQuery query;
  Problems problems;
  for (const auto& [name, raw] : params) {
    const std::string value(text::Trim(raw));
    if (value.empty()) continue;
    auto& filter = query.filter;
    if (name == "unit_id") {
      filter.unit_id = text::ParsePositiveId(value);
      if (!filter.unit_id) problems.Add(name, "validation.number");
    } else if (name == "welfare_area") {
      filter.welfare_area = value;
    } else if (name == "target_group") {
      filter.target_group = value;
    } else if (name == "organisation_kind") {
      filter.organisation_kind = domain::ParseOrganisationKind(value);
      if (!filter.organisation_kind) problems.Add(name, "collaboration.error.partner_kind");
    } else if (name == "level") {
      filter.level = domain::ParseInvolvementLevel(value);
      if (!filter.level) problems.Add(name, "overview.error.level");
    } else if (name == "quadrant") {
      auto quadrant = ParseInteger(value);
      if (!quadrant || *quadrant < 1 || *quadrant > 4) {
        problems.Add(name, "overview.error.quadrant");
      } else {
        filter.quadrant = static_cast<int>(*quadrant);
      }
    } else if (name == "form") {
      filter.form = domain::ParseCollaborationForm(value);
      if (!filter.form) problems.Add(name, "collaboration.error.form");
    } else if (name == "status") {
      filter.status = domain::ParseCollaborationStatus(value);
      if (!filter.status) problems.Add(name, "collaboration.error.status");
    } else if (name == "q") {
      if (value.size() > 200) {
        problems.Add(name, "validation.too_long");
      } else {
        filter.text = value;
      }
    } else if (name == "inspiration") {
      if (value != "1" && value != "true" && value != "0" && value != "false") {
        problems.Add(name, "validation.type_boolean");
      } else {
        filter.inspiration_only = value == "1" || value == "true";
      }
    } else if (name == "sort") {
      std::string_view key = value;
      query.order.descending = key.front() == '-';
      if (query.order.descending) key.remove_prefix(1);
      if (key == "title") {
        query.order.sort = storage::CollaborationSort::kTitle;
      } else if (key == "status") {
        query.order.sort = storage::CollaborationSort::kStatus;
      } else if (key == "level") {
        query.order.sort = storage::CollaborationSort::kLevel;
      } else if (key == "starts_on") {
        query.order.sort = storage::CollaborationSort::kStartsOn;
      } else if (key == "updated_at") {
        query.order.sort = storage::CollaborationSort::kUpdatedAt;
      } else {
        problems.Add(name, "overview.error.sort");
      }
    } else if (name == "offset") {
      auto offset = ParseInteger(value);
      if (!offset || *offset < 0) {
        problems.Add(name, "validation.number");
      } else {
        query.offset = *offset;
      }
    } else if (name == "limit" || name == "page_size") {
      auto limit = ParseInteger(value);
      if (!limit || *limit < 1 || *limit > kMaxOverviewLimit) {
        problems.Add(name, "error.invalid_limit");
      } else {
        query.limit = *limit;
      }
    } else if (name == "format") {
      if (value == "json") {
        query.format = ExportFormat::kJson;
      } else if (value == "csv") {
        query.format = ExportFormat::kCsv;
      } else if (value == "xlsx") {
        query.format = ExportFormat::kXlsx;
      } else {
        problems.Add(name, "overview.error.format");
      }
    }
    // Other parameters (municipality, page, lang …) belong to other layers.
  }
  SAMSKAB_RETURN_IF_ERROR(problems.ToStatus());
  return query;
}

}  // namespace samskab::api
