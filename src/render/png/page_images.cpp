#include "render/png/page_images.h"

#include <png.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <stdexcept>

namespace render {
namespace {

// libpng reports errors by longjmp; turn them into a flag checked after
// each call (the C++ objects here own no state across those calls).
struct PngWriter {
  png_structp png = nullptr;
  png_infop info = nullptr;
  PngWriter() {
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png) info = png_create_info_struct(png);
  }
  ~PngWriter() { png_destroy_write_struct(&png, info ? &info : nullptr); }
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;
};

void append_bytes(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}

// Previews are made on every edit: zlib level 3 writes about twice as fast
// as the default for a few per cent more bytes.
constexpr int kPngLevel = 3;

// `rows` is 8-bit RGB, `stride` bytes per row.
std::string encode_png(const unsigned char* rgb, int width, int height, int stride) {
  PngWriter w;
  if (!w.png || !w.info) throw std::runtime_error("libpng: out of memory");
  std::string out;
  if (setjmp(png_jmpbuf(w.png))) throw std::runtime_error("libpng could not encode the page");
  png_set_write_fn(w.png, &out, append_bytes, nullptr);
  png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(w.png, kPngLevel);
  png_write_info(w.png, w.info);
  for (int y = 0; y < height; ++y) png_write_row(w.png, const_cast<png_bytep>(rgb + static_cast<std::ptrdiff_t>(y) * stride));
  png_write_end(w.png, w.info);
  return out;
}

// poppler's ARGB32 is native-endian 0xAARRGGBB words; with a white paper
// colour every pixel is opaque, so only the colour bytes are kept.
std::string to_rgb(const poppler::image& img) {
  const int w = img.width(), h = img.height(), stride = img.bytes_per_row();
  std::string rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3, '\0');
  const auto* src = reinterpret_cast<const unsigned char*>(img.const_data());
  for (int y = 0; y < h; ++y) {
    const unsigned char* row = src + static_cast<std::ptrdiff_t>(y) * stride;
    char* dst = rgb.data() + static_cast<std::ptrdiff_t>(y) * w * 3;
    for (int x = 0; x < w; ++x) {
      const std::uint32_t px = static_cast<std::uint32_t>(row[4 * x]) | (static_cast<std::uint32_t>(row[4 * x + 1]) << 8) |
                               (static_cast<std::uint32_t>(row[4 * x + 2]) << 16) |
                               (static_cast<std::uint32_t>(row[4 * x + 3]) << 24);
      dst[3 * x] = static_cast<char>((px >> 16) & 0xFF);
      dst[3 * x + 1] = static_cast<char>((px >> 8) & 0xFF);
      dst[3 * x + 2] = static_cast<char>(px & 0xFF);
    }
  }
  return rgb;
}

std::unique_ptr<poppler::document> open_pdf(const std::string& pdf, double dpi) {
  if (!(dpi > 0 && dpi <= 2400)) throw std::runtime_error("resolution must be between 0 and 2400 dpi");
  if (pdf.size() > static_cast<std::size_t>(INT_MAX)) throw std::runtime_error("PDF too large to preview");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked()) throw std::runtime_error("poppler cannot read the PDF");
  return doc;
}

std::string page_png(poppler::document& doc, int i, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_paper_color(0xFFFFFFFF);
  std::unique_ptr<poppler::page> page(doc.create_page(i));
  if (!page) throw std::runtime_error("poppler cannot open page " + std::to_string(i + 1));
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.format() != poppler::image::format_argb32) {
    throw std::runtime_error("poppler cannot render page " + std::to_string(i + 1));
  }
  const std::string rgb = to_rgb(img);
  return encode_png(reinterpret_cast<const unsigned char*>(rgb.data()), img.width(), img.height(), img.width() * 3);
}

}  // namespace

std::vector<std::string> rasterize_pdf(const std::string& pdf, double dpi) {
  const auto doc = open_pdf(pdf, dpi);
  std::vector<std::string> pngs;
  for (int i = 0; i < doc->pages(); ++i) pngs.push_back(page_png(*doc, i, dpi));
  return pngs;
}

std::string rasterize_pdf_page(const std::string& pdf, int index, double dpi) {
  const auto doc = open_pdf(pdf, dpi);
  if (index < 0 || index >= doc->pages()) throw std::runtime_error("no page " + std::to_string(index + 1));
  return page_png(*doc, index, dpi);
}

}  // namespace render
