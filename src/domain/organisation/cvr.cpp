#include "domain/organisation/cvr.h"

#include <array>
#include <optional>

#include "core/text.h"

namespace samskab::domain {
namespace {

constexpr std::array<int, 8> kWeights = {2, 7, 6, 5, 4, 3, 2, 1};

std::string_view WithoutVatPrefix(std::string_view s) {
  if (s.size() >= 2 && text::EqualsIgnoreCase(s.substr(0, 2), "DK")) s.remove_prefix(2);
  return s;
}

// The digits of `s` with the spaces between them removed, or nullopt when anything other than
// ASCII digits and spaces is present.
std::optional<std::string> DigitsOnly(std::string_view s) {
  std::string digits;
  for (const char c : s) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  return digits;
}

}  // namespace

bool CvrChecksumHolds(std::string_view digits) {
  if (digits.size() != kWeights.size()) return false;
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) {
    if (digits[i] < '0' || digits[i] > '9') return false;
    sum += kWeights[i] * (digits[i] - '0');
  }
  return sum % 11 == 0;
}

Status ValidateCvr(std::string& cvr) {
  const auto digits = DigitsOnly(WithoutVatPrefix(text::Trim(cvr)));
  if (!digits || digits->size() != kWeights.size() || digits->front() == '0') {
    return InvalidArgument("CVR number is not eight digits starting with 1-9", "validation.cvr_format");
  }
  if (!CvrChecksumHolds(*digits)) {
    return InvalidArgument("CVR number fails the modulus-11 check", "validation.cvr_checksum");
  }
  cvr = *digits;
  return Status::Ok();
}

}  // namespace samskab::domain
