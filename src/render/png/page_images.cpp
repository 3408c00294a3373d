#include "render/png/page_images.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <exception>
#include <memory>
#include <stdexcept>
#include <thread>

#include "render/png/png_encode.h"

namespace render {
namespace {

std::unique_ptr<poppler::document> open_pdf(const std::string& pdf, double dpi) {
  if (!(dpi > 0 && dpi <= 2400)) throw std::runtime_error("resolution must be between 0 and 2400 dpi");
  if (pdf.size() > static_cast<std::size_t>(INT_MAX)) throw std::runtime_error("PDF too large to preview");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked()) throw std::runtime_error("poppler cannot read the PDF");
  return doc;
}

// Page `i` drawn on white paper, 3 bytes a pixel in blue, green, red order
// (what the PNG encoder reads, so no conversion pass).
poppler::image draw_page(poppler::document& doc, int i, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_bgr24);
  renderer.set_paper_color(0xFFFFFFFF);
  std::unique_ptr<poppler::page> page(doc.create_page(i));
  if (!page) throw std::runtime_error("poppler cannot open page " + std::to_string(i + 1));
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.format() != poppler::image::format_bgr24 || img.width() <= 0 || img.height() <= 0) {
    throw std::runtime_error("poppler cannot render page " + std::to_string(i + 1));
  }
  return img;
}

const unsigned char* bytes_of(const poppler::image& img) {
  return reinterpret_cast<const unsigned char*>(img.const_data());
}

std::string png_of(const poppler::image& img) {
  return encode_png_bgr(bytes_of(img), img.width(), img.height(), static_cast<std::size_t>(img.bytes_per_row()));
}

// `img` made `n` times smaller: each pixel the mean of an n × n square (the
// squares at the right and bottom edges may be cut short).
std::string reduced_png(const poppler::image& img, int n) {
  const int w = img.width(), h = img.height();
  const int rw = (w + n - 1) / n, rh = (h + n - 1) / n;
  const std::size_t stride = static_cast<std::size_t>(img.bytes_per_row());
  std::vector<unsigned char> out(static_cast<std::size_t>(rw) * static_cast<std::size_t>(rh) * 3);
  std::vector<unsigned> sums(static_cast<std::size_t>(rw) * 3);
  for (int ry = 0; ry < rh; ++ry) {
    std::fill(sums.begin(), sums.end(), 0u);
    const int y0 = ry * n, y1 = std::min(h, y0 + n);
    for (int y = y0; y < y1; ++y) {
      const unsigned char* row = bytes_of(img) + static_cast<std::size_t>(y) * stride;
      for (int x = 0; x < w; ++x)
        for (int c = 0; c < 3; ++c) sums[static_cast<std::size_t>(x / n) * 3 + static_cast<std::size_t>(c)] += row[3 * x + c];
    }
    for (int rx = 0; rx < rw; ++rx) {
      const unsigned count = static_cast<unsigned>((y1 - y0) * (std::min(w, (rx + 1) * n) - rx * n));
      for (int c = 0; c < 3; ++c) {
        const std::size_t k = static_cast<std::size_t>(rx) * 3 + static_cast<std::size_t>(c);
        out[static_cast<std::size_t>(ry) * static_cast<std::size_t>(rw) * 3 + k] =
            static_cast<unsigned char>((sums[k] + count / 2) / count);
      }
    }
  }
  return encode_png_bgr(out.data(), rw, rh, static_cast<std::size_t>(rw) * 3);
}

// Pages first, first + step, … of `pdf` into `out`, on one copy of the document.
void draw_pages(const std::string& pdf, const PictureOptions& o, int first, int step, PagePictures& out) {
  const auto doc = open_pdf(pdf, o.dpi);
  for (int i = first; i < doc->pages(); i += step) {
    const poppler::image img = draw_page(*doc, i, o.dpi);
    out.pages[static_cast<std::size_t>(i)] = png_of(img);
    if (i == 0 && o.thumbnail_reduction > 0) out.thumbnail = reduced_png(img, o.thumbnail_reduction);
  }
}

}  // namespace

PagePictures rasterize_pdf(const std::string& pdf, const PictureOptions& options) {
  PagePictures out;
  out.pages.resize(static_cast<std::size_t>(open_pdf(pdf, options.dpi)->pages()));
  const int threads = static_cast<int>(std::clamp<std::size_t>(options.threads, 1, std::max<std::size_t>(1, out.pages.size())));
  // Thread t draws pages t, t + threads, …; this thread draws its share too.
  std::vector<std::exception_ptr> failed(static_cast<std::size_t>(threads));
  auto share = [&](int t) {
    try {
      draw_pages(pdf, options, t, threads, out);
    } catch (...) {
      failed[static_cast<std::size_t>(t)] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads; ++t) helpers.emplace_back(share, t);
  share(0);
  for (auto& h : helpers) h.join();
  for (const auto& e : failed)
    if (e) std::rethrow_exception(e);
  return out;
}

std::vector<std::string> rasterize_pdf(const std::string& pdf, double dpi) {
  PictureOptions options;
  options.dpi = dpi;
  return rasterize_pdf(pdf, options).pages;
}

std::string rasterize_pdf_page(const std::string& pdf, int index, double dpi) {
  const auto doc = open_pdf(pdf, dpi);
  if (index < 0 || index >= doc->pages()) throw std::runtime_error("no page " + std::to_string(index + 1));
  return png_of(draw_page(*doc, index, dpi));
}

}  // namespace render
