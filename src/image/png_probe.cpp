#include "image/png_probe.h"

#include <png.h>

#include <csetjmp>
#include <cstring>
#include <vector>

#include "image/jpeg_probe.h"

namespace image {
namespace {

struct Reader {
  std::string_view bytes;
  std::size_t at = 0;
  char message[256] = {};
  // Here rather than a local of run(): a local changed after setjmp has no
  // reliable value after the jump back.
  png_bytep row = nullptr;
};

void read_bytes(png_structp png, png_bytep out, png_size_t n) {
  auto* r = static_cast<Reader*>(png_get_io_ptr(png));
  if (n > r->bytes.size() - r->at) png_error(png, "the file ends early");
  std::memcpy(out, r->bytes.data() + r->at, n);
  r->at += n;
}

[[noreturn]] void on_error(png_structp png, png_const_charp message) {
  auto* r = static_cast<Reader*>(png_get_error_ptr(png));
  std::snprintf(r->message, sizeof r->message, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

void read_orientation(png_structp png, png_infop info_ptr, ImageInfo& info) {
  png_uint_32 length = 0;
  png_bytep exif = nullptr;
  if (png_get_eXIf_1(png, info_ptr, &length, &exif) && exif) {
    info.orientation = exif_orientation(std::string_view(reinterpret_cast<const char*>(exif), length));
  }
}

// libpng reports errors by jumping back here; no C++ object with a
// destructor lives in this frame, so the jump skips nothing.
bool run(png_structp png, png_infop info_ptr, Reader& reader, Check check, ImageInfo& info, std::string& why) {
  if (setjmp(png_jmpbuf(png))) {
    png_free(png, reader.row);
    reader.row = nullptr;
    why = "is a truncated or damaged PNG (";
    why += reader.message;
    why += ")";
    return false;
  }
  png_set_read_fn(png, &reader, read_bytes);
  // libpng's own limits stop a header claiming absurd sizes before any allocation.
  png_set_user_limits(png, 1'000'000, 1'000'000);
  png_read_info(png, info_ptr);
  const png_uint_32 width = png_get_image_width(png, info_ptr);
  const png_uint_32 height = png_get_image_height(png, info_ptr);
  info.format = Format::Png;
  info.width = static_cast<int>(width);
  info.height = static_cast<int>(height);
  info.components = png_get_channels(png, info_ptr);
  read_orientation(png, info_ptr, info);
  if (const std::string p = pixel_limit_problem(width, height); !p.empty()) {
    why = p;
    return false;
  }
  if (check == Check::Header) return true;
  // Every row, one at a time: a damaged or cut-off IDAT stream is found
  // without holding the picture in memory.
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info_ptr);
  reader.row = static_cast<png_bytep>(png_malloc(png, png_get_rowbytes(png, info_ptr)));
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, reader.row, nullptr);
  png_free(png, reader.row);
  reader.row = nullptr;
  png_read_end(png, info_ptr);
  read_orientation(png, info_ptr, info);  // eXIf may follow the pixels
  return true;
}

}  // namespace

std::optional<ImageInfo> probe_png(std::string_view bytes, Check check, std::string& why) {
  Reader reader{bytes};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, on_error, on_warning);
  if (!png) {
    why = "cannot be read (out of memory)";
    return std::nullopt;
  }
  png_infop info_ptr = png_create_info_struct(png);
  ImageInfo info;
  const bool ok = info_ptr && run(png, info_ptr, reader, check, info, why);
  png_destroy_read_struct(&png, info_ptr ? &info_ptr : nullptr, nullptr);
  if (!ok) {
    if (why.empty()) why = "cannot be read (out of memory)";
    return std::nullopt;
  }
  return info;
}

}  // namespace image
