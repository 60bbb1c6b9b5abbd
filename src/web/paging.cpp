#include "web/paging.h"

#include <algorithm>

#include "core/text.h"

namespace samskab::web {

namespace {
constexpr int64_t kMaxPage = 1'000'000;  // far beyond any list; keeps the offset's arithmetic small
}  // namespace

int64_t PageCount(int64_t total, int64_t per_page) {
  return std::max<int64_t>(1, (total + per_page - 1) / per_page);
}

int64_t RequestedPage(const http::Request& request, std::string_view name) {
  const auto params = text::ParseUrlEncoded(request.query);
  if (!params) return 1;
  const auto page = text::ParsePositiveId(text::Trim(text::Find(*params, name).value_or("")));
  return page && *page <= kMaxPage ? *page : 1;
}

std::string PagingHtml(const Views& views, const http::Request& request, const std::string& label,
                       int64_t page, int64_t pages, const std::function<std::string(int64_t)>& href) {
  if (pages == 1 && page == 1) return "";
  ctemplate::TemplateDictionary dict("paging");
  dict.SetValue("LABEL", label);
  dict.SetIntValue("PAGE", static_cast<long>(page));
  dict.SetIntValue("PAGES", static_cast<long>(pages));
  if (page > 1) dict.AddSectionDictionary("PREVIOUS")->SetValue("HREF", href(std::min(page - 1, pages)));
  if (page < pages) dict.AddSectionDictionary("NEXT")->SetValue("HREF", href(page + 1));
  return views.Fragment(request.lang, "paging", dict);
}

}  // namespace samskab::web
