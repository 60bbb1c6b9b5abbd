// ICNPO, the International Classification of Non-Profit Organisations (Salamon & Anheier), as
// listed in data/icnpo/icnpo.csv (drkane/charity-lookups, ODbL): the optional category of an
// organisation, so that a municipality's partners can be compared with national statistics.
// The names are English; the catalogs translate them where they are shown. The list is drkane's
// UK-oriented version of ICNPO revision 1: it splits some groups (8100/8200, 11100/11200) and has
// no 7300 Political Organisations, so a political association falls under 12100 (not elsewhere
// classified).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace samskab::domain {

struct IcnpoCategory {
  std::string code;   // "1100", "4110", "12100": the group number times 100, plus a subgroup
  std::string name;   // "Culture and Arts"
  std::string group;  // "Culture and sport"
  // False for the UK refinements drkane added (e.g. 4110 Scouts); true for the original ICNPO.
  bool in_original_spec = false;
};

// The categories, read once at start-up and then only read: safe to share between threads.
class IcnpoCatalog {
 public:
  // Parses the CSV (`icnpo,icnpo_desc,icnpo_group,in_original_spec`, quoted fields as in RFC 4180).
  // A malformed line or a duplicate code fails the whole load: the file is ours, so that is a bug.
  static Result<IcnpoCatalog> Parse(std::string_view csv);
  // The same from the copy compiled into the binary.
  static Result<IcnpoCatalog> LoadEmbedded();

  // The category with exactly this code, or nullopt.
  std::optional<IcnpoCategory> Find(std::string_view code) const;

  // Every category in the file's order (by code).
  const std::vector<IcnpoCategory>& All() const { return categories_; }

 private:
  std::vector<IcnpoCategory> categories_;
};

}  // namespace samskab::domain
