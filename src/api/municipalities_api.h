// /api/v1/municipalities: the public list of municipalities active on the platform, and one
// municipality by its code. Public data only (name, code, region).
#pragma once

#include "domain/municipality/municipality.h"
#include "http/router.h"

namespace samskab::api {

void RegisterMunicipalityApi(http::Router& router, domain::MunicipalityRepository& municipalities);

}  // namespace samskab::api
