#pragma once
// Colours as layouts write them and as the renderers need them.
#include <array>

namespace core {

// A colour that knows its space: RGB for screen, gray or CMYK as a layout
// writes them and as press output needs them. Components run 0 to 1: RGB
// light, gray light (0 black, 1 white, like PDF's g), CMYK ink coverage.
struct Color {
  enum class Space : unsigned char { Rgb, Gray, Cmyk };
  Space space = Space::Rgb;
  std::array<double, 4> v{};  // r g b -, level - - -, or c m y k

  constexpr Color() = default;  // black
  constexpr Color(double r, double g, double b) : v{r, g, b, 0} {}
  static constexpr Color gray(double level) {
    Color c;
    c.space = Space::Gray;
    c.v = {level, 0, 0, 0};
    return c;
  }
  static constexpr Color cmyk(double c, double m, double y, double k) {
    Color out;
    out.space = Space::Cmyk;
    out.v = {c, m, y, k};
    return out;
  }
  bool operator==(const Color&) const = default;
};

}  // namespace core
