// The document loader on any bytes: it must report, never crash, hang or
// grow without bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/load_document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  core::Diagnostics diags;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const model::Document doc = model::load_document_text(text, "fuzz/doc.yaml", diags);
  (void)core::format_all(diags);  // messages quote the source: exercise that too
  (void)doc;
  return 0;
}
