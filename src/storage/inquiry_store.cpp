#include "storage/inquiry_store.h"

namespace samskab::storage {
namespace {
constexpr char kInsert[] =
    "INSERT INTO inquiries (municipality_code, name, email, topic, message, request_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kList[] =
    "SELECT id, municipality_code, name, email, topic, message, request_id, created_at FROM inquiries "
    "WHERE municipality_code = ? ORDER BY created_at DESC, id DESC LIMIT ?";
}  // namespace

Result<int64_t> InquiryStore::Add(const domain::Inquiry& inquiry) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kInsert, {inquiry.municipality_code, inquiry.name, inquiry.email, inquiry.topic,
                                        inquiry.message, inquiry.request_id, inquiry.created_at});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::vector<domain::Inquiry>> InquiryStore::ListForMunicipality(const std::string& municipality_code,
                                                                       int limit) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kList, {municipality_code, static_cast<int64_t>(limit)});
  if (!rows.ok()) return rows.status();
  std::vector<domain::Inquiry> out;
  for (const Row& row : *rows) {
    out.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.Text(6),
                   row.Text(7)});
  }
  return out;
}

}  // namespace samskab::storage
