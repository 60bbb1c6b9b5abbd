#include "domain/organisation/icnpo.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/embedded.h"
#include "core/text.h"

namespace samskab::domain {
namespace {

constexpr std::string_view kResource = "data/icnpo/icnpo.csv";
constexpr std::string_view kHeader = "icnpo,icnpo_desc,icnpo_group,in_original_spec";

// One CSV record of `line` (RFC 4180: fields may be quoted, "" inside quotes is a quote). The
// file has no line breaks inside quotes, so a record is one line. nullopt for a stray quote.
std::optional<std::vector<std::string>> Record(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back().push_back('"');
      ++i;
    } else if (c == '"') {
      // A quote may only open a field or close one right before a comma or the end.
      const bool opens = !quoted && fields.back().empty() && (i == 0 || line[i - 1] == ',');
      const bool closes = quoted && (i + 1 == line.size() || line[i + 1] == ',');
      if (!opens && !closes) return std::nullopt;
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

bool IsCode(std::string_view s) {
  return s.size() >= 4 && s.size() <= 5 && s.front() != '0' &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status BadLine(size_t line_number, std::string_view why) {
  return Internal(fmt::format("{} line {}: {}", kResource, line_number, why));
}

Result<IcnpoCategory> Category(std::string_view line, size_t line_number) {
  auto fields = Record(line);
  if (!fields || fields->size() != 4) return BadLine(line_number, "expected four fields");
  auto& f = *fields;
  if (!IsCode(f[0])) return BadLine(line_number, "icnpo is not a code of four or five digits");
  if (f[1].empty() || f[2].empty()) return BadLine(line_number, "empty description or group");
  if (!text::IsValidUtf8(f[1]) || !text::IsValidUtf8(f[2])) return BadLine(line_number, "not UTF-8");
  if (f[3] != "TRUE" && f[3] != "FALSE") return BadLine(line_number, "in_original_spec is not TRUE/FALSE");
  return IcnpoCategory{std::move(f[0]), std::move(f[1]), std::move(f[2]), f[3] == "TRUE"};
}

}  // namespace

Result<IcnpoCatalog> IcnpoCatalog::Parse(std::string_view csv) {
  IcnpoCatalog catalog;
  std::set<std::string> seen;
  size_t line_number = 0;
  while (!csv.empty()) {
    const size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv.remove_prefix(end == std::string_view::npos ? csv.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // a CRLF checkout
    if (++line_number == 1) {
      if (line != kHeader) return BadLine(line_number, fmt::format("header is not {}", kHeader));
      continue;
    }
    auto category = Category(line, line_number);
    if (!category.ok()) return category.status();
    if (!seen.insert(category->code).second) return BadLine(line_number, "code appears twice");
    catalog.categories_.push_back(std::move(*category));
  }
  if (catalog.categories_.empty()) return Internal(fmt::format("{} has no categories", kResource));
  return catalog;
}

Result<IcnpoCatalog> IcnpoCatalog::LoadEmbedded() {
  const std::string_view csv = embedded::Find(kResource);
  if (csv.empty()) return Internal(fmt::format("{} is not embedded", kResource));
  return Parse(csv);
}

std::optional<IcnpoCategory> IcnpoCatalog::Find(std::string_view code) const {
  const auto found = std::find_if(categories_.begin(), categories_.end(),
                                  [code](const IcnpoCategory& c) { return c.code == code; });
  if (found == categories_.end()) return std::nullopt;
  return *found;
}

}  // namespace samskab::domain
