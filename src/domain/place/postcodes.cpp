#include "domain/place/postcodes.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "core/embedded.h"
#include "core/text.h"

namespace samskab::domain {
namespace {

constexpr std::string_view kPostcodesResource = "data/dk/postnumre_dawa.csv";
constexpr std::string_view kCentroidsResource = "data/dk/postnumre_centroider.csv";
constexpr double kEarthMeanRadiusKm = 6371.0088;

// Denmark's land with a margin (Blåvandshuk lies at 8.07 E, Christiansø at 15.19 E, Gedser at
// 54.56 N, Skagen at 57.75 N). A centre outside it means swapped or broken columns, or one of
// DAWA's visual centres out at sea that the deriving script should have replaced.
constexpr double kMinLon = 8.0, kMaxLon = 15.5, kMinLat = 54.5, kMaxLat = 58.0;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The lines of a file; one final newline is allowed (DAWA's file has none, ours has one). A CR
// before the newline is dropped so that a checkout with CRLF endings still loads.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t semicolon; (semicolon = line.find(';', start)) != std::string_view::npos;
       start = semicolon + 1) {
    fields.push_back(line.substr(start, semicolon - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

Status BadLine(std::string_view file, size_t index, std::string_view why) {
  // index 0 is the header, so the 1-based line number is index + 1.
  return Internal(fmt::format("{} line {}: {}", file, index + 1, why));
}

// DAWA writes the code as a number, so 0800 appears as "800"; we always keep four digits.
std::optional<std::string> FourDigitCode(std::string_view raw) {
  if (!AllDigits(raw) || raw.size() > 4) return std::nullopt;
  return std::string(4 - raw.size(), '0') + std::string(raw);
}

// "true" or "false"; DAWA's row for 999 has a stray space (" true"), so whitespace is ignored.
std::optional<bool> Flag(std::string_view raw) {
  raw = text::Trim(raw);
  if (raw == "true") return true;
  if (raw == "false") return false;
  return std::nullopt;
}

std::optional<double> Degrees(std::string_view raw) {
  double value = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

Result<std::vector<Postcode>> ParsePostcodes(std::string_view csv) {
  const auto lines = Lines(csv);
  if (lines.empty() || lines[0] != "postnr;navn;stormodtager") {
    return Internal(fmt::format("{}: missing header postnr;navn;stormodtager", kPostcodesResource));
  }
  std::vector<Postcode> out;
  for (size_t i = 1; i < lines.size(); ++i) {
    const auto fields = Fields(lines[i]);
    if (fields.size() != 3) return BadLine(kPostcodesResource, i, "expected three fields");
    auto code = FourDigitCode(fields[0]);
    const auto flag = Flag(fields[2]);
    if (!code) return BadLine(kPostcodesResource, i, "postnr is not a number of at most four digits");
    if (fields[1].empty() || !text::IsValidUtf8(fields[1])) return BadLine(kPostcodesResource, i, "bad navn");
    if (!flag) return BadLine(kPostcodesResource, i, "stormodtager is neither true nor false");
    out.push_back({std::move(*code), std::string(fields[1]), std::nullopt, *flag});
  }
  return out;
}

// `postcodes` is sorted, so a duplicate sits next to its twin.
Status CheckUnique(const std::vector<Postcode>& postcodes) {
  for (size_t i = 1; i < postcodes.size(); ++i) {
    if (postcodes[i - 1].code == postcodes[i].code) {
      return Internal(fmt::format("{}: postcode {} appears twice", kPostcodesResource, postcodes[i].code));
    }
  }
  return Status::Ok();
}

// The entry with exactly `code` in a vector sorted by code, or nullptr. A template so that it
// serves both the const lookup and the loader, which fills in centroids.
template <class Vector>
auto FindIn(Vector& sorted, std::string_view code) -> decltype(sorted.data()) {
  auto found = std::lower_bound(sorted.begin(), sorted.end(), code,
                                [](const Postcode& p, std::string_view c) { return p.code.compare(c) < 0; });
  return found != sorted.end() && found->code == code ? &*found : nullptr;
}

Status AddCentroids(std::string_view csv, std::vector<Postcode>& sorted) {
  const auto lines = Lines(csv);
  if (lines.empty() || lines[0] != "postnr;lon;lat") {
    return Internal(fmt::format("{}: missing header postnr;lon;lat", kCentroidsResource));
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    const auto fields = Fields(lines[i]);
    if (fields.size() != 3) return BadLine(kCentroidsResource, i, "expected three fields");
    const auto lon = Degrees(fields[1]);
    const auto lat = Degrees(fields[2]);
    if (!lon || !lat) return BadLine(kCentroidsResource, i, "lon or lat is not a number");
    if (*lon < kMinLon || *lon > kMaxLon || *lat < kMinLat || *lat > kMaxLat) {
      return BadLine(kCentroidsResource, i, "centroid lies outside Denmark");
    }
    Postcode* postcode = FindIn(sorted, fields[0]);
    if (!postcode) return BadLine(kCentroidsResource, i, "postnr is not in the postcode list");
    if (postcode->centroid) return BadLine(kCentroidsResource, i, "second centroid for the postcode");
    postcode->centroid = GeoPoint{*lat, *lon};
  }
  return Status::Ok();
}

double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

}  // namespace

Result<PostcodeDirectory> PostcodeDirectory::Parse(std::string_view postcodes_csv,
                                                   std::string_view centroids_csv) {
  auto postcodes = ParsePostcodes(postcodes_csv);
  if (!postcodes.ok()) return postcodes.status();
  PostcodeDirectory directory;
  directory.postcodes_ = std::move(*postcodes);
  auto& all = directory.postcodes_;
  std::sort(all.begin(), all.end(), [](const Postcode& a, const Postcode& b) { return a.code < b.code; });
  SAMSKAB_RETURN_IF_ERROR(CheckUnique(all));
  SAMSKAB_RETURN_IF_ERROR(AddCentroids(centroids_csv, all));
  return directory;
}

Result<PostcodeDirectory> PostcodeDirectory::LoadEmbedded() {
  const std::string_view postcodes = embedded::Find(kPostcodesResource);
  const std::string_view centroids = embedded::Find(kCentroidsResource);
  if (postcodes.empty() || centroids.empty()) {
    return Internal(fmt::format("{} or {} is not embedded", kPostcodesResource, kCentroidsResource));
  }
  return Parse(postcodes, centroids);
}

std::optional<Postcode> PostcodeDirectory::Lookup(std::string_view code) const {
  const Postcode* found = FindIn(postcodes_, code);
  if (!found) return std::nullopt;
  return *found;
}

Result<Postcode> PostcodeDirectory::NormalisePostcode(std::string_view input) const {
  const std::string_view code = text::Trim(input);
  if (code.size() != 4 || !AllDigits(code)) {
    return InvalidArgument("postcode is not four digits", "validation.postcode");
  }
  auto postcode = Lookup(code);
  if (!postcode)
    return InvalidArgument(fmt::format("unknown postcode {}", code), "validation.postcode_unknown");
  return std::move(*postcode);
}

double DistanceKm(const GeoPoint& a, const GeoPoint& b) {
  const double dlat = Radians(b.lat - a.lat);
  const double dlon = Radians(b.lon - a.lon);
  const double h = std::pow(std::sin(dlat / 2), 2) +
                   std::cos(Radians(a.lat)) * std::cos(Radians(b.lat)) * std::pow(std::sin(dlon / 2), 2);
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * kEarthMeanRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace samskab::domain
