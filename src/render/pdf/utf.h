#pragma once
// The few Unicode conversions the PDF writer needs: the frame carries UTF-8,
// libharu's UTF-8 encoder takes UTF-8, and PDF text strings and ToUnicode
// CMaps want UTF-16BE (with surrogate pairs above U+FFFF).
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace render::pdf {

void append_utf16be(std::string& out, char32_t c);

// "FEFF" + UTF-16BE: a PDF text string that can carry any character.
std::string pdf_text_string(std::string_view utf8);

bool is_ascii(std::string_view s);

}  // namespace render::pdf
