#include "layout/flow_item.h"

#include <type_traits>

namespace layout {

void translate(frame::Item& item, double dx, double dy) {
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, frame::GlyphRun>) {
          v.baseline += dy;
          for (auto& g : v.glyphs) g.x += dx;
        } else if constexpr (std::is_same_v<T, frame::Image>) {
          v.box.x += dx;
          v.box.y += dy;
          v.picture.x += dx;
          v.picture.y += dy;
        } else if constexpr (std::is_same_v<T, frame::Rule>) {
          v.from.x += dx;
          v.from.y += dy;
          v.to.x += dx;
          v.to.y += dy;
        } else {
          v.rect.x += dx;
          v.rect.y += dy;
        }
      },
      item);
}

frame::Item translated(const frame::Item& item, double dx, double dy) {
  frame::Item out = item;
  translate(out, dx, dy);
  return out;
}

}  // namespace layout
