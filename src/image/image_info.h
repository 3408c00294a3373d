#pragma once
// What a photo file is, as the probe (image_probe.h) found it when the
// document was loaded: later stages read this instead of the file's header.
#include "image/orientation.h"

namespace image {

enum class Format { Jpeg, Png };

struct ImageInfo {
  Format format = Format::Jpeg;
  int width = 0, height = 0;  // pixels as stored in the file; 0: not probed
  int components = 0;         // JPEG: 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK; PNG: with alpha
  Orientation orientation = Orientation::Normal;
  // JPEG: Photoshop's APP14 "Adobe" marker, which says CMYK is stored inverted.
  bool adobe = false;

  bool probed() const { return width > 0 && height > 0; }
  // The size as the photo is shown (EXIF orientation applied).
  int shown_width() const { return swaps_axes(orientation) ? height : width; }
  int shown_height() const { return swaps_axes(orientation) ? width : height; }
};

}  // namespace image
