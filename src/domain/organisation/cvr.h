// CVR numbers: the Danish Central Business Register's eight-digit number for a company,
// association or authority. Optional on an organisation's profile; when given, it is checked here.
//
// The organisation profile (to come, beside this file) will combine the CVR number, the postcode
// (domain/place/postcodes.h) and the ICNPO category (icnpo.h) with the organisation's kind, the
// enum OrganisationKind in domain/collaboration/model.h, which is defined with the collaboration
// registry and deliberately not repeated here.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace samskab::domain {

// Checks a CVR number typed by a user and, when valid, rewrites `cvr` to its canonical form of
// eight digits ("29188548"); when invalid, `cvr` is left as typed so a form can show it again.
//
// Accepted, because people copy CVR numbers from letterheads, invoices and the VAT register:
//   - surrounding whitespace, and spaces between the digits ("29 18 85 48");
//   - a "DK" prefix in either case, with or without a space after it ("DK29188548"): the Danish
//     VAT number is the CVR number with that prefix.
// Nothing else: no hyphens, dots or other separators, which would hide a mistyped digit.
//
// Fails with kInvalidArgument and the catalog key
//   - "validation.cvr_format" when it is not eight digits or starts with 0 (no CVR number does);
//   - "validation.cvr_checksum" when the modulus-11 check fails: the digits weighted
//     2, 7, 6, 5, 4, 3, 2, 1 must add up to a multiple of 11, which catches every single wrong
//     digit and most swapped neighbours.
Status ValidateCvr(std::string& cvr);

// True when the eight ASCII digits of `digits` pass the modulus-11 check (nothing else checked).
bool CvrChecksumHolds(std::string_view digits);

}  // namespace samskab::domain
