#pragma once
// Geometry of the display list. One unit: the PostScript point (1/72 in).
// Origin at the top-left corner of the trimmed page, y grows downwards
// (the natural direction for layout; the PDF writer flips it).
#include <array>

namespace frame {

constexpr double kPtPerMm = 72.0 / 25.4;
inline double mm(double v) { return v * kPtPerMm; }

struct Point {
  double x = 0, y = 0;
};

struct Size {
  double width = 0, height = 0;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  bool intersects(const Rect& o, double eps = 0.01) const {
    return x < o.right() - eps && o.x < right() - eps && y < o.bottom() - eps && o.y < bottom() - eps;
  }
  bool contains(const Rect& o, double eps = 0.01) const {
    return o.x >= x - eps && o.y >= y - eps && o.right() <= right() + eps && o.bottom() <= bottom() + eps;
  }
};

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

}  // namespace frame
