#pragma once
// What a printing press asks of the output, as the layout sets it.
#include <string>

namespace core {

// Output for a printing press (PDF/X-1a). When a publication has it, every
// colour of its items is already gray or CMYK; the writer embeds the profile
// as the output intent and brings photos into the press's inks.
struct PressOutput {
  std::string profile;     // the press's CMYK ICC profile (a checked file)
  double ink_limit = 240;  // total ink a photo may put on the paper, percent
  double max_dpi = 300;    // photos are shrunk to at most this at their printed size
};

}  // namespace core
