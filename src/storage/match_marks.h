// The marks users put on proposed matches (table match_marks, migration 0007): "contacted" is
// shown beside the candidate, "not_relevant" removes it from the subject's proposals. One place
// that reads and writes them for every subject (a need, an offer), audited in the same
// transaction as the change.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "storage/database.h"

namespace samskab::storage {

// Whose proposals are marked: subject_kind "need" or "offer", and the municipality the audit
// entry belongs to ("" for an offer: platform-wide data, as its own entries).
struct MarkSubject {
  std::string_view kind;
  int64_t id = 0;
  std::string audit_municipality;
};

// candidate id -> mark, for the subject's candidates of one kind.
Result<std::unordered_map<int64_t, std::string>> ReadMarks(Connection& connection, const MarkSubject& subject,
                                                           std::string_view candidate_kind);

// Sets the mark ("contacted" or "not_relevant", else kInvalidArgument on the field "mark" with
// "matches.error.mark"). `may_mark` says, inside the transaction, whether the candidate exists and
// may be proposed to this subject at all (false: kNotFound). Audited as "<subject>.match_mark".
Status WriteMark(Database& database, const Clock& clock, const domain::Actor& actor,
                 const MarkSubject& subject, std::string_view candidate_kind, int64_t candidate_id,
                 const std::string& mark, const std::function<Result<bool>(Connection&)>& may_mark);

// Removes the mark (none: kNotFound). Audited as "<subject>.match_unmark".
Status DeleteMark(Database& database, const Clock& clock, const domain::Actor& actor,
                  const MarkSubject& subject, std::string_view candidate_kind, int64_t candidate_id);

}  // namespace samskab::storage
