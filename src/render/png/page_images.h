#pragma once
// Page pictures rasterised from the very PDF that `render` writes (poppler),
// so what the preview shows is what prints.
#include <string>
#include <vector>

namespace render {

struct PagePictures {
  std::vector<std::string> pages;  // one PNG file's bytes per page
  std::string thumbnail;           // PNG of the first page, smaller ("" when not asked for)
};

struct PictureOptions {
  double dpi = 96;
  // > 0: also a thumbnail of the first page this many times smaller, each
  // of its pixels the mean of a square of the page picture's (cheaper than
  // drawing the page again, and as sharp).
  int thumbnail_reduction = 0;
  // Pages drawn at once, each thread on its own copy of the document
  // (poppler's documents are not shared between threads).
  unsigned threads = 1;
};

// Throws std::runtime_error when the PDF cannot be read or drawn.
PagePictures rasterize_pdf(const std::string& pdf, const PictureOptions& options);

// Every page at `dpi`, one thread; throws as above.
std::vector<std::string> rasterize_pdf(const std::string& pdf, double dpi);

// The PNG of page `index` (0-based) alone; throws as above, or when there is no such page.
std::string rasterize_pdf_page(const std::string& pdf, int index, double dpi);

}  // namespace render
