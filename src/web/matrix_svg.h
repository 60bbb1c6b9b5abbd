// The model matrix (the memo's appendix 2) as an SVG drawn by the server: no JavaScript, no
// images, printable. Associations on the left, communities and individuals on the right; high
// involvement at the top (quadrants 1 and 2), low at the bottom (3 and 4); medium involvement is
// a band between them (decision 0006), drawn per volunteer type. Every collaboration is a point
// that links to its page; each quadrant's label links to the overview filtered on it (the
// keyboard- and screen-reader-friendly way in, next to the counts table on the page).
//
// Points are spread inside their cell by a hash of their id, so the picture is the same on every
// load and a new collaboration does not move the others.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "storage/collaboration_store.h"

namespace samskab::web {

struct MatrixLabels {
  std::string title;        // "Samarbejdsforløb i modellen"
  std::string description;  // a sentence with the counts, for screen readers
  std::string axis_involvement;
  std::string axis_volunteer_type;
  std::string high, medium, low;
  std::string associations, communities_and_individuals;
  std::array<std::string, 4> quadrant_names;  // "Kvadrant 1" …
  std::array<std::string, 4> quadrant_hrefs;  // the overview filtered on the quadrant
  std::string medium_href_associations;       // the overview filtered on medium × associations
  std::string medium_href_communities;
  std::string count_suffix;       // " forløb"
  std::string point_href_prefix;  // "/admin/0190/collaborations/": the id is appended
};

struct MatrixCounts {
  std::array<int64_t, 4> quadrants{};
  int64_t medium_associations = 0;
  int64_t medium_communities = 0;
  int64_t unplaced = 0;  // no partner yet, so no volunteer type
};

MatrixCounts CountMatrix(const std::vector<storage::MatrixPoint>& points);

// The whole <svg> element; every text is escaped.
std::string RenderMatrixSvg(const std::vector<storage::MatrixPoint>& points, const MatrixCounts& counts,
                            const MatrixLabels& labels);

}  // namespace samskab::web
