// Danish postcodes: the official DAWA list (data/dk/postnumre_dawa.csv) with a centre for each
// postal district (data/dk/postnumre_centroider.csv, derived by
// scripts/derive-postcode-centroids.py: DAWA's visual centre, or a point on land where that lies
// out at sea). An organisation's address is checked against it and its
// town filled in from it; the centroids place an organisation near a citizen without geocoding
// the street address.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace samskab::domain {

struct GeoPoint {
  double lat = 0;  // degrees north, WGS84
  double lon = 0;  // degrees east, WGS84
};

struct Postcode {
  std::string code;  // always four digits: "0800", "2640"
  std::string town;  // "Hedehusene"
  // The postal district's centre (see above). Missing for large-recipient codes (they have no
  // district) and for districts newer than the GeoJSON the centroids came from.
  std::optional<GeoPoint> centroid;
  // A stormodtager: a code of its own for one large recipient (a company or authority), not a
  // place where an organisation lives. Kept so that such an address still validates.
  bool is_large_recipient = false;
};

// The postcode list, read once at start-up and then only read: safe to share between threads.
class PostcodeDirectory {
 public:
  // Parses the DAWA list (`postnr;navn;stormodtager`) and the centroids (`postnr;lon;lat`).
  // Any malformed line, duplicate, or centroid for an unknown code fails the whole load: the
  // files are ours, so a problem in them is a bug to see at start-up, not a gap to discover later.
  static Result<PostcodeDirectory> Parse(std::string_view postcodes_csv, std::string_view centroids_csv);
  // The same from the copies compiled into the binary.
  static Result<PostcodeDirectory> LoadEmbedded();

  // The postcode with exactly this four-digit code, or nullopt (also for anything malformed).
  std::optional<Postcode> Lookup(std::string_view code) const;

  // Checks a postcode typed by a user and returns it with its town. Surrounding whitespace is
  // ignored; otherwise it must be exactly four ASCII digits ("800" is refused: on a letter it is
  // always written 0800). Fails with kInvalidArgument and the catalog key "validation.postcode"
  // when malformed, "validation.postcode_unknown" when well-formed but not a Danish postcode.
  Result<Postcode> NormalisePostcode(std::string_view input) const;

  // Every postcode, ordered by code.
  const std::vector<Postcode>& All() const { return postcodes_; }

 private:
  std::vector<Postcode> postcodes_;  // sorted by code, for binary search
};

// Great-circle distance in kilometres (haversine formula) on a sphere with the Earth's mean radius,
// 6371.0088 km (IUGG). Within Denmark the error against the ellipsoid is well under 0.5 %, far
// finer than a postal district's centre is as a stand-in for an address.
double DistanceKm(const GeoPoint& a, const GeoPoint& b);

// How far a volunteer or an offer's giver may say they travel at most (the schema's CHECK too).
inline constexpr int kMaxTravelKm = 500;

}  // namespace samskab::domain
