#pragma once
// Finds font files through fontconfig: a family by name (the project's
// fonts/ folder first, then the system), and the installed fonts fontconfig
// would fall back to for characters no listed family has.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/fc_handles.h"

namespace text {

struct FaceLocation {
  std::string path;
  int index = 0;        // face inside a collection (.ttc)
  std::string family;   // the family name it was found under
  std::string style;    // fontconfig's style name of the face: "Regular", "Bold"
};

// Characters a font covers, as sorted, disjoint, inclusive ranges.
struct Coverage {
  std::vector<std::pair<char32_t, char32_t>> ranges;
  bool has(char32_t c) const;
};

struct FallbackCandidate {
  FaceLocation where;
  Coverage coverage;  // what it covers, so the file is opened only when used
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

  // Every file and folder whose change can change the answers above:
  // fontconfig's configuration files and their folders, its font folders,
  // fonts_dir, and the places a user's own configuration and fonts would go
  // (which may not exist yet).
  std::vector<std::string> inputs() const;

 private:
  FcConfigPtr config_;
  std::string fonts_dir_;
};

}  // namespace text
