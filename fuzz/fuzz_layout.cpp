// The layout-file loader on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "style/load_theme.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  core::Diagnostics diags;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const style::Theme theme = style::load_theme_text(text, "fuzz/layout.yaml", diags);
  (void)core::format_all(diags);
  (void)theme;
  return 0;
}
