#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

#define SAMSKAB_COLUMNS                                                                                   \
  "id, COALESCE(municipality_code, ''), actor_user_id, actor_token_id, actor_label, request_id, action, " \
  "entity, entity_id, before_json, after_json, at"
constexpr char kList[] =
    "SELECT " SAMSKAB_COLUMNS
    " FROM audit_log WHERE municipality_code = ? AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?";
constexpr char kListForUser[] =
    "SELECT " SAMSKAB_COLUMNS
    " FROM audit_log WHERE actor_user_id = ? OR (entity = 'user' AND entity_id = ?) "
    "ORDER BY id";
#undef SAMSKAB_COLUMNS
constexpr char kInsert[] =
    "INSERT INTO audit_log (municipality_code, actor_user_id, actor_token_id, actor_label, request_id, "
    "action, "
    "entity, entity_id, before_json, after_json, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

domain::AuditEntry FromRow(const Row& row) {
  domain::AuditEntry entry;
  entry.id = row.Int(0);
  entry.municipality_code = row.Text(1);
  if (!row.IsNull(2)) entry.actor_user_id = row.Int(2);
  if (!row.IsNull(3)) entry.actor_token_id = row.Int(3);
  entry.actor_label = row.Text(4);
  entry.request_id = row.Text(5);
  entry.action = row.Text(6);
  entry.entity = row.Text(7);
  entry.entity_id = row.Text(8);
  entry.before_json = row.OptionalText(9);
  entry.after_json = row.OptionalText(10);
  entry.at = row.Text(11);
  return entry;
}

Result<std::vector<domain::AuditEntry>> Collect(Result<Rows> rows) {
  if (!rows.ok()) return rows.status();
  std::vector<domain::AuditEntry> entries;
  entries.reserve(rows->size());
  for (const auto& row : *rows) entries.push_back(FromRow(row));
  return entries;
}

}  // namespace

Status RecordAudit(Connection& connection, const domain::Actor& actor, const std::string& municipality_code,
                   std::string_view action, std::string_view entity, std::string_view entity_id,
                   const std::optional<std::string>& before_json,
                   const std::optional<std::string>& after_json, const std::string& at) {
  auto inserted = connection.Execute(
      kInsert, {NullIfEmpty(municipality_code), NullIfEmpty(actor.user_id), NullIfEmpty(actor.token_id),
                actor.label, actor.request_id, std::string(action), std::string(entity),
                std::string(entity_id), NullIfEmpty(before_json), NullIfEmpty(after_json), at});
  return inserted.status();
}

Result<std::vector<domain::AuditEntry>> AuditStore::List(const domain::MunicipalityScope& scope, int limit,
                                                         int64_t before_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return Collect((*lease)->Query(kList, {scope.code(), before_id, before_id, int64_t{limit}}));
}

Result<std::vector<domain::AuditEntry>> AuditStore::ListForUser(int64_t user_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  return Collect((*lease)->Query(kListForUser, {user_id, std::to_string(user_id)}));
}

}  // namespace samskab::storage
