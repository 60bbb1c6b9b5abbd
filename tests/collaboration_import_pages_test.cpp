// The CSV import's pages end to end over HTTP, without JavaScript: the upload (multipart with the
// CSRF token as a field), the page of an upload with its mapping, preview and choice, the import
// and its result; a wrong encoding, a missing token, a mapping without a required field, another
// person's upload, and all-or-nothing against only the valid rows.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>

#include "core/text.h"
#include "support/test_support.h"
#include "web/views.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

constexpr char kPassword[] = "korrekt-hest-batteri";
constexpr char kBoundary[] = "----samskabTestBoundary7MA4YWxk";
constexpr char kImports[] = "/admin/0190/collaborations/import";

struct Session {
  std::string cookie;
  std::string csrf;
};

class CollaborationImportPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    domain::Unit top;
    top.kind = domain::UnitKind::kAdministration;
    top.name = "Velfærd";
    auto administration = server_->app().units().Create(domain::MunicipalityScope("0190"),
                                                        domain::Actor::System("test", "t"), top);
    ASSERT_TRUE(administration.ok());
    domain::Unit center;
    center.kind = domain::UnitKind::kCenter;
    center.name = "Center for Dagtilbud";
    center.parent_id = administration->id;
    ASSERT_TRUE(server_->app()
                    .units()
                    .Create(domain::MunicipalityScope("0190"), domain::Actor::System("test", "t"), center)
                    .ok());
    admin_ = LoginAs("admin");
  }

  Session LoginAs(const std::string& name) {
    static std::atomic<int> counter{0};
    const std::string email = fmt::format("{}-{}@import-pages.example", name, ++counter);
    server_->AddUser(email, kPassword, Grant{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt});
    Session session;
    session.cookie = server_->Login(email, kPassword);
    session.csrf = server_->CsrfFor(session.cookie);
    return session;
  }
  HttpResult Upload(const Session& session, const std::string& csv, const std::string& csrf) {
    std::string body;
    if (!csrf.empty()) {
      body += fmt::format("--{}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n",
                          kBoundary, csrf);
    }
    body += fmt::format(
        "--{}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"oversigt.csv\"\r\nContent-Type: "
        "text/csv\r\n\r\n{}\r\n--{}--\r\n",
        kBoundary, csv, kBoundary);
    return Send(server_->port(), "POST", kImports, body,
                {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary},
                 {"Cookie", session.cookie}});
  }
  HttpResult PostForm(const Session& session, const std::string& target, const std::string& fields) {
    return Send(server_->port(), "POST", target, "csrf_token=" + session.csrf + "&" + fields,
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", session.cookie}});
  }
  HttpResult GetAs(const Session& session, const std::string& target) {
    return Get(server_->port(), target, {{"Cookie", session.cookie}});
  }
  int64_t Count(const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  std::string Message(std::string_view key) {
    return web::EscapeHtml(server_->app().catalog().Get("da", key));
  }
  static bool Contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
  }

  std::unique_ptr<TestServer> server_;
  Session admin_;
};

constexpr char kFile[] =
    "Titel;Center/enhed;Startdato\r\n"
    "Læsevenner;Center for Dagtilbud;01-09-2026\r\n"
    "Forkert;Center for Teknik;2026-13-01\r\n";

TEST_F(CollaborationImportPagesTest, UploadMapPreviewImportAndSeeTheResult) {
  const HttpResult overview = GetAs(admin_, "/admin/0190/collaborations");
  EXPECT_TRUE(Contains(overview.body, std::string("href=\"") + kImports + "\""))
      << "a link from the overview";
  const HttpResult form = GetAs(admin_, kImports);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(Contains(form.body, "type=\"file\""));

  const HttpResult uploaded = Upload(admin_, kFile, admin_.csrf);
  ASSERT_EQ(uploaded.status, 303) << uploaded.body;
  const std::string page_path = uploaded.header("location");
  EXPECT_EQ(page_path.rfind(std::string(kImports) + "/", 0), 0u);
  EXPECT_EQ(Count("collaborations"), 0) << "nothing is imported before the choice";

  const HttpResult preview = GetAs(admin_, page_path);
  ASSERT_EQ(preview.status, 200);
  EXPECT_TRUE(
      Contains(preview.body, "<td>3</td><td>Center/enhed</td><td>" + Message("import.error.unknown_unit")));
  EXPECT_TRUE(Contains(preview.body, "<td>3</td><td>Startdato</td><td>" + Message("validation.date")));
  EXPECT_TRUE(Contains(preview.body, "name=\"column_1\""));
  EXPECT_TRUE(Contains(preview.body, "<option value=\"units\" selected>"));

  // All or nothing with a bad row: nothing, and the page says why.
  const HttpResult refused = PostForm(admin_, page_path + "/run", "mode=all");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, Message("import.refused")));
  EXPECT_EQ(Count("collaborations"), 0);

  const HttpResult imported = PostForm(admin_, page_path + "/run", "mode=valid_only");
  ASSERT_EQ(imported.status, 303) << imported.body;
  EXPECT_EQ(Count("collaborations"), 1);
  const HttpResult result = GetAs(admin_, page_path);
  EXPECT_TRUE(Contains(result.body, Message("import.result_heading")));
  EXPECT_TRUE(Contains(result.body, "<th scope=\"row\">" + Message("import.created") + "</th><td>1</td>"));
  // The file is gone once imported; running again changes nothing.
  auto lease = server_->app().database().Acquire();
  EXPECT_EQ((*lease)->Query("SELECT content FROM collaboration_imports")->front().Text(0), "");
  EXPECT_EQ(PostForm(admin_, page_path + "/run", "mode=valid_only").status, 303);
  EXPECT_EQ(Count("collaborations"), 1);
}

TEST_F(CollaborationImportPagesTest, AWindows1252FileIsRefusedAtTheUploadNamingTheLine) {
  const HttpResult result = Upload(admin_, "Titel;Center/enhed\r\nA;B\r\n\xC6ldre;B\r\n", admin_.csrf);
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(Contains(result.body, Message("csv.error.encoding")));
  EXPECT_TRUE(
      Contains(result.body, web::EscapeHtml(server_->app().catalog().Get("da", "import.error_line"))
                                .replace(std::string_view("Fejlen er fundet i linje ").size(), 6, "3")));
  EXPECT_EQ(Count("collaboration_imports"), 0);
}

TEST_F(CollaborationImportPagesTest, AnUploadWithoutItsTokenOrFileChangesNothing) {
  EXPECT_EQ(Upload(admin_, kFile, "").status, 403);
  EXPECT_EQ(Upload(admin_, kFile, std::string(64, 'a')).status, 403);
  const HttpResult empty = Upload(admin_, "", admin_.csrf);
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Contains(empty.body, Message("import.error.file_required")));
  const HttpResult broken =
      Send(server_->port(), "POST", kImports, "--x\r\nno headers",
           {{"Content-Type", "multipart/form-data; boundary=x"}, {"Cookie", admin_.cookie}});
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(Count("collaboration_imports"), 0);
  EXPECT_EQ(Count("collaborations"), 0);
}

TEST_F(CollaborationImportPagesTest, AMappingWithoutARequiredFieldIsNamedAndCannotRun) {
  const std::string page_path = Upload(admin_, kFile, admin_.csrf).header("location");
  ASSERT_FALSE(page_path.empty());
  const HttpResult saved =
      PostForm(admin_, page_path + "/mapping", "column_0=title&column_1=&column_2=starts_on");
  ASSERT_EQ(saved.status, 303);
  const HttpResult preview = GetAs(admin_, page_path);
  EXPECT_TRUE(Contains(preview.body, "<td>units</td><td>" + Message("import.error.missing_column")));
  EXPECT_FALSE(Contains(preview.body, "/run\"")) << "no import without the required fields";
  EXPECT_EQ(PostForm(admin_, page_path + "/run", "mode=valid_only").status, 422);
  EXPECT_EQ(Count("collaborations"), 0);
  // Without the token the mapping is not saved.
  const HttpResult forged =
      Send(server_->port(), "POST", page_path + "/mapping", "column_0=title&column_1=units",
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", admin_.cookie}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(Contains(GetAs(admin_, page_path).body, "<td>units</td>"));
}

TEST_F(CollaborationImportPagesTest, AnotherPersonsUploadIsNotFound) {
  const std::string page_path = Upload(admin_, kFile, admin_.csrf).header("location");
  const Session other = LoginAs("other");
  EXPECT_EQ(GetAs(other, page_path).status, 404);
  EXPECT_EQ(PostForm(other, page_path + "/run", "mode=valid_only").status, 404);
  EXPECT_EQ(Count("collaborations"), 0);
}

}  // namespace
}  // namespace samskab
