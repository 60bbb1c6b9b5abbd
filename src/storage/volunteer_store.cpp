#include "storage/volunteer_store.h"

#include <fmt/format.h>

#include "domain/market/skills.h"
#include "domain/vocabulary/vocabulary.h"
#include "storage/audit_store.h"
#include "storage/market_changes.h"

namespace samskab::storage {
namespace {

using domain::VolunteerProfile;

constexpr char kEntity[] = "volunteer_profile";

#define SAMSKAB_COLUMNS                                                                                  \
  "v.id, v.user_id, v.about, v.skills, v.skill_tags, v.languages, v.availability, v.postcode, "          \
  "v.travel_km, v.welfare_areas, v.target_groups, v.child_certificate, v.child_certificate_on, "         \
  "v.visibility, v.consent_matching, v.active, v.revision, v.created_at, v.updated_at, u.display_name, " \
  "u.email FROM volunteer_profiles v JOIN users u ON u.id = v.user_id"
constexpr char kSelectByUser[] = "SELECT " SAMSKAB_COLUMNS " WHERE v.user_id = ?";
// The one predicate of "shared with municipalities" (domain::SharedWithMunicipalities).
#define SAMSKAB_SHARED "v.visibility IN ('municipalities', 'public') AND v.active = 1"
constexpr char kSelectShared[] = "SELECT " SAMSKAB_COLUMNS " WHERE v.id = ? AND " SAMSKAB_SHARED;
constexpr char kListShared[] =
    "SELECT " SAMSKAB_COLUMNS " WHERE " SAMSKAB_SHARED
    " AND (? = '' OR v.skills LIKE ?) AND (? = '' OR v.languages LIKE ?) AND (? = '' OR v.postcode = ?)"
    " ORDER BY v.updated_at DESC, v.id DESC LIMIT ? OFFSET ?";
constexpr char kCountShared[] =
    "SELECT COUNT(*) FROM volunteer_profiles v WHERE " SAMSKAB_SHARED
    " AND (? = '' OR v.skills LIKE ?) AND (? = '' OR v.languages LIKE ?) AND (? = '' OR v.postcode = ?)";
#undef SAMSKAB_SHARED
#undef SAMSKAB_COLUMNS
constexpr char kInsert[] =
    "INSERT INTO volunteer_profiles (user_id, about, skills, skill_tags, languages, availability, postcode, "
    "travel_km, welfare_areas, target_groups, child_certificate, child_certificate_on, visibility, "
    "consent_matching, active, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr char kUpdate[] =
    "UPDATE volunteer_profiles SET about = ?, skills = ?, skill_tags = ?, languages = ?, availability = ?, "
    "postcode = ?, travel_km = ?, welfare_areas = ?, target_groups = ?, child_certificate = ?, "
    "child_certificate_on = ?, visibility = ?, consent_matching = ?, active = ?, revision = revision + 1, "
    "updated_at = ? WHERE user_id = ? AND revision = ?";
constexpr char kDelete[] = "DELETE FROM volunteer_profiles WHERE user_id = ? AND revision = ?";
// The volunteer role, unless the person holds it (role_grants: a volunteer grant has no scope).
constexpr char kGrantVolunteer[] =
    "INSERT INTO role_grants (user_id, role, created_at) SELECT ?, 'volunteer', ? WHERE NOT EXISTS "
    "(SELECT 1 FROM role_grants WHERE user_id = ? AND role = 'volunteer')";

int64_t Flag(bool value) { return value ? 1 : 0; }

VolunteerProfile FromRow(const Row& row, const domain::PostcodeDirectory& postcodes) {
  VolunteerProfile p;
  p.id = row.Int(0);
  p.user_id = row.Int(1);
  p.about = row.Text(2);
  p.skills = domain::SplitKeyList(row.Text(3));
  p.skill_tags = domain::SplitKeyList(row.Text(4));
  p.languages = domain::SplitKeyList(row.Text(5));
  p.availability = domain::WeeklyAvailability::FromBits(static_cast<uint32_t>(row.Int(6)));
  p.postcode = row.OptionalText(7);
  if (p.postcode) {
    if (auto found = postcodes.Lookup(*p.postcode)) p.town = found->town;
  }
  p.travel_km = static_cast<int>(row.Int(8));
  p.welfare_areas = domain::SplitKeyList(row.Text(9));
  p.target_groups = domain::SplitKeyList(row.Text(10));
  p.child_certificate = domain::ParseChildCertificate(row.Text(11)).value_or(domain::ChildCertificate::kNone);
  p.child_certificate_on = row.OptionalText(12);
  p.visibility =
      domain::ParseVolunteerVisibility(row.Text(13)).value_or(domain::VolunteerVisibility::kPrivate);
  p.consent_matching = row.Int(14) != 0;
  p.active = row.Int(15) != 0;
  p.revision = row.Int(16);
  p.created_at = row.Text(17);
  p.updated_at = row.Text(18);
  p.display_name = row.Text(19);
  p.email = row.Text(20);
  return p;
}

Result<std::optional<VolunteerProfile>> FindByUser(Connection& connection, int64_t user_id,
                                                   const domain::PostcodeDirectory& postcodes) {
  auto rows = connection.Query(kSelectByUser, {user_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<VolunteerProfile>();
  return std::optional<VolunteerProfile>(FromRow(rows->front(), postcodes));
}

Status Stale(int64_t user_id) {
  return Status(ErrorCode::kPreconditionFailed, fmt::format("stale volunteer profile of user {}", user_id),
                "volunteer.error.stale");
}

Status NoProfile(int64_t user_id) {
  return NotFound(fmt::format("user {} has no volunteer profile", user_id), "volunteer.error.not_found");
}

// The profile's stored columns after user_id, in the order of kInsert (and, without user_id, kUpdate).
Params ProfileValues(const VolunteerProfile& p) {
  return {p.about,
          domain::JoinKeyList(p.skills),
          domain::JoinKeyList(p.skill_tags),
          domain::JoinKeyList(p.languages),
          int64_t{p.availability.bits()},
          NullIfEmpty(p.postcode),
          int64_t{p.travel_km},
          domain::JoinKeyList(p.welfare_areas),
          domain::JoinKeyList(p.target_groups),
          std::string(domain::ChildCertificateName(p.child_certificate)),
          NullIfEmpty(p.child_certificate_on),
          std::string(domain::VolunteerVisibilityName(p.visibility)),
          Flag(p.consent_matching),
          Flag(p.active)};
}

}  // namespace

std::vector<FieldProblem> VolunteerStore::Normalise(VolunteerProfile& profile) const {
  const std::string today = FormatUtc(clock_.Now()).substr(0, 10);
  return domain::NormaliseVolunteerProfile(profile, postcodes_, today);
}

Result<VolunteerProfile> VolunteerStore::GetOwn(int64_t user_id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto found = FindByUser(**lease, user_id, postcodes_);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return NoProfile(user_id);
  return std::move(**found);
}

Result<VolunteerProfile> VolunteerStore::SaveOwn(const domain::Actor& actor, int64_t user_id,
                                                 VolunteerProfile p, int64_t expected_revision) {
  std::vector<FieldProblem> problems = Normalise(p);
  if (!problems.empty()) return ValidationFailed(std::move(problems));
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<VolunteerProfile>(
      database_, [&](Connection& connection) -> Result<VolunteerProfile> {
        auto current = FindByUser(connection, user_id, postcodes_);
        if (!current.ok()) return current.status();
        const bool creating = !current->has_value();
        if (creating) {
          if (expected_revision != 0) return Stale(user_id);
          Params values = ProfileValues(p);
          values.insert(values.begin(), user_id);
          values.emplace_back(now);
          values.emplace_back(now);
          auto inserted = connection.Query(kInsert, values);
          // Created by two requests at once: the second learns it exists, as with a stale revision.
          if (!inserted.ok())
            return inserted.status().code() == ErrorCode::kAlreadyExists ? Stale(user_id) : inserted.status();
          auto granted = connection.Execute(kGrantVolunteer, {user_id, now, user_id});
          if (!granted.ok()) return granted.status();
        } else {
          if ((*current)->revision != expected_revision) return Stale(user_id);
          Params values = ProfileValues(p);
          values.emplace_back(now);
          values.emplace_back(user_id);
          values.emplace_back(expected_revision);
          auto updated = connection.Execute(kUpdate, values);
          if (!updated.ok()) return updated.status();
          if (*updated == 0) return Stale(user_id);
        }
        auto saved = FindByUser(connection, user_id, postcodes_);
        if (!saved.ok()) return saved.status();
        if (!saved->has_value()) return Internal("saved volunteer profile not found");
        SAMSKAB_RETURN_IF_ERROR(RecordVolunteerChange(connection, (*saved)->id, clock_));
        SAMSKAB_RETURN_IF_ERROR(RecordAudit(
            connection, actor, "", creating ? "volunteer.create" : "volunteer.update", kEntity,
            std::to_string((*saved)->id),
            creating ? std::nullopt : std::optional<std::string>(domain::VolunteerOwnJson(**current).dump()),
            domain::VolunteerOwnJson(**saved).dump(), now));
        return std::move(**saved);
      });
}

Status VolunteerStore::DeleteOwn(const domain::Actor& actor, int64_t user_id, int64_t expected_revision) {
  const std::string now = FormatUtc(clock_.Now());
  return InWriteTransaction<bool>(
             database_,
             [&](Connection& connection) -> Result<bool> {
               auto current = FindByUser(connection, user_id, postcodes_);
               if (!current.ok()) return current.status();
               if (!current->has_value()) return NoProfile(user_id);
               if ((*current)->revision != expected_revision) return Stale(user_id);
               auto deleted = connection.Execute(kDelete, {user_id, expected_revision});
               if (!deleted.ok()) return deleted.status();
               if (*deleted == 0) return Stale(user_id);
               SAMSKAB_RETURN_IF_ERROR(RecordVolunteerChange(connection, (*current)->id, clock_));
               SAMSKAB_RETURN_IF_ERROR(RecordAudit(
                   connection, actor, "", "volunteer.delete", kEntity, std::to_string((*current)->id),
                   domain::VolunteerOwnJson(**current).dump(), std::nullopt, now));
               return true;
             })
      .status();
}

Result<VolunteerPage> VolunteerStore::ListShared(const VolunteerFilter& filter) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  const std::string skill = filter.skill.value_or("");
  const std::string language = filter.language.value_or("");
  const std::string postcode = filter.postcode.value_or("");
  Params params = {skill,   fmt::format("%,{},%", skill), language, fmt::format("%,{},%", language), postcode,
                   postcode};
  auto count = (*lease)->Query(kCountShared, params);
  if (!count.ok()) return count.status();
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto rows = (*lease)->Query(kListShared, params);
  if (!rows.ok()) return rows.status();
  VolunteerPage page;
  page.total = count->front().Int(0);
  for (const Row& row : *rows) page.items.push_back(FromRow(row, postcodes_));
  return page;
}

Result<VolunteerProfile> VolunteerStore::GetShared(int64_t id) {
  auto lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query(kSelectShared, {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return NotFound(fmt::format("volunteer profile {} is not shared", id), "volunteer.error.not_found");
  return FromRow(rows->front(), postcodes_);
}

Status EraseVolunteerProfileOf(Connection& connection, const domain::Actor& actor, int64_t user_id,
                               const Clock& clock) {
  auto rows = connection.Query("SELECT id FROM volunteer_profiles WHERE user_id = ?", {user_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Ok();
  const int64_t id = rows->front().Int(0);
  auto deleted = connection.Execute("DELETE FROM volunteer_profiles WHERE id = ?", {id});
  if (!deleted.ok()) return deleted.status();
  SAMSKAB_RETURN_IF_ERROR(RecordVolunteerChange(connection, id, clock));
  // The person's values leave the audit trail; the fact that changes happened stays.
  auto scrubbed = connection.Execute(
      "UPDATE audit_log SET before_json = NULL, after_json = NULL WHERE entity = ? AND entity_id = ?",
      {std::string(kEntity), std::to_string(id)});
  if (!scrubbed.ok()) return scrubbed.status();
  return RecordAudit(connection, actor, "", "volunteer.erase", kEntity, std::to_string(id), std::nullopt,
                     std::nullopt, FormatUtc(clock.Now()));
}

}  // namespace samskab::storage
