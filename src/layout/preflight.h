#pragma once
// Checks of the finished pages made before any output is written, so that
// `check`, the preview and every output say the same: photos that will look
// soft in print.
#include "core/diagnostics.h"
#include "frame/frame.h"

namespace layout {

// Photos printed below this resolution look soft in print.
constexpr double kMinPrintDpi = 150;

// A warning at each photo's YAML entry that prints below kMinPrintDpi at
// the size make-up gave it (when cropped, at the size of the whole picture).
void warn_low_resolution(const frame::Page& page, core::Diagnostics& diags);

}  // namespace layout
