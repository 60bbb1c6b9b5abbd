// The partner organisation's approval of offers for vulnerable needs end to end
// (docs/decisions/0018-approval.md). Over the API on SQLite and PostgreSQL: the staff ask, asking
// twice changes nothing, a need that is not vulnerable is refused, an unknown offer or one the
// municipality may not see is 404, only the need's partner decides (another organisation 404, a
// platform admin 403), If-Match, direct contact only when the partner allows it. On the pages: the
// staff's need page asks, the partner's page decides (CSRF, bad input named, nothing changed).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "support/market_fixture.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using nlohmann::json;
using testing::FormFields;
using testing::Get;
using testing::GetPage;
using testing::HttpResult;
using testing::PageSession;
using testing::PostPage;
using testing::Send;
using testing::TestServer;
using Headers = std::map<std::string, std::string>;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A municipality with a vulnerable need (partner: a refugee association) and a plain one, and a
// company's offers: one offered to the municipality, one to another municipality only.
class ApprovalWorld {
 public:
  explicit ApprovalWorld(storage::Backend backend) : server(nullptr, backend) {
    admin = {{"Authorization", "Bearer " + server.AddToken(Role::kMunicipalAdmin, "0190")},
             {"Content-Type", "application/json"}};
    unit =
        server.AddUnit("0190", domain::UnitKind::kAdministration, "Center for Integration", std::nullopt).id;
    partner = AddOrganisation("Dansk Flygtningehjælp Furesø", "humanitarian_association");
    other = AddOrganisation("Mødrehjælpen", "humanitarian_association");
    company = AddOrganisation("Byggefirma A/S", "company");
    partner_admin = server.LogInNew("dfh", Grant{Role::kOrganisationAdmin, "", std::nullopt, partner});
    other_admin = server.LogInNew("moedre", Grant{Role::kOrganisationAdmin, "", std::nullopt, other});
    company_admin = server.LogInNew("firma", Grant{Role::kOrganisationAdmin, "", std::nullopt, company});
    platform = server.LogInNew("drift", Grant{Role::kPlatformAdmin, "", std::nullopt, std::nullopt});
    staff = server.LogInNew("medarbejder", Grant{Role::kMunicipalEmployee, "0190", unit, std::nullopt});
    need = CreateNeed(true);
    plain_need = CreateNeed(false);
    offer = CreateOffer({"0190"});
    elsewhere_offer = CreateOffer({"0851"});
  }
  int64_t AddOrganisation(const std::string& name, const std::string& kind) {
    return testing::InsertOrganisation(server.app().database(), name, kind);
  }
  int64_t CreateNeed(bool vulnerable) {
    json body = {{"unit_id", unit},
                 {"title", vulnerable ? "Udflugt for nyankomne familier" : "Maling af klubhuset"},
                 {"target_group", "refugees_and_immigrants"},
                 {"vulnerable", vulnerable}};
    if (vulnerable) body["partner_organisation_id"] = partner;
    HttpResult created = Call("POST", "/api/v1/needs", body, admin);
    EXPECT_EQ(created.status, 201) << created.body;
    return json::parse(created.body).value("id", int64_t{0});
  }
  int64_t CreateOffer(std::vector<std::string> municipalities) {
    domain::OfferViewer owner;
    owner.everything = true;
    auto created = server.app().offers().Create(owner, domain::Actor::System("test", "test"),
                                                testing::EventDayOffer(company, std::move(municipalities)));
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->id : 0;
  }
  HttpResult Call(const std::string& method, const std::string& target, const json& body, Headers headers,
                  const std::string& etag = "") {
    if (!etag.empty()) headers["If-Match"] = etag;
    return Send(server.port(), method, target, body.is_null() ? "" : body.dump(), headers);
  }
  static Headers As(const PageSession& session) {
    return {{"Cookie", session.cookie}, {"Content-Type", "application/json"}};
  }
  int64_t Count(const std::string& table_and_where) {
    auto lease = server.app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table_and_where);
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  std::string AskPath() const { return "/api/v1/needs/" + std::to_string(need) + "/approvals"; }
  std::string DecidePath(int64_t organisation) const {
    return fmt::format("/api/v1/organisations/{}/need-approvals/{}/{}", organisation, need, offer);
  }

  TestServer server;
  Headers admin;
  PageSession partner_admin, other_admin, company_admin, platform, staff;
  int64_t unit = 0, partner = 0, other = 0, company = 0;
  int64_t need = 0, plain_need = 0, offer = 0, elsewhere_offer = 0;
};

class NeedApprovalsApi : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    if (!testing::PostgresAvailable(GetParam())) GTEST_SKIP() << "PostgreSQL tests skipped";
    world_ = std::make_unique<ApprovalWorld>(GetParam());
  }
  std::unique_ptr<ApprovalWorld> world_;
};

TEST_P(NeedApprovalsApi, TheStaffAskTheNeedsPartnerDecidesAndDirectContactNeedsItsPermission) {
  ApprovalWorld& w = *world_;
  HttpResult asked = w.Call("POST", w.AskPath(), {{"offer_id", w.offer}}, w.admin);
  ASSERT_EQ(asked.status, 201) << asked.body;
  json approval = json::parse(asked.body);
  EXPECT_EQ(approval["decision"], "pending");
  EXPECT_EQ(approval["direct_contact"], false);
  EXPECT_EQ(approval["organisation_id"], w.partner);
  EXPECT_EQ(approval["offer_owner_name"], "Byggefirma A/S");
  EXPECT_EQ(w.Count("outbox WHERE recipient LIKE 'dfh%'"), 1);
  // Twice: the same approval, 200, nothing new.
  HttpResult again = w.Call("POST", w.AskPath(), {{"offer_id", w.offer}}, w.admin);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(w.Count("need_approvals"), 1);
  EXPECT_EQ(w.Count("outbox WHERE recipient LIKE 'dfh%'"), 1);
  HttpResult listed = Get(w.server.port(), w.AskPath(), w.admin);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(json::parse(listed.body)["items"].size(), 1u);

  // The partner's list; another organisation sees nothing and cannot decide.
  const std::string list = fmt::format("/api/v1/organisations/{}/need-approvals?decision=pending", w.partner);
  HttpResult mine = Get(w.server.port(), list, ApprovalWorld::As(w.partner_admin));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(json::parse(mine.body)["total"], 1);
  EXPECT_EQ(Get(w.server.port(), w.DecidePath(w.other), ApprovalWorld::As(w.other_admin)).status, 404);
  EXPECT_EQ(w.Call("PUT", w.DecidePath(w.other), {{"decision", "approved"}}, ApprovalWorld::As(w.other_admin),
                   "\"need_approval-1.1-1\"")
                .status,
            404);
  // Someone else's organisation in the URL: not found (the policy's rule for organisation routes).
  EXPECT_EQ(w.Call("PUT", w.DecidePath(w.partner), {{"decision", "approved"}},
                   ApprovalWorld::As(w.other_admin), asked.header("etag"))
                .status,
            404);
  EXPECT_EQ(w.Call("PUT", w.DecidePath(w.partner), {{"decision", "approved"}}, w.admin, asked.header("etag"))
                .status,
            403);
  // A platform admin passes the organisation routes but does not decide for the partner.
  HttpResult operator_decides = w.Call("PUT", w.DecidePath(w.partner), {{"decision", "approved"}},
                                       ApprovalWorld::As(w.platform), asked.header("etag"));
  EXPECT_EQ(operator_decides.status, 403) << operator_decides.body;
  EXPECT_TRUE(Contains(operator_decides.body, "administratorer")) << operator_decides.body;

  const Headers partner = ApprovalWorld::As(w.partner_admin);
  HttpResult read = Get(w.server.port(), w.DecidePath(w.partner), partner);
  ASSERT_EQ(read.status, 200);
  const std::string etag = read.header("etag");
  EXPECT_EQ(etag, asked.header("etag"));
  // If-Match is required; bad input is named and changes nothing.
  EXPECT_EQ(w.Call("PUT", w.DecidePath(w.partner), {{"decision", "approved"}}, partner).status, 428);
  HttpResult bad =
      w.Call("PUT", w.DecidePath(w.partner),
             {{"decision", "declined"}, {"direct_contact", true}, {"colour", "blue"}}, partner, etag);
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  const json bad_problems = json::parse(bad.body)["errors"];
  for (const auto& problem : bad_problems) fields.insert(problem["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"direct_contact", "colour"}));
  EXPECT_EQ(w.Call("PUT", w.DecidePath(w.partner), {{"decision", "pending"}}, partner, etag).status, 422);
  EXPECT_EQ(w.Count("need_approvals WHERE decision = 'pending'"), 1);

  // Approved without saying so: no direct contact. Then allowed deliberately.
  HttpResult approved = w.Call("PUT", w.DecidePath(w.partner),
                               {{"decision", "approved"}, {"note", "Som eksterne."}}, partner, etag);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json::parse(approved.body)["decision"], "approved");
  EXPECT_EQ(json::parse(approved.body)["direct_contact"], false);
  EXPECT_EQ(w.Call("PUT", w.DecidePath(w.partner), {{"decision", "approved"}}, partner, etag).status, 412);
  HttpResult contact =
      w.Call("PUT", w.DecidePath(w.partner), {{"decision", "approved"}, {"direct_contact", true}}, partner,
             approved.header("etag"));
  ASSERT_EQ(contact.status, 200) << contact.body;
  EXPECT_EQ(json::parse(contact.body)["direct_contact"], true);
  EXPECT_EQ(w.Count("audit_log WHERE action = 'need_approval.decide'"), 2);
  // Decided: asking again is a clear conflict.
  HttpResult conflict = w.Call("POST", w.AskPath(), {{"offer_id", w.offer}}, w.admin);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
}

// Another partner organisation for the need: its admins are told that an approval waits for them.
TEST_P(NeedApprovalsApi, ANewPartnersAdminsAreToldThatTheApprovalsWaitForThem) {
  ApprovalWorld& w = *world_;
  ASSERT_EQ(w.Call("POST", w.AskPath(), {{"offer_id", w.offer}}, w.admin).status, 201);
  const std::string path = "/api/v1/needs/" + std::to_string(w.need);
  HttpResult read = Get(w.server.port(), path, w.admin);
  ASSERT_EQ(read.status, 200) << read.body;
  HttpResult moved =
      w.Call("PATCH", path, {{"partner_organisation_id", w.other}}, w.admin, read.header("etag"));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(w.Count("outbox WHERE recipient LIKE 'moedre%'"), 1);
  EXPECT_EQ(w.Count("outbox WHERE recipient LIKE 'dfh%'"), 1)
      << "the former partner was told when asked, once";
}

TEST_P(NeedApprovalsApi, BadAsksAreRefusedClearlyAndNothingChanges) {
  ApprovalWorld& w = *world_;
  const Headers aalborg = {{"Authorization", "Bearer " + w.server.AddToken(Role::kMunicipalAdmin, "0851")},
                           {"Content-Type", "application/json"}};
  const int64_t audit = w.Count("audit_log");
  HttpResult plain = w.Call("POST", "/api/v1/needs/" + std::to_string(w.plain_need) + "/approvals",
                            {{"offer_id", w.offer}}, w.admin);
  EXPECT_EQ(plain.status, 422) << plain.body;
  EXPECT_TRUE(Contains(plain.body, "sårbar")) << plain.body;
  EXPECT_EQ(w.Call("POST", w.AskPath(), {{"offer_id", 999999}}, w.admin).status, 404);
  EXPECT_EQ(w.Call("POST", w.AskPath(), {{"offer_id", w.elsewhere_offer}}, w.admin).status, 404);
  HttpResult no_offer = w.Call("POST", w.AskPath(), {{"offer", "x"}}, w.admin);
  ASSERT_EQ(no_offer.status, 422);
  std::set<std::string> fields;
  const json problems = json::parse(no_offer.body)["errors"];
  for (const auto& problem : problems) fields.insert(problem["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"offer", "offer_id"}));
  // Another municipality's admin: the need is not found.
  EXPECT_EQ(w.Call("POST", w.AskPath(), {{"offer_id", w.offer}}, aalborg).status, 404);
  EXPECT_EQ(Get(w.server.port(), w.AskPath(), aalborg).status, 404);
  EXPECT_EQ(w.Count("need_approvals"), 0);
  EXPECT_EQ(w.Count("audit_log"), audit);
  EXPECT_EQ(w.Count("outbox WHERE recipient LIKE 'dfh%'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, NeedApprovalsApi,
                         ::testing::Values(storage::Backend::kSqlite, storage::Backend::kPostgres),
                         testing::BackendName);

// Twenty to a page in each part; each part's links keep the other part's page, and so do the forms.
TEST(NeedApprovalPages, ThePartnersPagePagesTheWaitingAndTheDecidedApartTwentyAtATime) {
  ApprovalWorld w(storage::Backend::kSqlite);
  std::vector<int64_t> offers{w.offer};
  for (int i = 0; i < 23; ++i) offers.push_back(w.CreateOffer({"0190"}));
  for (const int64_t offer : offers)
    ASSERT_EQ(w.Call("POST", w.AskPath(), {{"offer_id", offer}}, w.admin).status, 201);
  const std::string partner_page = fmt::format("/organisations/{}/need-approvals", w.partner);
  const auto sections = [](const std::string& body) {
    int n = 0;
    for (size_t at = 0; (at = body.find("<section class=\"mt-6\" id=\"approval-", at)) != std::string::npos;
         ++at)
      ++n;
    return n;
  };
  const auto key = [&](int64_t offer) { return fmt::format("id=\"approval-{}-{}\"", w.need, offer); };
  HttpResult first = GetPage(w.server.port(), w.partner_admin, partner_page);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(sections(first.body), 20);
  EXPECT_TRUE(Contains(first.body, "(24)"));
  EXPECT_TRUE(Contains(first.body, "Side 1 af 2"));
  EXPECT_TRUE(Contains(first.body, "href=\"" + partner_page + "?page=2&amp;decided_page=1#pending\""));
  EXPECT_FALSE(Contains(first.body, key(w.offer))) << "the oldest request is on the second page";
  HttpResult second = GetPage(w.server.port(), w.partner_admin, partner_page + "?page=2");
  EXPECT_EQ(sections(second.body), 4);
  EXPECT_TRUE(Contains(second.body, key(w.offer)));
  EXPECT_TRUE(Contains(second.body, fmt::format("action=\"{}/{}/{}?page=2&amp;decided_page=1\"", partner_page,
                                                w.need, w.offer)))
      << "a form sent back with problems shows this page again";
  EXPECT_EQ(sections(GetPage(w.server.port(), w.partner_admin, partner_page + "?page=x").body), 20)
      << "a page that is no number is the first";
  const std::string suffix = fmt::format("_{}_{}", w.need, w.offer);
  HttpResult decided_there =
      PostPage(w.server.port(), w.partner_admin,
               fmt::format("{}/{}/{}?page=2&decided_page=1", partner_page, w.need, w.offer),
               {{"decision" + suffix, "approved"}, {"revision", "1"}});
  ASSERT_EQ(decided_there.status, 303) << decided_there.body;
  EXPECT_EQ(decided_there.header("location"),
            partner_page + "?page=2&decided_page=1&notice=need_approval.decided");

  // Twenty-one decided: the decided table pages by its own parameter.
  {
    auto lease = w.server.app().database().Acquire();
    ASSERT_TRUE(lease.ok());
    auto done = (*lease)->Execute(
        "UPDATE need_approvals SET decision = 'declined', decided_at = requested_at WHERE offer_id NOT IN "
        "(?, ?, ?)",
        {offers[offers.size() - 1], offers[offers.size() - 2], offers[offers.size() - 3]});
    ASSERT_TRUE(done.ok()) << done.status().log_message();
    EXPECT_EQ(*done, 21);
  }
  HttpResult decided = GetPage(w.server.port(), w.partner_admin, partner_page + "?page=1&decided_page=2");
  ASSERT_EQ(decided.status, 200);
  EXPECT_EQ(sections(decided.body), 3);
  EXPECT_TRUE(Contains(decided.body, "(21)"));
  EXPECT_TRUE(Contains(decided.body, key(w.offer)))
      << "the oldest decided is on the decided part's second page";
  EXPECT_TRUE(Contains(decided.body, "href=\"" + partner_page + "#decided\"")) << "back to the first pages";
}

TEST(NeedApprovalPages, TheStaffAskOnTheNeedPageAndThePartnerDecidesOnItsPage) {
  ApprovalWorld w(storage::Backend::kSqlite);
  const std::string need_page = fmt::format("/admin/0190/needs/{}", w.need);
  HttpResult page = GetPage(w.server.port(), w.staff, need_page);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "id=\"approvals\""));
  EXPECT_TRUE(Contains(page.body, "name=\"offer_id\""));
  // The plain need has no approval section.
  EXPECT_FALSE(
      Contains(GetPage(w.server.port(), w.staff, fmt::format("/admin/0190/needs/{}", w.plain_need)).body,
               "id=\"approvals\""));
  // Without the CSRF token: 403, nothing asked; without an offer: the page says so.
  EXPECT_EQ(
      PostPage(w.server.port(), w.staff, need_page + "/approvals", {{"offer_id", std::to_string(w.offer)}},
               /*with_csrf=*/false)
          .status,
      403);
  EXPECT_EQ(PostPage(w.server.port(), w.staff, "/admin/0190/needs/999999/approvals", {{"offer_id", "1"}},
                     /*with_csrf=*/false)
                .status,
            403);
  HttpResult empty = PostPage(w.server.port(), w.staff, need_page + "/approvals", {{"offer_id", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(w.Count("need_approvals"), 0);
  HttpResult asked =
      PostPage(w.server.port(), w.staff, need_page + "/approvals", {{"offer_id", std::to_string(w.offer)}});
  ASSERT_EQ(asked.status, 303) << asked.body;
  EXPECT_EQ(asked.header("location"), need_page + "?notice=need_approval.asked#approvals");
  EXPECT_TRUE(Contains(GetPage(w.server.port(), w.staff, need_page).body, "Afventer partneren"));

  const std::string partner_page = fmt::format("/organisations/{}/need-approvals", w.partner);
  HttpResult waiting = GetPage(w.server.port(), w.partner_admin, partner_page);
  ASSERT_EQ(waiting.status, 200);
  EXPECT_TRUE(Contains(waiting.body, "Medarbejderdag: udflugt til skoven"));
  EXPECT_TRUE(Contains(waiting.body, "Udflugt for nyankomne familier"));
  const std::string suffix = fmt::format("_{}_{}", w.need, w.offer);
  const std::string decide = fmt::format("{}/{}/{}", partner_page, w.need, w.offer);
  // Another organisation's admin does not reach the partner's page or its forms.
  EXPECT_EQ(GetPage(w.server.port(), w.other_admin, partner_page).status, 404);
  EXPECT_TRUE(Contains(
      GetPage(w.server.port(), w.other_admin, fmt::format("/organisations/{}/need-approvals", w.other)).body,
      "Der er ingen tilbud, som venter"));
  EXPECT_EQ(PostPage(w.server.port(), w.partner_admin, decide,
                     {{"decision" + suffix, "approved"}, {"revision", "1"}},
                     /*with_csrf=*/false)
                .status,
            403);
  // Declined with contact: named at its box, nothing changed.
  HttpResult refused =
      PostPage(w.server.port(), w.partner_admin, decide,
               {{"decision" + suffix, "declined"}, {"direct_contact" + suffix, "1"}, {"revision", "1"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "href=\"#direct_contact" + suffix + "\""));
  EXPECT_EQ(w.Count("need_approvals WHERE decision = 'pending'"), 1);
  HttpResult decided =
      PostPage(w.server.port(), w.partner_admin, decide,
               {{"decision" + suffix, "approved"}, {"note" + suffix, "Som eksterne."}, {"revision", "1"}});
  ASSERT_EQ(decided.status, 303) << decided.body;
  EXPECT_EQ(w.Count("need_approvals WHERE decision = 'approved' AND direct_contact = 0"), 1);
  EXPECT_EQ(w.Count("outbox WHERE recipient LIKE 'medarbejder%'"), 1);
  const std::string shown = GetPage(w.server.port(), w.staff, need_page).body;
  EXPECT_TRUE(Contains(shown, "Godkendt"));
  EXPECT_TRUE(Contains(shown, "Som eksterne."));
}

}  // namespace
}  // namespace samskab
