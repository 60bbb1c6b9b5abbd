#include "api/collaboration_import.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include <fmt/format.h>

#include "api/collaboration_fields.h"
#include "core/random.h"
#include "core/text.h"
#include "storage/audit_store.h"
#include "storage/partner_choices.h"
#include "storage/vocabulary_store.h"

namespace samskab::api {
namespace {

using domain::Collaboration;

constexpr std::array<std::string_view, 25> kImportFields = {
    "title",
    "description",
    "units",
    "partners",
    "welfare_area",
    "target_group",
    "status",
    "form",
    "starts_on",
    "ends_on",
    "staff_hours_per_year",
    "budget_dkk",
    "funding_source",
    "locality",
    "postcode",
    "activity_registered",
    "evaluated",
    "inspiration",
    "rooms_lent",
    "citizens_referred",
    "contact_person",
    "coordination",
    "staff_take_part",
    "partnership_agreement",
    "dedicated_budget",
};

constexpr std::string_view kErrorDate = "import.error.date";
constexpr std::string_view kErrorBoolean = "import.error.boolean";
constexpr std::string_view kErrorNumber = "import.error.number";
constexpr std::string_view kErrorUnknownUnit = "import.error.unknown_unit";
constexpr std::string_view kErrorUnitNotYours = "import.error.unit_not_yours";
constexpr std::string_view kErrorUnknownPartner = "import.error.unknown_partner";
constexpr std::string_view kErrorAmbiguous = "import.error.ambiguous_name";
constexpr std::string_view kErrorNoUnit = "import.error.no_unit";
constexpr std::string_view kErrorExtraFields = "import.error.extra_fields";
constexpr std::string_view kErrorMissingColumn = "import.error.missing_column";
constexpr std::string_view kErrorMappedTwice = "import.error.mapped_twice";
constexpr std::string_view kErrorUnknownField = "import.error.unknown_field";
constexpr std::string_view kErrorMappingLength = "import.error.mapping_length";

// Header names of the memo's spreadsheet and other names municipalities give the columns,
// compared by MatchKey (so "Center/enhed" and "center - enhed" are the same).
constexpr std::pair<std::string_view, std::string_view> kHeaderAliases[] = {
    {"titel", "title"},
    {"navn", "title"},
    {"samarbejde", "title"},
    {"samarbejdsforløb", "title"},
    {"indsats", "title"},
    {"centerenhed", "units"},
    {"center", "units"},
    {"enhed", "units"},
    {"enheder", "units"},
    {"afdeling", "units"},
    {"partnere", "partners"},
    {"partner", "partners"},
    {"samarbejdspartner", "partners"},
    {"forening", "partners"},
    {"foreninger", "partners"},
    {"organisation", "partners"},
    {"organisationer", "partners"},
    {"frivilligeaktører", "partners"},
    {"velfærdsområde", "welfare_area"},
    {"område", "welfare_area"},
    {"målgruppe", "target_group"},
    {"startdato", "starts_on"},
    {"start", "starts_on"},
    {"slutdato", "ends_on"},
    {"slut", "ends_on"},
    {"status", "status"},
    {"form", "form"},
    {"samarbejdsform", "form"},
    {"postnummer", "postcode"},
    {"postnr", "postcode"},
    {"beskrivelse", "description"},
    {"lokalområde", "locality"},
    {"lokalitet", "locality"},
    {"sted", "locality"},
    {"budget", "budget_dkk"},
    {"timer", "staff_hours_per_year"},
    {"finansiering", "funding_source"},
};

// Status and form words spreadsheets use beside our labels.
constexpr std::pair<std::string_view, std::string_view> kStatusAliases[] = {
    {"aktiv", "active"}, {"i gang", "active"}, {"pause", "paused"},       {"afsluttet", "ended"},
    {"ophørt", "ended"}, {"ide", "idea"},      {"planlægges", "planned"},
};
constexpr std::pair<std::string_view, std::string_view> kFormAliases[] = {
    {"ad hoc", "ad_hoc"},
    {"adhoc", "ad_hoc"},
    {"løbende", "ongoing"},
    {"fast", "ongoing"},
    {"partnerskabsaftale", "partnership"},
};

constexpr std::string_view kTrueWords[] = {"ja", "j", "x", "1", "yes", "y", "true", "sand"};
constexpr std::string_view kFalseWords[] = {"", "nej", "n", "0", "no", "nei", "false", "falsk", "-"};

// Case folded, without spaces and the punctuation header cells carry ("Partner(e)" -> "partnere").
std::string MatchKey(std::string_view text) {
  std::string out;
  for (char c : text::FoldCase(text::Trim(text))) {
    if (c == ' ' || c == '/' || c == '(' || c == ')' || c == '-' || c == '.' || c == ':' || c == '_' ||
        c == '\t')
      continue;
    out += c;
  }
  return out;
}

// Case folded with inner spaces kept (a value: "Ad hoc", "I gang").
std::string Folded(std::string_view text) { return text::FoldCase(text::Trim(text)); }

bool IsFact(std::string_view field) {
  return std::any_of(std::begin(domain::kFactFields), std::end(domain::kFactFields),
                     [&](const auto& fact) { return fact.name == field; });
}

std::string ColumnLetter(size_t index) {
  std::string letters;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), char('A' + (n - 1) % 26));
  return letters;
}

// A spreadsheet's text cell: trimmed, and without the apostrophe that spreadsheets (and our
// export, core/csv.h) put before a leading = + - @ so it is not run as a formula.
std::string TextCell(std::string_view raw) {
  std::string_view value = text::Trim(raw);
  if (value.size() >= 2 && value.front() == '\'' &&
      std::string_view("=+-@").find(value[1]) != std::string_view::npos)
    value.remove_prefix(1);
  return std::string(value);
}

// "2026-03-01", "1-3-2026", "01.03.2026", "01/03/2026" -> "2026-03-01"; the calendar check is
// NormaliseCollaboration's.
std::optional<std::string> IsoDate(std::string_view value) {
  if (value.size() == 10 && value[4] == '-' && value[7] == '-') return std::string(value);
  int day = 0;
  int month = 0;
  int year = 0;
  size_t part = 0;
  int digits = 0;
  int current = 0;
  char separator = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      current = current * 10 + (c - '0');
      if (++digits > 4) return std::nullopt;
      continue;
    }
    if ((c != '-' && c != '.' && c != '/') || (separator && c != separator) || digits == 0 || digits > 2 ||
        part >= 2)
      return std::nullopt;
    separator = c;
    (part == 0 ? day : month) = current;
    ++part;
    current = 0;
    digits = 0;
  }
  if (part != 2 || digits != 4) return std::nullopt;
  year = current;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::optional<bool> Boolean(std::string_view value, const web::Translate& translate) {
  const std::string folded = Folded(value);
  for (auto word : kTrueWords)
    if (folded == word) return true;
  for (auto word : kFalseWords)
    if (folded == word) return false;
  for (auto lang : {"da", "nb", "en"}) {
    if (folded == Folded(translate(lang, "overview.yes"))) return true;
    if (folded == Folded(translate(lang, "overview.no"))) return false;
  }
  return std::nullopt;
}

// Whole numbers, also with "." or spaces between thousands as Danish spreadsheets write them
// ("12.500"); "12.5" is not a whole number.
std::optional<int64_t> WholeNumber(std::string_view value) {
  std::string digits;
  size_t since_separator = 0;
  bool grouped = false;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digits += c;
      ++since_separator;
    } else if ((c == '.' || c == ' ') && !digits.empty() &&
               (!grouped ? since_separator <= 3 : since_separator == 3)) {
      grouped = true;
      since_separator = 0;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits.size() > 15 || (grouped && since_separator != 3)) return std::nullopt;
  return std::stoll(digits);
}

// A key of a list of keys whose catalog labels (in every language) or aliases match `value`.
std::optional<std::string> KeyByLabel(std::string_view value, std::span<const std::string_view> keys,
                                      const std::function<std::string(std::string_view)>& label_key,
                                      std::span<const std::pair<std::string_view, std::string_view>> aliases,
                                      const web::Translate& translate) {
  const std::string folded = Folded(value);
  for (auto key : keys) {
    if (folded == key) return std::string(key);
    for (auto lang : {"da", "nb", "en"}) {
      if (folded == Folded(translate(lang, label_key(key)))) return std::string(key);
    }
  }
  for (const auto& [alias, key] : aliases) {
    if (folded == alias) return std::string(key);
  }
  return std::nullopt;
}

// Names (folded) -> ids, with names that two records share marked ambiguous (id 0).
template <class T>
std::map<std::string, int64_t> NameIndex(const std::vector<T>& items) {
  std::map<std::string, int64_t> index;
  for (const auto& item : items) {
    auto [it, inserted] = index.emplace(Folded(item.name), item.id);
    if (!inserted) it->second = 0;
  }
  return index;
}

// The municipality's lists, read once per import.
struct Lookups {
  std::map<std::string, int64_t> units;  // folded name -> id (0: ambiguous)
  std::set<int64_t> reach;
  std::map<std::string, int64_t> partners;  // folded name -> id (0: ambiguous)
  std::map<int64_t, storage::PartnerChoice> partner_by_id;
  std::map<int64_t, std::string> unit_names;
  std::map<std::pair<domain::Vocabulary, std::string>, std::optional<std::string>> terms;  // cache
};

// Names separated by commas, semicolons or line breaks; the whole cell first, since a name may
// itself hold a comma.
std::vector<std::string> SplitNames(const std::string& cell, const std::map<std::string, int64_t>& index) {
  if (index.contains(Folded(cell))) return {cell};
  std::vector<std::string> names;
  std::string current;
  for (char c : cell + ",") {
    if (c == ',' || c == ';' || c == '\n' || c == '\r') {
      std::string name(text::Trim(current));
      if (!name.empty()) names.push_back(std::move(name));
      current.clear();
    } else {
      current += c;
    }
  }
  return names;
}

// One row in the making: its JSON body for ReadCollaborationFields, and its problems.
class RowReader {
 public:
  RowReader(const ImportReport& report, const std::vector<size_t>& column_of_field, Lookups& lookups,
            storage::Connection& connection, const domain::MunicipalityScope& scope,
            const domain::PostcodeDirectory& postcodes, const web::Translate& translate)
      : report_(report),
        column_of_field_(column_of_field),
        lookups_(lookups),
        connection_(connection),
        scope_(scope),
        postcodes_(postcodes),
        translate_(translate) {}

  // The collaboration of `record`, or its problems appended to `problems`.
  Result<std::optional<Collaboration>> Read(const csv::Record& record, std::vector<ImportProblem>& problems) {
    row_ = record.row;
    problems_ = &problems;
    const size_t before = problems.size();
    for (size_t i = report_.header.size(); i < record.fields.size(); ++i) {
      if (!text::Trim(record.fields[i]).empty()) {
        Add("", kErrorExtraFields);
        break;
      }
    }
    nlohmann::json body = nlohmann::json::object();
    body["unit_ids"] = nlohmann::json::array();
    nlohmann::json facts = nlohmann::json::object();
    for (size_t column = 0; column < report_.mapping.size(); ++column) {
      const std::string& field = report_.mapping[column];
      if (field.empty()) continue;
      const std::string value = TextCell(column < record.fields.size() ? record.fields[column] : "");
      SAMSKAB_RETURN_IF_ERROR(ReadCell(field, column, value, body, facts));
    }
    body["involvement_facts"] = std::move(facts);
    if (body["unit_ids"].empty() && !HasProblemIn(before, "units")) Add(ColumnOf("units"), kErrorNoUnit);
    Collaboration c;
    c.municipality_code = scope_.code();
    // The same reader and rules as the API; their fields are ours, so each problem finds its column.
    const Status read = ReadCollaborationFields(body, c, /*creating=*/true);
    for (const auto& problem : read.fields()) AddForField(problem);
    for (const auto& problem : domain::NormaliseCollaboration(c)) AddForField(problem);
    if (problems.size() > before) return std::optional<Collaboration>();
    for (int64_t id : c.unit_ids) c.units.push_back({id, lookups_.unit_names[id]});
    for (int64_t id : c.partner_ids) {
      const auto& partner = lookups_.partner_by_id[id];
      c.partners.push_back({id, partner.name, partner.kind});
    }
    // The row's content as read, with names as ids and labels as keys: the same row of the same
    // spreadsheet gives the same key, in any column order.
    c.import_key = ContentHash(scope_.code() + "\n" + body.dump(), 32);
    return std::optional<Collaboration>(std::move(c));
  }

 private:
  Status ReadCell(const std::string& field, size_t column, const std::string& value, nlohmann::json& body,
                  nlohmann::json& facts) {
    const std::string& header = ColumnName(column);
    if (field == "units" || field == "partners") {
      const bool units = field == "units";
      auto& index = units ? lookups_.units : lookups_.partners;
      nlohmann::json ids = nlohmann::json::array();
      for (const auto& name : SplitNames(value, index)) {
        auto it = index.find(Folded(name));
        if (it == index.end()) {
          Add(header, units ? kErrorUnknownUnit : kErrorUnknownPartner);
        } else if (it->second == 0) {
          Add(header, kErrorAmbiguous);
        } else if (units && !lookups_.reach.contains(it->second)) {
          Add(header, kErrorUnitNotYours);
        } else {
          ids.push_back(it->second);
        }
      }
      body[units ? "unit_ids" : "partner_ids"] = std::move(ids);
    } else if (field == "welfare_area" || field == "target_group") {
      if (value.empty()) return Status::Ok();
      const auto vocabulary =
          field == "welfare_area" ? domain::Vocabulary::kWelfareArea : domain::Vocabulary::kTargetGroup;
      auto key = Term(vocabulary, value);
      if (!key.ok()) return key.status();
      if (*key) {
        body[field] = **key;
      } else {
        Add(header, "collaboration.error.unknown_term");
      }
    } else if (field == "status" || field == "form") {
      if (value.empty()) return Status::Ok();
      std::vector<std::string_view> keys;
      if (field == "status") {
        for (auto s : domain::kAllCollaborationStatuses) keys.push_back(domain::CollaborationStatusName(s));
      } else {
        for (auto f : domain::kAllCollaborationForms) keys.push_back(domain::CollaborationFormName(f));
      }
      auto key = KeyByLabel(
          value, keys, [&](std::string_view k) { return fmt::format("collaboration.{}.{}", field, k); },
          field == "status" ? std::span<const std::pair<std::string_view, std::string_view>>(kStatusAliases)
                            : std::span<const std::pair<std::string_view, std::string_view>>(kFormAliases),
          translate_);
      if (key) {
        body[field] = *key;
      } else {
        Add(header, "collaboration.error." + field);
      }
    } else if (field == "starts_on" || field == "ends_on") {
      if (value.empty()) return Status::Ok();
      auto date = IsoDate(value);
      if (date) {
        body[field] = *date;
      } else {
        Add(header, kErrorDate);
      }
    } else if (field == "staff_hours_per_year" || field == "budget_dkk") {
      if (value.empty()) return Status::Ok();
      auto number = WholeNumber(value);
      if (number) {
        body[field] = *number;
      } else {
        Add(header, kErrorNumber);
      }
    } else if (field == "activity_registered" || field == "evaluated" || field == "inspiration" ||
               IsFact(field)) {
      auto flag = Boolean(value, translate_);
      if (!flag) {
        Add(header, kErrorBoolean);
      } else if (IsFact(field)) {
        facts[field] = *flag;
      } else {
        body[field] = *flag;
      }
    } else if (field == "postcode") {
      if (value.empty()) return Status::Ok();
      auto postcode = postcodes_.NormalisePostcode(value);
      if (postcode.ok()) {
        body[field] = postcode->code;
      } else {
        Add(header, postcode.status().user_message_key());
      }
    } else {
      body[field] = value;  // title, description, funding_source, locality: text as it is
    }
    return Status::Ok();
  }

  // A term's key from a built-in key or label (any language), or the municipality's own key.
  Result<std::optional<std::string>> Term(domain::Vocabulary vocabulary, const std::string& value) {
    const auto cache_key = std::make_pair(vocabulary, Folded(value));
    if (auto it = lookups_.terms.find(cache_key); it != lookups_.terms.end()) return it->second;
    std::optional<std::string> key = KeyByLabel(
        value, domain::BuiltInTerms(vocabulary),
        [&](std::string_view k) { return domain::BuiltInLabelKey(vocabulary, k); }, {}, translate_);
    if (!key) {
      auto known = storage::IsKnownTerm(connection_, scope_, vocabulary, value);
      if (!known.ok()) return known.status();
      if (*known) key = value;
    }
    lookups_.terms.emplace(cache_key, key);
    return key;
  }

  const std::string& ColumnName(size_t column) const {
    static const std::string kNone;
    return column < report_.header.size() ? report_.header[column] : kNone;
  }
  std::string ColumnOf(std::string_view field) const {
    auto it = std::find(kImportFields.begin(), kImportFields.end(), field);
    if (it == kImportFields.end()) return "";
    const size_t column = column_of_field_[static_cast<size_t>(it - kImportFields.begin())];
    return column == SIZE_MAX ? "" : ColumnName(column);
  }
  // The API's field names back to the columns: unit_ids -> units, involvement_facts.x -> x.
  void AddForField(const FieldProblem& problem) {
    std::string_view field = problem.field;
    if (field == "unit_ids") field = "units";
    if (field == "partner_ids") field = "partners";
    if (field.starts_with("involvement_facts."))
      field.remove_prefix(std::string_view("involvement_facts.").size());
    Add(ColumnOf(field), problem.message_key);
  }
  bool HasProblemIn(size_t from, std::string_view field) const {
    const std::string column = ColumnOf(field);
    return std::any_of(problems_->begin() + static_cast<std::ptrdiff_t>(from), problems_->end(),
                       [&](const ImportProblem& p) { return p.column == column; });
  }
  void Add(std::string column, std::string_view key) {
    ImportProblem problem{row_, std::move(column), std::string(key)};
    // One message per cell and kind is enough (a cell with two unknown names says it once).
    if (std::find(problems_->begin(), problems_->end(), problem) == problems_->end())
      problems_->push_back(std::move(problem));
  }

  const ImportReport& report_;
  const std::vector<size_t>& column_of_field_;
  Lookups& lookups_;
  storage::Connection& connection_;
  const domain::MunicipalityScope& scope_;
  const domain::PostcodeDirectory& postcodes_;
  const web::Translate& translate_;
  int64_t row_ = 0;
  std::vector<ImportProblem>* problems_ = nullptr;
};

// Problems of the mapping itself; fills `column_of_field` (SIZE_MAX: not mapped).
std::vector<ImportProblem> CheckMapping(const ImportReport& report, std::vector<size_t>& column_of_field) {
  std::vector<ImportProblem> problems;
  column_of_field.assign(kImportFields.size(), SIZE_MAX);
  if (report.mapping.size() != report.header.size()) {
    problems.push_back({0, "", std::string(kErrorMappingLength)});
    return problems;
  }
  for (size_t column = 0; column < report.mapping.size(); ++column) {
    const std::string& field = report.mapping[column];
    if (field.empty()) continue;
    auto it = std::find(kImportFields.begin(), kImportFields.end(), field);
    if (it == kImportFields.end()) {
      problems.push_back({0, report.header[column], std::string(kErrorUnknownField)});
      continue;
    }
    size_t& mapped = column_of_field[static_cast<size_t>(it - kImportFields.begin())];
    if (mapped != SIZE_MAX) {
      problems.push_back({0, report.header[column], std::string(kErrorMappedTwice)});
      continue;
    }
    mapped = column;
  }
  for (auto required : kRequiredImportFields) {
    auto it = std::find(kImportFields.begin(), kImportFields.end(), required);
    if (column_of_field[static_cast<size_t>(it - kImportFields.begin())] == SIZE_MAX)
      problems.push_back({0, std::string(required), std::string(kErrorMissingColumn)});
  }
  return problems;
}

// Units and partners (each read on its own connection, before the import leases one).
Result<Lookups> ReadLookups(storage::Database& database, domain::UnitRepository& unit_repository,
                            const domain::Principal& principal, const domain::MunicipalityScope& scope) {
  Lookups lookups;
  auto units = unit_repository.List(scope);
  if (!units.ok()) return units.status();
  lookups.units = NameIndex(*units);
  for (const auto& unit : *units) lookups.unit_names[unit.id] = unit.name;
  lookups.reach = domain::UnitsInReach(principal, scope.code(), *units);
  auto partners = storage::ListPartnerChoices(database, scope);
  if (!partners.ok()) return partners.status();
  lookups.partners = NameIndex(*partners);
  for (const auto& partner : *partners) lookups.partner_by_id[partner.id] = partner;
  return lookups;
}

// Reads every row into `report` (problems and counts) and returns the new rows to write. The
// connection is given back before the import writes on another.
Result<std::vector<Collaboration>> ReadRows(const csv::Table& table,
                                            const std::vector<size_t>& column_of_field, Lookups& lookups,
                                            storage::Database& database,
                                            const domain::MunicipalityScope& scope,
                                            const domain::PostcodeDirectory& postcodes,
                                            const web::Translate& translate, ImportReport& report) {
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  auto keys = storage::ImportKeysOf(**lease, scope);
  if (!keys.ok()) return keys.status();
  RowReader reader(report, column_of_field, lookups, **lease, scope, postcodes, translate);
  std::vector<Collaboration> fresh;
  std::set<std::string> seen;
  for (const csv::Record& record : table.rows) {
    auto row = reader.Read(record, report.problems);
    if (!row.ok()) return row.status();
    if (!*row) {
      ++report.rejected;
      continue;
    }
    const std::string& key = *(*row)->import_key;
    if (keys->contains(key) || !seen.insert(key).second) {
      ++report.duplicates;
    } else {
      fresh.push_back(std::move(**row));
    }
  }
  report.valid = static_cast<int64_t>(fresh.size());
  return fresh;
}

}  // namespace

csv::ReadLimits ImportReadLimits() {
  csv::ReadLimits limits;
  limits.max_bytes = kMaxImportBytes;
  limits.max_rows = kMaxImportRows;
  limits.max_columns = 100;
  return limits;
}

std::span<const std::string_view> ImportFields() { return kImportFields; }

ColumnMapping AutoMapping(const std::vector<std::string>& header, const web::Translate& translate) {
  std::map<std::string, std::string> known;
  for (auto field : kImportFields) {
    for (auto lang : {"da", "nb", "en"})
      known.emplace(MatchKey(translate(lang, fmt::format("overview.column.{}", field))), field);
    known.emplace(MatchKey(field), field);
  }
  for (const auto& [alias, field] : kHeaderAliases) known.emplace(std::string(alias), field);
  ColumnMapping mapping;
  std::set<std::string> taken;
  for (const auto& name : header) {
    auto it = known.find(MatchKey(name));
    if (it != known.end() && taken.insert(it->second).second) {
      mapping.push_back(it->second);
    } else {
      mapping.emplace_back();
    }
  }
  return mapping;
}

std::vector<FieldProblem> ProblemsAsFields(const std::vector<ImportProblem>& problems) {
  std::vector<FieldProblem> fields;
  fields.reserve(problems.size());
  for (const auto& problem : problems) {
    std::string field;
    if (problem.row > 0) {
      field = problem.column.empty() ? fmt::format("rows[{}]", problem.row)
                                     : fmt::format("rows[{}].{}", problem.row, problem.column);
    } else if (!problem.column.empty()) {
      field = "mapping." + problem.column;
    } else {
      field = problem.line > 0 ? fmt::format("lines[{}]", problem.line) : "file";
    }
    fields.push_back({std::move(field), problem.message_key});
  }
  return fields;
}

nlohmann::json ImportReport::CountsJson() const {
  return {{"rows", rows},         {"valid", valid},     {"duplicates", duplicates},
          {"rejected", rejected}, {"created", created}, {"imported", imported}};
}

Result<ImportReport> CollaborationImporter::Run(const domain::Principal& principal,
                                                const domain::MunicipalityScope& scope,
                                                const domain::Actor& actor, const ImportRequest& request) {
  ImportReport report;
  auto read = csv::Read(request.content, ImportReadLimits());
  if (const auto* error = std::get_if<csv::ReadError>(&read)) {
    // The line the reader names is the file's line; for the file's problems it is the only place.
    report.problems.push_back({0, "", error->message_key, error->line});
    return report;
  }
  csv::Table& table = std::get<csv::Table>(read);
  report.header = table.header;
  report.rows = static_cast<int64_t>(table.rows.size());
  report.mapping = request.mapping ? *request.mapping : AutoMapping(table.header, deps_.translate);
  std::vector<size_t> column_of_field;
  report.problems = CheckMapping(report, column_of_field);
  if (!report.problems.empty()) return report;

  auto lookups = ReadLookups(deps_.database, deps_.units, principal, scope);
  if (!lookups.ok()) return lookups.status();
  auto fresh = ReadRows(table, column_of_field, *lookups, deps_.database, scope, deps_.postcodes,
                        deps_.translate, report);
  if (!fresh.ok()) return fresh.status();
  const bool refused = request.mode == ImportMode::kAllOrNothing && report.rejected > 0;
  if (request.dry_run || refused) return report;

  const std::string now = FormatUtc(deps_.clock.Now());
  auto written = storage::InWriteTransaction<int64_t>(
      deps_.database, [&](storage::Connection& connection) -> Result<int64_t> {
        auto created = deps_.collaborations.InsertImportedOn(connection, scope, *fresh, now);
        if (!created.ok()) return created.status();
        report.created = static_cast<int64_t>(created->size());
        // Rows someone imported between the preview's read and this transaction are duplicates too.
        report.duplicates += report.valid - report.created;
        report.imported = true;
        nlohmann::json after = report.CountsJson();
        after["filename"] = request.filename;
        after["content_hash"] = ContentHash(request.content, 32);
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& [key, id] : *created) ids.push_back(id);
        after["ids"] = std::move(ids);
        // One entry for the import, with the new ids (decision 0009), rather than 10,000.
        SAMSKAB_RETURN_IF_ERROR(storage::RecordAudit(connection, actor, scope.code(), "collaboration.import",
                                                     "collaboration_import", request.filename, std::nullopt,
                                                     after.dump(), now));
        if (request.also) SAMSKAB_RETURN_IF_ERROR(request.also(connection, report.CountsJson().dump()));
        return report.created;
      });
  if (!written.ok()) return written.status();
  return report;
}

std::vector<std::string_view> AllImportMessageKeys() {
  std::vector<std::string_view> keys = {
      kErrorDate,           kErrorBoolean,      kErrorNumber,       kErrorUnknownUnit, kErrorUnitNotYours,
      kErrorUnknownPartner, kErrorAmbiguous,    kErrorNoUnit,       kErrorExtraFields, kErrorMissingColumn,
      kErrorMappedTwice,    kErrorUnknownField, kErrorMappingLength};
  for (auto key : csv::AllReadErrorKeys()) keys.push_back(key);
  return keys;
}

}  // namespace samskab::api
