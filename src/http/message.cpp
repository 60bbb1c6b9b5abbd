#include "http/message.h"

#include "core/text.h"

namespace samskab::http {

std::string_view CookieValue(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    const size_t semicolon = cookie_header.find(';');
    const std::string_view pair = text::Trim(cookie_header.substr(0, semicolon));
    cookie_header =
        semicolon == std::string_view::npos ? std::string_view{} : cookie_header.substr(semicolon + 1);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
  }
  return {};
}

std::string_view Headers::Get(std::string_view name) const {
  for (const auto& [key, value] : items_) {
    if (text::EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

bool Headers::Has(std::string_view name) const {
  for (const auto& item : items_) {
    if (text::EqualsIgnoreCase(item.first, name)) return true;
  }
  return false;
}

void Headers::Set(std::string_view name, std::string value) {
  std::erase_if(items_, [&](const auto& item) { return text::EqualsIgnoreCase(item.first, name); });
  items_.emplace_back(std::string(name), std::move(value));
}

std::string_view Request::PathParam(std::string_view name) const {
  for (const auto& [key, value] : path_params) {
    if (key == name) return value;
  }
  return {};
}

Response MakeResponse(int status, std::string content_type, std::string body) {
  Response response;
  response.status = status;
  response.headers.Add("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

Response Redirect(int status, std::string location) {
  Response response;
  response.status = status;
  response.headers.Add("Location", std::move(location));
  return response;
}

}  // namespace samskab::http
