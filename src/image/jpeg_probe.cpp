#include "image/jpeg_probe.h"

// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <csetjmp>
#include <cstring>

#include <jerror.h>
#include <jpeglib.h>

namespace image {
namespace {

// Beyond this libjpeg refuses (a huge progressive JPEG keeps every
// coefficient in memory).
constexpr long kMaxDecoderMemory = 768L << 20;

struct ErrorManager {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void fail(j_common_ptr cinfo) {
  auto* e = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, e->message);
  std::longjmp(e->jump, 1);
}

// Warnings are mostly harmless (stray bytes a camera wrote), but data that
// ends before the picture does is a photo printed with a grey band.
void on_message(j_common_ptr cinfo, int level) {
  auto* e = reinterpret_cast<ErrorManager*>(cinfo->err);
  if (level < 0 && (cinfo->err->msg_code == JWRN_JPEG_EOF || cinfo->err->msg_code == JWRN_HIT_MARKER)) {
    std::snprintf(e->message, sizeof e->message, "%s", "TRUNCATED");
    std::longjmp(e->jump, 1);
  }
}

void read_orientation(jpeg_decompress_struct& cinfo, ImageInfo& info) {
  for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next) {
    if (m->marker != JPEG_APP0 + 1 || m->data_length < 6 || std::memcmp(m->data, "Exif\0\0", 6) != 0) continue;
    info.orientation = exif_orientation(
        std::string_view(reinterpret_cast<const char*>(m->data) + 6, m->data_length - 6));
    return;
  }
}

// Every libjpeg call that can fail jumps back here; no C++ object with a
// destructor lives in this frame, so the jump skips nothing.
bool run(jpeg_decompress_struct& cinfo, ErrorManager& err, std::string_view bytes, Check check, ImageInfo& info,
         std::string& why) {
  if (setjmp(err.jump)) {
    if (std::strcmp(err.message, "TRUNCATED") == 0) {
      why = "is a truncated or damaged JPEG (the picture data ends early)";
    } else {
      why = "is a damaged JPEG (";
      why += err.message;
      why += ")";
    }
    return false;
  }
  jpeg_create_decompress(&cinfo);
  cinfo.mem->max_memory_to_use = kMaxDecoderMemory;
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
  info.format = Format::Jpeg;
  info.width = static_cast<int>(cinfo.image_width);
  info.height = static_cast<int>(cinfo.image_height);
  info.components = cinfo.num_components;
  info.adobe = cinfo.saw_Adobe_marker;
  read_orientation(cinfo, info);
  if (const std::string p = pixel_limit_problem(cinfo.image_width, cinfo.image_height); !p.empty()) {
    why = p;
    return false;
  }
  // What a PDF can carry as it is (DCTDecode): 8-bit Huffman-coded JPEG.
  if (cinfo.data_precision != 8) {
    why = "is a " + std::to_string(cinfo.data_precision) + "-bit JPEG; only 8-bit JPEG can be printed";
    return false;
  }
  if (cinfo.arith_code) {
    why = "is an arithmetic-coded JPEG, which a PDF cannot carry; save it as a normal JPEG";
    return false;
  }
  if (info.components != 1 && info.components != 3 && info.components != 4) {
    why = "is a JPEG with " + std::to_string(info.components) + " colour components";
    return false;
  }
  if (check == Check::Header) return true;
  // Decoding at 1/8 scale still reads every coefficient (a cut-off file is
  // found) at a fraction of the cost of a full decode.
  cinfo.scale_num = 1;
  cinfo.scale_denom = 8;
  cinfo.dct_method = JDCT_IFAST;
  cinfo.do_fancy_upsampling = FALSE;
  cinfo.do_block_smoothing = FALSE;
  jpeg_start_decompress(&cinfo);
  JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                               cinfo.output_width * cinfo.output_components, 1);
  while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, row, 1);
  jpeg_finish_decompress(&cinfo);
  return true;
}

}  // namespace

std::optional<ImageInfo> probe_jpeg(std::string_view bytes, Check check, std::string& why) {
  jpeg_decompress_struct cinfo;
  ErrorManager err;
  std::memset(&cinfo, 0, sizeof cinfo);
  std::memset(&err, 0, sizeof err);
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = fail;
  err.mgr.emit_message = on_message;
  ImageInfo info;
  const bool ok = run(cinfo, err, bytes, check, info, why);
  jpeg_destroy_decompress(&cinfo);
  if (!ok) return std::nullopt;
  return info;
}

}  // namespace image
