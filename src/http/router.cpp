#include "http/router.h"

#include <algorithm>
#include <stdexcept>

namespace samskab::http {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    segments.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool IsParameter(const std::string& segment) { return segment.size() > 2 && segment.front() == '{'; }

bool Matches(const Route& route, const std::vector<std::string>& segments,
             std::vector<std::pair<std::string, std::string>>* params) {
  params->clear();
  const auto& pattern = route.segments;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.rfind("{*", 0) == 0) {  // catch-all: the rest of the path, at least one segment
      if (i >= segments.size()) return false;
      std::string rest;
      for (size_t j = i; j < segments.size(); ++j) rest += (j > i ? "/" : "") + segments[j];
      params->emplace_back(p.substr(2, p.size() - 3), rest);
      return true;
    }
    if (i >= segments.size()) return false;
    if (IsParameter(p)) {
      if (segments[i].empty()) return false;
      params->emplace_back(p.substr(1, p.size() - 2), segments[i]);
    } else if (p != segments[i]) {
      return false;
    }
  }
  return pattern.size() == segments.size();
}

}  // namespace

void Router::Add(std::string method, std::string pattern, domain::Access access, Handler handler, Runs runs) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route must start with /: " + pattern);
  if (runs == Runs::kOnIoThread && access.audience != domain::Audience::kPublic)
    throw std::invalid_argument("routes on the I/O thread must be public: " + pattern);
  Route route{std::move(method), pattern, std::move(access), std::move(handler), runs, Split(pattern)};
  routes_.push_back(std::move(route));
}

Match Router::Resolve(Request& request) const {
  const auto segments = Split(request.path);
  const std::string& method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    if (!Matches(route, segments, &params)) continue;
    if (route.method == method) {
      request.path_params = std::move(params);
      request.route_name = route.pattern;
      return Match{&route, {}};
    }
    allowed.push_back(route.method);
    if (route.method == "GET") allowed.emplace_back("HEAD");
  }
  Match miss;
  std::sort(allowed.begin(), allowed.end());
  allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
  for (const auto& m : allowed) miss.allow += (miss.allow.empty() ? "" : ", ") + m;
  return miss;
}

}  // namespace samskab::http
