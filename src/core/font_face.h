#pragma once
// A font file as the text stage chose it and the renderers embed it.
#include <string>

namespace core {

// A font file used by the publication.
struct FontFace {
  std::string path;    // the .ttf/.otf/.ttc file (TrueType or CFF outlines)
  int index = 0;       // face index inside a collection
  std::string family;  // for messages and `broadsheet fonts`
  int units_per_em = 1000;
  std::string style;   // "Regular", "Bold": for `broadsheet fonts`
};

}  // namespace core
