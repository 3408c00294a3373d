#include "render/pdf/jpeg_codec.h"

// clang-format off
#include <cstdio>  // jpeglib.h needs FILE
#include <jpeglib.h>
// clang-format on

#include <csetjmp>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace render::pdf {
namespace {

// libjpeg's default error handler ends the process; this one jumps back
// to the call with the message, so a damaged photo is an ordinary error.
struct ErrorJump {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void jump_on_error(j_common_ptr cinfo) {
  auto* e = reinterpret_cast<ErrorJump*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, e->message);
  std::longjmp(e->jump, 1);
}

void ignore_message(j_common_ptr, int) {}

void use_error_jump(ErrorJump& err, jpeg_error_mgr*& slot) {
  slot = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jump_on_error;
  err.mgr.emit_message = ignore_message;
  err.message[0] = '\0';
}

// Only plain data lives in the frames between setjmp and longjmp; what is
// filled in is the caller's `out`.
bool decode_into(std::string_view bytes, DecodedJpeg& out, ErrorJump& err) {
  jpeg_decompress_struct cinfo;
  use_error_jump(err, cinfo.err);
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);  // ICC profile chunks
  jpeg_read_header(&cinfo, TRUE);
  JOCTET* icc = nullptr;
  unsigned int icc_size = 0;
  if (jpeg_read_icc_profile(&cinfo, &icc, &icc_size)) {
    out.icc.assign(reinterpret_cast<const char*>(icc), icc_size);
    std::free(icc);
  }
  int channels = 3;
  if (cinfo.jpeg_color_space == JCS_GRAYSCALE) {
    cinfo.out_color_space = JCS_GRAYSCALE;
    channels = 1;
  } else if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    cinfo.out_color_space = JCS_CMYK;
    channels = 4;
  } else {
    cinfo.out_color_space = JCS_RGB;
  }
  jpeg_start_decompress(&cinfo);
  color::Pixels& p = out.pixels;
  p.width = static_cast<int>(cinfo.output_width);
  p.height = static_cast<int>(cinfo.output_height);
  p.channels = channels;
  const std::size_t stride = static_cast<std::size_t>(p.width) * channels;
  p.samples.resize(stride * p.height);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = p.samples.data() + stride * cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  // Photoshop writes CMYK inverted and says so with its Adobe marker.
  const bool inverted = channels == 4 && cinfo.saw_Adobe_marker;
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  if (inverted)
    for (auto& s : p.samples) s = static_cast<unsigned char>(255 - s);
  return true;
}

// `inverted_row` holds one row of CMYK (unused for gray and RGB).
bool encode_into(const color::Pixels& p, int quality, unsigned char* inverted_row, unsigned char*& buffer,
                 unsigned long& size, ErrorJump& err) {
  jpeg_compress_struct cinfo;
  use_error_jump(err, cinfo.err);
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    return false;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(p.width);
  cinfo.image_height = static_cast<JDIMENSION>(p.height);
  cinfo.input_components = p.channels;
  cinfo.in_color_space = p.channels == 1 ? JCS_GRAYSCALE : p.channels == 3 ? JCS_RGB : JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  cinfo.optimize_coding = TRUE;
  if (p.channels == 4) {
    jpeg_set_colorspace(&cinfo, JCS_YCCK);  // writes the Adobe marker
    // Full-resolution colour planes: subsampled ones smear a colour's inks
    // into the dark pixels next to it, above the ink limit.
    for (int c = 0; c < cinfo.num_components; ++c) cinfo.comp_info[c].h_samp_factor = cinfo.comp_info[c].v_samp_factor = 1;
  }
  jpeg_start_compress(&cinfo, TRUE);
  const std::size_t stride = static_cast<std::size_t>(p.width) * p.channels;
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<unsigned char*>(p.samples.data()) + stride * cinfo.next_scanline;
    if (p.channels == 4) {
      for (std::size_t i = 0; i < stride; ++i) inverted_row[i] = static_cast<unsigned char>(255 - row[i]);
      row = inverted_row;
    }
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
}

}  // namespace

DecodedJpeg decode_jpeg(std::string_view bytes) {
  DecodedJpeg out;
  ErrorJump err;
  if (!decode_into(bytes, out, err)) throw std::runtime_error(std::string("damaged JPEG: ") + err.message);
  return out;
}

std::string encode_jpeg(const color::Pixels& pixels, int quality) {
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  ErrorJump err;
  std::vector<unsigned char> inverted_row(pixels.channels == 4 ? static_cast<std::size_t>(pixels.width) * 4 : 0);
  const bool ok = encode_into(pixels, quality, inverted_row.data(), buffer, size, err);
  std::string out = ok ? std::string(reinterpret_cast<const char*>(buffer), size) : std::string();
  std::free(buffer);
  if (!ok) throw std::runtime_error(std::string("cannot encode JPEG: ") + err.message);
  return out;
}

}  // namespace render::pdf
