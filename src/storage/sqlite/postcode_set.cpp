#include "storage/sqlite/postcode_set.h"

#include <bitset>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace samskab::storage {
namespace {

using PostcodeBits = std::bitset<10000>;

// "3500" → 3500; anything but exactly four digits → nothing.
std::optional<size_t> FourDigits(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  size_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  return value;
}

// The four-digit strings of a JSON array as ListParameter writes it: ["3500","3520"]. Whatever is
// not such a string is skipped, so a malformed list matches less, never more.
PostcodeBits ReadList(std::string_view list) {
  PostcodeBits bits;
  size_t at = 0;
  while ((at = list.find('"', at)) != std::string_view::npos) {
    const size_t end = list.find('"', at + 1);
    if (end == std::string_view::npos) break;
    if (auto code = FourDigits(list.substr(at + 1, end - at - 1))) bits.set(*code);
    at = end + 1;
  }
  return bits;
}

bool InList(const PostcodeBits& bits, sqlite3_value* postcode) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(postcode));
  const auto code = FourDigits(text ? std::string_view(text) : std::string_view());
  return code && bits.test(*code);
}

void PostcodeIn(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  if (const auto* bits = static_cast<const PostcodeBits*>(sqlite3_get_auxdata(context, 0))) {
    sqlite3_result_int(context, InList(*bits, argv[1]) ? 1 : 0);
    return;
  }
  const auto* list = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  auto bits = std::make_unique<PostcodeBits>(ReadList(list ? list : ""));
  const bool in = InList(*bits, argv[1]);
  // SQLite owns the table from here and may free it at once (then the next row reads it again).
  sqlite3_set_auxdata(context, 0, bits.release(),
                      [](void* data) { delete static_cast<PostcodeBits*>(data); });
  sqlite3_result_int(context, in ? 1 : 0);
}

}  // namespace

Status RegisterPostcodeSet(sqlite3* db) {
  const int rc = sqlite3_create_function_v2(db, "samskab_postcode_in", 2,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                            PostcodeIn, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Internal(fmt::format("sqlite: cannot register samskab_postcode_in ({})", rc));
  return Status::Ok();
}

}  // namespace samskab::storage
