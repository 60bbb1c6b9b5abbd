// The partner organisation's approvals of offers for vulnerable needs (domain/market/need_approval.h,
// table need_approvals of migration 0009, docs/decisions/0018-approval.md) on the storage seam; the
// same SQL serves SQLite and PostgreSQL.
//
// Two sides, each with its own key:
//  - the need's municipality (the scope from the authorisation decision): its staff ask for an
//    offer the municipality may see and read the need's approvals;
//  - the partner organisation (the organisation of the route): its admins read the approvals asked
//    of it and decide. An approval is the organisation's only while it is the need's partner and
//    the need is vulnerable; any other is "not found".
// Every change is audited in its transaction, in the need's municipality; the e-mail notices (to
// the partner's admins when asked, to the asker when decided) are queued in the outbox in the same
// transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/audit/audit.h"
#include "domain/market/need.h"
#include "domain/market/need_approval.h"
#include "domain/unit/unit.h"
#include "storage/database.h"
#include "storage/notices.h"

namespace samskab::storage {

struct NeedApprovalPage {
  std::vector<domain::NeedApproval> items;  // newest request first
  int64_t total = 0;
};

// An offer the staff may ask approval for (the need page's choice).
struct AskableOffer {
  int64_t id = 0;
  std::string title;
  std::string kind;
  std::string owner_name;
};

// What the notices about approvals are written with: the catalog's texts and the site's address
// for the links.
struct ApprovalNotices {
  NoticeText text;
  std::string public_url;
};

class NeedApprovalStore {
 public:
  NeedApprovalStore(Database& database, const Clock& clock, NoticeText text, std::string public_url)
      : database_(database), clock_(clock), text_(std::move(text)), public_url_(std::move(public_url)) {}

  // --- the need's municipality ---

  // The need's approvals (of offers the municipality may see), oldest request first; kNotFound
  // "need.error.not_found" for a need of another municipality.
  Result<std::vector<domain::NeedApproval>> ListForNeed(const domain::MunicipalityScope& scope,
                                                        int64_t need_id);
  // Open offers the municipality may see and that have no approval for the need yet, newest first.
  Result<std::vector<AskableOffer>> AskableOffers(const domain::MunicipalityScope& scope, int64_t need_id,
                                                  int limit);

  struct Asked {
    domain::NeedApproval approval;
    bool created = false;  // false: it was already waiting (asking twice changes nothing)
  };
  // Asks the need's partner organisation to approve the offer. kNotFound "need.error.not_found" /
  // "offer.error.not_found" (an offer the municipality may not see is not found);
  // kInvalidArgument "need_approval.error.not_vulnerable" for a need that needs no approval;
  // kFailedPrecondition "need_approval.error.already_decided" when the partner has decided.
  Result<Asked> Ask(const domain::MunicipalityScope& scope, const domain::Actor& actor, int64_t need_id,
                    int64_t offer_id);

  // --- the partner organisation ---

  // The approvals asked of the organisation (optionally of one decision), newest request first.
  Result<NeedApprovalPage> ListForOrganisation(int64_t organisation_id,
                                               std::optional<domain::ApprovalDecision> decision,
                                               int64_t offset, int64_t limit);
  // Those the organisation has decided (approved or declined), newest request first.
  Result<NeedApprovalPage> ListDecidedForOrganisation(int64_t organisation_id, int64_t offset, int64_t limit);
  // kNotFound "need_approval.error.not_found" unless the organisation is the need's partner.
  Result<domain::NeedApproval> GetForOrganisation(int64_t organisation_id, int64_t need_id, int64_t offer_id);
  // The partner's decision (NormaliseApprovalChoice: kInvalidArgument naming the fields);
  // kNotFound as above; kInvalidArgument "need_approval.error.not_vulnerable" when the need no
  // longer is; kPreconditionFailed when `expected_revision` is stale. The asker is told.
  Result<domain::NeedApproval> Decide(int64_t organisation_id, const domain::Actor& actor, int64_t need_id,
                                      int64_t offer_id, domain::ApprovalChoice choice,
                                      int64_t expected_revision);

 private:
  Database& database_;
  const Clock& clock_;
  Result<NeedApprovalPage> ListPartners(const std::string& where, const Params& params, int64_t offset,
                                        int64_t limit);
  NoticeText text_;
  std::string public_url_;
};

// --- inside the transactions of the stores that change needs and offers ---

// Deleting a need or an offer deletes its approvals (audited, each in its need's municipality).
Status DeleteApprovalsOfNeed(Connection& connection, const domain::Actor& actor, int64_t need_id,
                             const std::string& now);
Status DeleteApprovalsOfOffer(Connection& connection, const domain::Actor& actor, int64_t offer_id,
                              const std::string& now);
// A vulnerable need whose partner organisation changed: its approvals wait again, for the new
// partner (decisions by another organisation do not count for this one). Audited; with
// `notices`, the new partner's admins are told, as when staff ask.
Status MoveApprovalsToPartner(Connection& connection, const domain::Actor& actor, const domain::Need& need,
                              const std::string& now, const ApprovalNotices* notices);

}  // namespace samskab::storage
