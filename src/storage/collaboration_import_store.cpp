#include "storage/collaboration_import_store.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/random.h"
#include "storage/audit_store.h"

namespace samskab::storage {
namespace {

std::vector<std::string> MappingFromJson(const std::string& text) {
  std::vector<std::string> mapping;
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) return mapping;
  for (const auto& item : json) mapping.push_back(item.is_string() ? item.get<std::string>() : "");
  return mapping;
}

}  // namespace

Result<int64_t> CollaborationImportStore::Save(const domain::MunicipalityScope& scope,
                                               const domain::Actor& actor, int64_t user_id,
                                               const std::string& filename, const std::string& content,
                                               const std::vector<std::string>& mapping) {
  const std::string now = FormatUtc(clock_.Now());
  const std::string hash = ContentHash(content, 32);
  return InWriteTransaction<int64_t>(database_, [&](Connection& connection) -> Result<int64_t> {
    auto rows = connection.Query(
        "INSERT INTO collaboration_imports (municipality_code, user_id, filename, content, content_hash, "
        "mapping, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {scope.code(), user_id, filename, content, hash, nlohmann::json(mapping).dump(), now});
    if (!rows.ok()) return rows.status();
    const int64_t id = rows->front().Int(0);
    const nlohmann::json after = {{"filename", filename}, {"content_hash", hash}, {"bytes", content.size()}};
    SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(), "collaboration_import.upload",
                                        "collaboration_import", std::to_string(id), std::nullopt,
                                        after.dump(), now));
    return id;
  });
}

Result<StoredImport> CollaborationImportStore::Get(const domain::MunicipalityScope& scope, int64_t user_id,
                                                   int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(
      "SELECT id, user_id, filename, content, content_hash, mapping, result, created_at FROM "
      "collaboration_imports WHERE municipality_code = ? AND user_id = ? AND id = ?",
      {scope.code(), user_id, id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound(fmt::format("import {} not found for user {}", id, user_id));
  const Row& row = rows->front();
  StoredImport stored;
  stored.id = row.Int(0);
  stored.user_id = row.Int(1);
  stored.filename = row.Text(2);
  stored.content = row.Text(3);
  stored.content_hash = row.Text(4);
  stored.mapping = MappingFromJson(row.Text(5));
  stored.result = row.OptionalText(6);
  stored.created_at = row.Text(7);
  return stored;
}

Status CollaborationImportStore::SetMapping(const domain::MunicipalityScope& scope,
                                            const domain::Actor& actor, int64_t user_id, int64_t id,
                                            const std::vector<std::string>& mapping) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<int64_t>(
             database_,
             [&](Connection& connection) -> Result<int64_t> {
               const std::string json = nlohmann::json(mapping).dump();
               auto changed = connection.Execute(
                   "UPDATE collaboration_imports SET mapping = ? WHERE municipality_code = ? AND user_id = ? "
                   "AND id = ? AND result IS NULL",
                   {json, scope.code(), user_id, id});
               if (!changed.ok()) return changed.status();
               if (*changed == 0) return NotFound(fmt::format("import {} not open for user {}", id, user_id));
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(connection, actor, scope.code(),
                                                   "collaboration_import.mapping", "collaboration_import",
                                                   std::to_string(id), std::nullopt, json, now));
               return *changed;
             })
      .status();
}

Status CollaborationImportStore::FinishOn(Connection& connection, const domain::MunicipalityScope& scope,
                                          int64_t id, const std::string& result_json,
                                          const std::string& now) {
  return connection
      .Execute(
          "UPDATE collaboration_imports SET content = '', result = ?, imported_at = ? WHERE "
          "municipality_code "
          "= ? AND id = ?",
          {result_json, now, scope.code(), id})
      .status();
}

}  // namespace samskab::storage
