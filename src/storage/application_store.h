// Applications to opportunities and their messages on the storage seam (same SQL for SQLite and
// PostgreSQL). Every change is audited and its e-mail notices are queued in the outbox in the
// same transaction. The opportunity and the applicant's volunteer profile are read from their
// tables (the opportunities and volunteer profiles are written elsewhere).
//
// Capacity: an application moves into agreed or active only while fewer than the opportunity's
// capacity are there, checked inside the write transaction after locking the opportunity's row
// (PostgreSQL: SELECT … FOR UPDATE; SQLite: its write transactions already run one at a time).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/application.h"
#include "storage/database.h"
#include "storage/notices.h"  // NoticeText: {title}, {name}, {state}, {link}

namespace samskab::storage {

struct ApplicationStoreOptions {
  std::string public_url = "http://localhost:8080";  // where links in e-mails point
  std::chrono::hours verification_lifetime{24 * 7};  // an anonymous application's link
};

// One page of a list and how many the whole list holds (the lists page by offset, like the
// organisations' and the opportunities').
struct ApplicationPage {
  std::vector<domain::Application> items;
  int64_t total = 0;
};

// The order of an opportunity's applications: by id (the API), or as the pipeline runs (new,
// contacted, agreed, active, ended, declined, withdrawn; by id within a state), so that the
// pipeline page's groups by state stay together across its pages.
enum class ApplicationOrder { kById, kByState };

class ApplicationStore {
 public:
  ApplicationStore(Database& database, const Clock& clock, NoticeText text, ApplicationStoreOptions options);

  // kNotFound for an unknown opportunity.
  Result<domain::OpportunityFacts> Opportunity(int64_t opportunity_id);
  Result<domain::Application> Get(int64_t id);
  // A page of the verified applications to an opportunity (what its poster sees).
  Result<ApplicationPage> ListForOpportunity(int64_t opportunity_id, ApplicationOrder order, int64_t offset,
                                             int64_t limit);
  // How many verified applications to the opportunity are in each state (states without any are
  // absent): the pipeline's counts and the places taken, whichever page is shown.
  Result<std::map<domain::ApplicationState, int64_t>> CountByState(int64_t opportunity_id);
  // A page of a person's own applications, newest first.
  Result<ApplicationPage> ListForUser(int64_t user_id, int64_t offset, int64_t limit);
  // All of them (the personal-data export).
  Result<std::vector<domain::Application>> AllForUser(int64_t user_id);

  struct Applied {
    domain::Application application;
    std::string verify_token;  // anonymous applications: the link's secret (tests use it)
  };
  // A logged-in person's application (user_id set: state 'new', the poster is told) or an
  // anonymous one (state 'unverified', a verification link goes to the e-mail address; only its
  // hash is kept). kInvalidArgument naming the fields; kNotFound for an unknown opportunity;
  // kFailedPrecondition "application.error.closed" / "application.error.full";
  // kAlreadyExists "application.error.duplicate" for the same e-mail address twice.
  Result<Applied> Apply(const domain::Actor& actor, domain::Application application, std::string_view lang);
  // Follows the link: 'unverified' -> 'new', the poster is told. kNotFound "application.error.link"
  // for an unknown, used or expired link.
  Result<domain::Application> Verify(const domain::Actor& actor, std::string_view token);
  // One move of the transition table by `by`. kPreconditionFailed for a stale revision;
  // kFailedPrecondition "application.error.transition" / "application.error.full" /
  // "application.error.certificate". The other side is told by e-mail.
  Result<domain::Application> ChangeState(const domain::Actor& actor, int64_t id, domain::ApplicationState to,
                                          domain::Party by, int64_t expected_revision,
                                          bool certificate_confirmed);

  Result<std::vector<domain::ApplicationMessage>> Messages(int64_t application_id);
  // A message from one side to the other (not on an unverified application); the other side is
  // told by e-mail.
  Result<domain::ApplicationMessage> AddMessage(const domain::Actor& actor, int64_t application_id,
                                                domain::Party by, std::string body);

 private:
  Database& database_;
  const Clock& clock_;
  NoticeText text_;
  ApplicationStoreOptions options_;
};

// The SHA-style hash kept of an application's verification link (never the link itself).
std::string VerificationTokenHash(std::string_view token);

}  // namespace samskab::storage
