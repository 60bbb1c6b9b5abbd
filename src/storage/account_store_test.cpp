// The account store's contract, on SQLite and PostgreSQL: the SQL that only the login path and
// the security records use (upserts, single-use tokens, secrets) must behave the same on both.
#include "storage/account_store.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "app/app.h"
#include "storage/audit_store.h"
#include "storage/unit_store.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::Grant;
using domain::Role;

class AccountContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), clock_).ok());
    store_ = std::make_unique<AccountStore>(db(), clock_);
  }
  domain::User MustCreate(const std::string& email, const std::vector<Grant>& grants = {}) {
    domain::User user;
    user.email = email;
    user.display_name = "Test";
    user.password_hash = "$argon2id$test";
    auto created = store_->CreateUser(actor_, user, grants);
    EXPECT_TRUE(created.ok()) << created.status().log_message();
    return created.ok() ? *created : domain::User{};
  }
  FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1795000000))};
  const domain::Actor actor_ = domain::Actor::System("test", "req-1");
  std::unique_ptr<AccountStore> store_;
};

TEST_P(AccountContract, EmailsAreUniqueAndNormalised) {
  const auto anna = MustCreate("  Anna@Furesoe.DK ");
  EXPECT_EQ(anna.email, "anna@furesoe.dk");
  domain::User twin;
  twin.email = "ANNA@furesoe.dk";
  twin.display_name = "Twin";
  const auto again = store_->CreateUser(actor_, twin, {});
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.status().user_message_key(), "account.error.email_taken");
  EXPECT_EQ(store_->FindByEmail("anna@furesoe.dk")->user.id, anna.id);
}

TEST_P(AccountContract, GrantsAreCheckedAgainstTheirScope) {
  const auto anna = MustCreate("anna@furesoe.dk");
  // An employee's unit must be in the grant's municipality.
  auto unit = UnitStore(db(), clock_)
                  .Create(domain::MunicipalityScope("0851"), actor_,
                          {0, "0851", std::nullopt, domain::UnitKind::kAdministration, "Aalborgs forvaltning",
                           1, "", ""});
  ASSERT_TRUE(unit.ok());
  const Status wrong =
      store_->AddGrant(actor_, anna.id, {Role::kMunicipalEmployee, "0190", unit->id, std::nullopt});
  EXPECT_EQ(wrong.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(
      store_->AddGrant(actor_, anna.id, {Role::kMunicipalEmployee, "0851", unit->id, std::nullopt}).ok());
  EXPECT_EQ(
      store_->AddGrant(actor_, anna.id, {Role::kMunicipalEmployee, "0851", unit->id, std::nullopt}).code(),
      ErrorCode::kAlreadyExists);
  EXPECT_EQ(store_->AddGrant(actor_, anna.id, {Role::kMunicipalEmployee, "0851", std::nullopt, std::nullopt})
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->GetUser(anna.id)->grants.size(), 1U);
  // Staff lists are per municipality; removing works only in one's own.
  auto aalborg = store_->ListStaff(domain::MunicipalityScope("0851"));
  ASSERT_EQ(aalborg->size(), 1U);
  EXPECT_TRUE(store_->ListStaff(domain::MunicipalityScope("0190"))->empty());
  EXPECT_EQ(
      store_->RemoveStaffGrant(actor_, domain::MunicipalityScope("0190"), (*aalborg)[0].grant_id).code(),
      ErrorCode::kNotFound);
  EXPECT_TRUE(
      store_->RemoveStaffGrant(actor_, domain::MunicipalityScope("0851"), (*aalborg)[0].grant_id).ok());
  EXPECT_TRUE(store_->GetUser(anna.id)->grants.empty());
}

TEST_P(AccountContract, SessionsExpireAndEndTogether) {
  const auto anna = MustCreate("anna@furesoe.dk");
  ASSERT_TRUE(store_
                  ->CreateSession(
                      {"h1", anna.id, "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-18T22:00:00Z"})
                  .ok());
  ASSERT_TRUE(store_
                  ->CreateSession(
                      {"h2", anna.id, "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-18T22:00:00Z"})
                  .ok());
  EXPECT_TRUE(store_->LookupSession("h1", "2026-11-18T12:00:00Z").ok());
  EXPECT_EQ(store_->LookupSession("h1", "2026-11-18T22:00:01Z").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->LookupSession("nope", "2026-11-18T12:00:00Z").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(*store_->DeleteSessionsOf(anna.id), 2);
  EXPECT_EQ(store_->LookupSession("h2", "2026-11-18T12:00:00Z").status().code(), ErrorCode::kNotFound);
}

TEST_P(AccountContract, FailuresCountWithinTheWindowOnly) {
  ASSERT_TRUE(store_->RecordFailure("account:a", "2026-11-18T10:00:00Z", "2026-11-18T09:45:00Z").ok());
  ASSERT_TRUE(store_->RecordFailure("account:a", "2026-11-18T10:01:00Z", "2026-11-18T09:46:00Z").ok());
  EXPECT_EQ(*store_->RecentFailures("account:a", "2026-11-18T09:50:00Z"), 2);
  // Later than the window: the count starts again at one.
  ASSERT_TRUE(store_->RecordFailure("account:a", "2026-11-18T10:30:00Z", "2026-11-18T10:15:00Z").ok());
  EXPECT_EQ(*store_->RecentFailures("account:a", "2026-11-18T10:15:00Z"), 1);
  EXPECT_EQ(*store_->RecentFailures("account:b", "2026-11-18T10:15:00Z"), 0);
  ASSERT_TRUE(store_->ClearFailures("account:a").ok());
  EXPECT_EQ(*store_->RecentFailures("account:a", "2026-11-18T10:15:00Z"), 0);
}

TEST_P(AccountContract, OneTimeTokensAreUsedExactlyOnceEvenConcurrently) {
  const auto anna = MustCreate("anna@furesoe.dk");
  domain::OneTimeToken token;
  token.token_hash = "reset-hash";
  token.purpose = domain::TokenPurpose::kResetPassword;
  token.email = anna.email;
  token.user_id = anna.id;
  token.created_at = "2026-11-18T10:00:00Z";
  token.expires_at = "2026-11-18T12:00:00Z";  // the store's clock says 11:06:40
  ASSERT_TRUE(store_->CreateOneTimeToken(token).ok());
  // The wrong purpose does not fit.
  EXPECT_EQ(store_->PeekOneTimeToken("reset-hash", domain::TokenPurpose::kInvitation, "2026-11-18T10:30:00Z")
                .status()
                .code(),
            ErrorCode::kNotFound);
  // Two resets at once: one wins.
  auto reset = [&] { return store_->ResetPassword(actor_, "reset-hash", "$argon2id$new").ok(); };
  auto first = std::async(std::launch::async, reset);
  auto second = std::async(std::launch::async, reset);
  EXPECT_EQ(static_cast<int>(first.get()) + static_cast<int>(second.get()), 1);
  EXPECT_EQ(store_->GetUser(anna.id)->user.password_hash, "$argon2id$new");
  EXPECT_EQ(store_->ResetPassword(actor_, "reset-hash", "$argon2id$again").status().code(),
            ErrorCode::kNotFound);
}

TEST_P(AccountContract, AnInvitationAddsItsRoleOnce) {
  domain::OneTimeToken invitation;
  invitation.token_hash = "inv";
  invitation.purpose = domain::TokenPurpose::kInvitation;
  invitation.email = "ny@furesoe.dk";
  invitation.grant = Grant{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt};
  invitation.created_at = "2026-11-18T10:00:00Z";
  invitation.expires_at = "2026-11-25T10:00:00Z";
  ASSERT_TRUE(store_->CreateOneTimeToken(invitation).ok());
  auto pending = store_->PendingInvitations(domain::MunicipalityScope("0190"), "2026-11-18T11:00:00Z");
  ASSERT_EQ(pending->size(), 1U);
  EXPECT_EQ(pending->front().grant->role, Role::kMunicipalAdmin);
  // A new account needs its name and password.
  EXPECT_EQ(store_->AcceptInvitation(actor_, "inv", std::nullopt).status().code(),
            ErrorCode::kInvalidArgument);
  domain::User user;
  user.display_name = "Ny";
  user.password_hash = "$argon2id$x";
  auto id = store_->AcceptInvitation(actor_, "inv", user);
  ASSERT_TRUE(id.ok()) << id.status().log_message();
  const auto created = store_->GetUser(*id);
  EXPECT_EQ(created->user.email, "ny@furesoe.dk");
  EXPECT_TRUE(created->user.email_verified_at.has_value());
  ASSERT_EQ(created->grants.size(), 1U);
  EXPECT_EQ(created->grants[0].municipality_code, "0190");
  EXPECT_EQ(store_->AcceptInvitation(actor_, "inv", user).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(store_->PendingInvitations(domain::MunicipalityScope("0190"), "2026-11-18T11:00:00Z")->empty());
}

TEST_P(AccountContract, ApiTokensAreScopedAndRevocable) {
  domain::ApiToken token;
  token.name = "ESDH-integration";
  token.role = Role::kMunicipalEmployee;
  token.municipality_code = "0190";
  auto created = store_->CreateApiToken(actor_, token, "hash-1");
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(store_->LookupApiToken("hash-1")->municipality_code, "0190");
  token.role = Role::kVolunteer;
  EXPECT_EQ(store_->CreateApiToken(actor_, token, "hash-2").status().code(), ErrorCode::kInvalidArgument);
  // Another municipality cannot revoke (or see) it.
  EXPECT_EQ(store_->RevokeApiToken(actor_, domain::MunicipalityScope("0851"), created->id).code(),
            ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListApiTokens(domain::MunicipalityScope("0851"))->empty());
  EXPECT_TRUE(store_->RevokeApiToken(actor_, domain::MunicipalityScope("0190"), created->id).ok());
  EXPECT_EQ(store_->LookupApiToken("hash-1").status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListApiTokens(domain::MunicipalityScope("0190"))->front().revoked_at.has_value());
}

TEST_P(AccountContract, TheInstanceSecretIsCreatedOnceAndSharedByEveryInstance) {
  auto first = store_->InstanceSecret("session", [] { return std::string("first"); });
  ASSERT_TRUE(first.ok());
  auto again_db = database_->OpenAgain();
  AccountStore other(*again_db, clock_);
  auto second = other.InstanceSecret("session", [] { return std::string("second"); });
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, "first");
  EXPECT_EQ(*second, "first");
}

TEST_P(AccountContract, ErasureRemovesPersonalDataAndRecordsTheFact) {
  const auto anna =
      MustCreate("anna@furesoe.dk", {{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}});
  ASSERT_TRUE(store_->RecordConsent(actor_, anna.id, "privacy_notice", "2026-11").ok());
  ASSERT_TRUE(store_
                  ->CreateSession(
                      {"s", anna.id, "2026-11-18T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-18T22:00:00Z"})
                  .ok());
  ASSERT_TRUE(store_->Erase(actor_, anna.id).ok());
  const auto erased = store_->GetUser(anna.id);
  EXPECT_EQ(erased->user.email, "erased-" + std::to_string(anna.id) + "@invalid");
  EXPECT_TRUE(erased->grants.empty());
  EXPECT_TRUE(store_->ConsentsOf(anna.id)->empty());
  EXPECT_EQ(store_->LookupSession("s", "2026-11-18T11:00:00Z").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->FindByEmail("anna@furesoe.dk").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->Erase(actor_, anna.id).code(), ErrorCode::kNotFound);
  auto entries = AuditStore(db()).ListForUser(anna.id);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->back().action, "user.erase");
  for (const auto& entry : *entries) {
    EXPECT_EQ(entry.after_json.value_or("").find("anna@"), std::string::npos) << entry.action;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountContract, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
