#pragma once
// TrueType tables the writer makes itself for each subset font, because
// libharu 2.3.0 reads only what they say: the (3,1) format-4 `cmap` (its only
// way from a text code to a glyph), the `name` table (its only source of the
// PostScript name it writes as BaseFont), and outlines cut to their headers
// for the metrics-only copy libharu loads.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace render::pdf {

struct CodeGlyph {
  std::uint16_t code = 0;  // BMP code, never 0xFFFF (the format's end marker)
  std::uint16_t gid = 0;
};

// A `cmap` table with one (3,1) format-4 subtable mapping each code to its
// glyph. Codes are grouped into as few segments as fit: libharu looks codes
// up by a linear scan of the segments 65,536 times per font, so fewer, wider
// segments (holes map to glyph 0) are what keep font loading cheap.
// `mapping` must be sorted by code with unique codes.
std::string build_cmap_table(const std::vector<CodeGlyph>& mapping);

// The glyph a format-4 `cmap` table maps `code` to (0 when none): reads back
// what build_cmap_table wrote, for tests and checks.
std::uint16_t cmap_lookup(std::string_view cmap_table, std::uint16_t code);

// A `name` table in Windows Unicode (3,1,0x409) with family, subfamily
// "Regular", full name and PostScript name, all `ps_name` (ASCII).
std::string build_name_table(std::string_view ps_name);

// `head`, `loca` and `glyf` with every glyph cut to its first 10 bytes
// (contour count and bounding box) and `loca` made long: a font libharu can
// load for metrics without copying outlines it never reads.
struct SkeletonOutlines {
  std::string head, loca, glyf;
};
SkeletonOutlines skeleton_outlines(const std::string& head, const std::string& loca, const std::string& glyf,
                                   std::size_t glyph_count);

}  // namespace render::pdf
