#pragma once
// The paper around a trimmed page: bleed, and crop marks where the layout
// asks for them, as presses expect them.
#include "frame/frame.h"

namespace layout {

// Crop marks: 0.25 pt hairlines in registration black (all four inks),
// 5 mm long, starting 3 mm from the trim (or at the bleed edge when the
// bleed is wider), with 1 mm of paper beyond their ends.
constexpr double kCropMarkLength = 5 * core::kPtPerMm;
constexpr double kCropMarkGap = 3 * core::kPtPerMm;
constexpr double kCropMarkSlug = 1 * core::kPtPerMm;
constexpr double kCropMarkWidth = 0.25;

// Sets `page.bleed`, the paper around the trim and, when `crop_marks`, the
// eight marks; `page.size` must be set.
void add_print_marks(frame::Page& page, double bleed, bool crop_marks);

}  // namespace layout
