#include "web/model_pages.h"

#include <fmt/format.h>

#include "core/text.h"
#include "domain/collaboration/guidance.h"

namespace samskab::web {
namespace {

constexpr int kQuadrants = 4;

Result<http::Response> QuadrantPage(const PageDependencies& deps, http::Request& request) {
  const auto quadrant = text::ParsePositiveId(request.PathParam("quadrant"));
  if (!quadrant || *quadrant > kQuadrants) return NotFound("no such quadrant");
  auto municipality = SiteMunicipality(deps);
  if (!municipality.ok()) return municipality.status();
  const int number = static_cast<int>(*quadrant);
  ctemplate::TemplateDictionary content("model_quadrant");
  const std::string title = Message(deps, request, fmt::format("collaboration.quadrant.q{}.title", number));
  content.SetValue("HEADING", title);
  content.SetValue("LEAD", Message(deps, request, fmt::format("collaboration.quadrant.q{}.lead", number)));
  for (const auto& point : domain::GuidanceFor(number)) {
    auto* item = content.AddSectionDictionary("POINT");
    item->SetValue(
        "ASPECT",
        Message(deps, request, fmt::format("collaboration.aspect.{}", domain::AspectName(point.aspect))));
    item->SetValue("EXPECTATION", Message(deps, request,
                                          fmt::format("collaboration.expectation.{}",
                                                      domain::ExpectationName(point.expectation))));
    item->SetValue("TEXT", Message(deps, request, point.key));
  }
  for (int other = 1; other <= kQuadrants; ++other) {
    auto* link = content.AddSectionDictionary("QUADRANT");
    link->SetValue("HREF", fmt::format("/model/quadrants/{}", other));
    link->SetValue("TEXT", Message(deps, request, fmt::format("collaboration.quadrant.q{}.title", other)));
    link->ShowSection(other == number ? "CURRENT" : "LINK");
  }
  const Frame frame{title, municipality->name, ""};
  return HtmlPage(deps.views.Page(request, frame, "model_quadrant", content), 200);
}

}  // namespace

void RegisterModelPages(http::Router& router, const PageDependencies& deps) {
  router.Add("GET", "/model/quadrants/{quadrant}", domain::Access::Public(),
             [&deps](http::Request& request) { return QuadrantPage(deps, request); });
}

}  // namespace samskab::web
