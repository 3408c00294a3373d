#include "render/pdf/to_unicode.h"

#include <algorithm>
#include <vector>

#include "core/byte_order.h"
#include "render/pdf/utf.h"

namespace render::pdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void put_hex(std::string& out, std::string_view bytes) {
  out.push_back('<');
  for (char b : bytes) {
    const auto v = static_cast<unsigned char>(b);
    out.push_back(kHex[v >> 4]);
    out.push_back(kHex[v & 15]);
  }
  out.push_back('>');
}

// PDF caps a bfchar block at 100 entries.
constexpr std::size_t kBlock = 100;

}  // namespace

std::string build_to_unicode_cmap(const std::map<std::uint16_t, std::u32string>& text_of_code) {
  std::vector<std::pair<std::uint16_t, const std::u32string*>> entries;
  for (const auto& [code, text] : text_of_code) {
    if (!text.empty()) entries.emplace_back(code, &text);
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  for (std::size_t i = 0; i < entries.size(); i += kBlock) {
    const std::size_t n = std::min(kBlock, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      std::string code, text;
      core::append_be16(code, entries[k].first);
      for (char32_t c : *entries[k].second) append_utf16be(text, c);
      put_hex(out, code);
      out.push_back(' ');
      put_hex(out, text);
      out.push_back('\n');
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace render::pdf
