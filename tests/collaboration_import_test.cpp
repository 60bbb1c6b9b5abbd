// The CSV import (issue 4 item 6) end to end through POST /api/v1/collaborations/import, on SQLite
// and PostgreSQL: the memo's spreadsheet with Danish headers, labels, dates and yes/no cells;
// every problem by row and column; all-or-nothing leaves the registry as it was, valid-only
// imports exactly the valid rows; a re-import skips what is there; quotes, a formula, a wrong
// encoding, a missing column and 100,000 rows.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/collaboration_import.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Role;
using nlohmann::json;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;
using Headers = std::map<std::string, std::string>;

// The memo's columns, as a municipality's spreadsheet has them (`;`, Danish Excel).
constexpr char kHeader[] =
    "Titel;Center/enhed;Partner(e);Velfærdsområde;Målgruppe;Startdato;Slutdato;Status;Form;Postnummer;"
    "Lokaler stillet til rådighed;Kontaktperson\r\n";

class CollaborationImport : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    server_ = std::make_unique<TestServer>(nullptr, GetParam());
    admin_ = {{"Authorization", "Bearer " + server_->AddToken(Role::kMunicipalAdmin, "0190")},
              {"Content-Type", "text/csv"}};
    const int64_t administration = AddUnit(domain::UnitKind::kAdministration, "Velfærd", std::nullopt);
    health_ = AddUnit(domain::UnitKind::kCenter, "Center for Sundhed og Seniorliv", administration);
    daycare_ = AddUnit(domain::UnitKind::kCenter, "Center for Dagtilbud", administration);
    red_cross_ = AddOrganisation("Røde Kors Furesø", "humanitarian_association");
    AddOrganisation("Furesø Spejderne", "popular_education_association");
    server_->AddUser("medarbejder@furesoe.test", "en lang adgangskode",
                     domain::Grant{Role::kMunicipalEmployee, "0190", health_, std::nullopt});
    employee_ = {{"Cookie", server_->Login("medarbejder@furesoe.test", "en lang adgangskode")},
                 {"Content-Type", "text/csv"}};
  }

  int64_t AddUnit(domain::UnitKind kind, const std::string& name, std::optional<int64_t> parent) {
    domain::Unit unit;
    unit.kind = kind;
    unit.name = name;
    unit.parent_id = parent;
    auto created = server_->app().units().Create(domain::MunicipalityScope("0190"),
                                                 domain::Actor::System("test", "t"), unit);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? created->id : 0;
  }
  int64_t AddOrganisation(const std::string& name, const std::string& kind) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, is_public, municipality_code, created_at, updated_at) "
        "VALUES (?, ?, 1, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
        {name, kind});
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->front().Int(0) : 0;
  }
  int64_t Count(const std::string& sql) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query(sql);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  int64_t Collaborations() { return Count("SELECT COUNT(*) FROM collaborations"); }
  int64_t AuditEntries() { return Count("SELECT COUNT(*) FROM audit_log"); }
  HttpResult Import(const std::string& csv, const std::string& query = "", const Headers* headers = nullptr) {
    return Send(server_->port(), "POST", "/api/v1/collaborations/import" + query, csv,
                headers ? *headers : admin_);
  }
  static json Body(const HttpResult& result) { return json::parse(result.body, nullptr, false); }
  static std::vector<std::string> Fields(const HttpResult& result) {
    std::vector<std::string> fields;
    const json problem = Body(result);
    if (!problem.contains("errors")) return fields;
    for (const auto& error : problem["errors"])
      fields.push_back(error["field"].get<std::string>() + "=" + error["code"].get<std::string>());
    return fields;
  }
  std::vector<std::string> Titles() {
    const HttpResult list = Get(server_->port(), "/api/v1/collaborations?sort=title&limit=100",
                                {{"Authorization", admin_.at("Authorization")}});
    EXPECT_EQ(list.status, 200) << list.body;
    const json body = Body(list);
    std::vector<std::string> titles;
    for (const auto& item : body["items"]) titles.push_back(item["title"].get<std::string>());
    return titles;
  }

  // Two good rows and five bad ones (rows 2-8 of the spreadsheet).
  static std::string MixedFile() {
    return std::string(kHeader) +
           "Besøgsvenner;Center for Sundhed og Seniorliv;Røde Kors Furesø;Ældre;Ensomme;01-03-2026;;Aktiv;"
           "Løbende samarbejde;3520;x;ja\r\n"
           "Spejder i SFO;center for dagtilbud;Furesø Spejderne;Børn og unge;Børn;2026-08-01;2027-06-30;"
           "Planlagt;Ad hoc;;;\r\n"
           "Ukendt enhed;Center for Teknik;;;;;;;;;;\r\n"
           "Ukendt postnummer;Center for Dagtilbud;;;;;;;;9999;;\r\n"
           "Forkert dato;Center for Dagtilbud;;;;31-31-2026;;;;;;\r\n"
           "Slut før start;Center for Dagtilbud;;;;2026-05-01;2026-04-01;;;;;\r\n"
           "Ukendt partner og forkert ja/nej;Center for Dagtilbud;Ingen Forening;;;;;;;;måske;\r\n";
  }

  std::unique_ptr<TestServer> server_;
  Headers admin_, employee_;
  int64_t health_ = 0, daycare_ = 0, red_cross_ = 0;
};

TEST_P(CollaborationImport, TheMemosSpreadsheetImportsWithDanishHeadersLabelsAndDates) {
  const std::string file = std::string("\xEF\xBB\xBF") + kHeader +
                           "Besøgsvenner;Center for Sundhed og Seniorliv;Røde Kors Furesø;Ældre;Ensomme;"
                           "01-03-2026;31.12.2026;Aktiv;Løbende samarbejde;3520;x;ja\r\n";
  const HttpResult result = Import(file);
  ASSERT_EQ(result.status, 201) << result.body;
  const json body = Body(result);
  EXPECT_EQ(body["created"], 1);
  EXPECT_EQ(body["rows"], 1);
  EXPECT_EQ(body["mapping"][1]["field"], "units");
  EXPECT_EQ(body["mapping"][2]["field"], "partners");
  const json list =
      Body(Get(server_->port(), "/api/v1/collaborations", {{"Authorization", admin_.at("Authorization")}}));
  ASSERT_EQ(list["items"].size(), 1u);
  const json& c = list["items"][0];
  EXPECT_EQ(c["title"], "Besøgsvenner");
  EXPECT_EQ(c["unit_ids"], json({health_}));
  EXPECT_EQ(c["partner_ids"], json({red_cross_}));
  EXPECT_EQ(c["welfare_area"], "elderly");
  EXPECT_EQ(c["target_group"], "lonely");
  EXPECT_EQ(c["starts_on"], "2026-03-01");
  EXPECT_EQ(c["ends_on"], "2026-12-31");
  EXPECT_EQ(c["status"], "active");
  EXPECT_EQ(c["form"], "ongoing");
  EXPECT_EQ(c["postcode"], "3520");
  EXPECT_EQ(c["involvement_facts"]["rooms_lent"], true);
  EXPECT_EQ(c["involvement_facts"]["contact_person"], true);
  EXPECT_EQ(c["involvement_facts"]["coordination"], false);
  EXPECT_EQ(c["involvement_level"], "medium");  // the placement is derived as for any other
}

TEST_P(CollaborationImport, EveryProblemIsNamedByRowAndColumnAndAllOrNothingChangesNothing) {
  const int64_t audit = AuditEntries();
  const HttpResult result = Import(MixedFile(), "?mode=all");
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(Fields(result), (std::vector<std::string>{
                                "rows[4].Center/enhed=import.error.unknown_unit",
                                "rows[5].Postnummer=validation.postcode_unknown",
                                "rows[6].Startdato=validation.date",
                                "rows[7].Slutdato=collaboration.error.ends_before_start",
                                "rows[8].Partner(e)=import.error.unknown_partner",
                                "rows[8].Lokaler stillet til rådighed=import.error.boolean",
                            }));
  EXPECT_EQ(Body(result)["detail"],
            "Intet er importeret, fordi nogle rækker har problemer. Hver række og "
            "kolonne er nævnt.");
  EXPECT_EQ(Collaborations(), 0);
  EXPECT_EQ(AuditEntries(), audit);
}

TEST_P(CollaborationImport, TheDryRunPreviewsWithoutWriting) {
  const HttpResult result = Import(MixedFile(), "?dry_run=true");
  ASSERT_EQ(result.status, 200) << result.body;
  const json body = Body(result);
  EXPECT_EQ(body["rows"], 7);
  EXPECT_EQ(body["valid"], 2);
  EXPECT_EQ(body["rejected"], 5);
  EXPECT_EQ(body["created"], 0);
  EXPECT_EQ(body["imported"], false);
  ASSERT_EQ(body["problems"].size(), 6u);
  EXPECT_EQ(body["problems"][0]["row"], 4);
  EXPECT_EQ(body["problems"][0]["column"], "Center/enhed");
  EXPECT_EQ(body["problems"][0]["code"], "import.error.unknown_unit");
  EXPECT_EQ(Collaborations(), 0);
}

TEST_P(CollaborationImport, ValidOnlyImportsExactlyTheValidRowsAndOneAuditEntry) {
  const int64_t audit = AuditEntries();
  const HttpResult result = Import(MixedFile(), "?mode=valid_only");
  ASSERT_EQ(result.status, 201) << result.body;
  EXPECT_EQ(Body(result)["created"], 2);
  EXPECT_EQ(Body(result)["rejected"], 5);
  EXPECT_EQ(Titles(), (std::vector<std::string>{"Besøgsvenner", "Spejder i SFO"}));
  EXPECT_EQ(AuditEntries(), audit + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'collaboration.import'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM collaboration_units"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM collaboration_partners"), 2);
}

TEST_P(CollaborationImport, AReimportOfTheSameFileDoesNotDuplicateRows) {
  ASSERT_EQ(Import(MixedFile(), "?mode=valid_only").status, 201);
  const HttpResult again = Import(MixedFile(), "?mode=valid_only");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Body(again)["created"], 0);
  EXPECT_EQ(Body(again)["duplicates"], 2);
  EXPECT_EQ(Collaborations(), 2);
  // The same rows in another column order and with other spacing are the same rows.
  const std::string reordered =
      "Center/enhed,Titel,Startdato,Slutdato,Status,Form\n"
      "Center for Dagtilbud , Spejder i SFO,01-08-2026,30-06-2027,planned,ad_hoc\n";
  // Not the same content (no partner, no vocabulary): a new row, so it is created.
  EXPECT_EQ(Body(Import(reordered, "?dry_run=true"))["valid"], 1);
}

TEST_P(CollaborationImport, QuotesLineBreaksAndSeparatorsInsideFieldsAreKept) {
  const std::string file =
      "Titel;Center/enhed;Beskrivelse\r\n"
      "\"Læsevenner \"\"Bogorm\"\"; Farum\";Center for Dagtilbud;\"To linjer\r\nmed; semikolon\"\r\n";
  const HttpResult result = Import(file);
  ASSERT_EQ(result.status, 201) << result.body;
  const json list =
      Body(Get(server_->port(), "/api/v1/collaborations", {{"Authorization", admin_.at("Authorization")}}));
  EXPECT_EQ(list["items"][0]["title"], "Læsevenner \"Bogorm\"; Farum");
  EXPECT_EQ(list["items"][0]["description"], "To linjer\r\nmed; semikolon");
}

TEST_P(CollaborationImport, AFormulaIsStoredAsTextAndEscapedOnExport) {
  const std::string file =
      "Titel;Center/enhed\r\n\"=HYPERLINK(\"\"http://evil.example\"\";\"\"Klik\"\")\";Center for "
      "Dagtilbud\r\n";
  ASSERT_EQ(Import(file).status, 201);
  const json list =
      Body(Get(server_->port(), "/api/v1/collaborations", {{"Authorization", admin_.at("Authorization")}}));
  EXPECT_EQ(list["items"][0]["title"], "=HYPERLINK(\"http://evil.example\";\"Klik\")");
  const HttpResult csv = Get(server_->port(), "/api/v1/collaborations?format=csv",
                             {{"Authorization", admin_.at("Authorization")}});
  EXPECT_NE(csv.body.find(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klik\"\")\";"), std::string::npos);
  // Our export re-imports: its headers map by themselves and its escape is taken off again, so
  // the preview finds the same title with no problem.
  const HttpResult preview = Import(csv.body, "?dry_run=true");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(Body(preview)["problems"], json::array());
  EXPECT_EQ(Body(preview)["rows"], 1);
  EXPECT_EQ(Body(preview)["mapping"][1]["field"], "title");
  EXPECT_EQ(Body(preview)["mapping"][0]["field"], nullptr);  // the id is ours, not imported
}

TEST_P(CollaborationImport, AWindows1252FileIsRefusedNamingTheLine) {
  const std::string file =
      "Titel;Center/enhed\r\nA;Center for Dagtilbud\r\n\xC6ldre;Center for Dagtilbud\r\n";
  const HttpResult result = Import(file, "?mode=valid_only");
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(Fields(result), (std::vector<std::string>{"lines[3]=csv.error.encoding"}));
  EXPECT_NE(Body(result)["detail"].get<std::string>().find("CSV UTF-8"), std::string::npos);
  EXPECT_EQ(Collaborations(), 0);
}

TEST_P(CollaborationImport, ARequiredFieldThatIsNotMappedIsNamed) {
  const HttpResult result = Import("Titel;Beskrivelse\r\nA;B\r\n");
  ASSERT_EQ(result.status, 422);
  EXPECT_EQ(Fields(result), (std::vector<std::string>{"mapping.units=import.error.missing_column"}));
  // A mapping given in the query replaces the automatic one; a field twice is refused too.
  const HttpResult twice =
      Import("Titel;Enhed;Andet\r\nA;Center for Dagtilbud;x\r\n", "?mapping=title,units,title");
  EXPECT_EQ(Fields(twice), (std::vector<std::string>{"mapping.Andet=import.error.mapped_twice"}));
  const HttpResult mapped =
      Import("Navn på forløb;Hvor\r\nA;Center for Dagtilbud\r\n", "?mapping=title,units");
  EXPECT_EQ(mapped.status, 201) << mapped.body;
  EXPECT_EQ(Collaborations(), 1);
}

TEST_P(CollaborationImport, UnitsOutsideTheEmployeesReachAreProblemsForTheirRows) {
  const std::string file =
      "Titel;Center/enhed\r\nEgen;Center for Sundhed og Seniorliv\r\nAndres;Center for Dagtilbud\r\n";
  const HttpResult result = Import(file, "", &employee_);
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(Fields(result), (std::vector<std::string>{"rows[3].Center/enhed=import.error.unit_not_yours"}));
  EXPECT_EQ(Collaborations(), 0);
}

TEST_P(CollaborationImport, AHundredThousandRowsAreRefusedAboveTheDocumentedMaximum) {
  std::string file = "Titel;Center/enhed\n";
  for (int i = 0; i < 100000; ++i) file += "Forløb " + std::to_string(i) + ";Center for Dagtilbud\n";
  const HttpResult result = Import(file, "?mode=valid_only");
  ASSERT_EQ(result.status, 422) << result.body.substr(0, 300);
  EXPECT_EQ(
      Fields(result),
      (std::vector<std::string>{fmt::format("lines[{}]=csv.error.too_many_rows", api::kMaxImportRows + 2)}));
  EXPECT_NE(Body(result)["detail"].get<std::string>().find("20.000"), std::string::npos);
  EXPECT_EQ(Collaborations(), 0);
}

TEST_P(CollaborationImport, OnlyCsvIsTakenAndBadParametersAreNamed) {
  Headers json_headers = admin_;
  json_headers["Content-Type"] = "application/json";
  EXPECT_EQ(Import("{}", "", &json_headers).status, 415);
  const HttpResult bad = Import("Titel;Enhed\r\n", "?mode=some&dry_run=maybe");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{"mode=import.error.mode", "dry_run=validation.type_boolean"}));
}

TEST(CollaborationImportMapping, OurExportsAndTheMemosHeadersMapThemselves) {
  const auto translate = [](std::string_view, std::string_view key) {
    return key == "overview.column.units" ? std::string("Enheder") : std::string(key);
  };
  EXPECT_EQ(api::AutoMapping({"Titel", "Center/enhed", "Partner(e)", "Velfærdsområde", "Målgruppe",
                              "Startdato", "Slutdato", "Status", "Form", "Postnummer", "Noter"},
                             translate),
            (api::ColumnMapping{"title", "units", "partners", "welfare_area", "target_group", "starts_on",
                                "ends_on", "status", "form", "postcode", ""}));
  // A field is offered once: the second column with the same meaning is left out.
  EXPECT_EQ(api::AutoMapping({"Enheder", "Center"}, translate), (api::ColumnMapping{"units", ""}));
}

INSTANTIATE_TEST_SUITE_P(Backends, CollaborationImport,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace samskab
