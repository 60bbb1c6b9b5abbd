#include "domain/inquiry/inquiry.h"

#include <algorithm>

#include "core/text.h"

namespace samskab::domain {

size_t CharacterCount(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool LooksLikeEmail(std::string_view email) {
  if (email.size() < 3 || email.size() > kMaxEmailLength) return false;
  const size_t at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view domain = email.substr(at + 1);
  const size_t dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  if (domain.find("..") != std::string_view::npos) return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
  });
}

std::vector<FieldProblem> NormaliseAndValidate(Inquiry& inquiry) {
  std::vector<FieldProblem> problems;
  inquiry.name = std::string(text::Trim(inquiry.name));
  inquiry.email = std::string(text::Trim(inquiry.email));
  inquiry.message = std::string(text::Trim(inquiry.message));
  if (inquiry.name.empty()) {
    problems.push_back({"name", "validation.required"});
  } else if (CharacterCount(inquiry.name) > kMaxNameLength) {
    problems.push_back({"name", "validation.too_long"});
  }
  if (inquiry.email.empty()) {
    problems.push_back({"email", "validation.required"});
  } else if (!LooksLikeEmail(inquiry.email)) {
    problems.push_back({"email", "validation.email"});
  }
  if (std::find(std::begin(kInquiryTopics), std::end(kInquiryTopics), inquiry.topic) ==
      std::end(kInquiryTopics)) {
    problems.push_back({"topic", "validation.choice"});
  }
  if (inquiry.message.empty()) {
    problems.push_back({"message", "validation.required"});
  } else if (CharacterCount(inquiry.message) > kMaxMessageLength) {
    problems.push_back({"message", "validation.too_long"});
  }
  return problems;
}

}  // namespace samskab::domain
