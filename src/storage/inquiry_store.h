// InquiryRepository on the storage seam; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/inquiry/inquiry.h"
#include "storage/database.h"

namespace samskab::storage {

class InquiryStore final : public domain::InquiryRepository {
 public:
  explicit InquiryStore(Database& database) : database_(database) {}
  Result<int64_t> Add(const domain::Inquiry& inquiry) override;
  Result<std::vector<domain::Inquiry>> ListForMunicipality(const std::string& municipality_code,
                                                           int limit) override;

 private:
  Database& database_;
};

}  // namespace samskab::storage
