// The demo's needs and offers (issue 5, item 4): a few needs of the demo municipality's units (one
// internal, one for a vulnerable target group with its partner organisation) and offers from a
// company (an event day, skills-based volunteering) and an association. Idempotent: nothing is
// added when the municipality already has needs.
#pragma once

#include "app/app.h"

namespace samskab::app {

Status SetUpDemoNeeds(App& app);

}  // namespace samskab::app
