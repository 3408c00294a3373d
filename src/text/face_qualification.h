#pragma once
// Whether a face may serve a role on a mainland (GB) page,
// measured from HarfBuzz's glyph extents and advances:
// - the ink of 。，、；：！？ sits in the lower left of the em box (GB
//   placement), so the rules that squeeze a mark's blank right half hold —
//   a Taiwan-style face centres 。 and 、;
// - its Latin letters are proportional (i narrower than m), not half-em
//   typewriter ASCII (digits may be tabular, as clreq allows).
#include <string>
#include <vector>

#include "text/font_book.h"

namespace text {

struct FaceQualification {
  bool qualifies() const { return problems.empty(); }
  std::vector<std::string> problems;  // e.g. "。 ink is centred (0.50 em from the left)"
};

FaceQualification qualify_face(const FontBook& fonts, int face);

// One message per face a role names in the manifest that does not qualify.
std::vector<std::string> unqualified_manifest_faces(const FontBook& fonts);

}  // namespace text
