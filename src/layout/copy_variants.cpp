// The settings copy-fit may choose among for each unit of an article.
#include <algorithm>
#include <cmath>

#include "frame/dump_frame.h"
#include "layout/block_setter.h"
#include "layout/line_runs.h"
#include "layout/photo_crop.h"

namespace layout {
namespace {

// What each means of copy-fit costs the reader's eye, in one currency. A
// photo cropped by a tenth costs about as much as a row of air before a
// banner; widening a photo across the page is a bigger decision.
constexpr double kCropCost = 10;        // per unit of change (0.3 = the most cropping allows)
constexpr double kWidenCost = 4;        // a column photo set across the block
constexpr double kShrinkCost = 8;       // a photo narrower than its column (white beside it)
constexpr double kBannerAirCost = 1.5;  // a row of air above a banner
constexpr double kHeadAirCost = 1.5;    // a row of air around the headline group
constexpr double kBoxShapeCost = 1;     // key figures arranged otherwise
constexpr double kLoosenessCost = 2;    // a paragraph a line longer or shorter
constexpr std::size_t kMaxLoosenessBytes = 9000;  // ~3,000 Han characters: more than a page of lines

Variant single(FlowItem item, double cost, std::string note) {
  Variant v;
  v.rows = item.rows;
  v.cost = cost;
  v.note = std::move(note);
  v.items.push_back(std::move(item));
  return v;
}

// The same drawing `rows` rows taller, its content moved down by `shift` pt.
FlowItem with_air(const FlowItem& item, int rows, double shift) {
  FlowItem out = item;
  out.items.clear();
  for (const auto& it : item.items) out.items.push_back(translated(it, 0, shift));
  out.rows += rows;
  return out;
}

// A banner a row taller: its bar grows by the row with the heading centred
// in it, so the extra row shows as a deeper bar, never as a band of white.
FlowItem taller_bar(const FlowItem& banner, double pitch) {
  FlowItem out = with_air(banner, 1, pitch / 2);
  for (auto& it : out.items)
    if (auto* bar = std::get_if<frame::Box>(&it); bar && bar->fill) {
      bar->rect.y -= pitch / 2;
      bar->rect.height += pitch;
      return out;
    }
  return with_air(banner, 1, pitch);  // a ruled banner: the row goes above it
}

// Records where a banner setting shows, in rows from its top.
void mark_extent(Variant& v, double pitch) {
  double top = v.rows * pitch, bottom = 0;
  for (const auto& item : v.items)
    for (const auto& it : item.items) {
      const auto r = frame::bounds(it);
      top = std::min(top, r.y);
      bottom = std::max(bottom, r.bottom());
    }
  v.mark_top = std::max(0.0, top / pitch);
  v.mark_bottom = std::max(v.mark_top, bottom / pitch);
}

void sort_by_cost(std::vector<Variant>& v) {
  std::stable_sort(v.begin(), v.end(), [](const Variant& a, const Variant& b) { return a.cost < b.cost; });
}

}  // namespace

int CopyUnit::min_rows() const {
  int m = variants.front().rows;
  for (const auto& v : variants) m = std::min(m, v.rows);
  return m;
}

int CopyUnit::max_rows() const {
  int m = 0;
  for (const auto& v : variants) m = std::max(m, v.rows);
  return m;
}

std::vector<Variant> BlockSetter::head_variants(const std::vector<style::StyledBlock>& head, double width,
                                                core::SourceSpan* tallest) {
  FlowItem natural = set_head(head, width, tallest);
  std::vector<Variant> out;
  out.push_back(single(natural, 0, ""));
  // One row of air goes under the group, between it and the text (above it
  // a rule or the page's top already gives air); two are shared.
  for (int extra = 1; extra <= 2; ++extra)
    out.push_back(single(with_air(natural, extra, (extra - 1) * grid_.pitch), kHeadAirCost * extra * extra,
                         "head +" + std::to_string(extra) + " row"));
  return out;
}

std::vector<Variant> BlockSetter::banner_variants(const style::StyledBlock& block) {
  FlowItem natural = set_banner(block);
  std::vector<Variant> out;
  out.push_back(single(natural, 0, ""));
  out.push_back(single(taller_bar(natural, grid_.pitch), kBannerAirCost, "banner +1 row"));
  // At a column's top the rows of air above the bar go.
  double top = natural.rows * grid_.pitch;
  for (const auto& it : natural.items) top = std::min(top, frame::bounds(it).y);
  const int air = static_cast<int>(std::floor(top / grid_.pitch + 1e-6));
  if (air >= 1 && air < natural.rows) {
    Variant compact = single(with_air(natural, -air, -air * grid_.pitch), 0, "");
    compact.column_top = true;
    out.push_back(std::move(compact));
  }
  for (auto& v : out) mark_extent(v, grid_.pitch);
  return out;
}

std::vector<Variant> BlockSetter::highlights_variants(const style::StyledBlock& block) {
  const int n = static_cast<int>(block.highlights.size());
  const int natural = grid_.column_width >= 21 * grid_.body_size && n % 2 == 0 ? 2 : 1;
  std::vector<Variant> out;
  for (int per_row = 1; per_row <= std::min(n, 4); ++per_row) {
    // No empty cell, and a cell wide enough for a figure and its label.
    if (n % per_row != 0 || grid_.column_width / per_row < 6 * grid_.body_size) continue;
    out.push_back(single(set_highlights(block, per_row), per_row == natural ? 0 : kBoxShapeCost,
                         per_row == natural ? "" : std::to_string(per_row) + " figures a row"));
  }
  if (out.empty()) out.push_back(single(set_highlights(block, 1), 0, ""));
  sort_by_cost(out);
  return out;
}

std::vector<Variant> BlockSetter::photo_variants(const style::StyledBlock& block, double width, int max_rows) {
  const image::ImageInfo& px = block.image;
  const double aspect = px.probed() ? static_cast<double>(px.shown_height()) / px.shown_width() : 2.0 / 3.0;
  const double cap_leading = leading_of(style::Role::Caption);
  const double gap = 0.3 * grid_.pitch;
  const double pad = 0.3 * grid_.pitch;  // air between the caption and what follows

  std::vector<Variant> out;
  auto add = [&](double w, int rows, const Crop& crop, double cost, std::string note) {
    FlowItem item;
    item.rows = rows;
    const double x0 = (width - w) / 2;
    frame::Image image{block.image_path, crop.box, block.source, {}, block.image};
    image.box.x += x0;
    if (crop.change > 1e-9) {
      image.picture = crop.picture;
      image.picture.x += x0;
    }
    item.items.push_back(image);
    draw_caption(set_caption(block, w), x0, crop.box.height + gap, w, cap_leading, item.items);
    out.push_back(single(std::move(item), cost, std::move(note)));
  };

  const double caption_h = set_caption(block, width).count() * cap_leading;
  const double natural_rows = (width * aspect + gap + caption_h + pad) / grid_.pitch;
  for (int rows = 1; rows <= max_rows; ++rows) {
    const double image_h = rows * grid_.pitch - gap - caption_h - pad;
    const auto crop = image_h > 0 ? crop_to(width, image_h, aspect, block.focus) : std::nullopt;
    if (!crop) continue;
    std::string note;
    if (crop->change > 0.005) {
      note = std::string("photo ") + (image_h < width * aspect ? "cut top/bottom " : "cut sides ") +
             std::to_string(static_cast<int>(std::lround(crop->change * 100))) + "%, " + std::to_string(rows) +
             " rows (natural " + std::to_string(static_cast<int>(std::lround(natural_rows))) + ")";
    }
    add(width, rows, *crop, kCropCost * crop->change, note);
  }
  if (out.empty()) {
    // Too tall even cut to the limit: a narrower photo, aspect kept, at the
    // most rows allowed (white beside it rather than a photo off the page).
    for (double w = width * 0.9; w >= width * 0.3 && out.empty(); w -= width * 0.1) {
      const double cap_h = set_caption(block, w).count() * cap_leading;
      const int rows = static_cast<int>(std::ceil((w * aspect + gap + cap_h + pad) / grid_.pitch - 1e-6));
      if (rows > max_rows) continue;
      const double image_h = rows * grid_.pitch - gap - cap_h - pad;
      if (const auto crop = crop_to(w, image_h, aspect, block.focus))
        add(w, rows, *crop, kShrinkCost + kCropCost * (1 - w / width),
            "photo narrowed to " + std::to_string(static_cast<int>(std::lround(100 * w / width))) + "%");
    }
  }
  sort_by_cost(out);
  return out;
}

std::vector<Variant> BlockSetter::widened(const style::StyledBlock& block, double width, double cost,
                                          const std::string& what) {
  auto out = photo_variants(block, width, wide_photo_rows());
  for (auto& v : out) {
    v.cost += cost;
    v.note = what + (v.note.empty() ? std::string() : "; " + v.note);
  }
  return out;
}

CopyUnit BlockSetter::column_unit(const style::StyledBlock& block, double block_width) {
  using style::BlockKind;
  CopyUnit u;
  u.source = block.source;
  switch (block.kind) {
    case BlockKind::Paragraph: {
      u.kind = UnitKind::Paragraph;
      // A paragraph longer than a page's columns gains nothing from a line
      // more or less, and the exact breaker's table grows with its length
      // times its lines: a 40,000-character paragraph took 400 MB.
      std::size_t bytes = 0;
      for (const auto& span : block.lines.front()) bytes += span.text.size();
      const std::vector<int> loosenesses =
          bytes <= kMaxLoosenessBytes ? std::vector<int>{0, -1, 1} : std::vector<int>{0};
      std::vector<bool> count_only;
      for (int l : loosenesses) count_only.push_back(l != 0 || count_natural_);
      auto settings = set_paragraph_lines(block, loosenesses, count_only, diags_);
      u.paragraph = &block;
      for (std::size_t k = 0; k < settings.size(); ++k) {
        const int looseness = loosenesses[k];
        if (looseness != 0 && settings[k].size() < 2) continue;
        Variant v;
        v.rows = static_cast<int>(settings[k].size());
        v.looseness = looseness;
        if (!count_only[k]) v.items = std::move(settings[k]);
        v.cost = looseness == 0 ? 0 : kLoosenessCost;
        if (looseness != 0) v.note = looseness < 0 ? "-1 line" : "+1 line";
        u.variants.push_back(std::move(v));
      }
      break;
    }
    case BlockKind::Banner:
      u.kind = UnitKind::Banner;
      u.variants = banner_variants(block);
      break;
    case BlockKind::Photo: {
      u.kind = UnitKind::Figure;
      u.variants = photo_variants(block, grid_.column_width, photo_rows());
      if (block_width > grid_.column_width + 1) {
        u.wide = widened(block, block_width, kWidenCost, "photo across the block");
        for (int k = 2; k < grid_.columns; ++k) {
          CopyUnit::Span span{k, widened(block, grid_.span_width(k), kWidenCost / 2,
                                         "photo across " + std::to_string(k) + " columns")};
          if (!span.variants.empty()) u.spans.push_back(std::move(span));
        }
      }
      break;
    }
    case BlockKind::Highlights:
      u.kind = UnitKind::Box;
      u.variants = highlights_variants(block);
      break;
    case BlockKind::Byline: {
      u.kind = UnitKind::Byline;
      FlowItem natural = set_byline(block);
      u.variants.push_back(single(natural, 0, ""));
      u.variants.push_back(single(with_air(natural, 1, grid_.pitch), kBannerAirCost, "+1 row above"));
      break;
    }
    default: break;  // head blocks are set by head_variants
  }
  return u;
}

ArticleCopy BlockSetter::set_article(const style::StyledArticle& article, int columns) {
  ArticleCopy copy;
  copy.title = article.title;
  copy.source = article.source;
  const double width = grid_.span_width(columns);
  copy.head = head_variants(article.head, width, &copy.head_source);
  for (const auto& p : article.wide_photos) {
    CopyUnit u;
    u.kind = UnitKind::Figure;
    u.source = p.source;
    u.variants = photo_variants(p, width, wide_photo_rows());
    copy.wide.push_back(std::move(u));
  }
  for (const auto& block : article.flow) {
    CopyUnit u = column_unit(block, width);
    if (!u.variants.empty() || u.kind == UnitKind::Figure) copy.column.push_back(std::move(u));
  }
  return copy;
}

}  // namespace layout
