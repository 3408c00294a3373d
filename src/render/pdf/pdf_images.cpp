#include "render/pdf/pdf_images.h"

#include <hpdf_objects.h>

#include "image/image_probe.h"
#include "render/pdf/image_source.h"
#include "render/pdf/pdf_error.h"

namespace render::pdf {

const PdfImage& PdfImages::get(const std::string& path, const source::SourceSpan& span) {
  auto it = cache_.find(path);
  if (it != cache_.end()) return it->second;
  try {
    return cache_.emplace(path, load(path)).first->second;
  } catch (const std::exception& e) {
    throw PdfError(span, "photo " + path + ": " + e.what());
  }
}

PdfImage PdfImages::load(const std::string& path) {
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const std::exception& e) {
    throw PdfError({}, std::string("cannot read it (") + e.what() + ")");
  }
  std::string why;
  const auto probed = image::probe_image(bytes, image::Check::Header, why);
  if (!probed) throw PdfError({}, why);
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  PdfImage out;
  out.orientation = probed->orientation;
  switch (sniff_image(bytes)) {
    case ImageKind::Jpeg: {
      std::string why;
      const auto info = probe_jpeg(bytes, why);
      if (!info) throw PdfError({}, why);
      out.width = probed->shown_width();
      out.height = probed->shown_height();
      out.handle = doc_.require("embed JPEG", HPDF_LoadJpegImageFromMem(doc_.get(), data, static_cast<HPDF_UINT>(bytes.size())));
      // libharu gives every 4-component JPEG /Decode [1 0 1 0 1 0 1 0],
      // which is right for Adobe (Photoshop) CMYK files, stored inverted,
      // and wrong for the others.
      if (info->components == 4 && !info->adobe) HPDF_Dict_RemoveElement(out.handle, "Decode");
      return out;
    }
    case ImageKind::Png: {
      const DecodedPng png = decode_png(bytes);
      out.width = probed->shown_width();
      out.height = probed->shown_height();
      const auto w = static_cast<HPDF_UINT>(png.width), h = static_cast<HPDF_UINT>(png.height);
      out.handle = doc_.require(
          "embed PNG", HPDF_LoadRawImageFromMem(doc_.get(), reinterpret_cast<const HPDF_BYTE*>(png.color.data()), w, h,
                                                png.channels == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8));
      if (!png.alpha.empty()) {
        HPDF_Image mask = doc_.require(
            "embed PNG alpha", HPDF_LoadRawImageFromMem(doc_.get(), reinterpret_cast<const HPDF_BYTE*>(png.alpha.data()),
                                                        w, h, HPDF_CS_DEVICE_GRAY, 8));
        doc_.check("PNG soft mask", HPDF_Image_AddSMask(out.handle, mask));
      }
      return out;
    }
    case ImageKind::Unknown:
      break;
  }
  throw PdfError({}, "is neither JPEG nor PNG");
}

}  // namespace render::pdf
