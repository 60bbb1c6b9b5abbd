// Issue 4's import figure: a CSV file of 10,000 collaborations imported through
// POST /api/v1/collaborations/import (in-process, through App::dispatcher() as the server calls
// it), beside its anchor: the same rows inserted by a bare prepared INSERT loop (one statement per
// collaboration and per link, reused) in one transaction, with no CSV, no checks and no audit.
// bench/registry.sh runs it on SQLite and on PostgreSQL. Nothing here is asserted anywhere.
//
// Usage: samskab_import_bench --db URL [--rounds N]
// The database must be empty or migrated; the program loads the demo municipality and, when it
// has no units yet, the generator's units and 500 organisations (their names are the file's). Each round
// imports new titles, so every row is created.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/sample_data.h"
#include "core/clock.h"
#include "core/csv.h"
#include "figure_support.h"
#include "http/message.h"
#include "storage/partner_choices.h"

namespace {

using samskab::bench::Die;

using Clock = std::chrono::steady_clock;
constexpr char kMunicipality[] = "0190";
constexpr int kRows = 10000;

double Seconds(const std::function<void()>& run) {
  const auto start = Clock::now();
  run();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Names that occur once in a list (the import refuses ambiguous names).
template <class T>
std::vector<std::string> UniqueNames(const std::vector<T>& items) {
  std::vector<std::string> names;
  for (const auto& item : items) {
    const auto same =
        std::count_if(items.begin(), items.end(), [&](const T& other) { return other.name == item.name; });
    if (same == 1) names.push_back(item.name);
  }
  return names;
}

// The memo's columns, 10,000 rows with Danish dates, labels and yes/no cells.
std::string File(const std::string& prefix, const std::vector<std::string>& units,
                 const std::vector<std::string>& partners) {
  samskab::csv::Writer writer;
  writer.AddRow({std::string("Titel"), std::string("Center/enhed"), std::string("Partner(e)"),
                 std::string("Velfærdsområde"), std::string("Målgruppe"), std::string("Startdato"),
                 std::string("Slutdato"), std::string("Status"), std::string("Form"),
                 std::string("Postnummer"), std::string("Lokaler stillet til rådighed"),
                 std::string("Kontaktperson"), std::string("Beskrivelse")});
  const char* statuses[] = {"Idé", "Planlagt", "Aktivt", "Sat på pause", "Afsluttet"};
  const char* forms[] = {"Ad hoc-samarbejde", "Løbende samarbejde", "Partnerskab"};
  for (int i = 0; i < kRows; ++i) {
    writer.AddRow({prefix + " forløb " + std::to_string(i), units[static_cast<size_t>(i) % units.size()],
                   partners[static_cast<size_t>(i * 7) % partners.size()], std::string("Ældre"),
                   std::string("Ensomme"), std::string("01-03-2026"), std::string("31-12-2027"),
                   std::string(statuses[i % 5]), std::string(forms[i % 3]), std::string("3520"),
                   std::string(i % 2 ? "ja" : "nej"), std::string(i % 3 ? "x" : ""),
                   std::string("Besøg hver uge; kaffe og en snak med \"frivillige\".")});
  }
  return writer.Take();
}

samskab::http::Response Post(samskab::app::App& app, const std::string& query, std::string body,
                             const std::string& cookie) {
  samskab::http::Request request;
  request.headers.Add("Cookie", cookie);
  request.headers.Add("Content-Type", "text/csv");
  request.method = "POST";
  request.path = "/api/v1/collaborations/import";
  request.query = query;
  request.target = request.path + "?" + query;
  request.body = std::move(body);
  request.request_id = "bench0000000000";
  request.remote_address = "127.0.0.1";
  const auto& dispatcher = app.dispatcher();
  const auto match = dispatcher.Resolve(request);
  return dispatcher.Dispatch(request, match);
}

// The anchor: the rows' columns and links by one reused prepared INSERT each, in one transaction.
void BareInsertLoop(samskab::app::App& app, const std::string& prefix, const std::vector<int64_t>& unit_ids,
                    const std::vector<int64_t>& partner_ids) {
  using samskab::storage::Params;
  auto lease = app.database().Acquire();
  if (!lease.ok()) Die(lease.status().log_message());
  auto tx = samskab::storage::Transaction::Begin(**lease, true);
  if (!tx.ok()) Die(tx.status().log_message());
  const std::string now = "2026-12-01T00:00:00Z";
  for (int i = 0; i < kRows; ++i) {
    const std::string title = prefix + " forløb " + std::to_string(i);
    auto rows = (*lease)->Query(
        "INSERT INTO collaborations (municipality_code, title, description, welfare_area, target_group, "
        "starts_on, ends_on, status, form, postcode, rooms_lent, contact_person, derived_level, level, "
        "volunteer_type, quadrant, search_text, partner_kinds, import_key, created_at, updated_at) VALUES "
        "(?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        Params{std::string(kMunicipality),
               title,
               std::string("Besøg hver uge"),
               std::string("elderly"),
               std::string("lonely"),
               std::string("2026-03-01"),
               std::string("2027-12-31"),
               std::string("active"),
               std::string("ongoing"),
               std::string("3520"),
               int64_t{i % 2},
               int64_t{i % 3 ? 1 : 0},
               std::string("medium"),
               std::string("medium"),
               std::string("associations"),
               samskab::storage::Value(samskab::storage::Null{}),
               title,
               int64_t{2},
               prefix + std::to_string(i),
               now,
               now});
    if (!rows.ok()) Die(rows.status().log_message());
    const int64_t id = rows->front().Int(0);
    auto unit = (*lease)->Execute(
        "INSERT INTO collaboration_units (collaboration_id, municipality_code, unit_id) VALUES (?, ?, ?)",
        {id, std::string(kMunicipality), unit_ids[static_cast<size_t>(i) % unit_ids.size()]});
    auto partner = (*lease)->Execute(
        "INSERT INTO collaboration_partners (collaboration_id, organisation_id) VALUES (?, ?)",
        {id, partner_ids[static_cast<size_t>(i * 7) % partner_ids.size()]});
    if (!unit.ok() || !partner.ok()) Die("bare link insert failed");
  }
  if (!(*tx)->Commit().ok()) Die("commit failed");
}

}  // namespace

int main(int argc, char** argv) {
  samskab::bench::SetFigureProgram("import bench");
  const auto [url, rounds] = samskab::bench::ReadFigureArgs(argc, argv, 3, 1);
  samskab::SystemClock clock;
  const auto owned_app = samskab::bench::OpenDemoApp(url, clock);
  samskab::app::App& app = *owned_app;
  const samskab::domain::MunicipalityScope scope(kMunicipality);
  // The generator's unit hierarchy and organisations (seed 1), when the database has none yet
  // (bench/registry.sh runs this after the registry's figures, on their 10,000 collaborations).
  auto before = app.units().List(scope);
  if (!before.ok()) Die(before.status().log_message());
  if (before->empty()) {
    auto generated = samskab::app::Generate(app, {kMunicipality, 500, 0, 1});
    if (!generated.ok()) Die(generated.status().log_message());
  }
  auto units = app.units().List(scope);
  auto partners = samskab::storage::ListPartnerChoices(app.database(), scope);
  if (!units.ok() || !partners.ok()) Die("cannot read the demo's units and partners");
  const std::vector<std::string> unit_names = UniqueNames(*units);
  const std::vector<std::string> partner_names = UniqueNames(*partners);
  if (unit_names.empty() || partner_names.empty()) Die("the demo has no units or partners");
  std::vector<int64_t> unit_ids, partner_ids;
  for (const auto& unit : *units) unit_ids.push_back(unit.id);
  for (const auto& partner : *partners) partner_ids.push_back(partner.id);

  const std::string cookie = samskab::bench::AdminSessionCookie(app, "import-bench@example.dk");

  const std::string backend =
      app.database().backend() == samskab::storage::Backend::kSqlite ? "SQLite" : "PostgreSQL";
  const auto run_id = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  std::vector<double> import_s, preview_s, anchor_s;
  size_t bytes = 0;
  for (int round = 0; round < rounds; ++round) {
    const std::string prefix = "Import " + run_id + "-" + std::to_string(round);
    const std::string file = File(prefix, unit_names, partner_names);
    bytes = file.size();
    preview_s.push_back(Seconds([&] {
      auto response = Post(app, "dry_run=true", file, cookie);
      if (response.status != 200)
        Die("preview answered " + std::to_string(response.status) + ": " + std::string(response.Body()));
    }));
    import_s.push_back(Seconds([&] {
      auto response = Post(app, "mode=all", file, cookie);
      if (response.status != 201)
        Die("import answered " + std::to_string(response.status) + ": " + std::string(response.Body()));
      const auto body = nlohmann::json::parse(response.Body());
      if (body["created"] != kRows) Die("import created " + body["created"].dump());
    }));
    anchor_s.push_back(Seconds([&] { BareInsertLoop(app, "Anker " + prefix, unit_ids, partner_ids); }));
  }
  std::sort(import_s.begin(), import_s.end());
  std::sort(preview_s.begin(), preview_s.end());
  std::sort(anchor_s.begin(), anchor_s.end());
  const auto median = [](const std::vector<double>& v) { return v[v.size() / 2]; };
  std::printf(
      "csv import, 10,000 rows (%zu bytes) on %s, %d rounds: median %.2f s, worst %.2f s (target <= 3 s); "
      "of which the preview (read, map, check) median %.2f s; bare prepared INSERT loop in one transaction "
      "median %.2f s; ratio %.2fx\n",
      bytes, backend.c_str(), rounds, median(import_s), import_s.back(), median(preview_s), median(anchor_s),
      median(import_s) / median(anchor_s));
  return 0;
}
