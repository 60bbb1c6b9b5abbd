// The figures of issue 4 (the collaboration registry), printed side by side with their anchors;
// bench/run.sh runs this on SQLite and on PostgreSQL. Nothing here is asserted anywhere.
//
// Usage: samskab_registry_bench --db URL [--rounds N]
// The database must be empty or migrated; the program loads the demo municipality and generates
// 5,000 organisations and 10,000 collaborations into it (samskab::app::Generate, seed 1), then
// measures in-process, through App::dispatcher() exactly as the server calls it (no sockets):
//   - the filtered overview (several filters), p50/p95, next to the bare SQL it runs (the units
//     below a filtered unit, the page with its total of storage::BuildOverviewSql, and the one
//     link statement, on a connection of the pool);
//   - the matrix SVG for all collaborations (the store's query and the renderer);
//   - the CSV and XLSX exports of all collaborations.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "api/collaboration_fields.h"
#include "app/app.h"
#include "app/sample_data.h"
#include "core/clock.h"
#include "figure_support.h"
#include "http/message.h"
#include "storage/collaboration_store.h"
#include "web/matrix_svg.h"

namespace {

using samskab::bench::Die;
using samskab::bench::Measure;
using samskab::bench::MeasurePair;
using samskab::bench::Percentiles;

using Clock = std::chrono::steady_clock;
constexpr char kMunicipality[] = "0190";

samskab::http::Response Call(samskab::app::App& app, const std::string& path, const std::string& query,
                             const std::string& cookie) {
  samskab::http::Request request;
  request.headers.Add("Cookie", cookie);
  request.method = "GET";
  request.path = path;
  request.query = query;
  request.target = query.empty() ? path : path + "?" + query;
  request.request_id = "bench0000000000";
  request.remote_address = "127.0.0.1";
  const auto& dispatcher = app.dispatcher();
  const auto match = dispatcher.Resolve(request);
  return dispatcher.Dispatch(request, match);
}

}  // namespace

int main(int argc, char** argv) {
  samskab::bench::SetFigureProgram("registry bench");
  const auto [url, rounds] = samskab::bench::ReadFigureArgs(argc, argv, 200, 10);
  samskab::SystemClock clock;
  const auto owned_app = samskab::bench::OpenDemoApp(url, clock);
  samskab::app::App& app = *owned_app;

  const auto generate_start = Clock::now();
  auto report = app.collaborations().List(samskab::domain::MunicipalityScope(kMunicipality), {}, {}, 0, 1);
  if (!report.ok()) Die(report.status().log_message());
  if (report->total < 10000) {
    samskab::app::GeneratorOptions options{kMunicipality, 5000, 10000, 1};
    auto generated = samskab::app::Generate(app, options);
    if (!generated.ok()) Die(generated.status().log_message());
  }
  const double generate_s = std::chrono::duration<double>(Clock::now() - generate_start).count();

  const std::string cookie = samskab::bench::AdminSessionCookie(app, "registry-bench@example.dk");

  const samskab::domain::MunicipalityScope scope(kMunicipality);
  auto center = app.units().List(scope);
  if (!center.ok()) Die(center.status().log_message());
  int64_t center_id = 0;
  for (const auto& unit : *center) {
    if (unit.kind == samskab::domain::UnitKind::kCenter) {
      center_id = unit.id;
      break;
    }
  }

  std::printf("backend: %s; generated 5,000 organisations and 10,000 collaborations in %.1f s (or reused)\n",
              app.database().backend() == samskab::storage::Backend::kSqlite ? "SQLite" : "PostgreSQL",
              generate_s);
  std::printf("%-44s %9s %9s %9s %9s %7s\n", "overview filter (25 rows)", "page p50", "page p95", "sql p50",
              "sql p95", "ratio");
  struct Case {
    const char* name;
    std::string query;
  };
  const std::vector<Case> cases = {
      {"none, by title", ""},
      {"quadrant=1", "quadrant=1"},
      {"level=medium&status=active", "level=medium&status=active"},
      {"unit_id=<center> (with departments)", "unit_id=" + std::to_string(center_id)},
      {"organisation_kind=community, -updated_at", "organisation_kind=community&sort=-updated_at"},
      {"q=besøgsvenner", "q=bes%C3%B8gsvenner"},
      {"page 40 by level", "sort=level&offset=975"},
  };
  double worst_ratio = 0;
  double worst_p95 = 0;
  for (const auto& c : cases) {
    const auto params = samskab::text::ParseUrlEncoded(c.query);
    auto query = samskab::api::ParseOverviewQuery(*params);
    if (!query.ok()) Die("bad query " + c.query);
    {  // as the store does before it builds the SQL (the units below a unit: one small read)
      auto lease = app.database().Acquire();
      if (!lease.ok() || !samskab::storage::ResolveUnitFilter(**lease, scope, query->filter).ok())
        Die("resolving the unit filter failed");
    }
    const auto sql_of =
        samskab::storage::BuildOverviewSql(scope, query->filter, query->order, query->offset, query->limit);
    const auto [page, sql] = MeasurePair(
        rounds,
        [&] {
          auto response = Call(app, "/api/v1/collaborations", c.query, cookie);
          if (response.status != 200) Die("overview answered " + std::to_string(response.status));
        },
        // The same statements the page runs: the page (with the total) and the links of its rows.
        [&] {
          auto lease = app.database().Acquire();
          if (query->filter.unit_id) {
            samskab::storage::CollaborationFilter again = query->filter;
            if (!samskab::storage::ResolveUnitFilter(**lease, scope, again).ok())
              Die("bare unit read failed");
          }
          auto rows = (*lease)->Query(sql_of.page.sql, sql_of.page.params);
          if (!rows.ok()) Die("bare query failed");
          if (rows->empty() && query->offset > 0) {
            auto count = (*lease)->Query(sql_of.count.sql, sql_of.count.params);
            if (!count.ok()) Die("bare count failed");
          }
          std::vector<int64_t> ids;
          for (const auto& row : *rows) ids.push_back(row.Int(0));
          if (!ids.empty()) {
            auto links = (*lease)->Query(samskab::storage::LinksOfBatchSql(),
                                         samskab::storage::LinksOfBatchParams(ids));
            if (!links.ok()) Die("bare link query failed");
          }
        });
    const double ratio = page.p95 / sql.p95;  // alternating runs: the same load on both
    worst_ratio = std::max(worst_ratio, ratio);
    worst_p95 = std::max(worst_p95, page.p95);
    std::printf("%-44s %8.2fms %8.2fms %8.2fms %8.2fms %6.2fx\n", c.name, page.p50, page.p95, sql.p50,
                sql.p95, ratio);
  }
  std::printf(
      "overview: worst page p95 %.2f ms (target <= 20 ms); worst ratio to the bare SQL %.2fx (target <= "
      "2x)\n",
      worst_p95, worst_ratio);

  // The matrix: the store's query for every collaboration and the SVG, together and apart.
  size_t svg_bytes = 0;
  samskab::web::MatrixLabels labels;
  labels.point_href_prefix = "/admin/0190/collaborations/";
  auto all_points = app.collaborations().Matrix(scope, {});
  if (!all_points.ok()) Die(all_points.status().log_message());
  const Percentiles matrix = Measure(std::max(10, rounds / 4), [&] {
    auto points = app.collaborations().Matrix(scope, {});
    if (!points.ok()) Die(points.status().log_message());
    svg_bytes = samskab::web::RenderMatrixSvg(*points, samskab::web::CountMatrix(*points), labels).size();
  });
  const Percentiles matrix_sql = Measure(std::max(10, rounds / 4), [&] {
    if (!app.collaborations().Matrix(scope, {}).ok()) Die("matrix query failed");
  });
  const Percentiles matrix_svg = Measure(std::max(10, rounds / 4), [&] {
    samskab::web::RenderMatrixSvg(*all_points, samskab::web::CountMatrix(*all_points), labels);
  });
  std::printf(
      "matrix SVG, all 10,000: p50 %.2f ms, p95 %.2f ms (target <= 30 ms), %zu bytes; of which the query p50 "
      "%.2f "
      "ms, the drawing p50 %.2f ms\n",
      matrix.p50, matrix.p95, svg_bytes, matrix_sql.p50, matrix_svg.p50);

  // The exports of every collaboration.
  for (const char* format : {"csv", "xlsx"}) {
    size_t bytes = 0;
    const Percentiles exported = Measure(5, [&] {
      auto response = Call(app, "/api/v1/collaborations", std::string("format=") + format, cookie);
      if (response.status != 200) Die("export answered " + std::to_string(response.status));
      bytes = response.Body().size();
    });
    std::printf("%s export, all 10,000: p50 %.0f ms, max-of-5 p95 %.0f ms (target <= 1000 ms), %zu bytes\n",
                format, exported.p50, exported.p95, bytes);
  }
  return 0;
}
