// Accounts end to end through the server: login and its throttling, sessions and their cookies,
// logout (here and everywhere), CSRF bound to the session, password reset, e-mail verification,
// invitations, and the person's data export and erasure. Each attack in issue 3's list that
// concerns accounts is a test here; none may change data or tell whether an account exists.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "support/test_support.h"

namespace samskab {
namespace {

using domain::Grant;
using domain::Role;
using testing::Get;
using testing::HttpResult;
using testing::Send;
using testing::TestServer;

constexpr char kPassword[] = "korrekt hest batteri";
Grant AdminOf0190() { return {Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}; }

std::string Cookie(const HttpResult& result) {
  const std::string set = result.header("set-cookie");
  return set.substr(0, set.find(';'));
}

class Auth : public ::testing::Test {
 protected:
  void SetUp() override { server_ = std::make_unique<TestServer>(); }
  uint16_t port() { return server_->port(); }

  // Posts a form as a browser would: with the CSRF token of the page it came from.
  HttpResult PostForm(const std::string& path, const std::map<std::string, std::string>& fields,
                      const std::string& cookie, const std::string& csrf) {
    std::string body = "csrf_token=" + csrf;
    for (const auto& [name, value] : fields) body += "&" + name + "=" + text::PercentEncode(value);
    std::map<std::string, std::string> headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!cookie.empty()) headers["Cookie"] = cookie;
    return Send(port(), "POST", path, body, headers);
  }
  // A form posted by someone not logged in: the double-submit CSRF cookie from the form page.
  HttpResult PostAnonymous(const std::string& form_path, const std::string& path,
                           const std::map<std::string, std::string>& fields) {
    const HttpResult page = Get(port(), form_path);
    return PostForm(path, fields, Cookie(page), testing::CsrfFromPage(page.body));
  }
  HttpResult Login(const std::string& email, const std::string& password) {
    return PostAnonymous("/login", "/login", {{"email", email}, {"password", password}});
  }
  int Me(const std::string& cookie) { return Get(port(), "/api/v1/me", {{"Cookie", cookie}}).status; }
  std::vector<domain::OutboxMessage> Outbox() {
    auto messages = server_->app().accounts().ListOutbox(100);
    return messages.ok() ? *messages : std::vector<domain::OutboxMessage>{};
  }
  // The token of the newest link of a kind ("reset", "invitation", "verify") in the outbox.
  std::string LinkToken(const std::string& kind) {
    const std::regex pattern("/" + kind + "/([0-9a-f]{64})");
    for (const auto& message : Outbox()) {  // newest first
      std::smatch match;
      if (std::regex_search(message.body, match, pattern)) return match[1];
    }
    return "";
  }
  std::unique_ptr<TestServer> server_;
};

TEST_F(Auth, AWrongPasswordAndAnUnknownAddressGetTheSameAnswer) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const HttpResult wrong = Login("anna@furesoe.dk", "forkert adgangskode");
  const HttpResult unknown = Login("ingen@furesoe.dk", "forkert adgangskode");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  for (const auto* result : {&wrong, &unknown}) {
    EXPECT_NE(result->body.find("E-mailadressen eller adgangskoden er forkert."), std::string::npos);
    EXPECT_EQ(result->header("set-cookie").find("samskab_session"), std::string::npos);
  }
  // The e-mail is kept in the form, the password is not.
  EXPECT_NE(wrong.body.find("value=\"anna@furesoe.dk\""), std::string::npos);
  EXPECT_EQ(wrong.body.find("forkert adgangskode"), std::string::npos);
  const HttpResult right = Login("ANNA@furesoe.dk ", kPassword);
  EXPECT_EQ(right.status, 303);
  EXPECT_EQ(right.header("location"), "/account");
  EXPECT_EQ(Me(Cookie(right)), 200);
}

TEST_F(Auth, BadLoginInputIsAnsweredClearly) {
  EXPECT_EQ(Login("ikke-en-adresse", kPassword).status, 422);
  EXPECT_NE(Login("ikke-en-adresse", kPassword).body.find("Skriv en gyldig e-mailadresse"),
            std::string::npos);
  EXPECT_EQ(Login("' OR 1=1 --", kPassword).status, 422);
  EXPECT_EQ(Login("x@y.dk", "").status, 422);
  EXPECT_EQ(Login("x@y.dk", std::string(5000, 'a')).status, 401);
  EXPECT_EQ(Login(std::string(300, 'a') + "@y.dk", kPassword).status, 422);
  // Without the CSRF token: 403, and nobody is logged in.
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const HttpResult no_csrf =
      Send(port(), "POST", "/login", "email=anna%40furesoe.dk&password=korrekt+hest+batteri",
           {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(no_csrf.header("set-cookie").find("samskab_session"), std::string::npos);
}

TEST_F(Auth, FailedLoginsAreThrottledPerAccountWithAClearMessage) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  server_->AddUser("bo@furesoe.dk", kPassword, AdminOf0190());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(Login("anna@furesoe.dk", "gæt nummer " + std::to_string(i)).status, 401);
  // Now even the right password waits: the attacker learns nothing from trying it.
  const HttpResult throttled = Login("anna@furesoe.dk", kPassword);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_NE(throttled.body.find("for mange forkerte forsøg"), std::string::npos);
  // An unknown address is throttled the same way (no enumeration through the throttle).
  for (int i = 0; i < 5; ++i) Login("ingen@furesoe.dk", "gæt");
  EXPECT_EQ(Login("ingen@furesoe.dk", "gæt").status, 429);
  // Another account from the same address is not locked out by these few failures.
  EXPECT_EQ(Login("bo@furesoe.dk", kPassword).status, 303);
  // After the window, Anna can log in again.
  server_->clock().Advance(std::chrono::minutes(16));
  EXPECT_EQ(Login("anna@furesoe.dk", kPassword).status, 303);
}

TEST_F(Auth, FailedLoginsAreThrottledPerClientAddress) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  for (int i = 0; i < 30; ++i) Login("gæst" + std::to_string(i) + "@furesoe.dk", "gæt");
  const HttpResult throttled = Login("anna@furesoe.dk", kPassword);
  EXPECT_EQ(throttled.status, 429);
}

TEST_F(Auth, SessionCookiesAreHttpOnlyLaxAndRotatedAtLogin) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const HttpResult first = Login("anna@furesoe.dk", kPassword);
  const std::string set_cookie = first.header("set-cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos);  // not over TLS in this test
  const HttpResult second = Login("anna@furesoe.dk", kPassword);
  EXPECT_NE(Cookie(first), Cookie(second));
  EXPECT_EQ(Me(Cookie(first)), 200);  // another browser's session is its own
  // With TLS configured, cookies are Secure.
  TestServer tls([](app::Config& config) { config.server_secure_cookies = true; });
  tls.AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const HttpResult page = Get(tls.port(), "/login");
  EXPECT_NE(page.header("set-cookie").find("; Secure"), std::string::npos);
  const HttpResult login =
      Send(tls.port(), "POST", "/login",
           "csrf_token=" + testing::CsrfFromPage(page.body) +
               "&email=anna%40furesoe.dk&password=korrekt+hest+batteri",
           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", Cookie(page)}});
  EXPECT_EQ(login.status, 303);
  EXPECT_NE(login.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST_F(Auth, ACookieFromAnotherInstallationOrForgedLogsNobodyIn) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  TestServer other;
  other.AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string foreign = other.Login("anna@furesoe.dk", kPassword);
  ASSERT_FALSE(foreign.empty());
  const HttpResult page = Get(port(), "/account", {{"Cookie", foreign}});
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("location"), "/login?return=%2Faccount");
  EXPECT_NE(page.header("set-cookie").find("samskab_session=;"), std::string::npos);  // cleared
  EXPECT_EQ(Me(foreign), 401);
  // A valid token with a forged signature, and garbage.
  const std::string own = server_->Login("anna@furesoe.dk", kPassword);
  std::string forged = own;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_EQ(Me(forged), 401);
  EXPECT_EQ(Me("samskab_session=' OR 1=1 --"), 401);
  EXPECT_EQ(Me(own), 200);
}

TEST_F(Auth, LogoutEndsTheSessionAndNeedsTheSessionsCsrfToken) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string cookie = server_->Login("anna@furesoe.dk", kPassword);
  const std::string csrf = server_->CsrfFor(cookie);
  ASSERT_EQ(csrf.size(), 64U);
  // The anonymous double-submit token does not count for a logged-in user.
  const HttpResult anonymous_page = Get(port(), "/login");
  EXPECT_EQ(PostForm("/logout", {}, cookie + "; " + Cookie(anonymous_page),
                     testing::CsrfFromPage(anonymous_page.body))
                .status,
            403);
  EXPECT_EQ(PostForm("/logout", {}, cookie, "").status, 403);
  EXPECT_EQ(Me(cookie), 200);
  const HttpResult out = PostForm("/logout", {}, cookie, csrf);
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Me(cookie), 401);
  // Every new session has its own CSRF token.
  const std::string again = server_->Login("anna@furesoe.dk", kPassword);
  EXPECT_NE(server_->CsrfFor(again), csrf);
}

TEST_F(Auth, LogoutEverywhereEndsEverySession) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string laptop = server_->Login("anna@furesoe.dk", kPassword);
  const std::string phone = server_->Login("anna@furesoe.dk", kPassword);
  const HttpResult out = PostForm("/account/logout-everywhere", {}, laptop, server_->CsrfFor(laptop));
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(Me(laptop), 401);
  EXPECT_EQ(Me(phone), 401);
}

TEST_F(Auth, SessionsExpireWhenIdleAndAtTheirEnd) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string cookie = server_->Login("anna@furesoe.dk", kPassword);
  server_->clock().Advance(std::chrono::minutes(119));
  EXPECT_EQ(Me(cookie), 200);  // and this request counts as activity
  server_->clock().Advance(std::chrono::minutes(119));
  EXPECT_EQ(Me(cookie), 200);
  server_->clock().Advance(std::chrono::minutes(121));
  EXPECT_EQ(Me(cookie), 401);
}

TEST_F(Auth, PasswordResetLinksWorkOnceAndTellNothingAboutUnknownAddresses) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string old_session = server_->Login("anna@furesoe.dk", kPassword);
  const HttpResult unknown = PostAnonymous("/reset", "/reset", {{"email", "ingen@furesoe.dk"}});
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(unknown.header("location"), "/reset/sent");
  EXPECT_TRUE(Outbox().empty());
  const HttpResult known = PostAnonymous("/reset", "/reset", {{"email", "anna@furesoe.dk"}});
  EXPECT_EQ(known.status, 303);
  EXPECT_EQ(known.header("location"), "/reset/sent");
  ASSERT_EQ(Outbox().size(), 1U);
  EXPECT_EQ(Outbox()[0].recipient, "anna@furesoe.dk");
  const std::string token = LinkToken("reset");
  ASSERT_EQ(token.size(), 64U);
  const std::string path = "/reset/" + token;
  EXPECT_EQ(Get(port(), path).status, 200);
  EXPECT_EQ(PostAnonymous(path, path, {{"password", "kort"}}).status, 422);
  const HttpResult done = PostAnonymous(path, path, {{"password", "et helt nyt kodeord"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.header("location"), "/login?notice=password_reset");
  EXPECT_EQ(Login("anna@furesoe.dk", kPassword).status, 401);
  EXPECT_EQ(Login("anna@furesoe.dk", "et helt nyt kodeord").status, 303);
  EXPECT_EQ(Me(old_session), 401);  // a reset ends the sessions a thief may hold
  // Used once: the link is dead now.
  const HttpResult reused = PostAnonymous("/login", path, {{"password", "endnu et kodeord"}});
  EXPECT_EQ(reused.status, 404);
  EXPECT_NE(reused.body.find("Linket er ugyldigt, allerede brugt eller udløbet"), std::string::npos);
  EXPECT_EQ(Login("anna@furesoe.dk", "endnu et kodeord").status, 401);
}

TEST_F(Auth, AnExpiredResetLinkIsRefused) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  PostAnonymous("/reset", "/reset", {{"email", "anna@furesoe.dk"}});
  const std::string path = "/reset/" + LinkToken("reset");
  server_->clock().Advance(std::chrono::minutes(61));
  EXPECT_EQ(Get(port(), path).status, 404);
  EXPECT_EQ(PostAnonymous("/login", path, {{"password", "et helt nyt kodeord"}}).status, 404);
  EXPECT_EQ(Get(port(), "/reset/" + std::string(64, 'a')).status, 404);
}

TEST_F(Auth, AnInvitationCreatesTheAccountOnceAndLogsItIn) {
  const auto actor = domain::Actor::System("test", "t");
  auto unit = server_->app().units().Create(
      domain::MunicipalityScope("0190"), actor,
      domain::Unit{0, "0190", std::nullopt, domain::UnitKind::kAdministration, "Forvaltningen", 1, "", ""});
  ASSERT_TRUE(unit.ok());
  auto token = server_->app().account_service().Invite(
      actor, "Ny.Medarbejder@Furesoe.dk", {Role::kMunicipalEmployee, "0190", unit->id, std::nullopt}, "da");
  ASSERT_TRUE(token.ok()) << token.status().log_message();
  EXPECT_EQ(LinkToken("invitation"), *token);
  const std::string path = "/invitation/" + *token;
  const HttpResult page = Get(port(), path);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("ny.medarbejder@furesoe.dk"), std::string::npos);
  EXPECT_NE(page.body.find("Kommunal medarbejder"), std::string::npos);
  // Bad input: nothing is used up.
  EXPECT_EQ(PostAnonymous(path, path, {{"display_name", "Nina"}, {"password", "kort"}}).status, 422);
  EXPECT_EQ(PostAnonymous(path, path, {{"display_name", ""}, {"password", "langt nok kodeord"}}).status, 422);
  const HttpResult accepted =
      PostAnonymous(path, path, {{"display_name", "<b>Nina</b>"}, {"password", "langt nok kodeord"}});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  const std::string cookie = Cookie(accepted);
  const auto me = nlohmann::json::parse(Get(port(), "/api/v1/me", {{"Cookie", cookie}}).body);
  EXPECT_EQ(me["user"]["email"], "ny.medarbejder@furesoe.dk");
  EXPECT_EQ(me["user"]["email_verified"], true);
  EXPECT_EQ(me["roles"][0]["role"], "municipal_employee");
  EXPECT_EQ(me["roles"][0]["unit_id"], unit->id);
  // The name is shown escaped.
  const HttpResult account = Get(port(), "/account", {{"Cookie", cookie}});
  EXPECT_NE(account.body.find("&lt;b&gt;Nina&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(account.body.find("<b>Nina</b>"), std::string::npos);
  // The privacy consent was recorded with its text version.
  auto consents = server_->app().accounts().ConsentsOf(me["user"]["id"].get<int64_t>());
  ASSERT_TRUE(consents.ok());
  ASSERT_EQ(consents->size(), 1U);
  EXPECT_EQ((*consents)[0].text_version, "2026-11");
  // Single use.
  EXPECT_EQ(Get(port(), path).status, 404);
  EXPECT_EQ(
      PostAnonymous("/login", path, {{"display_name", "Mallory"}, {"password", "langt nok kodeord"}}).status,
      404);
}

TEST_F(Auth, AnExpiredInvitationIsRefusedAndAnExistingAccountGetsTheRole) {
  const auto actor = domain::Actor::System("test", "t");
  const auto organisation =
      server_->app().accounts().CreateOrganisation(actor, "Ældresagen", "humanitarian_association");
  ASSERT_TRUE(organisation.ok());
  const Grant member{Role::kOrganisationMember, "", std::nullopt, *organisation};
  auto stale = server_->app().account_service().Invite(actor, "gammel@example.dk", member, "da");
  server_->clock().Advance(std::chrono::hours(24 * 8));
  EXPECT_EQ(Get(port(), "/invitation/" + *stale).status, 404);
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  auto invitation = server_->app().account_service().Invite(actor, "anna@furesoe.dk", member, "nb");
  ASSERT_TRUE(invitation.ok());
  EXPECT_NE(Outbox()[0].subject.find("Invitasjon"), std::string::npos);  // in the inviter's chosen language
  const std::string path = "/invitation/" + *invitation;
  const HttpResult accepted = PostAnonymous(path, path, {});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  const auto me = nlohmann::json::parse(Get(port(), "/api/v1/me", {{"Cookie", Cookie(accepted)}}).body);
  ASSERT_EQ(me["roles"].size(), 2U);
  EXPECT_EQ(me["roles"][1]["role"], "organisation_member");
  EXPECT_EQ(me["roles"][1]["organisation_id"], *organisation);
  // The password was not changed by accepting.
  EXPECT_EQ(Login("anna@furesoe.dk", kPassword).status, 303);
}

TEST_F(Auth, EmailVerificationThroughTheOutbox) {
  auto hash = server_->app().authenticator().HashPassword(kPassword);
  domain::User user;
  user.email = "ikke@bekraeftet.dk";
  user.display_name = "Ikke Bekræftet";
  user.password_hash = *hash;
  ASSERT_TRUE(server_->app().accounts().CreateUser(domain::Actor::System("test", "t"), user, {}).ok());
  const std::string cookie = server_->Login("ikke@bekraeftet.dk", kPassword);
  const HttpResult sent = PostForm("/account/verification", {}, cookie, server_->CsrfFor(cookie));
  EXPECT_EQ(sent.status, 303);
  const std::string token = LinkToken("verify");
  ASSERT_EQ(token.size(), 64U);
  EXPECT_EQ(Get(port(), "/verify/" + token).status, 200);
  EXPECT_EQ(
      nlohmann::json::parse(Get(port(), "/api/v1/me", {{"Cookie", cookie}}).body)["user"]["email_verified"],
      true);
  EXPECT_EQ(Get(port(), "/verify/" + token).status, 404);
}

TEST_F(Auth, ChangingThePasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string here = server_->Login("anna@furesoe.dk", kPassword);
  const std::string elsewhere = server_->Login("anna@furesoe.dk", kPassword);
  const std::string csrf = server_->CsrfFor(here);
  const HttpResult wrong = PostForm(
      "/account/password", {{"current_password", "gæt"}, {"password", "et nyt langt kodeord"}}, here, csrf);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("Den nuværende adgangskode er forkert."), std::string::npos);
  const HttpResult changed =
      PostForm("/account/password", {{"current_password", kPassword}, {"password", "et nyt langt kodeord"}},
               here, csrf);
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(Me(here), 200);
  EXPECT_EQ(Me(elsewhere), 401);
  EXPECT_EQ(Login("anna@furesoe.dk", "et nyt langt kodeord").status, 303);
}

TEST_F(Auth, AStolenSessionCannotBeUsedToGuessThePassword) {
  server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string session = server_->Login("anna@furesoe.dk", kPassword);
  const std::string csrf = server_->CsrfFor(session);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(PostForm("/account/password",
                       {{"current_password", "gæt " + std::to_string(i)}, {"password", "mit nye kodeord"}},
                       session, csrf)
                  .status,
              422);
  }
  const HttpResult throttled = PostForm(
      "/account/password", {{"current_password", kPassword}, {"password", "mit nye kodeord"}}, session, csrf);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_NE(throttled.body.find("for mange forkerte forsøg"), std::string::npos);
  EXPECT_EQ(Login("anna@furesoe.dk", "mit nye kodeord").status, 429);  // the account is throttled, unchanged
  server_->clock().Advance(std::chrono::minutes(16));
  EXPECT_EQ(Login("anna@furesoe.dk", kPassword).status, 303);
}

TEST_F(Auth, APersonDownloadsTheirDataAndErasureAnonymisesThemButKeepsTheFigures) {
  const int64_t id = server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190());
  const std::string cookie = server_->Login("anna@furesoe.dk", kPassword);
  // Anna does some work: it stays (without her name) after erasure.
  const std::string csrf = server_->CsrfFor(cookie);
  const HttpResult unit =
      Send(port(), "POST", "/api/v1/units", R"({"kind":"administration","name":"Annas enhed"})",
           {{"Cookie", cookie}, {"Content-Type", "application/json"}});
  ASSERT_EQ(unit.status, 201) << unit.body;

  const HttpResult download = Get(port(), "/account/data.json", {{"Cookie", cookie}});
  ASSERT_EQ(download.status, 200);
  EXPECT_NE(download.header("content-disposition").find("attachment"), std::string::npos);
  const auto data = nlohmann::json::parse(download.body);
  EXPECT_EQ(data["email"], "anna@furesoe.dk");
  EXPECT_EQ(data["roles"][0]["role"], "municipal_admin");
  EXPECT_FALSE(data["sessions"].empty());
  bool saw_unit = false;
  for (const auto& entry : data["activity"]) saw_unit |= entry["action"] == "unit.create";
  EXPECT_TRUE(saw_unit);
  EXPECT_EQ(download.body.find("argon2"), std::string::npos);  // never the password hash
  EXPECT_TRUE(data["volunteer_profile"].is_null()) << "no profile: the part is there, empty";
  EXPECT_EQ(data["applications"], nlohmann::json::array());

  const HttpResult mismatch = PostForm("/account/erase", {{"confirm_email", "bo@furesoe.dk"}}, cookie, csrf);
  EXPECT_EQ(mismatch.status, 422);
  EXPECT_EQ(PostForm("/account/erase", {{"confirm_email", "anna@furesoe.dk"}}, cookie, "").status, 403);
  EXPECT_EQ(Me(cookie), 200);

  const HttpResult erased = PostForm("/account/erase", {{"confirm_email", "Anna@Furesoe.dk"}}, cookie, csrf);
  EXPECT_EQ(erased.status, 303);
  EXPECT_EQ(erased.header("location"), "/account/erased");
  EXPECT_EQ(Me(cookie), 401);
  EXPECT_EQ(Login("anna@furesoe.dk", kPassword).status, 401);
  auto user = server_->app().accounts().GetUser(id);
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->user.email, "erased-" + std::to_string(id) + "@invalid");
  EXPECT_EQ(user->user.display_name, "");
  EXPECT_EQ(user->user.password_hash, "");
  EXPECT_TRUE(user->user.erased_at.has_value());
  EXPECT_TRUE(user->grants.empty());
  // The audit log keeps that things happened (the unit, by user id) but no personal values.
  auto entries = server_->app().audit().ListForUser(id);
  ASSERT_TRUE(entries.ok());
  bool erase_logged = false;
  for (const auto& entry : *entries) {
    erase_logged |= entry.action == "user.erase";
    if (entry.entity == "user") {
      EXPECT_FALSE(entry.after_json.has_value()) << entry.action;
      EXPECT_FALSE(entry.before_json.has_value()) << entry.action;
    }
  }
  EXPECT_TRUE(erase_logged);
  auto units = server_->app().units().List(domain::MunicipalityScope("0190"));
  ASSERT_EQ(units->size(), 1U);
  EXPECT_EQ((*units)[0].name, "Annas enhed");
  // The address can be used for a new account later.
  EXPECT_NO_THROW(server_->AddUser("anna@furesoe.dk", kPassword, AdminOf0190()));
}

}  // namespace
}  // namespace samskab
