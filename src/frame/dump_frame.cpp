#include "frame/dump_frame.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <type_traits>

namespace frame {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string dump_item(const Item& item) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, GlyphRun>) {
          std::string text;
          for (const auto& g : v.glyphs) text += g.text;
          std::string x = v.glyphs.empty() ? "0" : num(v.glyphs.front().x);
          return "text " + x + " " + num(v.baseline) + " face" + std::to_string(v.face) + " " + num(v.size) +
                 " \"" + text + "\"";
        } else if constexpr (std::is_same_v<T, Image>) {
          return "image " + num(v.box.x) + " " + num(v.box.y) + " " + num(v.box.width) + "x" +
                 num(v.box.height) + " " + v.path +
                 (v.picture.width > 0 ? " crop " + num(v.picture.x) + " " + num(v.picture.y) + " " +
                                            num(v.picture.width) + "x" + num(v.picture.height)
                                      : std::string());
        } else if constexpr (std::is_same_v<T, Rule>) {
          return "rule " + num(v.from.x) + " " + num(v.from.y) + " " + num(v.to.x) + " " + num(v.to.y);
        } else {
          return std::string(v.fill ? "box-fill " : "box ") + num(v.rect.x) + " " + num(v.rect.y) + " " +
                 num(v.rect.width) + "x" + num(v.rect.height);
        }
      },
      item);
}

}  // namespace

Rect bounds(const Item& item) {
  return std::visit(
      [](const auto& v) -> Rect {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, GlyphRun>) {
          if (v.glyphs.empty()) return {0, v.baseline, 0, 0};
          double left = v.glyphs.front().x, right = left;
          for (const auto& g : v.glyphs) {
            left = std::min(left, g.x);
            right = std::max(right, g.x + g.advance);
          }
          return {left, v.baseline - 0.88 * v.size, right - left, v.size};
        } else if constexpr (std::is_same_v<T, Image>) {
          return v.box;
        } else if constexpr (std::is_same_v<T, Rule>) {
          return {std::min(v.from.x, v.to.x), std::min(v.from.y, v.to.y), std::abs(v.to.x - v.from.x),
                  std::abs(v.to.y - v.from.y)};
        } else {
          return v.rect;
        }
      },
      item);
}

std::string dump(const Page& page) {
  std::string out = "page " + std::to_string(page.number) + " " + num(page.size.width) + "x" +
                    num(page.size.height) + "\n";
  for (const auto& item : page.items) out += "  " + dump_item(item) + "\n";
  return out;
}

std::string dump(const Publication& pub) {
  std::string out;
  for (const auto& p : pub.pages) out += dump(p);
  return out;
}

}  // namespace frame
