#include "frame/dump_frame.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <type_traits>
#include <vector>

namespace frame {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return std::string(buf) == "-0.00" ? "0.00" : buf;
}

std::string component(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string color_value(const core::Color& c) {
  switch (c.space) {
    case core::Color::Space::Gray:
      return "gray(" + component(c.v[0]) + ")";
    case core::Color::Space::Cmyk:
      return "cmyk(" + component(c.v[0]) + "," + component(c.v[1]) + "," + component(c.v[2]) + "," +
             component(c.v[3]) + ")";
    case core::Color::Space::Rgb:
      break;
  }
  return "rgb(" + component(c.v[0]) + "," + component(c.v[1]) + "," + component(c.v[2]) + ")";
}

// Black RGB, the default, is left out: most text is black.
std::string color_unless_black(const core::Color& c) { return c == core::Color{} ? "" : " color=" + color_value(c); }

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string rect(const core::Rect& r) { return num(r.x) + " " + num(r.y) + " " + num(r.width) + "x" + num(r.height); }

std::string relative(const std::string& path, const std::string& base_dir) {
  if (base_dir.empty()) return path;
  const std::string prefix = base_dir.back() == '/' ? base_dir : base_dir + "/";
  return path.starts_with(prefix) ? path.substr(prefix.size()) : path;
}

std::string file_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string span(const core::SourceSpan& s) {
  return s.known() ? " @" + std::to_string(s.line) + ":" + std::to_string(s.column) : "";
}

// The glyphs and their positions in eight hex digits: a line whose text and
// ends stay but whose spacing or glyph choice changes still shows in a diff.
std::string glyph_hash(const GlyphRun& run) {
  std::uint32_t h = 2166136261u;
  auto mix = [&h](std::int64_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= static_cast<std::uint8_t>(v >> (8 * i));
      h *= 16777619u;
    }
  };
  for (const auto& g : run.glyphs) {
    mix(g.gid);
    mix(std::llround(g.x * 100));
    mix(std::llround(g.advance * 100));
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

// How a text line names its face: an index into the publication's faces, or
// (for a whole publication) the face's place in the order of first use.
using FaceLabel = std::function<std::string(int face)>;

std::string dump_item(const Item& item, const std::string& base_dir, const FaceLabel& face_label) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, GlyphRun>) {
          std::string text;
          for (const auto& g : v.glyphs) text += g.text;
          const std::string x = v.glyphs.empty() ? num(0) : num(v.glyphs.front().x);
          const std::string end = v.glyphs.empty() ? num(0) : num(v.glyphs.back().x + v.glyphs.back().advance);
          return "text " + x + ".." + end + " " + num(v.baseline) + " " + face_label(v.face) + " " +
                 num(v.size) + color_unless_black(v.color) + " " + quoted(text) + " #" + glyph_hash(v) + span(v.span);
        } else if constexpr (std::is_same_v<T, Image>) {
          return "image " + rect(v.box) + " " + relative(v.path, base_dir) +
                 (v.picture.width > 0 ? " crop " + rect(v.picture) : std::string()) + span(v.span);
        } else if constexpr (std::is_same_v<T, Rule>) {
          return "rule " + num(v.from.x) + " " + num(v.from.y) + " " + num(v.to.x) + " " + num(v.to.y) + " w" +
                 num(v.width) + color_unless_black(v.color);
        } else {
          return "box " + rect(v.rect) + (v.fill ? " fill=" + color_value(v.fill_color) : std::string()) +
                 (v.stroke ? " stroke=" + color_value(v.stroke_color) + " w" + num(v.stroke_width) : std::string()) +
                 span(v.span);
        }
      },
      item);
}

std::string dump_page(const Page& page, const std::string& base_dir, const FaceLabel& face_label) {
  std::string out = "page " + std::to_string(page.number) + " " + num(page.size.width) + "x" +
                    num(page.size.height) + (page.bleed > 0 ? " bleed " + num(page.bleed) : std::string()) +
                    (page.paper_margin > 0 ? " paper " + num(page.paper_margin) : std::string()) + "\n";
  for (const auto& mark : page.crop_marks) out += "  crop-mark " + dump_item(mark, base_dir, face_label) + "\n";
  for (const auto& item : page.items) out += "  " + dump_item(item, base_dir, face_label) + "\n";
  return out;
}

}  // namespace

core::Rect bounds(const Item& item) {
  return std::visit(
      [](const auto& v) -> core::Rect {
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

std::string dump(const Page& page, const std::string& base_dir) {
  return dump_page(page, base_dir, [](int face) { return "face" + std::to_string(face); });
}

std::string dump(const Publication& pub, const std::string& base_dir) {
  const Metadata& m = pub.meta;
  std::string out = "meta title " + quoted(m.title) + " subject " + quoted(m.subject) + " author " +
                    quoted(m.author) + " creator " + quoted(m.creator) + " date " + quoted(m.date) + "\n";
  if (pub.press)
    out += "press profile " + file_name(pub.press->profile) + " ink-limit " + num(pub.press->ink_limit) +
           " max-dpi " + num(pub.press->max_dpi) + "\n";
  // Only the faces some text uses, numbered in order of first use, by family
  // and style: the publication's table also lists fallbacks the machine
  // happens to have, and font file names differ between installations.
  std::map<int, int> used;
  for (const auto& page : pub.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) used.emplace(run->face, static_cast<int>(used.size()));
  std::vector<int> by_use(used.size());
  for (const auto& [face, ordinal] : used) by_use[ordinal] = face;
  for (std::size_t i = 0; i < by_use.size(); ++i) {
    const int face = by_use[i];
    const bool known = face >= 0 && face < static_cast<int>(pub.faces.size());
    const core::FontFace f = known ? pub.faces[face] : core::FontFace{};
    out += "font f" + std::to_string(i) + " " + quoted(f.family) + " " + f.style + " upem " +
           std::to_string(f.units_per_em) + "\n";
  }
  for (const auto& b : pub.bookmarks)
    out += "bookmark page-index " + std::to_string(b.page_index) + " y " + num(b.y) + " " + quoted(b.title) + "\n";
  const FaceLabel label = [&used](int face) { return "f" + std::to_string(used.at(face)); };
  for (const auto& p : pub.pages) out += dump_page(p, base_dir, label);
  return out;
}

}  // namespace frame
