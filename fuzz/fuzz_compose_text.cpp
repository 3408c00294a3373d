// The text composer: any UTF-8 string, in any role, at any measure from a
// hair's width to a page's. Input: 2 bytes measure, 1 byte role and align,
// 1 byte type size, then the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/font_book.h"
#include "text/paragraph.h"

namespace {

const text::FontBook& fonts() {
  static const std::unique_ptr<text::FontBook> book = [] {
    core::Diagnostics diags;
    const std::string dir = std::string(BROADSHEET_SOURCE_DIR) + "/fonts";
    return std::make_unique<text::FontBook>(text::load_font_manifest(dir + "/manifest.yaml", diags), dir);
  }();
  return *book;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const core::Decoded d = core::decode_utf8(s, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fonts();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 4, size - 4);
  // The loader hands the text stage valid UTF-8 only; that is the contract.
  if (!valid_utf8(body)) return 0;
  text::ParagraphSpec spec;
  spec.width = 1 + ((data[0] << 8) | data[1]) % 1200 / 2.0;  // 1 … 600 pt
  const core::FontRole roles[] = {core::FontRole::Song, core::FontRole::Hei, core::FontRole::Kai};
  const core::Align aligns[] = {core::Align::Justify, core::Align::Left, core::Align::Center, core::Align::Right};
  core::Span span;
  span.text = std::string(body);
  span.style.role = roles[data[2] % 3];
  span.style.size = 4 + data[3] % 60;
  span.source = {"fuzz.yaml", 1, 1};
  spec.align = aligns[(data[2] / 3) % 4];
  spec.first_indent = (data[2] & 0x80) ? 2 * span.style.size : 0;
  spec.rules.strict = data[2] & 0x40;
  spec.spans.push_back(std::move(span));
  core::Diagnostics diags;
  const auto lines = text::set_paragraph(spec, fonts(), diags);
  (void)lines;
  return 0;
}
