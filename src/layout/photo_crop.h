#pragma once
// How a photo fills a box of a given width and height that is not its own
// shape: cropping at most 15 % from each side, toward the part the author
// asked to keep (`focus`), never distorting it.
#include <optional>

#include "core/geometry.h"
#include "model/document.h"

namespace layout {

// The most make-up may cut from one side of a photo.
inline constexpr double kMaxCropPerSide = 0.15;

struct Crop {
  core::Rect box;      // what shows: (0, 0, width, height)
  core::Rect picture;  // where the whole picture lies, relative to the box's corner
  double change = 0;    // how far the shown shape is from the photo's own (0 = uncut)
};

// `aspect` is the picture's height / width. Nothing when the box is further
// from the picture's shape than cropping may go.
std::optional<Crop> crop_to(double width, double height, double aspect, model::PhotoFocus focus);

}  // namespace layout
