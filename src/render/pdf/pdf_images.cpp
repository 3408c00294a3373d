#include "render/pdf/pdf_images.h"

#include <hpdf_objects.h>

#include "render/pdf/image_source.h"
#include "render/pdf/pdf_error.h"
#include "render/pdf/press_photo.h"

namespace render::pdf {

namespace {

std::string read_photo(const std::string& path) {
  try {
    return read_file(path);
  } catch (const std::exception& e) {
    throw PdfError({}, std::string("cannot read it (") + e.what() + ")");
  }
}

}  // namespace

const PdfImage& PdfImages::get(const frame::Image& image) {
  const core::Size printed{image.box.width, image.box.height};
  std::string key = image.path;
  if (press_) key += "@" + std::to_string(printed.width) + "x" + std::to_string(printed.height);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  try {
    if (!image.info.probed()) throw PdfError({}, "was not checked when the document was loaded");
    return cache_.emplace(key, press_ ? load_for_press(image, printed) : load(image)).first->second;
  } catch (const std::exception& e) {
    throw PdfError(image.span, "photo " + image.path + ": " + e.what());
  }
}

PdfImage PdfImages::load_for_press(const frame::Image& image, const core::Size& printed) {
  const std::string bytes = read_photo(image.path);
  const image::ImageInfo& probed = image.info;
  PdfImage out;
  out.orientation = probed.orientation;
  out.width = probed.shown_width();
  out.height = probed.shown_height();
  // The stored pixels are drawn turned: measure them along their own axes.
  const core::Size stored =
      image::swaps_axes(probed.orientation) ? core::Size{printed.height, printed.width} : printed;
  const PressPhoto photo = press_photo(bytes, probed, stored, *press_, *inks_);
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(photo.data.data());
  if (photo.jpeg) {
    // libharu gives 4-component JPEGs the Decode array Adobe-style files
    // need, which is how encode_jpeg writes them.
    out.handle = doc_.require("embed JPEG",
                              HPDF_LoadJpegImageFromMem(doc_.get(), data, static_cast<HPDF_UINT>(photo.data.size())));
  } else {
    out.handle = doc_.require(
        "embed image", HPDF_LoadRawImageFromMem(doc_.get(), data, static_cast<HPDF_UINT>(photo.width),
                                                static_cast<HPDF_UINT>(photo.height),
                                                photo.channels == 4 ? HPDF_CS_DEVICE_CMYK : HPDF_CS_DEVICE_GRAY, 8));
  }
  return out;
}

PdfImage PdfImages::load(const frame::Image& image) {
  const std::string bytes = read_photo(image.path);
  const image::ImageInfo& probed = image.info;
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  PdfImage out;
  out.orientation = probed.orientation;
  switch (probed.format) {
    case image::Format::Jpeg: {
      out.width = probed.shown_width();
      out.height = probed.shown_height();
      out.handle = doc_.require("embed JPEG", HPDF_LoadJpegImageFromMem(doc_.get(), data, static_cast<HPDF_UINT>(bytes.size())));
      // libharu gives every 4-component JPEG /Decode [1 0 1 0 1 0 1 0],
      // which is right for Adobe (Photoshop) CMYK files, stored inverted,
      // and wrong for the others.
      if (probed.components == 4 && !probed.adobe) HPDF_Dict_RemoveElement(out.handle, "Decode");
      return out;
    }
    case image::Format::Png: {
      const DecodedPng png = decode_png(bytes);
      out.width = probed.shown_width();
      out.height = probed.shown_height();
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
  }
  throw PdfError({}, "is neither JPEG nor PNG");
}

}  // namespace render::pdf
