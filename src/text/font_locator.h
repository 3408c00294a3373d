#pragma once
// Finds font files through fontconfig: a family by name (the project's
// fonts/ folder first, then the system), and the installed fonts fontconfig
// would fall back to for characters no listed family has.
#include <optional>
#include <string>
#include <vector>

#include "text/fc_handles.h"

namespace text {

struct FaceLocation {
  std::string path;
  int index = 0;        // face inside a collection (.ttc)
  std::string family;   // the family name it was found under
  std::string style;    // fontconfig's style name of the face: "Regular", "Bold"
};

struct FallbackCandidate {
  FaceLocation where;
  FcCharSetPtr charset;  // what it covers, so the file is opened only when used
};

class FontLocator {
 public:
  // `fonts_dir` (may be empty or absent) is searched before system fonts.
  explicit FontLocator(const std::string& fonts_dir);

  // The upright face of `family` closest to `weight` (a family without a
  // bold face gives its regular one); files under fonts_dir win.
  std::optional<FaceLocation> find_family(const std::string& family, bool bold = false) const;

  // Installed fonts in fontconfig's preference order for Chinese text,
  // trimmed to those that add coverage, regular upright faces only.
  // Only TrueType and CFF outline fonts: the PDF stage embeds those, and
  // bitmap or Type 1 fonts cannot serve print.
  std::vector<FallbackCandidate> fallback_candidates() const;

 private:
  FcConfigPtr config_;
  std::string fonts_dir_;
};

}  // namespace text
