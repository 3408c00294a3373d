#pragma once
// What fontconfig says about the fonts a manifest names: each family's face
// and the installed fonts it falls back to, with what they cover. Asking
// fontconfig means parsing its ~60 XML configuration files on every run, a
// sixth of rendering a page; so the answer is kept in the user's cache
// folder and reused while none of the files it came from has changed.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/font_locator.h"

namespace text {

// A family wanted by the manifest, at a weight.
struct FamilyRequest {
  std::string family;
  bool bold = false;
  friend bool operator==(const FamilyRequest&, const FamilyRequest&) = default;
};

struct FontResolution {
  std::vector<std::pair<FamilyRequest, std::optional<FaceLocation>>> families;
  std::vector<FallbackCandidate> fallbacks;  // fontconfig's order of preference
  bool from_cache = false;  // read from the cache folder, fontconfig not asked

  // The face found for a request; nullopt when none is installed (or it was not asked for).
  std::optional<FaceLocation> face(const FamilyRequest& request) const;
};

// The faces of `requests` and the fallbacks, from the cache in `cache_dir`
// when it is still valid, otherwise from fontconfig (and the cache is
// rewritten). An empty `cache_dir` means no cache. A damaged, foreign or
// half-written cache file is treated as absent; several processes may
// read and write it at once.
FontResolution resolve_fonts(const std::vector<FamilyRequest>& requests, const std::string& fonts_dir,
                             const std::string& cache_dir);

// $XDG_CACHE_HOME/broadsheet, else $HOME/.cache/broadsheet; empty when neither is set.
std::string default_font_cache_dir();

}  // namespace text
