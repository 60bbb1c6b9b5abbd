// Every route × every role, against one table. Adding a route without a row here fails the
// test; so does a row for a route that no longer exists. The table is the product's access
// rules in one readable place: change it deliberately, never to make a test pass.
//
// Two checks: the policy's decision for every route and every principal (fast, complete), and
// end-to-end through the running server for every GET route (real sessions, real tokens), so
// that the dispatcher is proven to apply the decision.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "domain/access/policy.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Principal;
using domain::Role;
using testing::Get;
using testing::HttpResult;
using testing::TestServer;

// The principals, by name. "other_admin" is the municipal admin of another municipality (0851
// Aalborg); the routes' municipality is 0190 Furesø and their organisation is number 1.
const std::vector<std::string>& Principals() {
  static const std::vector<std::string> principals = {
      "public",          "volunteer",   "organisation_member", "organisation_admin", "municipal_employee",
      "municipal_admin", "other_admin", "platform_admin",      "token_employee",     "token_admin"};
  return principals;
}

using Who = std::set<std::string>;

// "METHOD pattern" -> who may use it.
const std::map<std::string, Who>& Table() {
  const Who kEveryone(Principals().begin(), Principals().end());
  const Who kSignedIn = [&] {
    Who who = kEveryone;
    who.erase("public");
    return who;
  }();
  const Who kPeople = [&] {
    Who who = kSignedIn;
    who.erase("token_employee");
    who.erase("token_admin");
    return who;
  }();
  // API routes without a municipality in the path work in the caller's own municipality, so the
  // other municipality's admin is allowed there (and sees only Aalborg's data: see
  // tests/units_api_test.cpp); routes with {municipality} are 0190's, where they are not.
  const Who kStaff = {"municipal_employee", "municipal_admin", "other_admin",
                      "platform_admin",     "token_employee",  "token_admin"};
  const Who kAdmins = {"municipal_admin", "other_admin", "platform_admin", "token_admin"};
  const Who kMunicipalAdmins = {"municipal_admin", "platform_admin", "token_admin"};
  // 0190's staff pages (the collaboration registry): its employees and admins, the platform admin
  // and 0190's tokens; another municipality's admin gets "not found".
  const Who kMunicipalStaff = {"municipal_employee", "municipal_admin", "platform_admin", "token_employee",
                               "token_admin"};
  const Who kPlatform = {"platform_admin"};
  const Who kOrganisationAdmins = {"organisation_admin", "platform_admin"};

  static const std::map<std::string, Who> table = {
      // Public pages and operations.
      {"GET /", kEveryone},
      {"GET /contact", kEveryone},
      {"POST /contact", kEveryone},
      {"GET /contact/sent", kEveryone},
      {"GET /language", kEveryone},
      {"GET /static/{*path}", kEveryone},
      {"GET /healthz", kEveryone},
      {"GET /readyz", kEveryone},
      {"GET /metrics", kPlatform},
      // Logging in, links from e-mails.
      {"GET /login", kEveryone},
      {"POST /login", kEveryone},
      {"GET /reset", kEveryone},
      {"POST /reset", kEveryone},
      {"GET /reset/sent", kEveryone},
      {"GET /reset/{token}", kEveryone},
      {"POST /reset/{token}", kEveryone},
      {"GET /verify/{token}", kEveryone},
      {"GET /invitation/{token}", kEveryone},
      {"POST /invitation/{token}", kEveryone},
      {"GET /privacy", kEveryone},
      {"GET /model/quadrants/{quadrant}", kEveryone},
      {"GET /account/erased", kEveryone},
      // A person's own account (not API tokens).
      {"POST /logout", kPeople},
      {"GET /account", kPeople},
      {"POST /account/password", kPeople},
      {"POST /account/verification", kPeople},
      {"POST /account/logout-everywhere", kPeople},
      {"GET /account/data", kPeople},
      {"GET /account/data.json", kPeople},
      {"POST /account/erase", kPeople},
      // A person's own offers and their organisations'; the public lists of needs and offers.
      {"GET /account/offers", kPeople},
      {"GET /account/offers/new", kPeople},
      {"POST /account/offers/new", kPeople},
      {"GET /account/offers/{id}", kPeople},
      {"GET /account/offers/{id}/edit", kPeople},
      {"POST /account/offers/{id}/edit", kPeople},
      {"POST /account/offers/{id}/status", kPeople},
      // An offer's proposals: the owner's page (anyone else's offer is "not found" there).
      {"GET /account/offers/{id}/matches", kPeople},
      {"POST /account/offers/{id}/matches/mark", kPeople},
      {"GET /needs", kEveryone},
      {"GET /offers", kEveryone},
      // The JSON API.
      {"GET /api/v1/openapi.json", kEveryone},
      {"GET /api/v1/municipalities", kEveryone},
      {"GET /api/v1/opportunities/search", kEveryone},
      {"GET /api/v1/municipalities/{code}", kEveryone},
      {"GET /api/v1/me", kSignedIn},
      {"GET /api/v1/units", kStaff},
      {"POST /api/v1/units", kAdmins},
      {"GET /api/v1/units/{id}", kStaff},
      {"PATCH /api/v1/units/{id}", kAdmins},
      {"DELETE /api/v1/units/{id}", kAdmins},
      {"POST /api/v1/advisor", kStaff},
      {"GET /api/v1/vocabularies/{vocabulary}", kStaff},
      {"POST /api/v1/vocabularies/{vocabulary}", kAdmins},
      {"DELETE /api/v1/vocabularies/{vocabulary}/{key}", kAdmins},
      {"GET /api/v1/collaborations", kStaff},
      {"POST /api/v1/collaborations", kStaff},
      {"POST /api/v1/collaborations/import", kStaff},
      {"GET /api/v1/collaborations/{id}", kStaff},
      {"PATCH /api/v1/collaborations/{id}", kStaff},
      {"DELETE /api/v1/collaborations/{id}", kStaff},
      {"GET /api/v1/matrix", kStaff},
      // Needs (the municipality's staff) and offers (anyone signed in sees what they may; owners change).
      {"GET /api/v1/needs", kStaff},
      {"POST /api/v1/needs", kStaff},
      {"GET /api/v1/needs/{id}", kStaff},
      {"PUT /api/v1/needs/{id}", kStaff},
      {"PATCH /api/v1/needs/{id}", kStaff},
      {"DELETE /api/v1/needs/{id}", kStaff},
      {"GET /api/v1/public/needs", kEveryone},
      {"GET /api/v1/public/needs/{id}", kEveryone},
      {"GET /api/v1/offers", kSignedIn},
      {"POST /api/v1/offers", kSignedIn},
      {"GET /api/v1/offers/{id}", kSignedIn},
      {"PUT /api/v1/offers/{id}", kSignedIn},
      {"PATCH /api/v1/offers/{id}", kSignedIn},
      {"DELETE /api/v1/offers/{id}", kSignedIn},
      {"GET /api/v1/public/offers", kEveryone},
      {"GET /api/v1/public/offers/{id}", kEveryone},
      // An offer's matches: whoever sees the offer (owner, staff of an offered municipality; the
      // handler answers "not found" to anyone else); an organisation's: its admins and members and
      // platform admins (the handler again). docs/decisions/0016-offermatch.md.
      {"GET /api/v1/offers/{id}/matches", kSignedIn},
      {"PUT /api/v1/offers/{id}/matches/{candidate_kind}/{candidate_id}/mark", kSignedIn},
      {"DELETE /api/v1/offers/{id}/matches/{candidate_kind}/{candidate_id}/mark", kSignedIn},
      {"GET /api/v1/organisations/{organisation}/matches", kSignedIn},
      {"GET /api/v1/collaborations/{id}/agreements", kStaff},
      {"POST /api/v1/collaborations/{id}/agreements", kStaff},
      {"GET /api/v1/agreements/{id}", kStaff},
      {"PATCH /api/v1/agreements/{id}", kStaff},
      {"DELETE /api/v1/agreements/{id}", kStaff},
      {"GET /api/v1/me/tasks", kPeople},
      // Applications: the callers' own (applicants) or their opportunities' (posters); the
      // handlers decide which application is whose (404 for anyone else).
      {"GET /api/v1/applications", kSignedIn},
      {"POST /api/v1/applications", kPeople},
      {"GET /api/v1/applications/{id}", kSignedIn},
      {"POST /api/v1/applications/{id}/state", kSignedIn},
      {"GET /api/v1/applications/{id}/messages", kSignedIn},
      {"POST /api/v1/applications/{id}/messages", kSignedIn},
      // Applying: the public form (anonymous applicants confirm by an e-mail link), a person's own
      // applications, and the poster's pipeline for 0190's staff (the unit's reach is checked by
      // the handlers).
      {"GET /opportunities/{id}/apply", kEveryone},
      {"POST /opportunities/{id}/apply", kEveryone},
      {"GET /opportunities/{id}/apply/sent", kEveryone},
      {"GET /applications/verify", kEveryone},
      {"GET /account/applications", kPeople},
      {"POST /account/applications/{id}/withdraw", kPeople},
      {"POST /account/applications/{id}/messages", kPeople},
      {"GET /admin/{municipality}/opportunities/{id}/applications", kMunicipalStaff},
      {"POST /admin/{municipality}/applications/{id}/state", kMunicipalStaff},
      {"POST /admin/{municipality}/applications/{id}/messages", kMunicipalStaff},
      // An organisation's opportunities and their pipeline: every person is let in and the
      // handler lets only the admins and members of {organisation} on (others: 404, see
      // tests/organisation_posts_test.cpp).
      {"GET /account/organisations/{organisation}/opportunities", kPeople},
      {"GET /account/organisations/{organisation}/opportunities/new", kPeople},
      {"POST /account/organisations/{organisation}/opportunities/new", kPeople},
      {"GET /account/organisations/{organisation}/opportunities/{id}/edit", kPeople},
      {"POST /account/organisations/{organisation}/opportunities/{id}/edit", kPeople},
      {"POST /account/organisations/{organisation}/opportunities/{id}/close", kPeople},
      {"GET /account/organisations/{organisation}/opportunities/{id}/applications", kPeople},
      {"POST /account/organisations/{organisation}/applications/{id}/state", kPeople},
      {"POST /account/organisations/{organisation}/applications/{id}/messages", kPeople},
      // Matches for a need (issue 5): staff of the need's municipality.
      {"GET /api/v1/needs/{id}/matches", kStaff},
      {"PUT /api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark", kStaff},
      {"DELETE /api/v1/needs/{id}/matches/{candidate_kind}/{candidate_id}/mark", kStaff},
      // The partner organisation's approval of offers for vulnerable needs: the staff ask, the
      // partner's admins decide (the handler also refuses a platform admin's decision: 403).
      {"GET /api/v1/needs/{id}/approvals", kStaff},
      {"POST /api/v1/needs/{id}/approvals", kStaff},
      {"GET /api/v1/organisations/{organisation}/need-approvals", kOrganisationAdmins},
      {"GET /api/v1/organisations/{organisation}/need-approvals/{need}/{offer}", kOrganisationAdmins},
      {"PUT /api/v1/organisations/{organisation}/need-approvals/{need}/{offer}", kOrganisationAdmins},
      {"GET /admin/{municipality}/collaborations/{id}/agreements/new", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/{id}/agreements/new", kMunicipalStaff},
      {"GET /admin/{municipality}/agreements/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/agreements/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/agreements/{id}/delete", kMunicipalStaff},
      {"GET /admin/tasks", kPeople},
      {"GET /admin/{municipality}/matrix", kMunicipalStaff},
      {"GET /admin/{municipality}/matrix/print", kMunicipalStaff},
      {"GET /admin/{municipality}/advisor", kMunicipalStaff},
      {"POST /admin/{municipality}/advisor/save", kMunicipalStaff},
      {"GET /api/v1/organisations", kStaff},
      {"POST /api/v1/organisations", kStaff},
      {"GET /api/v1/organisations/{id}", kStaff},
      {"PATCH /api/v1/organisations/{id}", kStaff},
      {"GET /api/v1/organisations/{organisation}/profile", kOrganisationAdmins},
      {"PATCH /api/v1/organisations/{organisation}/profile", kOrganisationAdmins},
      {"PUT /api/v1/organisations/{organisation}/shares/{municipality}", kOrganisationAdmins},
      {"DELETE /api/v1/organisations/{organisation}/shares/{municipality}", kOrganisationAdmins},
      // The market (issue 5): a person's own volunteer profile, the profiles shared with
      // municipalities, opportunities (staff and organisations decide in the handler; open ones
      // are public).
      {"GET /api/v1/volunteers/me", kPeople},
      {"PUT /api/v1/volunteers/me", kPeople},
      {"DELETE /api/v1/volunteers/me", kPeople},
      {"GET /api/v1/volunteers", kStaff},
      {"GET /api/v1/volunteers/{id}", kStaff},
      {"GET /api/v1/opportunities", kSignedIn},
      {"POST /api/v1/opportunities", kSignedIn},
      {"GET /api/v1/opportunities/{id}", kEveryone},
      {"PUT /api/v1/opportunities/{id}", kSignedIn},
      {"DELETE /api/v1/opportunities/{id}", kSignedIn},
      {"GET /account/volunteer", kPeople},
      {"POST /account/volunteer", kPeople},
      {"POST /account/volunteer/delete", kPeople},
      {"GET /opportunities/{id}", kEveryone},
      {"GET /admin/{municipality}/opportunities", kMunicipalStaff},
      {"GET /admin/{municipality}/opportunities/new", kMunicipalStaff},
      {"POST /admin/{municipality}/opportunities/new", kMunicipalStaff},
      {"GET /admin/{municipality}/opportunities/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/opportunities/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/opportunities/{id}/close", kMunicipalStaff},
      // Administration. Pages with {municipality} are 0190's: its admins, the platform admin and
      // 0190's admin tokens (as strong as its admins; a token sends no cookies, so no CSRF risk).
      {"GET /admin", kPeople},
      {"GET /admin/{municipality}/units", kMunicipalAdmins},
      {"POST /admin/{municipality}/units", kMunicipalAdmins},
      {"POST /admin/{municipality}/units/{id}/delete", kMunicipalAdmins},
      {"GET /admin/{municipality}/staff", kMunicipalAdmins},
      {"POST /admin/{municipality}/staff/invite", kMunicipalAdmins},
      {"POST /admin/{municipality}/staff/{grant}/remove", kMunicipalAdmins},
      {"GET /admin/{municipality}/tokens", kMunicipalAdmins},
      {"POST /admin/{municipality}/tokens", kMunicipalAdmins},
      {"POST /admin/{municipality}/tokens/{id}/revoke", kMunicipalAdmins},
      {"GET /admin/{municipality}/audit", kMunicipalAdmins},
      {"GET /admin/{municipality}/inquiries", kMunicipalAdmins},
      {"GET /admin/{municipality}/collaborations", kMunicipalStaff},
      {"GET /admin/{municipality}/collaborations/new", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/new", kMunicipalStaff},
      {"GET /admin/{municipality}/collaborations/{id}", kMunicipalStaff},
      {"GET /admin/{municipality}/needs/{id}/matches", kMunicipalStaff},
      {"POST /admin/{municipality}/needs/{id}/matches/mark", kMunicipalStaff},
      {"GET /admin/{municipality}/collaborations/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/{id}/delete", kMunicipalStaff},
      {"GET /admin/{municipality}/collaborations/import", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/import", kMunicipalStaff},
      {"GET /admin/{municipality}/collaborations/import/{id}", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/import/{id}/mapping", kMunicipalStaff},
      {"POST /admin/{municipality}/collaborations/import/{id}/run", kMunicipalStaff},
      {"GET /admin/{municipality}/inspiration", kMunicipalStaff},
      {"GET /admin/{municipality}/worksheets", kMunicipalStaff},
      {"GET /admin/{municipality}/worksheets/open", kMunicipalStaff},
      {"GET /admin/{municipality}/worksheets/{unit}/{year}", kMunicipalStaff},
      {"POST /admin/{municipality}/worksheets/{unit}/{year}", kMunicipalStaff},
      {"GET /admin/{municipality}/worksheets/{unit}/{year}/print", kMunicipalStaff},
      {"GET /admin/{municipality}/needs", kMunicipalStaff},
      {"GET /admin/{municipality}/needs/new", kMunicipalStaff},
      {"POST /admin/{municipality}/needs/new", kMunicipalStaff},
      {"GET /admin/{municipality}/needs/{id}", kMunicipalStaff},
      {"GET /admin/{municipality}/needs/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/needs/{id}/edit", kMunicipalStaff},
      {"POST /admin/{municipality}/needs/{id}/status", kMunicipalStaff},
      {"POST /admin/{municipality}/needs/{id}/approvals", kMunicipalStaff},
      {"GET /admin/{municipality}/vocabularies", kMunicipalAdmins},
      {"POST /admin/{municipality}/vocabularies", kMunicipalAdmins},
      {"POST /admin/{municipality}/vocabularies/{vocabulary}/{key}/delete", kMunicipalAdmins},
      {"GET /platform/municipalities", kPlatform},
      {"POST /platform/municipalities/{code}", kPlatform},
      {"GET /platform/outbox", kPlatform},
      {"GET /admin/{municipality}/organisations", kMunicipalStaff},
      {"POST /admin/{municipality}/organisations", kMunicipalStaff},
      {"GET /admin/{municipality}/organisations/{id}", kMunicipalStaff},
      {"POST /admin/{municipality}/organisations/{id}", kMunicipalStaff},
      // Organisations: the public directory and profiles; an organisation's admins keep its own.
      {"GET /organisations", kEveryone},
      {"GET /opportunities", kEveryone},
      {"GET /organisations/{id}", kEveryone},
      {"GET /organisations/{organisation}/profile", kOrganisationAdmins},
      {"POST /organisations/{organisation}/profile", kOrganisationAdmins},
      {"GET /organisations/{organisation}/members", kOrganisationAdmins},
      {"POST /organisations/{organisation}/members/invite", kOrganisationAdmins},
      {"GET /organisations/{organisation}/need-approvals", kOrganisationAdmins},
      {"POST /organisations/{organisation}/need-approvals/{need}/{offer}", kOrganisationAdmins},
  };
  return table;
}

Principal Person(int64_t id, std::vector<Grant> grants) {
  Principal principal;
  principal.kind = Principal::Kind::kUser;
  principal.user_id = id;
  principal.grants = std::move(grants);
  return principal;
}

Principal Token(int64_t id, Grant grant) {
  Principal principal;
  principal.kind = Principal::Kind::kToken;
  principal.token_id = id;
  principal.grants = {std::move(grant)};
  return principal;
}

std::map<std::string, Principal> PolicyPrincipals() {
  return {
      {"public", Principal{}},
      {"volunteer", Person(1, {{Role::kVolunteer, "", std::nullopt, std::nullopt}})},
      {"organisation_member", Person(2, {{Role::kOrganisationMember, "", std::nullopt, 1}})},
      {"organisation_admin", Person(3, {{Role::kOrganisationAdmin, "", std::nullopt, 1}})},
      {"municipal_employee", Person(4, {{Role::kMunicipalEmployee, "0190", 1, std::nullopt}})},
      {"municipal_admin", Person(5, {{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}})},
      {"other_admin", Person(6, {{Role::kMunicipalAdmin, "0851", std::nullopt, std::nullopt}})},
      {"platform_admin", Person(7, {{Role::kPlatformAdmin, "", std::nullopt, std::nullopt}})},
      {"token_employee", Token(1, {Role::kMunicipalEmployee, "0190", std::nullopt, std::nullopt})},
      {"token_admin", Token(2, {Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt})},
  };
}

// The path parameters a route's access requirement reads, filled as the table assumes.
domain::AccessRequest RequestFor(const http::Route& route, const Principal& principal) {
  domain::AccessRequest request;
  if (!route.access.municipality_param.empty()) request.path_municipality = "0190";
  if (!route.access.organisation_param.empty()) request.path_organisation = "1";
  // API callers name no municipality unless they work in several; the platform admin must.
  if (route.access.municipality_param.empty() && principal.Has(Role::kPlatformAdmin))
    request.requested_municipality = "0190";
  return request;
}

class AccessTable : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // One person or token per principal, made once for the suite's server.
  static const std::map<std::string, std::map<std::string, std::string>>& Credentials();
  static TestServer* server_;
};
TestServer* AccessTable::server_ = nullptr;

TEST_F(AccessTable, EveryRouteHasARowAndEveryRowARoute) {
  std::set<std::string> routed;
  for (const auto& route : server_->app().router().routes()) {
    const std::string key = route.method + " " + route.pattern;
    routed.insert(key);
    EXPECT_TRUE(Table().contains(key))
        << "route " << key << " has no row in the access table (tests/access_table_test.cpp)";
  }
  for (const auto& [key, who] : Table())
    EXPECT_TRUE(routed.contains(key)) << "row " << key << " names no route";
}

TEST_F(AccessTable, ThePolicyDecidesEveryRouteForEveryRoleAsTheTableSays) {
  const auto principals = PolicyPrincipals();
  for (const auto& route : server_->app().router().routes()) {
    const std::string key = route.method + " " + route.pattern;
    auto row = Table().find(key);
    if (row == Table().end()) continue;  // reported by the test above
    for (const auto& name : Principals()) {
      const Principal& principal = principals.at(name);
      const auto decision = domain::Authorise(route.access, principal, RequestFor(route, principal));
      const bool expected = row->second.contains(name);
      EXPECT_EQ(decision.ok(), expected)
          << key << " for " << name << ": " << (decision.ok() ? "allowed" : decision.status().log_message());
      if (!decision.ok()) {
        // Denials say why in the right terms: nobody logged in, no fitting role, or "not found".
        const ErrorCode code = decision.status().code();
        EXPECT_TRUE(code == ErrorCode::kUnauthenticated || code == ErrorCode::kPermissionDenied ||
                    code == ErrorCode::kNotFound)
            << key << " for " << name << ": " << ErrorCodeName(code);
        if (name == "public") {
          EXPECT_EQ(code, ErrorCode::kUnauthenticated) << key;
        }
      }
    }
  }
}

TEST(AccessPolicy, AnotherMunicipalityLooksExactlyLikeOneThatDoesNotExist) {
  const auto principals = PolicyPrincipals();
  const auto access = domain::Access::MunicipalAdmin("municipality");
  const auto other = domain::Authorise(access, principals.at("municipal_admin"), {"0851", "", ""});
  const auto missing = domain::Authorise(access, principals.at("municipal_admin"), {"9999", "", ""});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(other.status().code(), missing.status().code());
  EXPECT_EQ(other.status().user_message_key(), missing.status().user_message_key());
  // A token cannot reach another municipality through ?municipality= either.
  const auto token =
      domain::Authorise(domain::Access::MunicipalStaff(), principals.at("token_admin"), {"", "", "0851"});
  EXPECT_EQ(token.status().code(), ErrorCode::kNotFound);
  // The decision carries the tenant, never the caller's input when it is not theirs.
  const auto own =
      domain::Authorise(domain::Access::MunicipalStaff(), principals.at("token_admin"), {"", "", ""});
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->municipality_code, "0190");
}

TEST(AccessPolicy, AUserInSeveralMunicipalitiesMustSayWhich) {
  Principal both = Person(9, {{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt},
                              {Role::kMunicipalEmployee, "0851", 3, std::nullopt}});
  const auto unsaid = domain::Authorise(domain::Access::MunicipalStaff(), both, {"", "", ""});
  EXPECT_EQ(unsaid.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(unsaid.status().user_message_key(), "error.municipality_required");
  EXPECT_EQ(domain::Authorise(domain::Access::MunicipalStaff(), both, {"", "", "0851"})->municipality_code,
            "0851");
  // Staff of 0851 is not admin there.
  EXPECT_EQ(domain::Authorise(domain::Access::MunicipalAdmin(), both, {"", "", "0851"}).status().code(),
            ErrorCode::kNotFound);
}

// --- end to end -----------------------------------------------------------------------------

// Real credentials for each principal: a session cookie or a Bearer header.
std::map<std::string, std::map<std::string, std::string>> RealCredentials(TestServer& server) {
  auto& app = server.app();
  const auto actor = domain::Actor::System("test", "test");
  const auto organisation =
      app.accounts().CreateOrganisation(actor, "Spejderne", "popular_education_association");
  EXPECT_TRUE(organisation.ok());
  domain::Unit administration{0,  "0190", std::nullopt, domain::UnitKind::kAdministration, "Forvaltningen", 1,
                              "", ""};
  const auto unit = app.units().Create(domain::MunicipalityScope("0190"), actor, administration);
  EXPECT_TRUE(unit.ok());
  const std::string password = "en lang adgangskode";
  const std::map<std::string, Grant> grants = {
      {"volunteer", {Role::kVolunteer, "", std::nullopt, std::nullopt}},
      {"organisation_member", {Role::kOrganisationMember, "", std::nullopt, *organisation}},
      {"organisation_admin", {Role::kOrganisationAdmin, "", std::nullopt, *organisation}},
      {"municipal_employee", {Role::kMunicipalEmployee, "0190", unit->id, std::nullopt}},
      {"municipal_admin", {Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}},
      {"other_admin", {Role::kMunicipalAdmin, "0851", std::nullopt, std::nullopt}},
      {"platform_admin", {Role::kPlatformAdmin, "", std::nullopt, std::nullopt}},
  };
  std::map<std::string, std::map<std::string, std::string>> credentials;
  credentials["public"] = {};
  for (const auto& [name, grant] : grants) {
    const std::string email = name + "@table.example";
    server.AddUser(email, password, grant);
    const std::string cookie = server.Login(email, password);
    EXPECT_FALSE(cookie.empty()) << name;
    credentials[name] = {{"Cookie", cookie}};
  }
  credentials["token_employee"] = {
      {"Authorization", "Bearer " + server.AddToken(Role::kMunicipalEmployee, "0190")}};
  credentials["token_admin"] = {
      {"Authorization", "Bearer " + server.AddToken(Role::kMunicipalAdmin, "0190")}};
  return credentials;
}

const std::map<std::string, std::map<std::string, std::string>>& AccessTable::Credentials() {
  static const auto credentials = RealCredentials(*server_);
  return credentials;
}

// A concrete path for a route's pattern.
std::string SamplePath(const http::Route& route, const std::string& principal) {
  std::string path;
  for (const auto& segment : route.segments) {
    path += "/";
    if (segment == "{municipality}" || segment == "{code}") {
      path += "0190";
    } else if (segment == "{*path}") {
      path += "app/app.css";
    } else if (!segment.empty() && segment.front() == '{') {
      path += "1";
    } else {
      path += segment;
    }
  }
  if (path == "/language") path += "?set=da&return=/";
  // A platform admin works in every municipality, so municipal API routes ask which one.
  const bool municipal = route.access.audience == domain::Audience::kMunicipalStaff ||
                         route.access.audience == domain::Audience::kMunicipalAdmin;
  if (principal == "platform_admin" && municipal && route.access.municipality_param.empty())
    path += "?municipality=0190";
  return path;
}

TEST_F(AccessTable, TheServerEnforcesTheTableOnEveryGetRoute) {
  const auto& credentials = Credentials();
  for (const auto& route : server_->app().router().routes()) {
    if (route.method != "GET") continue;
    const std::string key = route.method + " " + route.pattern;
    auto row = Table().find(key);
    if (row == Table().end()) continue;
    for (const auto& name : Principals()) {
      const std::string path = SamplePath(route, name);
      const HttpResult result = Get(server_->port(), path, credentials.at(name));
      const bool sent_to_login = result.status == 303 && result.header("location").rfind("/login", 0) == 0 &&
                                 path.rfind("/login", 0) != 0;
      const bool denied = result.status == 401 || result.status == 403 || sent_to_login;
      if (row->second.contains(name)) {
        EXPECT_FALSE(denied) << path << " for " << name << ": " << result.status;
      } else {
        // Another municipality's admin gets "not found", like for a municipality that does not exist.
        const bool not_found = result.status == 404;
        EXPECT_TRUE(denied || not_found) << path << " for " << name << ": " << result.status;
        if (name == "public" && !route.access.municipality_param.empty()) {
          EXPECT_TRUE(sent_to_login) << path;
        }
      }
    }
  }
}

// Every state-changing form (every POST outside the JSON API) refuses a post without its CSRF
// token with 403 — for a caller the table lets in — and nothing changes. Links with a secret
// token in the URL ({token}) may answer 404 first: without a valid link there is nothing to change.
TEST_F(AccessTable, EveryFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing) {
  const auto& credentials = Credentials();
  auto count = [&](const std::string& table) {
    auto lease = server_->app().database().Acquire();
    auto rows = (*lease)->Query("SELECT COUNT(*) FROM " + table);
    return rows.ok() ? rows->front().Int(0) : -1;
  };
  const std::vector<std::string> tables = {"audit_log",
                                           "outbox",
                                           "inquiries",
                                           "units",
                                           "role_grants",
                                           "sessions",
                                           "api_tokens",
                                           "one_time_tokens",
                                           "municipalities",
                                           "users",
                                           "organisations",
                                           "organisation_contacts",
                                           "organisation_shares",
                                           "collaborations",
                                           "partnership_agreements",
                                           "vocabulary_terms",
                                           "center_worksheets",
                                           "collaboration_imports",
                                           "volunteer_profiles",
                                           "opportunities",
                                           "needs",
                                           "offers"};
  int checked = 0;
  for (const auto& route : server_->app().router().routes()) {
    if (route.method != "POST" || route.pattern.rfind("/api/", 0) == 0) continue;
    const auto row = Table().find(route.method + " " + route.pattern);
    if (row == Table().end()) continue;
    // The most privileged caller the table lets in (so the policy is not what refuses).
    std::string who;
    for (const char* candidate :
         {"platform_admin", "municipal_admin", "organisation_admin", "volunteer", "public"}) {
      if (row->second.contains(candidate)) who = candidate;
      if (!who.empty()) break;
    }
    ASSERT_FALSE(who.empty()) << route.pattern;
    std::map<std::string, int64_t> before;
    for (const auto& table : tables) before[table] = count(table);
    auto headers = credentials.at(who);
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    const std::string path = SamplePath(route, who);
    const HttpResult result =
        testing::Send(server_->port(), "POST", path, "name=x&email=a%40b.dk&kind=administration", headers);
    const bool secret_link = route.pattern.find("{token}") != std::string::npos;
    EXPECT_TRUE(result.status == 403 || (secret_link && result.status == 404))
        << "POST " << path << " as " << who << " without csrf_token: " << result.status;
    for (const auto& table : tables)
      EXPECT_EQ(count(table), before[table]) << "POST " << path << " changed " << table;
    ++checked;
  }
  EXPECT_GE(checked, 8);
}

}  // namespace
}  // namespace samskab
