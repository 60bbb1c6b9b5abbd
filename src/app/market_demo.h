// The demo's market (issue 5): a few volunteers with profiles and open opportunities in the demo
// municipality, with Danish texts, so that the profile page, the public opportunity pages, the
// search and the matching have something to show. Idempotent.
#pragma once

#include "app/app.h"

namespace samskab::app {

// Adds the demo volunteers (the demo's volunteer frivillig@demo.samskab.dk and three more, all
// with the demo password) with profiles, and five open opportunities of the demo municipality's
// units and the demo organisation, unless the municipality already has opportunities. Danish
// municipalities only. REQUIRES: SetUpDemoPeople and SetUpDemoCollaborations ran (units).
Status SetUpDemoMarket(App& app);

}  // namespace samskab::app
