// The PostgreSQL backend over libpq: statements prepared once per connection (named by a
// counter), parameters sent as text, results typed by column OID.
#pragma once

#include <memory>
#include <string>

#include "storage/database.h"

namespace samskab::storage {

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& uri);

// "… WHERE a = ? AND b = '?'" -> "… WHERE a = $1 AND b = '?'". Exposed for tests.
std::string RewritePlaceholders(std::string_view sql);

}  // namespace samskab::storage
