#include "storage/match_marks.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

constexpr char kWhereOne[] =
    " FROM match_marks WHERE subject_kind = ? AND subject_id = ? AND candidate_kind = ? AND candidate_id = ?";

Params OneMark(const MarkSubject& subject, std::string_view candidate_kind, int64_t candidate_id) {
  return {std::string(subject.kind), subject.id, std::string(candidate_kind), candidate_id};
}

std::string MarkJson(std::string_view candidate_kind, int64_t candidate_id, const std::string& mark) {
  return nlohmann::json{{"candidate_kind", candidate_kind}, {"candidate_id", candidate_id}, {"mark", mark}}
      .dump();
}

}  // namespace

Result<std::unordered_map<int64_t, std::string>> ReadMarks(Connection& connection, const MarkSubject& subject,
                                                           std::string_view candidate_kind) {
  auto rows = connection.Query(
      "SELECT candidate_id, mark FROM match_marks WHERE subject_kind = ? AND subject_id = ? AND "
      "candidate_kind = ?",
      {std::string(subject.kind), subject.id, std::string(candidate_kind)});
  if (!rows.ok()) return rows.status();
  std::unordered_map<int64_t, std::string> marks;
  for (const Row& row : *rows) marks.emplace(row.Int(0), row.Text(1));
  return marks;
}

Status WriteMark(Database& database, const Clock& clock, const domain::Actor& actor,
                 const MarkSubject& subject, std::string_view candidate_kind, int64_t candidate_id,
                 const std::string& mark, const std::function<Result<bool>(Connection&)>& may_mark) {
  if (mark != "contacted" && mark != "not_relevant")
    return ValidationFailed({{"mark", "matches.error.mark"}});
  auto done = InWriteTransaction<bool>(database, [&](Connection& c) -> Result<bool> {
    auto allowed = may_mark(c);
    if (!allowed.ok()) return allowed.status();
    if (!*allowed) return NotFound(fmt::format("{} {} cannot be marked", candidate_kind, candidate_id));
    const Params one = OneMark(subject, candidate_kind, candidate_id);
    auto before = c.Query(std::string("SELECT mark") + kWhereOne, one);
    if (!before.ok()) return before.status();
    auto removed = c.Execute(std::string("DELETE") + kWhereOne, one);
    if (!removed.ok()) return removed.status();
    const std::string now = FormatUtc(clock.Now());
    auto inserted = c.Execute(
        "INSERT INTO match_marks (subject_kind, subject_id, candidate_kind, candidate_id, mark, marked_by, "
        "marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {std::string(subject.kind), subject.id, std::string(candidate_kind), candidate_id, mark,
         NullIfEmpty(actor.user_id), now});
    if (!inserted.ok()) return inserted.status();
    std::optional<std::string> before_json;
    if (!before->empty()) before_json = MarkJson(candidate_kind, candidate_id, before->front().Text(0));
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        c, actor, subject.audit_municipality, fmt::format("{}.match_mark", subject.kind), subject.kind,
        std::to_string(subject.id), before_json, MarkJson(candidate_kind, candidate_id, mark), now));
    return true;
  });
  return done.ok() ? Status::Ok() : done.status();
}

Status DeleteMark(Database& database, const Clock& clock, const domain::Actor& actor,
                  const MarkSubject& subject, std::string_view candidate_kind, int64_t candidate_id) {
  auto done = InWriteTransaction<bool>(database, [&](Connection& c) -> Result<bool> {
    const Params one = OneMark(subject, candidate_kind, candidate_id);
    auto before = c.Query(std::string("SELECT mark") + kWhereOne, one);
    if (!before.ok()) return before.status();
    if (before->empty()) return NotFound("no mark");
    auto removed = c.Execute(std::string("DELETE") + kWhereOne, one);
    if (!removed.ok()) return removed.status();
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(
        c, actor, subject.audit_municipality, fmt::format("{}.match_unmark", subject.kind), subject.kind,
        std::to_string(subject.id), MarkJson(candidate_kind, candidate_id, before->front().Text(0)),
        std::nullopt, FormatUtc(clock.Now())));
    return true;
  });
  return done.ok() ? Status::Ok() : done.status();
}

}  // namespace samskab::storage
