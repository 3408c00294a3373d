#pragma once
// zlib-format compression for the streams the writer fills itself (page
// contents, embedded fonts, ToUnicode maps), so it can pick the compressor
// and level: libharu always deflates with zlib at its default level.
// libdeflate makes the same format about twice as fast as zlib and a
// little smaller: on the seed page's three subset fonts (332 KB) zlib
// level 4 gave 169.1 KB in 6.1 ms, libdeflate level 4 167.6 KB in 3.1 ms.
#include <string>
#include <string_view>

namespace render::pdf {

// `level` 1 (fastest) to 12 (smallest). Throws std::runtime_error when the
// compressor cannot be made (out of memory). Each thread keeps one
// compressor per level it has used and reuses it for every later call:
// making one costs more than deflating a page's text.
std::string deflate_bytes(std::string_view data, int level);

}  // namespace render::pdf
