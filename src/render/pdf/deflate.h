#pragma once
// zlib compression for the streams the writer fills itself (embedded fonts),
// so it can pick the level: libharu always deflates at zlib's default, which
// is about twice as slow on glyph outlines as level 1-3 for ~5-10% less size.
#include <string>
#include <string_view>

namespace render::pdf {

// Throws std::runtime_error if zlib fails (out of memory).
std::string deflate_bytes(std::string_view data, int level);

}  // namespace render::pdf
