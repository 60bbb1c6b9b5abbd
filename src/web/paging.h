// The paging links under a list that pages by a `page` query parameter ("Side 2 af 7" with the
// previous and next page: templates/paging.tpl). The collaboration registry's overview and the
// applications' lists use it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "http/message.h"
#include "web/views.h"

namespace samskab::web {

// The pages `total` rows fill at `per_page` a page (at least 1).
int64_t PageCount(int64_t total, int64_t per_page);

// The `page` query parameter (or `name`, for a second list on the same page); 1 when it is absent
// or not a positive number (a list's leftover link should still show the list, not an error).
int64_t RequestedPage(const http::Request& request, std::string_view name = "page");

// The links for page `page` of `pages` (`href` gives a page's link), labelled `label` for screen
// readers; empty when there is one page and it is the one shown.
std::string PagingHtml(const Views& views, const http::Request& request, const std::string& label,
                       int64_t page, int64_t pages, const std::function<std::string(int64_t)>& href);

}  // namespace samskab::web
