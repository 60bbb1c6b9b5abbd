// An inquiry: a message a citizen or an association sends to a municipality through the public
// contact form. The rules for what a valid inquiry is live here, apart from the page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace samskab::domain {

inline constexpr std::string_view kInquiryTopics[] = {"help", "idea", "question", "other"};
inline constexpr size_t kMaxNameLength = 200;
inline constexpr size_t kMaxEmailLength = 254;
inline constexpr size_t kMaxMessageLength = 5000;

struct Inquiry {
  int64_t id = 0;
  std::string municipality_code;
  std::string name;
  std::string email;
  std::string topic;
  std::string message;
  std::string request_id;
  std::string created_at;
};

// Trims the text fields and checks them; an empty result means valid. Lengths count characters
// (code points), not bytes, so "æøå" is three.
std::vector<FieldProblem> NormaliseAndValidate(Inquiry& inquiry);

// A pragmatic e-mail check: one '@', a local part, a domain with a dot, no spaces or controls.
bool LooksLikeEmail(std::string_view email);

// Number of code points in valid UTF-8.
size_t CharacterCount(std::string_view utf8);

class InquiryRepository {
 public:
  virtual ~InquiryRepository() = default;
  // Stores the inquiry; returns its id. The inquiry is durable when this returns.
  virtual Result<int64_t> Add(const Inquiry& inquiry) = 0;
  virtual Result<std::vector<Inquiry>> ListForMunicipality(const std::string& municipality_code,
                                                           int limit) = 0;
};

}  // namespace samskab::domain
