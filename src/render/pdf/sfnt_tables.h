#pragma once
// The `name` table the writer gives each TrueType subset it embeds, so the
// program names itself as its subset-tagged PostScript name.
#include <string>
#include <string_view>

namespace render::pdf {

// A `name` table in Windows Unicode (3,1,0x409) with family, subfamily
// "Regular", full name and PostScript name, all `ps_name` (ASCII).
std::string build_name_table(std::string_view ps_name);

}  // namespace render::pdf
