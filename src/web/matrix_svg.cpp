#include "web/matrix_svg.h"

#include <fmt/format.h>

#include "web/views.h"

namespace samskab::web {
namespace {

// Geometry of the drawing, in SVG user units (the viewBox scales it to the page).
constexpr int kWidth = 800;
constexpr int kHeight = 620;
constexpr int kLeft = 90;  // room for the involvement axis
constexpr int kTop = 20;
constexpr int kColumnWidth = 345;  // associations | communities and individuals
constexpr int kRowHeight = 210;    // high (top) and low (bottom)
constexpr int kBandHeight = 120;   // medium, between them
constexpr int kLabelHeight = 44;   // the top of each cell holds its name and count
constexpr int kPadding = 10;
constexpr double kRadius = 4.5;

struct Cell {
  int x = 0, y = 0, width = 0, height = 0;
};

Cell CellFor(bool associations, domain::InvolvementLevel level) {
  const int x = kLeft + (associations ? 0 : kColumnWidth);
  switch (level) {
    case domain::InvolvementLevel::kHigh:
      return {x, kTop, kColumnWidth, kRowHeight};
    case domain::InvolvementLevel::kMedium:
      return {x, kTop + kRowHeight, kColumnWidth, kBandHeight};
    case domain::InvolvementLevel::kLow:
      break;
  }
  return {x, kTop + kRowHeight + kBandHeight, kColumnWidth, kRowHeight};
}

// A stable pseudo-random position in [0, 1) from an id (splitmix64).
double Spread(int64_t id, uint64_t salt) {
  uint64_t z = static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ULL + salt;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) / static_cast<double>(1ULL << 53);
}

void CellLabel(std::string& out, const Cell& cell, const std::string& name, int64_t count,
               const std::string& suffix, const std::string& href) {
  fmt::format_to(std::back_inserter(out),
                 R"svg(<a href="{}"><text x="{}" y="{}" class="matrix-label">{}</text>)svg"
                 R"svg(<text x="{}" y="{}" class="matrix-count">{}{}</text></a>)svg",
                 EscapeHtml(href), cell.x + kPadding, cell.y + 18, EscapeHtml(name), cell.x + kPadding,
                 cell.y + 36, count, EscapeHtml(suffix));
}

}  // namespace

MatrixCounts CountMatrix(const std::vector<storage::MatrixPoint>& points) {
  MatrixCounts counts;
  for (const auto& point : points) {
    if (point.quadrant) {
      ++counts.quadrants.at(static_cast<size_t>(*point.quadrant - 1));
    } else if (!point.volunteer_type) {
      ++counts.unplaced;
    } else if (*point.volunteer_type == domain::VolunteerType::kAssociations) {
      ++counts.medium_associations;
    } else {
      ++counts.medium_communities;
    }
  }
  return counts;
}

std::string RenderMatrixSvg(const std::vector<storage::MatrixPoint>& points, const MatrixCounts& counts,
                            const MatrixLabels& labels) {
  std::string out;
  out.reserve(2048 + points.size() * 120);
  const std::string prefix = EscapeHtml(labels.point_href_prefix);
  fmt::format_to(
      std::back_inserter(out),
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="samskab-matrix" role="group" )svg"
      R"svg(aria-labelledby="matrix-title matrix-desc"><title id="matrix-title">{}</title>)svg"
      R"svg(<desc id="matrix-desc">{}</desc>)svg",
      kWidth, kHeight, EscapeHtml(labels.title), EscapeHtml(labels.description));
  // The cells: quadrants 1-4 and the medium band.
  struct Drawn {
    Cell cell;
    const char* css;
  };
  const Drawn cells[] = {
      {CellFor(true, domain::InvolvementLevel::kHigh), "matrix-q1"},
      {CellFor(false, domain::InvolvementLevel::kHigh), "matrix-q2"},
      {CellFor(true, domain::InvolvementLevel::kLow), "matrix-q3"},
      {CellFor(false, domain::InvolvementLevel::kLow), "matrix-q4"},
      {CellFor(true, domain::InvolvementLevel::kMedium), "matrix-medium"},
      {CellFor(false, domain::InvolvementLevel::kMedium), "matrix-medium"},
  };
  for (const auto& drawn : cells) {
    fmt::format_to(std::back_inserter(out),
                   R"svg(<rect x="{}" y="{}" width="{}" height="{}" class="{}"/>)svg", drawn.cell.x,
                   drawn.cell.y, drawn.cell.width, drawn.cell.height, drawn.css);
  }
  for (size_t q = 0; q < 4; ++q) {
    CellLabel(out, cells[q].cell, labels.quadrant_names.at(q), counts.quadrants.at(q), labels.count_suffix,
              labels.quadrant_hrefs.at(q));
  }
  CellLabel(out, cells[4].cell, labels.medium, counts.medium_associations, labels.count_suffix,
            labels.medium_href_associations);
  CellLabel(out, cells[5].cell, labels.medium, counts.medium_communities, labels.count_suffix,
            labels.medium_href_communities);
  // The axes: involvement up the left side (high at the top), volunteer type along the bottom.
  const int bottom = kTop + 2 * kRowHeight + kBandHeight;
  fmt::format_to(std::back_inserter(out),
                 R"svg(<text x="{0}" y="{1}" class="matrix-axis" transform="rotate(-90 {0} {1})" )svg"
                 R"svg(text-anchor="middle">{2}</text>)svg"
                 R"svg(<text x="{3}" y="{4}" class="matrix-tick" text-anchor="end">{5}</text>)svg"
                 R"svg(<text x="{3}" y="{6}" class="matrix-tick" text-anchor="end">{7}</text>)svg"
                 R"svg(<text x="{3}" y="{8}" class="matrix-tick" text-anchor="end">{9}</text>)svg"
                 R"svg(<text x="{10}" y="{11}" class="matrix-tick" text-anchor="middle">{12}</text>)svg"
                 R"svg(<text x="{13}" y="{11}" class="matrix-tick" text-anchor="middle">{14}</text>)svg"
                 R"svg(<text x="{15}" y="{16}" class="matrix-axis" text-anchor="middle">{17}</text>)svg",
                 24, kTop + (bottom - kTop) / 2, EscapeHtml(labels.axis_involvement), kLeft - 8,
                 kTop + kRowHeight / 2, EscapeHtml(labels.high), kTop + kRowHeight + kBandHeight / 2,
                 EscapeHtml(labels.medium), bottom - kRowHeight / 2, EscapeHtml(labels.low),
                 kLeft + kColumnWidth / 2, bottom + 22, EscapeHtml(labels.associations),
                 kLeft + kColumnWidth + kColumnWidth / 2, EscapeHtml(labels.communities_and_individuals),
                 kLeft + kColumnWidth, bottom + 50, EscapeHtml(labels.axis_volunteer_type));
  // The points.
  out += R"svg(<g class="matrix-points">)svg";
  for (const auto& point : points) {
    if (!point.volunteer_type) continue;  // no partner yet: counted, not drawn
    const Cell cell = CellFor(*point.volunteer_type == domain::VolunteerType::kAssociations, point.level);
    const double x = cell.x + kPadding + Spread(point.id, 1) * (cell.width - 2 * kPadding);
    const double y = cell.y + kLabelHeight + Spread(point.id, 2) * (cell.height - kLabelHeight - kPadding);
    fmt::format_to(
        std::back_inserter(out),
        R"svg(<a href="{}{}"><circle cx="{:.1f}" cy="{:.1f}" r="{}"><title>{}</title></circle></a>)svg",
        prefix, point.id, x, y, kRadius, EscapeHtml(point.title));
  }
  out += "</g></svg>";
  return out;
}

}  // namespace samskab::web
