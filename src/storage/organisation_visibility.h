// Which organisations a municipality may see (docs/decisions/0008-organisation-visibility.md):
// public profiles, the ones it registered itself, and the ones shared with it. One SQL fragment
// for every query that needs it; the organisations table must be aliased `o`.
#pragma once

namespace samskab::storage {

// Parameters, in order: the municipality code, the municipality code.
inline constexpr char kOrganisationVisibleIn[] =
    "(o.is_public = 1 OR o.municipality_code = ? OR EXISTS (SELECT 1 FROM organisation_shares s "
    "WHERE s.organisation_id = o.id AND s.municipality_code = ?))";

}  // namespace samskab::storage
