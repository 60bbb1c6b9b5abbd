// The applications' contract on SQLite and PostgreSQL: applying logged in and by e-mail with its
// verification link, the bad cases (twice, full, closed, draft, ended, unknown, bad e-mail) with
// nothing changed, the transition table in the store, capacity (also under two concurrent
// agreements), the child-protection certificate, messages, the audit log and the outbox.
#include "storage/application_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/app.h"
#include "storage/account_store.h"
#include "support/market_fixture.h"
#include "support/test_support.h"

namespace samskab::storage {
namespace {

using domain::Application;
using domain::ApplicationState;
using domain::Party;
using samskab::testing::CountRows;
using samskab::testing::InsertOpportunity;
using samskab::testing::InsertProfile;
using samskab::testing::InsertUser;
using samskab::testing::OpportunityRow;

const FixedClock& TestClock() {  // 2026-11-18
  static const FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795000000)));
  return kClock;
}

std::string FakeText(std::string_view lang, std::string_view key) {
  return std::string(lang) + ":" + std::string(key) + " {title} {state} {link}";
}

class ApplicationContract : public samskab::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::MigrateAndLoadReferenceData(db(), TestClock()).ok());
    store_ = std::make_unique<ApplicationStore>(db(), TestClock(), FakeText, ApplicationStoreOptions{});
    poster_ = InsertUser(db(), "poster@kommune.dk", "Poster");
    volunteer_ = InsertUser(db(), "frida@example.dk", "Frida");
    org_ = OrganisationId();
  }
  int64_t OrganisationId() {
    auto lease = db().Acquire();
    auto rows = (*lease)->Query(
        "INSERT INTO organisations (name, kind, created_at, updated_at) VALUES ('Spejderne', 'association', "
        "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id");
    EXPECT_TRUE(rows.ok()) << rows.status().log_message();
    return rows.ok() ? rows->front().Int(0) : 0;
  }
  int64_t Opportunity(OpportunityRow row = {}) {
    row.organisation_id = org_;
    row.created_by = poster_;
    return InsertOpportunity(db(), row);
  }
  Application Draft(int64_t opportunity, std::optional<int64_t> user, const std::string& email) {
    Application a;
    a.opportunity_id = opportunity;
    a.user_id = user;
    a.email = email;
    a.name = "Frida Hansen";
    a.phone = "12345678";
    a.motivation = "Jeg kan lide at hjælpe.";
    return a;
  }
  Application ApplyOk(int64_t opportunity, std::optional<int64_t> user, const std::string& email) {
    auto applied = store_->Apply(actor_, Draft(opportunity, user, email), "da");
    EXPECT_TRUE(applied.ok()) << applied.status().log_message();
    return applied.ok() ? applied->application : Application{};
  }
  int64_t Applications() { return CountRows(db(), "SELECT COUNT(*) FROM applications"); }
  int64_t Outbox() { return CountRows(db(), "SELECT COUNT(*) FROM outbox"); }
  int64_t Audit(const std::string& action) {
    return CountRows(db(), "SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  }
  std::unique_ptr<ApplicationStore> store_;
  domain::Actor actor_ = domain::Actor::System("test", "r1");
  int64_t poster_ = 0;
  int64_t volunteer_ = 0;
  int64_t org_ = 0;
};

TEST_P(ApplicationContract, ALoggedInPersonAppliesAndThePosterIsTold) {
  const int64_t id = Opportunity();
  const Application a = ApplyOk(id, volunteer_, " Frida@Example.dk ");
  EXPECT_EQ(a.state, ApplicationState::kNew);
  EXPECT_EQ(a.email, "frida@example.dk");
  EXPECT_EQ(a.opportunity.title, "Lektiehjælp i Farum");
  EXPECT_EQ(Audit("application.create"), 1);
  EXPECT_EQ(CountRows(db(),
                      "SELECT COUNT(*) FROM outbox WHERE recipient = 'poster@kommune.dk' AND body LIKE "
                      "'%/account/organisations/" +
                          std::to_string(org_) + "/opportunities/" + std::to_string(id) + "/applications%'"),
            1);
  // The audit log keeps no contact details.
  EXPECT_EQ(CountRows(db(), "SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%frida%'"), 0);
  auto mine = store_->AllForUser(volunteer_);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
}

TEST_P(ApplicationContract, AnAnonymousApplicationCountsOnlyAfterItsLinkIsFollowed) {
  const int64_t id = Opportunity();
  auto applied = store_->Apply(actor_, Draft(id, std::nullopt, "anon@example.dk"), "nb");
  ASSERT_TRUE(applied.ok()) << applied.status().log_message();
  EXPECT_EQ(applied->application.state, ApplicationState::kUnverified);
  ASSERT_FALSE(applied->verify_token.empty());
  // Only the hash is stored; the mail carries the link, in the applicant's language.
  EXPECT_EQ(CountRows(db(), "SELECT COUNT(*) FROM applications WHERE verify_token_hash = ?",
                      {applied->verify_token}),
            0);
  EXPECT_EQ(CountRows(db(),
                      "SELECT COUNT(*) FROM outbox WHERE recipient = 'anon@example.dk' AND body LIKE "
                      "'nb:mail.application_verify.body%/applications/verify?token=" +
                          applied->verify_token + "%'"),
            1);
  // The poster does not see it yet.
  EXPECT_EQ(store_->ListForOpportunity(id, ApplicationOrder::kById, 0, 20)->total, 0);
  auto verified = store_->Verify(actor_, applied->verify_token);
  ASSERT_TRUE(verified.ok()) << verified.status().log_message();
  EXPECT_EQ(verified->state, ApplicationState::kNew);
  EXPECT_EQ(store_->ListForOpportunity(id, ApplicationOrder::kById, 0, 20)->items.size(), 1u);
  EXPECT_EQ(Audit("application.verify"), 1);
  // A link works once.
  auto again = store_->Verify(actor_, applied->verify_token);
  EXPECT_EQ(again.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(again.status().user_message_key(), "application.error.link");
  EXPECT_EQ(store_->Verify(actor_, "nonsense").status().code(), ErrorCode::kNotFound);
}

TEST_P(ApplicationContract, BadApplicationsAreRefusedClearlyAndChangeNothing) {
  const int64_t open = Opportunity();
  ApplyOk(open, volunteer_, "frida@example.dk");
  const int64_t before_rows = Applications();
  const int64_t before_mail = Outbox();
  struct Case {
    const char* what;
    Result<ApplicationStore::Applied> result;
    ErrorCode code;
    std::string key;
  };
  OpportunityRow closed;
  closed.status = "closed";
  OpportunityRow draft;
  draft.status = "draft";
  OpportunityRow ended;
  ended.ends_on = "2026-11-17";
  Application bad_email = Draft(open, std::nullopt, "ikke-en-adresse");
  Application no_name = Draft(open, std::nullopt, "x@example.dk");
  no_name.name = "  ";
  const Case cases[] = {
      {"twice", store_->Apply(actor_, Draft(open, std::nullopt, "FRIDA@example.dk"), "da"),
       ErrorCode::kAlreadyExists, "application.error.duplicate"},
      {"closed", store_->Apply(actor_, Draft(Opportunity(closed), volunteer_, "frida@example.dk"), "da"),
       ErrorCode::kFailedPrecondition, "application.error.closed"},
      {"draft", store_->Apply(actor_, Draft(Opportunity(draft), volunteer_, "frida@example.dk"), "da"),
       ErrorCode::kFailedPrecondition, "application.error.closed"},
      {"ended", store_->Apply(actor_, Draft(Opportunity(ended), volunteer_, "frida@example.dk"), "da"),
       ErrorCode::kFailedPrecondition, "application.error.closed"},
      {"unknown", store_->Apply(actor_, Draft(999999, volunteer_, "frida@example.dk"), "da"),
       ErrorCode::kNotFound, "application.error.no_opportunity"},
      {"bad e-mail", store_->Apply(actor_, bad_email, "da"), ErrorCode::kInvalidArgument, "validation.email"},
      {"no name", store_->Apply(actor_, no_name, "da"), ErrorCode::kInvalidArgument, "validation.required"},
  };
  for (const auto& c : cases) {
    ASSERT_FALSE(c.result.ok()) << c.what;
    EXPECT_EQ(c.result.status().code(), c.code) << c.what;
    EXPECT_EQ(c.result.status().user_message_key(), c.key) << c.what;
  }
  EXPECT_EQ(Applications(), before_rows);
  EXPECT_EQ(Outbox(), before_mail);
}

TEST_P(ApplicationContract, AFullOpportunityTakesNoMoreApplicationsOrAgreements) {
  OpportunityRow one;
  one.capacity = 1;
  const int64_t id = Opportunity(one);
  const Application first = ApplyOk(id, std::nullopt, "a@example.dk");
  const Application second = ApplyOk(id, volunteer_, "frida@example.dk");
  // The anonymous one is verified first (it cannot be agreed before).
  EXPECT_EQ(
      store_->ChangeState(actor_, first.id, ApplicationState::kAgreed, Party::kPoster, first.revision, false)
          .status()
          .user_message_key(),
      "application.error.transition");
  auto agreed = store_->ChangeState(actor_, second.id, ApplicationState::kAgreed, Party::kPoster, 1, false);
  ASSERT_TRUE(agreed.ok()) << agreed.status().log_message();
  EXPECT_EQ(agreed->revision, 2);
  // Full now: no more agreements, no more applications.
  const int64_t mail = Outbox();
  const int64_t third_user = InsertUser(db(), "c@example.dk", "C");
  auto third = store_->Apply(actor_, Draft(id, third_user, "c@example.dk"), "da");
  EXPECT_EQ(third.status().user_message_key(), "application.error.full");
  // Ending the agreed one frees its place: active still counts, ended does not.
  ASSERT_TRUE(
      store_->ChangeState(actor_, second.id, ApplicationState::kActive, Party::kPoster, 2, false).ok());
  EXPECT_EQ(store_->Apply(actor_, Draft(id, third_user, "c@example.dk"), "da").status().user_message_key(),
            "application.error.full");
  EXPECT_EQ(Outbox(), mail + 1);  // the state notice of 'active' only
  ASSERT_TRUE(
      store_->ChangeState(actor_, second.id, ApplicationState::kEnded, Party::kPoster, 3, false).ok());
  EXPECT_TRUE(store_->Apply(actor_, Draft(id, third_user, "c@example.dk"), "da").ok());
}

TEST_P(ApplicationContract, TheTransitionTableAndTheRevisionAreEnforced) {
  const int64_t id = Opportunity();
  const Application a = ApplyOk(id, volunteer_, "frida@example.dk");
  // The applicant may not agree for the poster; the poster may not withdraw for the applicant.
  auto refused = store_->ChangeState(actor_, a.id, ApplicationState::kAgreed, Party::kApplicant, 1, false);
  EXPECT_EQ(refused.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().user_message_key(), "application.error.transition");
  EXPECT_FALSE(
      store_->ChangeState(actor_, a.id, ApplicationState::kWithdrawn, Party::kPoster, 1, false).ok());
  EXPECT_EQ(store_->ChangeState(actor_, a.id, ApplicationState::kContacted, Party::kPoster, 7, false)
                .status()
                .code(),
            ErrorCode::kPreconditionFailed);
  EXPECT_EQ(store_->Get(a.id)->state, ApplicationState::kNew);
  EXPECT_EQ(Audit("application.state"), 0);
  auto contacted = store_->ChangeState(actor_, a.id, ApplicationState::kContacted, Party::kPoster, 1, false);
  ASSERT_TRUE(contacted.ok());
  // The applicant is told, with the state in the opportunity's language.
  EXPECT_EQ(CountRows(db(),
                      "SELECT COUNT(*) FROM outbox WHERE recipient = 'frida@example.dk' AND body LIKE "
                      "'%da:application.state.contacted%'"),
            1);
  auto withdrawn =
      store_->ChangeState(actor_, a.id, ApplicationState::kWithdrawn, Party::kApplicant, 2, false);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(Audit("application.state"), 2);
  // Nothing leaves 'withdrawn'.
  for (const auto to : domain::kApplicationStates) {
    EXPECT_FALSE(store_->ChangeState(actor_, a.id, to, Party::kPoster, 3, false).ok());
    EXPECT_FALSE(store_->ChangeState(actor_, a.id, to, Party::kApplicant, 3, false).ok());
  }
}

TEST_P(ApplicationContract, WorkWithChildrenNeedsTheCertificateBeforeAgreeing) {
  OpportunityRow children;
  children.involves_children = true;
  children.capacity = 5;
  const int64_t id = Opportunity(children);
  const Application without = ApplyOk(id, volunteer_, "frida@example.dk");
  EXPECT_EQ(without.certificate.status, "no_profile");
  auto refused = store_->ChangeState(actor_, without.id, ApplicationState::kAgreed, Party::kPoster, 1, false);
  EXPECT_EQ(refused.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().user_message_key(), "application.error.certificate");
  EXPECT_EQ(store_->Get(without.id)->state, ApplicationState::kNew);
  EXPECT_EQ(Audit("application.state"), 0);
  // A requested certificate is not enough either.
  const int64_t requested_user = InsertUser(db(), "r@example.dk", "R");
  InsertProfile(db(), requested_user, "requested", std::nullopt);
  const Application requested = ApplyOk(id, requested_user, "r@example.dk");
  EXPECT_EQ(requested.certificate.status, "requested");
  EXPECT_FALSE(
      store_->ChangeState(actor_, requested.id, ApplicationState::kAgreed, Party::kPoster, 1, false).ok());
  // The profile's certificate …
  const int64_t holder = InsertUser(db(), "h@example.dk", "H");
  InsertProfile(db(), holder, "obtained", "2026-05-01");
  const Application with = ApplyOk(id, holder, "h@example.dk");
  EXPECT_EQ(with.certificate.status, "obtained");
  EXPECT_EQ(with.certificate.on, "2026-05-01");
  EXPECT_TRUE(store_->ChangeState(actor_, with.id, ApplicationState::kAgreed, Party::kPoster, 1, false).ok());
  // … or the poster's confirmation, kept in the audit log.
  ASSERT_TRUE(
      store_->ChangeState(actor_, without.id, ApplicationState::kAgreed, Party::kPoster, 1, true).ok());
  EXPECT_EQ(CountRows(db(),
                      "SELECT COUNT(*) FROM audit_log WHERE action = 'application.state' AND after_json LIKE "
                      "'%confirmed_by_poster%'"),
            1);
}

TEST_P(ApplicationContract, MessagesGoBothWaysAndTellTheOtherSide) {
  const int64_t id = Opportunity();
  const Application a = ApplyOk(id, volunteer_, "frida@example.dk");
  ASSERT_TRUE(store_->AddMessage(actor_, a.id, Party::kPoster, "Hej Frida, kan du tirsdag?").ok());
  ASSERT_TRUE(store_->AddMessage(actor_, a.id, Party::kApplicant, "Ja, det kan jeg.").ok());
  auto thread = store_->Messages(a.id);
  ASSERT_TRUE(thread.ok());
  ASSERT_EQ(thread->size(), 2u);
  EXPECT_FALSE(thread->at(0).from_applicant);
  EXPECT_TRUE(thread->at(1).from_applicant);
  EXPECT_EQ(CountRows(db(), "SELECT COUNT(*) FROM outbox WHERE body LIKE '%mail.application_message.body%'"),
            1);
  EXPECT_EQ(
      CountRows(db(), "SELECT COUNT(*) FROM outbox WHERE body LIKE '%mail.application_message_poster.body%'"),
      1);
  EXPECT_EQ(Audit("application.message"), 2);
  EXPECT_EQ(store_->AddMessage(actor_, a.id, Party::kPoster, "   ").status().code(),
            ErrorCode::kInvalidArgument);
  auto anonymous = store_->Apply(actor_, Draft(id, std::nullopt, "anon@example.dk"), "da");
  ASSERT_TRUE(anonymous.ok());
  EXPECT_EQ(store_->AddMessage(actor_, anonymous->application.id, Party::kPoster, "Hej")
                .status()
                .user_message_key(),
            "application.error.unverified");
}

TEST_P(ApplicationContract, ErasingAnAccountDeletesItsApplicationsAndTheirMessages) {
  const int64_t id = Opportunity();
  const Application a = ApplyOk(id, volunteer_, "frida@example.dk");
  ASSERT_TRUE(store_->AddMessage(actor_, a.id, Party::kPoster, "Hej").ok());
  const Application other = ApplyOk(id, std::nullopt, "anon@example.dk");
  AccountStore accounts(db(), TestClock());
  ASSERT_TRUE(accounts.Erase(actor_, volunteer_).ok());
  EXPECT_EQ(store_->Get(a.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(CountRows(db(), "SELECT COUNT(*) FROM application_messages"), 0);
  EXPECT_TRUE(store_->Get(other.id).ok());
}

// Two agreements at the same moment for the last place: exactly one wins, on both backends.
TEST_P(ApplicationContract, TwoConcurrentAgreementsCannotBothTakeTheLastPlace) {
  OpportunityRow one;
  one.capacity = 1;
  const int64_t id = Opportunity(one);
  std::vector<int64_t> ids;
  for (int i = 0; i < 2; ++i) {
    const std::string email = "p" + std::to_string(i) + "@example.dk";
    ids.push_back(ApplyOk(id, InsertUser(db(), email, "P"), email).id);
  }
  for (int round = 0; round < 5; ++round) {
    auto first = database_->OpenAgain();
    auto second = database_->OpenAgain();
    ApplicationStore a(*first, TestClock(), FakeText, {});
    ApplicationStore b(*second, TestClock(), FakeText, {});
    std::atomic<int> go{0};
    Result<Application> ra = Application{}, rb = Application{};
    const int64_t rev_a = store_->Get(ids[0])->revision;
    const int64_t rev_b = store_->Get(ids[1])->revision;
    std::thread ta([&] {
      go.fetch_add(1);
      while (go.load() < 2) {
      }
      ra = a.ChangeState(actor_, ids[0], ApplicationState::kAgreed, Party::kPoster, rev_a, false);
    });
    std::thread tb([&] {
      go.fetch_add(1);
      while (go.load() < 2) {
      }
      rb = b.ChangeState(actor_, ids[1], ApplicationState::kAgreed, Party::kPoster, rev_b, false);
    });
    ta.join();
    tb.join();
    EXPECT_NE(ra.ok(), rb.ok()) << "round " << round << ": " << ra.status().log_message() << " / "
                                << rb.status().log_message();
    const auto& loser = ra.ok() ? rb : ra;
    EXPECT_EQ(loser.status().user_message_key(), "application.error.full");
    EXPECT_EQ(CountRows(db(), "SELECT COUNT(*) FROM applications WHERE state = 'agreed'"), 1);
    // Back to the start for the next round: decline the winner's and reopen it as a new application.
    const int64_t winner = ra.ok() ? ids[0] : ids[1];
    auto lease = db().Acquire();
    ASSERT_TRUE((*lease)->Execute("UPDATE applications SET state = 'new' WHERE id = ?", {winner}).ok());
  }
}

// The lists page: page 2 holds what page 1 did not, the total counts them all, and the pipeline's
// order keeps each state's applications together.
TEST_P(ApplicationContract, TheListsPageAndThePipelineOrderGroupsByState) {
  OpportunityRow row;
  row.capacity = 10;
  const int64_t id = Opportunity(row);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    const int64_t user = InsertUser(db(), "v" + std::to_string(i) + "@example.dk", "V");
    ids.push_back(ApplyOk(id, user, "v" + std::to_string(i) + "@example.dk").id);
  }
  // The first two applications move on: contacted, then agreed.
  ASSERT_TRUE(store_->ChangeState(actor_, ids[0], ApplicationState::kAgreed, Party::kPoster, 1, false).ok());
  ASSERT_TRUE(
      store_->ChangeState(actor_, ids[1], ApplicationState::kContacted, Party::kPoster, 1, false).ok());
  // Not verified: not the poster's, not counted.
  ASSERT_TRUE(store_->Apply(actor_, Draft(id, std::nullopt, "anon@example.dk"), "da").ok());

  auto first = store_->ListForOpportunity(id, ApplicationOrder::kById, 0, 3);
  auto second = store_->ListForOpportunity(id, ApplicationOrder::kById, 3, 3);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->total, 5);
  ASSERT_EQ(first->items.size(), 3u);
  ASSERT_EQ(second->items.size(), 2u);
  std::vector<int64_t> seen;
  for (const auto* page : {&*first, &*second}) {
    for (const auto& a : page->items) seen.push_back(a.id);
  }
  EXPECT_EQ(seen, ids) << "by id, each once";

  auto by_state = store_->ListForOpportunity(id, ApplicationOrder::kByState, 0, 20);
  ASSERT_TRUE(by_state.ok());
  std::vector<ApplicationState> states;
  for (const auto& a : by_state->items) states.push_back(a.state);
  EXPECT_EQ(states, (std::vector<ApplicationState>{ApplicationState::kNew, ApplicationState::kNew,
                                                   ApplicationState::kNew, ApplicationState::kContacted,
                                                   ApplicationState::kAgreed}));
  auto counts = store_->CountByState(id);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(*counts, (std::map<ApplicationState, int64_t>{{ApplicationState::kNew, 3},
                                                          {ApplicationState::kContacted, 1},
                                                          {ApplicationState::kAgreed, 1}}));

  // A person's list: newest first, paged.
  const int64_t other = Opportunity();
  const int64_t third = Opportunity();
  ApplyOk(id, volunteer_, "frida@example.dk");
  ApplyOk(other, volunteer_, "frida@example.dk");
  ApplyOk(third, volunteer_, "frida@example.dk");
  auto mine_first = store_->ListForUser(volunteer_, 0, 2);
  auto mine_second = store_->ListForUser(volunteer_, 2, 2);
  ASSERT_TRUE(mine_first.ok() && mine_second.ok());
  EXPECT_EQ(mine_first->total, 3);
  ASSERT_EQ(mine_first->items.size(), 2u);
  ASSERT_EQ(mine_second->items.size(), 1u);
  EXPECT_EQ(mine_first->items[0].opportunity_id, third);
  EXPECT_EQ(mine_first->items[1].opportunity_id, other);
  EXPECT_EQ(mine_second->items[0].opportunity_id, id);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         samskab::testing::BackendName);

}  // namespace
}  // namespace samskab::storage
