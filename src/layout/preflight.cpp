#include "layout/preflight.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace layout {

void warn_low_resolution(const frame::Page& page, core::Diagnostics& diags) {
  for (const auto& item : page.items) {
    const auto* image = std::get_if<frame::Image>(&item);
    if (!image || !image->info.probed()) continue;
    const core::Rect& b = image->picture.width > 0 ? image->picture : image->box;
    if (!(b.width > 0 && b.height > 0)) continue;
    const int width = image->info.shown_width(), height = image->info.shown_height();
    const double dpi = std::min(width / (b.width / 72.0), height / (b.height / 72.0));
    if (dpi >= kMinPrintDpi) continue;
    core::SourceSpan span = image->span;
    if (span.file.empty()) span.file = image->path;
    diags.warning(span, "photo " + image->path + " prints at " + std::to_string(static_cast<int>(std::floor(dpi))) +
                            " dpi (" + std::to_string(width) + "x" + std::to_string(height) + " pixels), below the " +
                            std::to_string(static_cast<int>(kMinPrintDpi)) + " dpi print needs; it will look soft");
  }
}

}  // namespace layout
