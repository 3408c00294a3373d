#pragma once
// Page pictures rasterised from the very PDF that `render` writes (poppler),
// so what the preview shows is what prints.
#include <string>
#include <vector>

namespace render {

// One PNG file's bytes per page of `pdf`, at `dpi`. Throws std::runtime_error
// when the PDF cannot be read.
std::vector<std::string> rasterize_pdf(const std::string& pdf, double dpi);

// The PNG of page `index` (0-based) alone; throws as above, or when there is no such page.
std::string rasterize_pdf_page(const std::string& pdf, int index, double dpi);

}  // namespace render
