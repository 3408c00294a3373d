#pragma once
// A readable text dump of the display list, one item per line, lengths
// rounded to 0.01 pt and colour components to 0.001: for the golden tests
// (tests/golden/) and for looking at a layout in a diff. Nothing in it
// depends on the machine: file paths under `base_dir` are written relative
// to it, font files by their file name only.
#include <string>

#include "frame/frame.h"

namespace frame {

std::string dump(const Page& page, const std::string& base_dir = {});
std::string dump(const Publication& pub, const std::string& base_dir = {});

// Visible bounds of an item (glyph runs: from the first glyph to the end of
// the last one, one em high around the baseline).
core::Rect bounds(const Item& item);

}  // namespace frame
