#pragma once
// The /ToUnicode CMap of one font: which characters each 2-byte code stands
// for. libharu 2.3.0 writes an identity CMap there that poppler rejects
// ("Invalid 'begincidrange' operator") and that cannot say a private-use code
// means U+2CB4E; this one is exact, so copy-paste and search give the text.
#include <cstdint>
#include <map>
#include <string>

namespace render::pdf {

// code -> the characters it stands for; codes mapped to "" are left out,
// so a glyph that is only part of a cluster adds nothing to extracted text.
std::string build_to_unicode_cmap(const std::map<std::uint16_t, std::u32string>& text_of_code);

}  // namespace render::pdf
