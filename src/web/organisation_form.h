// The organisation profile as a form (the same questions for an organisation's admins and for the
// municipal staff who keep a record) and as a read-only page section (templates/
// organisation_details.tpl, for the public and for staff reading a profile they cannot change).
#pragma once

#include <string>
#include <vector>

#include "domain/organisation/organisation.h"
#include "web/pages.h"

namespace samskab::web {

// Which questions the form asks: all of them, or the few to register an organisation by.
enum class ProfileQuestions { kAll, kRegistration };

// The form posting to `action`, filled from `organisation` (as typed when it comes back with
// `problems`), with the organisation's revision as a hidden field when it has an id.
Form ProfileForm(const PageDependencies& deps, const http::Request& request,
                 const domain::Organisation& organisation, ProfileQuestions questions, std::string action,
                 std::string submit, std::vector<FieldProblem> problems);

// Reads a posted profile form onto `organisation` (fields the form does not have are kept).
// Problems only the form can have (an unknown kind) are returned; the profile's rules are
// checked by the store. Contacts whose fields are all empty are left out, so the remaining ones
// are numbered in order ("contacts.0.email" names the first filled-in one).
std::vector<FieldProblem> ReadProfileForm(const text::Params& params, ProfileQuestions questions,
                                          domain::Organisation& organisation);

// The revision the form was loaded at (0 when missing or malformed).
int64_t PostedRevision(const text::Params& params);

// The profile as HTML: `full` shows every contact (staff), otherwise the public ones only.
std::string ProfileDetails(const PageDependencies& deps, const http::Request& request,
                           const domain::Organisation& organisation, bool full);

// "Folkeoplysende forening" etc.: the kind's label in the request's language.
std::string KindLabel(const PageDependencies& deps, const http::Request& request,
                      domain::OrganisationKind kind);

}  // namespace samskab::web
