// The photo probe on any bytes (libjpeg-turbo, libpng, EXIF), and the PDF
// writer's PNG decoder on what passed it.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "image/image_probe.h"
#include "render/pdf/image_source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string why;
  const auto info = image::probe_image(bytes, image::Check::Whole, why);
  (void)image::probe_image(bytes, image::Check::Header, why);
  // What passed the probe is what the PDF writer decodes.
  if (info && info->format == image::Format::Png) {
    try {
      (void)render::pdf::decode_png(bytes);
    } catch (const std::runtime_error&) {
    }
  }
  return 0;
}
