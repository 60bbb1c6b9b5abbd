// The session cache of the Authenticator: reuse within its time, forgetting at once what this
// instance changes, and what another instance changes within the cache time.
#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include <thread>

#include "app/app.h"
#include "support/test_support.h"

namespace samskab::auth {
namespace {

using domain::Role;

class SessionCache : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = samskab::testing::TestDatabase::Create(storage::Backend::kSqlite);
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(database_->db(), clock_).ok());
    other_db_ = database_->OpenAgain();
    here_store_ = std::make_unique<storage::AccountStore>(database_->db(), clock_);
    there_store_ = std::make_unique<storage::AccountStore>(*other_db_, clock_);
    here_ = Make(*here_store_);
    there_ = Make(*there_store_);
    domain::User user;
    user.email = "anna@furesoe.dk";
    user.display_name = "Anna";
    user.password_hash = "no password: sessions are opened directly";
    auto created = here_store_->CreateUser(domain::Actor::System("test", "t"), user,
                                           {{Role::kMunicipalAdmin, "0190", std::nullopt, std::nullopt}});
    ASSERT_TRUE(created.ok());
    user_id_ = created->id;
    auto session = here_->OpenSession(user_id_);
    ASSERT_TRUE(session.ok());
    request_.headers.Add("Cookie", session->set_cookie.substr(0, session->set_cookie.find(';')));
  }
  std::unique_ptr<Authenticator> Make(storage::AccountStore& store) {
    AuthOptions options;
    options.secret = "the same secret for both instances";
    options.password_limits = password::Minimal();
    options.session_cache = std::chrono::milliseconds(200);
    auto authenticator = std::make_unique<Authenticator>(store, clock_, options);
    store.OnUserChanged([raw = authenticator.get()](int64_t id) { raw->ForgetUser(id); });
    return authenticator;
  }
  bool LoggedIn(Authenticator& authenticator) {
    auto principal = authenticator.Authenticate(request_);
    return principal.ok() && !(*principal)->IsPublic();
  }
  size_t Roles(Authenticator& authenticator) {
    auto principal = authenticator.Authenticate(request_);
    return principal.ok() ? (*principal)->grants.size() : 0;
  }

  FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1795000000))};
  std::unique_ptr<samskab::testing::TestDatabase> database_;
  std::unique_ptr<storage::Database> other_db_;
  std::unique_ptr<storage::AccountStore> here_store_, there_store_;
  std::unique_ptr<Authenticator> here_, there_;
  int64_t user_id_ = 0;
  http::Request request_;
};

TEST_F(SessionCache, AChangeThroughThisInstanceCountsAtOnce) {
  ASSERT_EQ(Roles(*here_), 1U);  // read and remembered
  ASSERT_TRUE(here_store_
                  ->AddGrant(domain::Actor::System("test", "t"), user_id_,
                             {Role::kPlatformAdmin, "", std::nullopt, std::nullopt})
                  .ok());
  EXPECT_EQ(Roles(*here_), 2U);
  ASSERT_TRUE(here_->LogoutEverywhere(user_id_).ok());
  EXPECT_FALSE(LoggedIn(*here_));
}

TEST_F(SessionCache, AChangeThroughAnotherInstanceCountsWithinTheCacheTime) {
  ASSERT_TRUE(LoggedIn(*there_));  // the other instance remembers the session
  ASSERT_TRUE(here_->LogoutEverywhere(user_id_).ok());
  EXPECT_FALSE(LoggedIn(*here_));
  // Within its 200 ms the other instance may still accept it; after them it must not.
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  EXPECT_FALSE(LoggedIn(*there_));
}

TEST_F(SessionCache, ExpiryAndIdleTimeAreCheckedOnEveryRequest) {
  ASSERT_TRUE(LoggedIn(*here_));
  clock_.Advance(std::chrono::hours(3));  // idle beyond 2 h, within the cache's 200 ms of real time
  EXPECT_FALSE(LoggedIn(*here_));
}

}  // namespace
}  // namespace samskab::auth
