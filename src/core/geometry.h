#pragma once
// Page geometry, shared by every stage. One unit: the PostScript point (1/72 in).
// Origin at the top-left corner of the trimmed page, y grows downwards
// (the natural direction for layout; the PDF writer flips it).

namespace core {

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

}  // namespace core
